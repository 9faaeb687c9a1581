"""README's layout section names every module, and names none that is gone."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = (
    "kiosk",
    "kiosk/services",
    "kiosk/dtks",
    "kiosk/reports",
    "ui",
    "ui/pages",
    "ui/walkin",
    "printing",
)


def _layout() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("## Layout", 1)[1].split("\n## ", 1)[0]


def test_every_module_is_in_the_layout():
    named = set(re.findall(r"\b(\w+\.py)\b", _layout()))
    modules = {
        p.name
        for package in PACKAGES
        for p in (ROOT / package).glob("*.py")
        if p.stem != "__init__"
    }
    assert modules - named == set()


def test_the_layout_names_no_module_that_is_gone():
    named = set(re.findall(r"\b(\w+\.py)\b", _layout()))
    existing = {p.name for p in ROOT.rglob("*.py") if ".venv" not in p.parts}
    assert named - existing == set()
