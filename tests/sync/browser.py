"""Debian's Chromium driven by Playwright, for the kabupaten's pages: where it is, how it is
started, and a :class:`Look` that photographs a page at a desktop and a 412 px phone width
(into ``KABUPATEN_SHOTS`` when set, else the test's own directory) and fails a page wider
than the phone. The ``chromium`` and ``shots`` fixtures (tests/conftest.py) use them."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from tests.sync.web_helpers import PASSWORD

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SIZES = {"desktop": (1366, 768), "hp": (412, 915)}


class Look:
    """Photograph the page at both widths; the phone's must not scroll sideways."""

    def __init__(self, page: Any, folder: Path):
        self.page, self.folder, self.shots = page, folder, list[Path]()

    def __call__(self, name: str) -> None:
        for size, (width, height) in SIZES.items():
            self.page.set_viewport_size({"width": width, "height": height})
            path = self.folder / f"{name}-{size}.png"
            self.page.screenshot(path=str(path), full_page=True)
            self.shots.append(path)
            assert self.page.evaluate("document.documentElement.scrollWidth") <= width, name
        self.page.set_viewport_size({"width": 1366, "height": 768})


def log_in(page: Any, base: str, name: str, look: Look | None = None) -> None:
    """Sign in as ``name`` on the log-in page (photographed when ``look`` is given)."""
    page.goto(f"{base}/web/masuk")
    if look:
        look("masuk")
    page.fill("#username", name)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    assert page.url.endswith("/web/")
