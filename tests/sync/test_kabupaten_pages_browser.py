"""The pages added after the first end-to-end test, in Debian's Chromium at a desktop width and
at 412 px: the administrator's accounts screen (an account added, a password reset), a referral
returned for more information and sent up again (its earlier round on the case page), and the
second of two submits of the same decision (told what stands, in words)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.roles import Role
from kiosk.services import approval_inbox as inbox
from kiosk.services import approvals as ap
from kiosk.services import referrals
from tests.sync.test_referral_browser import ARGS, CHROMIUM, Look, _log_in
from tests.sync.web_helpers import add_users, referral_at_kabupaten

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium tidak terpasang")


def test_accounts_returned_referral_and_double_submit_pages(
    gateway, office, kiosk, upstream, tmp_path
):
    add_users(upstream.store)
    _case, ref = referral_at_kabupaten(gateway, office, kiosk)
    folder = Path(os.environ.get("KABUPATEN_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    base = upstream.url
    with sync_api.sync_playwright() as p:
        try:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except sync_api.Error as exc:
            pytest.skip(f"Chromium tidak dapat dijalankan: {str(exc).splitlines()[0][:200]}")
        admin = browser.new_page(viewport={"width": 1366, "height": 768})
        look = Look(admin, folder)
        _log_in(admin, base, "admin")
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

        manager = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
        look = Look(manager, folder)
        _log_in(manager, base, "manajer")
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
        Look(tab, folder)("sudah-diputuskan")
        browser.close()
