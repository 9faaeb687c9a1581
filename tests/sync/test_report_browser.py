"""The kabupaten's report pages in a headless Chromium (Debian's, driven by Playwright): who
sent and who has not, one village's report, the papan behind the log-in and the public papan,
each photographed at a desktop width and at a 412 px phone width (into ``KABUPATEN_SHOTS``
when set) and none wider than the phone."""

from __future__ import annotations

import json

from kiosk.roles import Role
from kiosk.services.report_submit import submit_report
from tests.sync.browser import Look, log_in
from tests.sync.test_report_submit import AUGUST, SEPTEMBER, B, _as_village_b
from tests.sync.test_tenancy import push, token
from tests.sync.web_helpers import add_users


def test_report_pages_on_a_phone_and_a_desktop(gateway, office, kiosk, upstream, chromium, shots):
    add_users(upstream.store)
    upstream.store.add_kiosk("3324012003")  # enrolled, silent
    gateway.call(submit_report, office[Role.COORDINATOR], AUGUST, SEPTEMBER)
    assert kiosk.run_once().ok
    item = json.loads(upstream.store.operations()[-1]["body"])
    assert push(upstream.url, token(upstream.url, B), _as_village_b(item, 3))[0]["status"] == (
        "accepted"
    )
    base = upstream.url
    page = chromium.new_context(viewport={"width": 1366, "height": 768}).new_page()
    look = Look(page, shots)
    page.goto(f"{base}/papan?periode=2026Q3&kecamatan=332401")
    assert "Papan kabupaten" in page.content()
    look("papan-publik")
    log_in(page, base, "manajer")
    page.goto(f"{base}/web/laporan?periode=2026-08")
    assert "2 dari 3 desa" in page.inner_text("main")
    look("laporan")
    page.click("text=Terkirim >> nth=0")
    assert "Laporan kegiatan Puskesos" in page.inner_text("main")
    look("laporan-desa")
    page.goto(f"{base}/web/papan?periode=2026-08")
    page.select_option("#kecamatan", "332401")
    page.click("form.baris >> nth=1 >> button")
    assert "Warga dilayani menurut desa" in page.inner_text("main")
    look("papan")
