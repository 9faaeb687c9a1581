"""The Arrow road must store exactly what the row-by-row road stores, report the same rows
with the same line numbers, and hand every file it cannot read exactly back to that road."""

import csv
import io
import random
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from kiosk.dtks import column_writer, columnar, importer
from kiosk.dtks.importer import ImportCancelled, import_snapshot
from kiosk.errors import ValidationError
from tests.dtks.test_row_converter import BIRTHS, HEADERS, NAMES, OTHER, messy_rows


@pytest.fixture
def road(ctx):
    """This module picks the road per import itself (overrides the conftest's); the Arrow
    road exists for SQLite only."""
    if ctx.engine.dialect.name != "sqlite":
        pytest.skip("the Arrow road writes SQLite only")


def scratch_files(ctx) -> list[Path]:
    return list(Path(ctx.engine.url.database).parent.glob("*.scratch.sqlite3"))


def stored(ctx) -> list[tuple]:
    """Every stored column but the snapshot id, in row-id order."""
    with ctx.engine.connect() as conn:
        rows = conn.execute(text("SELECT * FROM dtks_record ORDER BY id")).all()
        names = list(conn.execute(text("SELECT * FROM dtks_record LIMIT 0")).keys())
    skip = names.index("snapshot_id")
    return [tuple(v for i, v in enumerate(r) if i != skip) for r in rows]


@pytest.fixture
def targets(monkeypatch) -> list[Path]:
    """Where the Arrow road's ADBC writer opened its file: the database or a scratch file."""
    opened: list[Path] = []

    class Recorded(column_writer.ColumnWriter):
        def __init__(self, path, *args):
            opened.append(Path(path))
            super().__init__(path, *args)

    monkeypatch.setattr(column_writer, "ColumnWriter", Recorded)
    return opened


def both_roads(ctx, office, path: Path, monkeypatch, batch: int = 1 << 30, exclusive=False):
    """Import ``path`` on each road; the reports (without ids) and stored rows of each."""
    out = {}
    monkeypatch.setattr(columnar, "BATCH", batch)
    for road in ("columnar", "rows"):
        monkeypatch.setattr(importer, "COLUMNAR", road == "columnar")
        report = import_snapshot(ctx, office.admin, path, exclusive=exclusive)
        summary = report.as_dict()
        del summary["snapshot_id"], summary["road"]
        out[road] = (report.road, summary, report.rejections, stored(ctx))
    return out


def csv_text(rows: list[list[str]], delimiter: str = ",", end: str = "\n") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=end)
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow(row) if row else buffer.write(end)  # a truly empty line
    return buffer.getvalue()


def plain_messy_rows(count: int) -> list[list[str]]:
    """The converter tests' damage, every row as wide as the header (a CSV from one export),
    no line break inside a cell, plus accents, exact repeats and repeated NIKs."""
    rows = []
    for row in messy_rows(count):
        if any("\n" in c for c in row):
            continue
        rows.append(row if not row else (row + [""] * len(HEADERS))[: len(HEADERS)])
    rng = random.Random(3)
    for i in range(count):  # distinct NIKs, so most rows are stored, with the same damage
        row = [f"3324{rng.choice(['01', '99'])}{rng.choice(['57', '72', '15'])}089{i:05d}"]
        row += [rng.choice(OTHER["kk"]), rng.choice([n for n in NAMES if "\n" not in n])]
        row += [rng.choice(BIRTHS), rng.choice(OTHER["sex"]), rng.choice(OTHER["decile"])]
        row += [rng.choice(OTHER["village"]), rng.choice(OTHER["flag"])]
        row += [rng.choice(OTHER["flag"]), rng.choice(OTHER["rt"])]
        rows.insert(rng.randrange(len(rows) + 1), row)
    rows[10:10] = [rows[20], rows[20]]  # exact repeats
    rows.append(["3324015708900003", "", "Désirée Ñoño", "1-1-1990", "P", "", "", "", "", ""])
    rows.append(["3324015708900003", "", "Désirée Lain", "", "P", "", "", "", "", ""])
    rows.append(["3324015708900011", "", "Ana, Putri", "", "P", "", "", "", "", '"1"'])
    for i, rt in enumerate(["\x1c7\x1d", "\u30008\u3000", "\xa09", "\u2028x", "\x85y "]):
        rows.append([f"33240157089{91001 + i}", "", f"Warga {i}", "", "", "", "", "", "", rt])
    return rows


@pytest.mark.parametrize(
    ("delimiter", "end", "batch", "exclusive"),
    [(",", "\n", 97, False), (";", "\r\n", 1 << 30, False), (",", "\n", 97, True)],
)
def test_a_messy_plain_file_comes_out_the_same_on_both_roads(
    ctx, office, tmp_path, monkeypatch, targets, delimiter, end, batch, exclusive
):
    path = tmp_path / "dtsen.csv"
    path.write_text(csv_text(plain_messy_rows(3000), delimiter, end), encoding="utf-8")
    got = both_roads(ctx, office, path, monkeypatch, batch, exclusive)
    db_file = Path(ctx.engine.url.database)
    if exclusive:  # alone in its process: ADBC wrote the database itself, no scratch file
        assert targets == [db_file]
    else:
        assert len(targets) == 1 and targets[0].name.endswith(".scratch.sqlite3")
    fast, slow = got["columnar"], got["rows"]
    assert fast[0] == "columnar" and slow[0] == "rows"
    assert fast[1] == slow[1]  # counts, reasons, flags, mapping
    assert fast[2] == slow[2]  # every refused row with its line number
    assert fast[3] == slow[3]  # every stored value, in the same order
    assert fast[1]["imported"] > 1000 and fast[1]["rejected"] > 300 and fast[1]["duplicates"]
    assert len(fast[1]["flagged_by_reason"]) >= 4
    assert scratch_files(ctx) == []


@pytest.mark.parametrize("damage", ["extra cell", "short row", "unit separator", "unclosed quote"])
@pytest.mark.parametrize("exclusive", [False, True])
def test_files_the_arrow_road_cannot_read_exactly_go_row_by_row_from_there(
    ctx, office, tmp_path, monkeypatch, damage, exclusive
):
    """Found late (line 301, batches of 97): three batches are already stored when the Arrow
    road gives up (in the load table itself with ``exclusive``, else in its scratch file); the
    row-by-row road goes on from the first line not stored, instead of starting over (a short
    row at 90 % of a million-row file cost 25-30 s instead of 9)."""
    first = ["3324011203150007", "17-08-1990", "P", "3", "", "1", "0", "001"]
    rows = [[f"33240157089{i:05d}", first[0], f"Warga {i}", *first[1:]] for i in range(1, 400)]
    body = csv_text(rows)
    lines = body.splitlines(keepends=True)
    bad = {
        "extra cell": "3324015708900003,,Budi,,,,,,,,lebih\n",
        "short row": "3324015708900003,,Budi\n",
        "unit separator": "3324015708900003,,Bu\x1fdi,,,,,,,\n",
        "unclosed quote": '3324015708900003,,"Budi,,,,,,,\n',
    }[damage]
    lines.insert(300, bad)
    lines.insert(350, lines[10])  # a line the Arrow road stored, again after the handover
    lines.insert(360, lines[20].replace("Warga", "Warga Lain", 1))  # its NIK, other content
    path = tmp_path / "dtsen.csv"
    path.write_bytes("".join(lines).encode("utf-8", errors="surrogateescape"))
    if damage == "unclosed quote":  # refused with the line to fix, on either road
        for road in (True, False):
            monkeypatch.setattr(importer, "COLUMNAR", road)
            with pytest.raises(ValidationError, match="baris 301 tidak ditutup"):
                import_snapshot(ctx, office.admin, path, exclusive=exclusive)
        assert scratch_files(ctx) == []
        return
    got = both_roads(ctx, office, path, monkeypatch, 97, exclusive)
    # Three batches of 97 rows went the Arrow road; the rest, from line 293, row by row, with
    # the same repeat sets: the register and the report are those of the row-by-row road.
    assert got["columnar"][0] == "columnar+rows"
    assert got["columnar"][1:] == got["rows"][1:]
    summary, rejections = got["columnar"][1], got["columnar"][2]
    assert summary["duplicates"] == 1  # the repeated line, across the handover
    assert (361, "NIK ganda dalam berkas (isi berbeda)") in [(ln, r) for ln, r, _ in rejections]
    assert scratch_files(ctx) == []


@pytest.mark.parametrize("end", ["\n", "\r\n"])
def test_windows_1252_and_quoted_line_breaks_stay_on_the_arrow_road(
    ctx, office, tmp_path, monkeypatch, end
):
    """The export saved from Excel on Windows: Windows-1252 (a typographic apostrophe, an
    accent, a no-break space), a few lines in UTF-8 after it was edited elsewhere, ``;``,
    addresses typed over two lines with Alt+Enter. The Arrow road reads it (it used to hand
    the whole file to the slower road) and stores and reports exactly what the other road
    does, with the line numbers of rows after the line breaks."""
    rows = plain_messy_rows(1500)
    for k, (i, name) in enumerate(
        [(40, "Ma\u2019ruf Amin"), (41, "Andr\xe9 Siregar\xa0"), (900, "W\xe4rga Baru")]
    ):  # stored: nothing else wrong with them; the last one's line is in UTF-8
        rows[i] = [f"33240157089{96000 + k}", "3324011203150007", name, "17-08-1990", "P"]
        rows[i] += ["3", "3324012001", "1", "0", "001"]
    rows[700][9] = "Dusun Krajan" + end + "belakang masjid"
    rows[701][6] = "33" + end + end + "24012001"  # three lines in one cell
    rows[702] = [rows[702][0], "", "Budi" + end + "Santoso", *rows[702][3:]]  # refused: name
    data = csv_text(rows, ";", end).encode("cp1252", errors="replace")
    data = data.replace(b"W\xe4rga Baru", "W\xe4rga Baru".encode())
    path = tmp_path / "DTKS.csv"
    path.write_bytes(data)
    got = both_roads(ctx, office, path, monkeypatch, 97)
    fast, slow = got["columnar"], got["rows"]
    assert (fast[0], slow[0]) == ("columnar", "rows")
    assert fast[1] == slow[1] and fast[1]["encoding"] == "utf-8+cp1252"
    assert fast[2] == slow[2]
    assert fast[3] == slow[3]
    names = {row[5] for row in fast[3]}  # id, register id, family id, NIK, KK, name
    assert {"Ma\u2019ruf Amin", "Andr\xe9 Siregar", "W\xe4rga Baru"} <= names
    lines_refused = [line for line, reason, _ in fast[2] if reason == "nama kosong"]
    assert fast[1]["imported"] > 500 and lines_refused


def test_a_cancelled_arrow_load_leaves_no_scratch_file(ctx, office, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "COLUMNAR", True)
    monkeypatch.setattr(columnar, "BATCH", 50)
    rows = [[f"33240157089{i:05d}", "", f"Warga {i}"] + [""] * 7 for i in range(1, 400)]
    path = tmp_path / "dtsen.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    cancel = threading.Event()
    with pytest.raises(ImportCancelled):
        import_snapshot(ctx, office.admin, path, progress=lambda *a: cancel.set(), cancel=cancel)
    assert scratch_files(ctx) == []
    with ctx.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM dtks_record")).scalar() == 0


def test_the_whitespace_the_columns_trim_is_exactly_what_python_strips():
    """The Arrow road trims and checks names with a written-out list of whitespace; a Python
    with new Unicode tables must not make the two roads disagree unnoticed."""
    assert "".join(c for c in map(chr, range(0x110000)) if c.isspace()) == columnar._WS


def test_an_open_handle_on_the_database_keeps_adbc_out_of_it(
    ctx, office, tmp_path, monkeypatch, targets
):
    """``exclusive`` is the caller's word; the file handles are checked as well, because a
    second copy of SQLite closing its handle would drop this one's locks."""
    rows = [[f"33240157089{i:05d}", "", f"Warga {i}"] + [""] * 7 for i in range(1, 400)]
    path = tmp_path / "dtsen.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    monkeypatch.setattr(importer, "COLUMNAR", True)
    other = sqlite3.connect(ctx.engine.url.database)
    try:
        other.execute("SELECT count(*) FROM dtks_snapshot").fetchall()
        report = import_snapshot(ctx, office.admin, path, exclusive=True)
    finally:
        other.close()
    assert report.road == "columnar" and report.imported == 399
    assert len(targets) == 1 and targets[0].name.endswith(".scratch.sqlite3")
    assert scratch_files(ctx) == []


def test_past_the_known_values_limit_each_batch_answers_on_its_own(
    ctx, office, tmp_path, monkeypatch
):
    """A column of mostly different values (timestamps where dates were expected) stops
    growing the kept birth dates and deciles; the answers must not change."""
    monkeypatch.setattr(columnar, "KNOWN_LIMIT", 4)
    path = tmp_path / "dtsen.csv"
    path.write_text(csv_text(plain_messy_rows(1500)), encoding="utf-8")
    got = both_roads(ctx, office, path, monkeypatch, 97)
    assert got["columnar"][0] == "columnar"
    assert got["columnar"][1:] == got["rows"][1:]
