"""Stream rows out of a DTKS export: CSV (, ; tab |; UTF-8 with or without BOM, or
Windows-1252, even mixed line by line) or XLSX. Never loads the whole file."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.errors import ValidationError

DELIMITERS = ",;\t|"


@dataclass
class Source:
    headers: list[str]
    rows: Iterator[tuple[int, list[Any]]]  # (line number in the file, cells)
    encoding: str
    delimiter: str | None
    size: int  # bytes, for progress


def _decode_lines(path: Path, counter: list[int]) -> Iterator[str]:
    """UTF-8 per line, falling back to Windows-1252 for a line that is not UTF-8."""
    with open(path, "rb") as f:
        for raw in f:
            counter[0] += len(raw)
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                yield raw.decode("cp1252", errors="replace")


def _sniff(first: str) -> str:
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] == 0:
        raise ValidationError(
            "Berkas tidak memakai pemisah kolom yang dikenal (koma, titik koma, "
            "tab atau garis tegak).",
            code="pemisah",
        )
    return best


def open_csv(path: Path, progress: list[int]) -> Source:
    with open(path, "rb") as f:
        head = f.read(65536)
    encoding = "utf-8"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the sample's end
            encoding = "cp1252"
    lines = _decode_lines(path, progress)
    try:
        first = next(lines)
    except StopIteration:
        raise ValidationError("Berkas kosong.", code="kosong") from None
    first = first.lstrip("\ufeff")
    delimiter = _sniff(first)
    headers = next(csv.reader([first], delimiter=delimiter))
    reader = csv.reader(lines, delimiter=delimiter)

    def rows() -> Iterator[tuple[int, list[Any]]]:
        for row in reader:
            yield reader.line_num + 1, row

    return Source(headers, rows(), encoding, delimiter, path.stat().st_size)


def open_xlsx(path: Path, progress: list[int]) -> Source:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException …
        raise ValidationError(
            "Berkas Excel rusak atau bukan .xlsx; simpan ulang dari Excel sebagai .xlsx atau .csv.",
            code="xlsx_rusak",
        ) from exc
    sheet = book.worksheets[0]
    it = sheet.iter_rows(values_only=True)
    try:
        headers = ["" if c is None else str(c) for c in next(it)]
    except StopIteration:
        raise ValidationError("Lembar kerja pertama kosong.", code="kosong") from None
    size = path.stat().st_size
    total = max(1, sheet.max_row or 1)

    def rows() -> Iterator[tuple[int, list[Any]]]:
        for n, row in enumerate(it, start=2):
            progress[0] = int(size * n / total)
            yield n, list(row)
        book.close()

    return Source(headers, rows(), "xlsx", None, size)


def open_source(path: Path, progress: list[int]) -> Source:
    """Open by content, not by name: an .xls renamed .csv still gets a clear message."""
    if not path.exists():
        raise ValidationError(f"Berkas {path} tidak ditemukan.", code="tidak_ada")
    with open(path, "rb") as f:
        magic = f.read(8)
    if magic.startswith(b"PK"):
        return open_xlsx(path, progress)
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise ValidationError(
            "Berkas .xls lama tidak didukung: buka di Excel lalu simpan sebagai .xlsx atau .csv.",
            code="xls_lama",
        )
    return open_csv(path, progress)
