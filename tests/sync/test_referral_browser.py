"""The issue's end-to-end test: a referral made at the counter is approved on the web by the
kabupaten's manager, answered by the receiving agency, and the counter's status letter shows the
answer; one test across the kiosk, the real server on 127.0.0.1 and a headless Chromium
(Debian's, driven by Playwright). Every page looked at is photographed at a desktop width and
at a 412 px phone width (into ``KABUPATEN_SHOTS`` when set, else the test's own directory), and
no page is wider than the phone or asks anything of another address.
"""

from __future__ import annotations

from kiosk.models import Case, Referral
from kiosk.roles import Role
from kiosk.services.documents import issue_letter
from printing.receipts import PdfDocuments
from tests.backoffice.helpers import MONDAY
from tests.backoffice.test_letters import text
from tests.sync.browser import Look, log_in
from tests.sync.web_helpers import add_users, referral_at_kabupaten


def test_counter_referral_approved_on_the_web_answered_and_in_the_status_letter(
    gateway, office, kiosk, upstream, session, chromium, shots
):
    add_users(upstream.store)
    case, ref = referral_at_kabupaten(gateway, office, kiosk)
    base, asked, problems = upstream.url, [], []
    for who in ("manajer", "dinkes"):
        context = chromium.new_context(viewport={"width": 1366, "height": 768})
        page = context.new_page()
        page.on("request", lambda r: asked.append(r.url))
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        look = Look(page, shots / who)
        look.folder.mkdir(exist_ok=True)
        log_in(page, base, who, look)
        look("kotak")
        page.click(f"a[href='/web/rujukan/{ref}']")
        look("kasus")
        if who == "manajer":
            assert "Butuh PBI-JK segera" in page.content()
            page.select_option("#keputusan", "setuju")
            page.click("button:has-text('Simpan keputusan')")
            assert "Disetujui" in page.content()
            assert kiosk.run_once().pulled == 1
            session.expire_all()
            assert session.get(Referral, ref).status == "disetujui"
        else:
            page.click("button:has-text('Terima rujukan')")
            look("terima")
            page.select_option("#outcome", "dilayani")
            page.fill("#served_on", "2026-08-20")
            page.fill("#given", "Kartu PBI-JK diterbitkan")
            page.click("button:has-text('Simpan jawaban')")
            look("dijawab")
        context.close()
    status = chromium.new_page()
    status.on("request", lambda r: asked.append(r.url))
    code = session.get(Case, case.case_id).check_code
    status.goto(f"{base}/status/{case.tracking_number}?k={code}")
    Look(status, shots)("status")
    assert "Dinas Kesehatan kabupaten" in status.content()
    assert "Sudah dilayani pada 20 Agustus 2026" in status.content()
    assert kiosk.run_once().pulled == 1  # the agency's answer
    bo = office[Role.BACK_OFFICE]
    letter = gateway.call(
        issue_letter, bo, "surat_pemberitahuan", case.case_id, PdfDocuments(), MONDAY
    )
    assert "Dilayani instansi tujuan pada 20-08-2026: Kartu PBI-JK diterbitkan" in text(letter)
    assert problems == []
    assert all(u.startswith(base) for u in asked), asked
