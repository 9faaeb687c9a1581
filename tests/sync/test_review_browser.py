"""The supervisor's review on the kabupaten server in Debian's Chromium, at a desktop width
and at 412 px (issue #32): the kecamatan supervisor's inbox with a result waiting for review,
the review page, and the return with a note, which reaches the kiosk's back office."""

from __future__ import annotations

from kiosk import case_rules as rules
from kiosk.models import Case
from tests.sync.browser import Look, log_in
from tests.sync.conftest import drain
from tests.sync.test_review_web import kendal, request_of, waiting_result  # noqa: F401


def test_inbox_and_review_page(
    kendal,  # noqa: F811 - the fixture
    gateway,
    office,
    upstream,
    session,
    chromium,
    shots,
):
    case = waiting_result(gateway, office, kendal)
    waiting_result(gateway, office, kendal, "Dirujuk ke TKSK untuk pendampingan lansia")
    rid = request_of(upstream, case.case_id)
    page = chromium.new_page(viewport={"width": 1366, "height": 768})
    look = Look(page, shots)
    log_in(page, upstream.url, "sup_sini")
    assert "Menunggu tinjauan supervisor" in page.content()
    look("tinjauan-kotak")
    page.click(f"a[href$='/web/tinjauan/{rid}']")
    assert "Dibantu sembako desa" in page.content()
    look("tinjauan-halaman")
    page.select_option("#keputusan", "kembalikan")
    page.fill("#catatan", "Tulis jumlah sembako dan tanggal penyerahan")
    page.click("button:has-text('Simpan tinjauan')")
    assert "Dikembalikan ke back office" in page.content()
    look("tinjauan-sesudah")
    drain(kendal)
    session.expire_all()
    assert session.get(Case, case.case_id).status == rules.IN_PROGRESS
