"""The papan visual in a real headless Chromium (Debian's, driven by Playwright): it renders,
logs no console error, and asks nothing of any address but the office's own server.

Skipped with the reason on a machine without Chromium (docs/administrator.md, system
packages: ``apt-get install chromium``); ``.ci/run`` installs it.
"""

from __future__ import annotations

import threading

from printing.papan_html import papan_html
from ui.papan_server import PapanCache, make_server


def test_served_page_renders_without_errors_or_outside_requests(board, chromium, tmp_path):
    server = make_server("127.0.0.1", 0, PapanCache(lambda: papan_html(board, 300)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    requests: list[str] = []
    problems: list[str] = []
    try:
        page = chromium.new_page(viewport={"width": 1366, "height": 768})
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("requestfailed", lambda r: problems.append(f"gagal: {r.url}"))
        page.goto(base)
        assert "Papan visual" in page.title()
        tiles = page.locator(".tile").all_inner_texts()
        assert any("Warga dilayani" in t and "5" in t for t in tiles)
        assert page.locator("svg[role=img]").count() >= 10
        assert page.locator("table").count() >= 20
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 1366  # fits the office TV or laptop without sideways scrolling
        shot = tmp_path / "papan.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 20_000
        file_page = tmp_path / "index.html"
        file_page.write_text(papan_html(board), encoding="utf-8")
        page.goto(file_page.as_uri())
        assert page.locator("h2").count() == len(board.panels)
    finally:
        server.shutdown()
        server.server_close()
    assert problems == []
    assert requests and all(u in (base, file_page.as_uri()) for u in requests), requests
