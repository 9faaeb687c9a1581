"""The pages added after the first end-to-end test, in Debian's Chromium at a desktop width and
at 412 px: the administrator's accounts screen (an account added, a password reset), a referral
returned for more information and sent up again (its earlier round on the case page), and the
second of two submits of the same decision (told what stands, in words)."""

from __future__ import annotations

from kiosk.roles import Role
from kiosk.services import approval_inbox as inbox
from kiosk.services import approvals as ap
from kiosk.services import referrals
from tests.sync.browser import Look, log_in
from tests.sync.web_helpers import add_users, referral_at_kabupaten


def test_accounts_returned_referral_and_double_submit_pages(
    gateway, office, kiosk, upstream, chromium, shots
):
    add_users(upstream.store)
    _case, ref = referral_at_kabupaten(gateway, office, kiosk)
    base = upstream.url
    admin = chromium.new_page(viewport={"width": 1366, "height": 768})
    look = Look(admin, shots)
    log_in(admin, base, "admin")
    admin.click("a:has-text('Pengguna')")
    look("pengguna")
    admin.fill("#username", "tksk.rowosari")
    admin.select_option("#role", "supervisor_kecamatan")
    admin.fill("#kecamatan", "33.24.05")
    admin.fill("#password", "sandi-awal-panjang")
    admin.click("button:has-text('Tambah')")
    assert "Akun tksk.rowosari dibuat" in admin.content()
    admin.locator("form[action$='/sandi'] button").first.click()
    assert "hanya tampil sekali" in admin.content()
    look("pengguna-sandi")

    manager = chromium.new_context(viewport={"width": 1366, "height": 768}).new_page()
    look = Look(manager, shots)
    log_in(manager, base, "manajer")
    manager.goto(f"{base}/web/rujukan/{ref}")
    manager.select_option("#keputusan", "kembalikan")
    manager.fill("#alasan", "Lampirkan surat keterangan dokter")
    manager.click("button:has-text('Simpan keputusan')")
    assert kiosk.run_once().pulled == 1
    bo = office[Role.BACK_OFFICE]
    gateway.call(referrals.resubmit_referral, bo, ref, "Surat dokter dilampirkan")
    for officer in (office[Role.COORDINATOR], office[Role.SUPERVISOR]):
        step = gateway.call(inbox.pending_approvals, officer)[0].step_id
        gateway.call(ap.vote, officer, step, ap.APPROVE)
    assert kiosk.run_once().ok
    manager.goto(f"{base}/web/rujukan/{ref}")
    assert "Keputusan putaran 1" in manager.content()
    look("kasus-dikembalikan")
    tab = manager.context.new_page()  # a second tab of the same session, the same form
    tab.goto(f"{base}/web/rujukan/{ref}")
    manager.select_option("#keputusan", "setuju")
    manager.click("button:has-text('Simpan keputusan')")
    tab.select_option("#keputusan", "setuju")
    tab.click("button:has-text('Simpan keputusan')")
    assert "sudah diputuskan (disetujui)" in tab.content()
    Look(tab, shots)("sudah-diputuskan")
