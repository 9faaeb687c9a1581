"""Tentang: the version and the licences of what is bundled, for every officer."""

from __future__ import annotations

import tomllib
from pathlib import Path

from PySide6.QtWidgets import QLabel

from kiosk import __version__
from tests.ui.test_back_office import login
from ui import licences
from ui.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_the_version_is_the_package_version(capsys):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert __version__ == project["version"]
    try:
        main(["--version"])
    except SystemExit as done:
        assert done.code == 0
    assert capsys.readouterr().out.strip() == f"Puskesos Kiosk {__version__}"


def test_the_about_page_names_qt_and_its_licence(qtbot, make_window, office):
    page = login(qtbot, make_window, "frontoffice", "about")
    version = page.findChild(QLabel, "about_version")
    assert f"Versi {__version__}" in version.text()
    names = {page.table.item(i, 0).text(): i for i in range(page.table.rowCount())}
    assert "PySide6_Essentials" in names or "pyside6-essentials" in {n.lower() for n in names}
    row = next(i for n, i in names.items() if n.lower().startswith("pyside6"))
    assert "LGPL-3.0" in page.table.item(row, 2).text()
    assert {"LGPL-3.0.txt", "GPL-3.0.txt", "DejaVu-fonts.txt"} <= set(page.texts)
    page.choice.setCurrentText("LGPL-3.0.txt")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in page.text.toPlainText()


def test_the_bundle_reads_the_list_written_at_build_time(tmp_path, monkeypatch):
    written = licences.write_list(tmp_path)
    lines = written.read_text(encoding="utf-8").splitlines()
    assert any(line.startswith("python-escpos\t") for line in lines)
    monkeypatch.setattr(licences, "licence_dirs", lambda: [tmp_path])
    listed = licences.components()
    assert [f"{c.name}\t{c.version}\t{c.licence}" for c in listed] == lines
    assert all("\t" not in c.licence for c in listed)
