"""The period's pre-list for DTKS verification: which proposals fall in a period (office
midnight, not UTC), the SIKS-NG workbook and the BNBA PDF read back, and who may export it."""

from __future__ import annotations

import io
import os
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from kiosk.clock import Clock
from kiosk.errors import PermissionDenied, ValidationError
from kiosk.periods import parse_period
from kiosk.roles import Role
from kiosk.services.people import CheckAgainstCard, PersonInput, register_person
from kiosk.services.prelist import prelist_for_period
from kiosk.services.walk_in import CaptureInput, record_walk_in
from printing.prelist_xlsx import HEADERS, prelist_xlsx
from tests.conftest import PASSWORD
from ui.cli import main

WIB = ZoneInfo("Asia/Jakarta")
TODAY = date(2026, 11, 26)
LAST_MINUTE_OF_Q3 = Clock(frozen=datetime(2026, 9, 30, 23, 59, tzinfo=WIB))
FIRST_MINUTE_OF_Q4 = Clock(frozen=datetime(2026, 10, 1, 0, 0, tzinfo=WIB))


def _propose(gateway, fo, name, nik, no_kk, clock, born=date(1980, 8, 15)):
    data = PersonInput(
        name=name,
        nik=nik,
        no_kk=no_kk,
        birth_date=born,
        sex="L",
        relationship="kepala_keluarga",
        address="Jl. Melati",
        rt="3",
        rw="1",
        mother_name="Siti",
        override_choice="ktp_lama",
    )
    try:
        person = gateway.call(register_person, fo, data, clock)
    except CheckAgainstCard as asked:  # the officer compared the form with the card: it stands
        data.checked_warnings = tuple(w.message for w in asked.warnings)
        person = gateway.call(register_person, fo, data, clock)
    gateway.call(
        record_walk_in,
        fo,
        CaptureInput(
            person_id=person.id,
            category="belum_terdaftar",
            description="Belum terdaftar",
            propose_prelist=True,
            prelist_reason="Buruh harian, 4 anak",
        ),
        clock,
    )


@pytest.fixture
def proposals(gateway, office):
    fo = office[Role.FRONT_OFFICE]
    _propose(gateway, fo, "Budi Santoso", "3324011508800001", "3324010101200003", LAST_MINUTE_OF_Q3)
    _propose(gateway, fo, "Ani Lestari", "3324015508850002", "3324010101200004", FIRST_MINUTE_OF_Q4)


def test_periods_are_cut_at_the_office_midnight(gateway, office, proposals):
    co = office[Role.COORDINATOR]
    q3 = gateway.call(prelist_for_period, co, parse_period("2026Q3", TODAY))
    q4 = gateway.call(prelist_for_period, co, parse_period("2026Q4", TODAY))
    september = gateway.call(prelist_for_period, co, parse_period("2026-09", TODAY))
    year = gateway.call(prelist_for_period, co, parse_period("2026", TODAY))
    assert [r.name for r in q3.rows] == ["Budi Santoso"] == [r.name for r in september.rows]
    assert [r.name for r in q4.rows] == ["Ani Lestari"]
    assert len(year.rows) == 2
    assert q3.rows[0].proposed_on == date(2026, 9, 30)
    assert q4.rows[0].proposed_on == date(2026, 10, 1)


def test_relative_and_refused_periods():
    assert parse_period("kuartal lalu", TODAY).code == "2026Q3"
    assert parse_period("bulan lalu", TODAY).code == "2026-10"
    assert parse_period("2026S2", TODAY).start == date(2026, 7, 1)
    assert parse_period("2026W53", date(2026, 12, 30)).code == "2026W53"
    for bad in ("2026-13", "2026Q5", "kemarin dulu", "2026W54", ""):
        with pytest.raises(ValidationError, match="Periode"):
            parse_period(bad, TODAY)


def test_the_workbook_keeps_identifiers_as_text(gateway, office, proposals):
    export = gateway.call(prelist_for_period, office[Role.COORDINATOR], parse_period("2026", TODAY))
    sheet = load_workbook(io.BytesIO(prelist_xlsx(export))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == HEADERS
    first = dict(zip(HEADERS, rows[1], strict=True))
    assert first["NIK"] == "3324011508800001" and isinstance(first["NIK"], str)
    assert first["NOMOR KK"] == "3324010101200003"
    assert first["KODE DESA/KELURAHAN"] == "3324012001"
    assert first["KECAMATAN"] and first["KABUPATEN/KOTA"]
    assert first["TANGGAL LAHIR"].date() == date(1980, 8, 15)  # a real date, not text
    assert first["JENIS KELAMIN"] == "LAKI-LAKI"
    assert first["ALASAN USULAN"] == "Buruh harian, 4 anak"


def test_front_office_cannot_export_names_and_niks(gateway, office, proposals):
    with pytest.raises(PermissionDenied):
        gateway.call(prelist_for_period, office[Role.FRONT_OFFICE], parse_period("2026", TODAY))


def test_the_command_writes_both_files_for_the_officer_only(
    ctx, office, proposals, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("PUSKESOS_PASSWORD", PASSWORD)
    out = tmp_path / "usulan"
    code = main(
        [
            "usulan",
            "2026Q4",
            "--out",
            str(out),
            "--as",
            office[Role.COORDINATOR].username,
            "--db",
            ctx.url,
            "--data-dir",
            str(ctx.paths.data_dir),
        ]
    )
    assert code == 0
    said = capsys.readouterr().out
    assert "Triwulan 4 2026: 1 orang" in said
    pdf = out / "usulan-2026Q4.pdf"
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Ani Lestari" in text and "Budi Santoso" not in text
    assert "3324015508850002" in text  # whole on one line: typed from this page
    assert "3324010101200004" in text
    assert (out / "usulan-2026Q4.xlsx").exists()
    if os.name == "posix":
        assert pdf.stat().st_mode & 0o077 == 0
