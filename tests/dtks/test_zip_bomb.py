"""A workbook that expands a thousandfold (1 MB on disk, 1 GiB inside) is refused from its zip
directory, before anything is expanded: in a moment and a few megabytes, with a message saying
what to do, and the register as it was."""

from __future__ import annotations

import io
import struct
import time
import tracemalloc
import zipfile
import zlib
from datetime import date

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from kiosk.dtks.importer import import_snapshot, preview
from kiosk.errors import ValidationError
from kiosk.models import DtksSnapshot

SHEET = "xl/worksheets/sheet1.xml"
GIB = 1 << 30


def _raw() -> zlib._Compress:
    return zlib.compressobj(9, zlib.DEFLATED, -15)


def _deflated(body: bytes) -> tuple[bytes, int, int]:
    c = _raw()
    return c.compress(body) + c.flush(), zlib.crc32(body), len(body)


def _sheet_bomb(head: bytes, tail: bytes, blanks: int) -> tuple[bytes, int, int]:
    """``head``, ``blanks`` spaces, ``tail`` as raw deflate, in a moment: after a full flush
    the compressor starts afresh, so one megabyte's block repeated is a valid stream."""
    step = 1 << 20
    c = _raw()
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(b" " * step) + c.flush(zlib.Z_FULL_FLUSH)
    last = c.compress(tail) + c.flush()
    crc, chunk = zlib.crc32(head), b" " * step
    for _ in range(blanks // step):
        crc = zlib.crc32(chunk, crc)
    data = first + block * (blanks // step) + last
    return data, zlib.crc32(tail, crc), len(head) + blanks + len(tail)


def _zip(parts: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of already deflated parts (name, data, crc, expanded size)."""
    out, central = io.BytesIO(), io.BytesIO()
    for name, data, crc, size in parts:
        at, raw = out.tell(), name.encode()
        fixed = struct.pack("<HHHHHIII", 20, 0, 8, 0, 0, crc, len(data), size)
        out.write(b"PK\x03\x04" + fixed + struct.pack("<HH", len(raw), 0) + raw + data)
        central.write(
            b"PK\x01\x02"
            + struct.pack("<H", 20)
            + fixed
            + struct.pack("<HHHHHII", len(raw), 0, 0, 0, 0, 0, at)
            + raw
        )
    start, directory = out.tell(), central.getvalue()
    out.write(directory)
    out.write(
        b"PK\x05\x06"
        + struct.pack("<HHHHIIH", 0, 0, len(parts), len(parts), len(directory), start, 0)
    )
    return out.getvalue()


@pytest.fixture(scope="module")
def bomb(tmp_path_factory):
    """A real workbook whose first sheet holds its header row, then 1 GiB of blanks."""
    book = Workbook()
    book.active.append(["nomor_induk_kependudukan", "nama", "nomor_kartu_keluarga"])
    book.active.append(["3324015708900003", "Siti Fatimah", "3324011203150007"])
    buf = io.BytesIO()
    book.save(buf)
    parts = []
    with zipfile.ZipFile(buf) as z:
        for info in z.infolist():
            body = z.read(info)
            if info.filename == SHEET:
                head, tail = body.split(b"</sheetData>")
                parts.append((info.filename, *_sheet_bomb(head, b"</sheetData>" + tail, GIB)))
            else:
                parts.append((info.filename, *_deflated(body)))
    path = tmp_path_factory.mktemp("bomb") / "dtks_bom.xlsx"
    path.write_bytes(_zip(parts))
    return path


def test_the_bomb_is_a_real_workbook(bomb):
    """What the refusal is about: the file is small and declares its gigabyte honestly."""
    assert bomb.stat().st_size < 2 << 20
    with zipfile.ZipFile(bomb) as z:
        assert z.getinfo(SHEET).file_size > GIB
        with z.open(SHEET) as sheet:
            assert b"Siti Fatimah" in sheet.read(4096)


def test_refused_before_expanding_with_what_to_do(bomb, ctx, office, session):
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(ValidationError) as refused:
            import_snapshot(ctx, office.admin, bomb, kind="DTKS", snapshot_date=date(2026, 10, 1))
        took = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert refused.value.code == "xlsx_tidak_wajar"
    message = refused.value.message
    assert "dtks_bom.xlsx" in message and "tidak wajar" in message
    assert "GB" in message and "SIKS-NG" in message and "data DTKS lama tetap dipakai" in message
    assert took < 3 and peak < 20 << 20  # the 1 GiB was never expanded
    assert session.scalars(select(DtksSnapshot)).all() == []  # nothing half-written


def test_the_preview_refuses_it_too(bomb):
    with pytest.raises(ValidationError, match="tidak wajar"):
        preview(bomb)


def test_a_real_workbook_still_opens(tmp_path):
    book = Workbook()
    book.active.append(["nomor_induk_kependudukan", "nama", "nomor_kartu_keluarga"])
    for i in range(3000):
        book.active.append([f"33240157089{i:05d}", f"Warga {i}", "3324011203150007"])
    path = tmp_path / "dtsen.xlsx"
    book.save(path)
    assert len(preview(path).sample) == 5
