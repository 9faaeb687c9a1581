"""The CSV reader decodes a megabyte at a time and hands rows over in chunks; line endings,
quoted line breaks, mixed encodings and broken quoting must come out as a person reading the
file would see them, with the right line numbers."""

import pytest
from sqlalchemy import select

import kiosk.dtks.reader as reader
from kiosk.dtks.importer import import_snapshot
from kiosk.dtks.reader import open_source
from kiosk.errors import ValidationError
from kiosk.models import DtksRecord, DtksSnapshot


def rows_of(path):
    return list(open_source(path, [0]).rows)


def test_line_endings_of_every_kind(tmp_path):
    body = ["3324015708900003,Siti", "3324015708900004,Budi", "3324015708900005,Wati"]
    for name, end in (("unix", "\n"), ("windows", "\r\n"), ("old_mac", "\r")):
        path = tmp_path / f"{name}.csv"
        path.write_bytes(end.join(["NIK,Nama", *body]).encode() + end.encode())
        assert [(line, cells[1]) for line, cells in rows_of(path)] == [
            (2, "Siti"),
            (3, "Budi"),
            (4, "Wati"),
        ], name


def test_quoted_line_breaks_keep_the_line_numbers_right(tmp_path, ctx, office):
    path = tmp_path / "alamat.csv"
    path.write_bytes(
        b"NIK,Nama,Alamat\r\n"
        b'3324015708900003,Siti,"Dusun Krajan\r\nRT 1 RW 2"\r\n'
        b"3.32402E+15,Budi,Dusun Wetan\r\n"
        b'3324015708900005,Wati,"Jl. Mawar\nNo. 3\nBelakang pasar"\r\n'
        b"332401570890000,Joko,Dusun Kulon\r\n"
    )
    lines = [(line, cells[1]) for line, cells in rows_of(path)]
    assert lines == [(3, "Siti"), (4, "Budi"), (7, "Wati"), (8, "Joko")]
    report = import_snapshot(ctx, office.admin, path)
    assert report.imported == 2
    assert [line for line, _, _ in report.rejections] == [4, 8]


def test_blocks_mixing_utf8_and_windows_1252_lines(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "BLOCK", 64)  # many blocks, each cut at a line end
    lines = [b"NIK;Nama"]
    for i in range(40):
        name = "Siti Fätimah" if i % 3 else "Zahrá Ñoño"
        lines.append(f"33240157089{i:05d};{name} {i}".encode("cp1252" if i % 2 else "utf-8"))
    path = tmp_path / "campur.csv"
    path.write_bytes(b"\n".join(lines) + b"\n")
    got = rows_of(path)
    assert len(got) == 40 and [line for line, _ in got] == list(range(2, 42))
    assert {cells[1].rsplit(" ", 1)[0] for _, cells in got} == {"Siti Fätimah", "Zahrá Ñoño"}


def test_an_unclosed_quote_is_refused_with_its_line(tmp_path, ctx, office, session):
    good = tmp_path / "baik.csv"
    good.write_text("NIK,Nama\n3324015708900003,Siti Lama\n")
    import_snapshot(ctx, office.admin, good)
    lines = ["NIK,Nama", "3324015708900003,Siti", '3324015708900004,"Ucok Ahmad']
    lines += [f"33240157089{i:05d},Warga {i}" for i in range(10, 60)]
    broken = tmp_path / "kutip.csv"
    broken.write_text("\n".join(lines) + "\n")
    with pytest.raises(ValidationError) as refused:
        import_snapshot(ctx, office.admin, broken)
    assert refused.value.code == "csv_rusak"
    assert (
        "baris 3" in refused.value.message
        and "data DTKS lama tetap dipakai" in refused.value.message
    )
    session.expire_all()
    active = session.scalars(select(DtksSnapshot).where(DtksSnapshot.status == "active")).one()
    assert active.source == "baik.csv"
    assert session.scalars(select(DtksRecord.name)).all() == ["Siti Lama"]


def test_a_file_without_line_ends_is_not_read_into_memory(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "BLOCK", 1024)
    monkeypatch.setattr(reader, "LONGEST_LINE", 4096)
    path = tmp_path / "biner.csv"
    path.write_bytes(b"NIK,Nama," + b"x" * 20000)
    with pytest.raises(ValidationError) as refused:
        rows_of(path)
    assert refused.value.code == "bukan_csv"
