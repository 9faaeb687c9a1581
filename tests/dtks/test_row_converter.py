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


TEXT_NIKS = [n for n in NIKS if isinstance(n, str)] + ["9999014108900003", "3324017199900003"]
NAMES = [
    "Siti Aminah",
    "  Siti   Aminah ",
    "Siti\tAminah",
    "Siti\xa0Aminah",
    "Budi \n Santoso",  # a quoted cell with a line break
    "",
    "   ",
    "Hj. Siti Fatimah",
    "H.",  # a title only: an empty key
    "Moh.Ali",
    "Ni'mah Soekarno",
    "Andi\u00adSaputra",  # soft hyphen: printable test fails, spacing is fine
    "Nur " * 50,  # longer than the 120 kept
]
BIRTHS = ["17-08-1990", "1990-08-17", "17/08/1990", "31-02-1990", "besok", ""]
OTHER = {
    "kk": ["3324011203150007", "", "3.32401E+15", "3324011203150000"],
    "sex": ["L", "p", "Perempuan", "x", ""],
    "decile": ["3", "11", "³", "", " 7 "],
    "village": ["3324012001", "33.24.01.2001", "12", ""],
    "flag": ["1", "0", "ya", "Y", "", "tidak"],
    "rt": ["001", " 2 ", "12345", ""],
}


def messy_rows(count: int) -> list[list[str]]:
    """Text rows (as a CSV gives them) mixing every damage the rules know, short, blank and
    over-long rows included."""
    import random

    rng = random.Random(7)
    rows = []
    for _ in range(count):
        shape = rng.random()
        if shape < 0.03:
            rows.append([])  # a blank line
            continue
        if shape < 0.05:
            rows.append([""] * len(HEADERS))  # a line of empty cells
            continue
        row = [
            rng.choice(TEXT_NIKS),
            rng.choice(OTHER["kk"]),
            rng.choice(NAMES),
            rng.choice(BIRTHS),
            rng.choice(OTHER["sex"]),
            rng.choice(OTHER["decile"]),
            rng.choice(OTHER["village"]),
            rng.choice(OTHER["flag"]),
            rng.choice(OTHER["flag"]),
            rng.choice(OTHER["rt"]),
        ]
        if shape < 0.1:
            row = row[: rng.randint(1, len(row) - 1)]  # a short row
        elif shape < 0.13:
            row += ["extra", "cells"]
        rows.append(row)
    return rows


def row_by_row(convert, rows):
    out = []
    for cells in rows:
        if all(c in ("", None) for c in cells):
            out.append(None)
            continue
        try:
            out.append(convert(cells)[0])
        except Rejected as exc:
            out.append(exc.reason)
    return out


@pytest.mark.parametrize("size", [1, 7, 500, 4000])
def test_a_chunk_says_what_each_row_says(size):
    """The column-by-column conversion takes whole-chunk shortcuts; every row must still come
    out as the per-row rules make it, refused and blank rows in their places."""
    rows = messy_rows(4000)
    mapping, snapshot = match_headers(HEADERS), uuid.uuid4()
    expected = row_by_row(RowConverter(mapping, TODAY, snapshot, True), rows)
    convert = RowConverter(mapping, TODAY, snapshot, True)  # fresh caches
    got: list = []
    for start in range(0, len(rows), size):
        values, problems = convert.chunk(rows[start : start + size])
        assert problems == [i for i, v in enumerate(values) if not isinstance(v, tuple)]
        got += [v.reason if isinstance(v, Rejected) else v for v in values]
    assert got == expected
    assert sum(isinstance(v, tuple) for v in got) > 1000  # the shortcut path did real work


def test_clean_chunks_take_the_column_path_and_agree():
    """A clean chunk never falls back to the per-row function (that is the speed), and its
    values equal the per-row ones."""
    mapping = match_headers(HEADERS)
    rows = [
        [
            f"33240157089{i:05d}",
            "3324011203150007",
            f"Siti Aminah {chr(97 + i % 26)}",
            "17-08-1990",
            "P",
            "3",
            "3324012001",
            "1",
            "0",
            "001",
        ]
        for i in range(1, 3000)
    ]
    convert = RowConverter(mapping, TODAY, None, True)
    per_row = [convert(r)[0] for r in rows]
    calls = []
    original = convert._convert
    convert._convert = lambda cells: calls.append(cells) or original(cells)
    values, problems = convert.chunk(rows)
    assert values == per_row and problems == [] and calls == []


def test_a_layout_without_nik_or_dates_chunks_as_rows_do():
    """A village list with No. KK but no NIK or birth date column: every row flagged
    ``tanpa_nik`` on the column path too."""
    mapping = match_headers(["No KK", "Nama", "Desil"])
    rows = [[r[1], r[2], r[5]] for r in messy_rows(600) if len(r) >= 6]
    expected = row_by_row(RowConverter(mapping, TODAY, None, True), rows)
    values, _ = RowConverter(mapping, TODAY, None, True).chunk(rows)
    assert [v.reason if isinstance(v, Rejected) else v for v in values] == expected
    assert all(v[-1].startswith("tanpa_nik") for v in values if isinstance(v, tuple))


def test_the_fast_date_paths_answer_as_every_format_would():
    """``parse_date`` slices the usual shapes instead of trying each strptime format; for
    every shape, real or not, the answer must be the formats' answer."""
    from datetime import datetime

    from kiosk.dtks.rows import DATE_FORMATS

    def by_formats(text):
        for fmt in DATE_FORMATS:
            try:
                return datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        return None

    days = ["1", "01", "8", "17", "29", "31", "0", "00", "123"]
    months = ["2", "02", "12", "13", "17", "0"]
    cases = [
        f"{d}{sep}{m}{sep}{y}"
        for d in days
        for m in months
        for y in ["1990", "2024", "199"]
        for sep in "-/."
    ]
    cases += ["17081990", "29/2/2023", "29/2/2024", "1990-1-5", "8/17/1990", "1/1/1990"]
    assert [parse_date(c) for c in cases] == [by_formats(c) for c in cases]
    assert parse_date("5/2/1956") == date(1956, 2, 5)  # day first, as Indonesia writes it
