"""docs/architecture.md's layout names every module by its full path, and none that is gone.

Nineteen file names repeat across packages (``kiosk/services/ranking.py`` and
``kiosk/ranking.py``, ``ui/pages/cases.py`` and ``kiosk/services/cases.py`` ...), so a bare
name would count as documented wherever it appears; only ``package/module.py`` counts.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARCHITECTURE = ROOT / "docs" / "architecture.md"


def _subpackages(top: str) -> list[str]:
    """kiosk/*/ and ui/*/: every folder directly below (kiosk/services, ui/pages, ...)."""
    return sorted(
        f"{top}/{p.name}"
        for p in (ROOT / top).iterdir()
        if p.is_dir() and not p.name.startswith(("_", "."))
    )


PACKAGES = (
    "kiosk",
    *_subpackages("kiosk"),
    "ui",
    *_subpackages("ui"),
    "printing",
    "sync",
    "kabupaten",
)
FULL_PATH = re.compile(r"(?<![\w./-])((?:[\w.-]+/)+\w+\.py)\b")
BARE_NAME = re.compile(r"(?<![\w./-])(\w+\.py)\b")


def _layout() -> str:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    return text.split("\n## Layout\n", 1)[1].split("\n## ", 1)[0]


def _modules() -> set[str]:
    return {
        f"{package}/{p.name}"
        for package in PACKAGES
        for p in (ROOT / package).glob("*.py")
        if p.name != "__init__.py"
    }


def test_every_module_is_in_the_layout_by_its_full_path():
    named = set(FULL_PATH.findall(_layout()))
    assert _modules() - named == set()


def test_the_layout_names_no_module_that_is_gone():
    named = set(FULL_PATH.findall(_layout()))
    assert {path for path in named if not (ROOT / path).is_file()} == set()


def test_the_layout_names_modules_by_full_path_only():
    assert BARE_NAME.findall(_layout()) == []


def test_the_packages_checked_are_the_real_ones():
    """A package renamed or moved must not silently drop out of the check."""
    assert {"kiosk/services", "kiosk/dtks", "kiosk/reports", "kiosk/models"} <= set(PACKAGES)
    assert {"ui/pages", "ui/walkin"} <= set(PACKAGES)
    assert len(_modules()) > 250
