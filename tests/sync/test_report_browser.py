"""The kabupaten's report pages in a headless Chromium (Debian's, driven by Playwright): who
sent and who has not, one village's report, the papan behind the log-in and the public papan,
each photographed at a desktop width and at a 412 px phone width (into ``KABUPATEN_SHOTS``
when set) and none wider than the phone."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kiosk.roles import Role
from kiosk.services.report_submit import submit_report
from tests.sync.test_referral_browser import ARGS, CHROMIUM, Look, _log_in
from tests.sync.test_report_submit import AUGUST, SEPTEMBER, B, _as_village_b
from tests.sync.test_tenancy import push, token
from tests.sync.web_helpers import add_users

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium tidak terpasang")
sync_api = pytest.importorskip("playwright.sync_api")


def test_report_pages_on_a_phone_and_a_desktop(gateway, office, kiosk, upstream, tmp_path):
    add_users(upstream.store)
    upstream.store.add_kiosk("3324012003")  # enrolled, silent
    gateway.call(submit_report, office[Role.COORDINATOR], AUGUST, SEPTEMBER)
    assert kiosk.run_once().ok
    item = json.loads(upstream.store.operations()[-1]["body"])
    assert push(upstream.url, token(upstream.url, B), _as_village_b(item, 3))[0]["status"] == (
        "accepted"
    )
    folder = Path(os.environ.get("KABUPATEN_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    base = upstream.url
    with sync_api.sync_playwright() as p:
        try:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except sync_api.Error as exc:
            pytest.skip(f"Chromium tidak dapat dijalankan: {str(exc).splitlines()[0][:200]}")
        page = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
        look = Look(page, folder)
        page.goto(f"{base}/papan?periode=2026-08&kecamatan=332401")
        assert "Papan kabupaten" in page.content()
        look("papan-publik")
        _log_in(page, base, "manajer")
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
        browser.close()
