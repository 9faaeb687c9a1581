"""The pre-list goes household by household: a member who proposes brings the whole KK, in the
workbook and on the BNBA list alike; a row whose sex contradicts its NIK (a woman's birth day
carries +40) is flagged in both, to be checked before SIKS-NG data entry."""

from __future__ import annotations

import os
from datetime import date, datetime
from zoneinfo import ZoneInfo

from openpyxl import load_workbook
from pypdf import PdfReader

from kiosk.clock import Clock
from kiosk.periods import parse_period
from kiosk.roles import Role
from kiosk.services.people import CheckAgainstCard, PersonInput, register_person
from kiosk.services.prelist import prelist_for_period
from kiosk.services.walk_in import CaptureInput, record_walk_in
from printing.prelist_xlsx import HEADERS
from tests.conftest import PASSWORD
from ui.cli import main

WIB = ZoneInfo("Asia/Jakarta")
CLOCK = Clock(frozen=datetime(2026, 11, 10, 9, 0, tzinfo=WIB))
KK = "3324010101200003"
# Name, NIK, sex as recorded, relationship. Dewi's NIK says woman (day 55 = 15 + 40), but she
# was recorded LAKI-LAKI: the slip the export must flag.
FAMILY = (
    ("Budi Santoso", "3324011508800001", "L", "kepala_keluarga", date(1980, 8, 15)),
    ("Sri Wahyuni", "3324014703850002", "P", "istri", date(1985, 3, 7)),
    ("Dewi Santoso", "3324015506100003", "L", "anak", date(2010, 6, 15)),
    ("Agus Santoso", "3324010209150004", "L", "anak", date(2015, 9, 2)),
)


def _family(gateway, fo):
    people = {}
    for name, nik, sex, relation, born in FAMILY:
        data = PersonInput(
            name=name,
            nik=nik,
            no_kk=KK,
            birth_date=born,
            sex=sex,
            relationship=relation,
            address="Jl. Melati",
            rt="3",
            rw="1",
            override_reason="uji",
        )
        try:
            people[name] = gateway.call(register_person, fo, data, CLOCK)
        except CheckAgainstCard as asked:  # the officer kept the card's value on purpose
            data.checked_warnings = tuple(w.message for w in asked.warnings)
            people[name] = gateway.call(register_person, fo, data, CLOCK)
    return people


def _propose(gateway, fo, person):
    gateway.call(
        record_walk_in,
        fo,
        CaptureInput(
            person_id=person.id,
            category="belum_terdaftar",
            description="Belum terdaftar",
            propose_prelist=True,
            prelist_reason="Buruh harian, 2 anak",
        ),
        CLOCK,
    )


def _export_files(ctx, office, out):
    os.environ["PUSKESOS_PASSWORD"] = PASSWORD
    try:
        who = ["--as", office[Role.COORDINATOR].username]
        db = ["--db", ctx.url, "--data-dir", str(ctx.paths.data_dir)]
        assert main(["usulan", "2026-11", "--out", str(out), *who, *db]) == 0
    finally:
        del os.environ["PUSKESOS_PASSWORD"]
    sheet = load_workbook(out / "usulan-2026-11.xlsx").active
    rows = [
        dict(zip(HEADERS, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)
    ]
    pdf = out / "usulan-2026-11.pdf"
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    return sheet, rows, text


def test_one_member_proposes_the_whole_kk_goes(ctx, gateway, office, tmp_path, capsys):
    people = _family(gateway, office[Role.FRONT_OFFICE])
    _propose(gateway, office[Role.FRONT_OFFICE], people["Sri Wahyuni"])  # the wife came
    _sheet, rows, text = _export_files(ctx, office, tmp_path / "usulan")
    said = capsys.readouterr().out
    assert "4 orang dari 1 keluarga" in said
    # Head first, then the others oldest first; every one on the same KK and address.
    assert [r["NAMA"] for r in rows] == [f[0] for f in FAMILY]
    assert {r["NOMOR KK"] for r in rows} == {KK} and {r["ALAMAT"] for r in rows} == {"Jl. Melati"}
    assert [r["NIK"] for r in rows] == [f[1] for f in FAMILY]
    assert {r["ALASAN USULAN"] for r in rows} == {"Buruh harian, 2 anak"}
    for name, nik, *_ in FAMILY:
        assert name in text and nik in text
    assert "1 keluarga, 4 orang" in text


def test_a_sex_that_contradicts_the_nik_is_flagged_in_both_files(ctx, gateway, office, tmp_path):
    people = _family(gateway, office[Role.FRONT_OFFICE])
    _propose(gateway, office[Role.FRONT_OFFICE], people["Budi Santoso"])
    sheet, rows, text = _export_files(ctx, office, tmp_path / "usulan")
    flagged = [r["NAMA"] for r in rows if r["CATATAN PERIKSA"]]
    assert flagged == ["Dewi Santoso"]
    dewi = next(r for r in rows if r["NAMA"] == "Dewi Santoso")
    assert dewi["JENIS KELAMIN"] == "LAKI-LAKI" and "NIK" in dewi["CATATAN PERIKSA"]
    at = 2 + [r["NAMA"] for r in rows].index("Dewi Santoso")
    sex = sheet.cell(row=at, column=HEADERS.index("JENIS KELAMIN") + 1)
    assert sex.fill.fgColor.rgb.endswith("FFC7CE")  # marked where the officer looks
    assert sheet.cell(row=2, column=sex.column).fill.fill_type is None
    flat = " ".join(text.split())
    assert flat.count("(!)") >= 2 and "PERIKSA: Jenis kelamin berbeda dengan NIK" in flat
    assert "1 baris bertanda (!) perlu diperiksa" in flat


def test_two_members_proposing_list_the_household_once(gateway, office):
    people = _family(gateway, office[Role.FRONT_OFFICE])
    _propose(gateway, office[Role.FRONT_OFFICE], people["Agus Santoso"])
    _propose(gateway, office[Role.FRONT_OFFICE], people["Budi Santoso"])
    export = gateway.call(
        prelist_for_period, office[Role.COORDINATOR], parse_period("2026-11", CLOCK.today())
    )
    assert sorted(r.name for r in export.rows) == sorted(f[0] for f in FAMILY)
