"""The import's compiled row converter takes shortcuts for clean values and caches the rest;
whatever it takes, it must say what the plain rules say."""

import uuid
from datetime import date

import pytest

from kiosk.dtks.columns import match_headers
from kiosk.dtks.rows import COLUMNS, Rejected, RowConverter, nik_verdict, number16, parse_date

HEADERS = ["NIK", "No KK", "Nama", "Tgl Lahir", "JK", "Desil", "Kode Desa", "PKH", "PBI", "RT"]
TODAY = date(2026, 11, 23)
NIKS = [
    "3324015708900003",  # clean
    " 3324015708900003 ",  # spaces around
    "3324 0157 0890 0003",  # spaces inside
    "'3324015708900003",  # Excel text marker
    "3.32402E+15",  # scientific notation
    "332401570890000",  # 15 digits
    "3324015708900000",  # zeroed tail
    "33240157089²0003",  # a character str.isdigit calls a digit
    "3324013208900003",  # day 32: odd but kept
    "9999015708900003",  # unknown region
    "",
    None,
    3324015708900003,  # a number cell from Excel
    3324015708900010.0,  # a float cell ending in 0
]


def plain(cells):
    """The same row through the plain functions only, for comparison."""
    out = {}
    for field, i in (("nik", 0), ("no_kk", 1)):
        out[field] = number16(cells[i], "NIK" if field == "nik" else "No. KK", True)
    out["birth_date"] = parse_date(cells[3])
    out["verdict"] = nik_verdict(out["nik"], TODAY) if out["nik"] else "tanpa_nik"
    return out


@pytest.mark.parametrize("dates_as_text", [False, True])
def test_every_nik_and_date_as_the_plain_rules_say(dates_as_text):
    convert = RowConverter(match_headers(HEADERS), TODAY, uuid.uuid4(), dates_as_text)
    births = [
        "17-08-1990",
        "1990-08-17",
        "17/08/1990",
        "17.08.1990",
        "17081990",
        "31-02-1990",
        "besok",
        "",
        date(1990, 8, 17),
    ]
    for _ in range(2):  # the second round comes from the caches
        for nik in NIKS:
            for born in births:
                cells = [nik, "3324011203150007", "Siti", born, "P", "3", "3324012001", "1", "0"]
                try:
                    expected = plain(cells)
                except Rejected as exc:
                    with pytest.raises(Rejected) as refused:
                        convert(cells)
                    assert refused.value.reason == exc.reason
                    continue
                values, flags = convert(cells)
                row = dict(zip(COLUMNS, values, strict=True))
                assert row["nik"] == expected["nik"]
                born_value = expected["birth_date"]
                if dates_as_text and born_value is not None:
                    born_value = born_value.isoformat()
                assert row["birth_date"] == born_value
                assert (expected["verdict"] in flags) == bool(expected["verdict"])
                assert ("tgl_lahir_tidak_terbaca" in flags) == (
                    born not in ("", None) and expected["birth_date"] is None
                )


def test_short_rows_flags_deciles_and_programmes():
    convert = RowConverter(match_headers(HEADERS), TODAY, None, False)
    values, flags = convert(["3324015708900003", "", "  Siti   Aminah "])
    row = dict(zip(COLUMNS, values, strict=True))
    assert row["name"] == "Siti Aminah" and row["no_kk"] is None and row["decile"] is None
    assert row["programmes"] == "" and row["rt"] == "" and flags == []
    for decile, expected, flagged in (("3", 3, False), ("11", None, True), ("³", None, True)):
        values, flags = convert(["3324015708900003", "", "Siti", "", "", decile, "", "ya", "Y"])
        row = dict(zip(COLUMNS, values, strict=True))
        assert row["decile"] == expected and ("desil_tidak_valid" in flags) == flagged
        assert row["programmes"] == "PBI-JK,PKH"
    with pytest.raises(Rejected, match="nama kosong"):
        convert(["3324015708900003", "", "   "])
