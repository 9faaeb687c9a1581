"""Stream rows out of a DTKS export: CSV (, ; tab |; UTF-8 with or without BOM, or
Windows-1252, even mixed line by line) or XLSX. Never loads the whole file."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import accumulate, chain, islice
from operator import add
from pathlib import Path
from typing import Any

from kiosk.errors import ValidationError
from kiosk.formatting import angka
from kiosk.messages import _

DELIMITERS = ",;\t|"
BLOCK = 1 << 20  # bytes read and decoded at a time
LONGEST_LINE = 16 << 20  # a "line" longer than this is not a CSV row
MAX_ROW_LINES = 20  # a quoted cell over more lines than this is an unclosed quote

# A chunk of rows and the file line of each (the line its last cell ends on).
Chunk = tuple[list[list[Any]], Callable[[int], int]]


@dataclass
class Source:
    headers: list[str]
    chunks: Callable[..., Iterator[Chunk]]  # (count, after line=1): rows a chunk at a time
    encoding: str
    delimiter: str | None
    size: int  # bytes, for progress
    texts: bool  # every cell a string (CSV), not spreadsheet values
    seen: Encodings | None = None  # a CSV's encodings as met while reading

    @property
    def encoding_read(self) -> str:
        """The encoding of what has been read: after a whole import, of the whole file."""
        return self.seen.name(self.encoding) if self.seen else self.encoding

    @property
    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        """(line number in the file, cells), one row at a time."""
        for rows, line_of in self.chunks(1000):
            for i, cells in enumerate(rows):
                yield line_of(i), cells


class Encodings:
    """What the decoding met in a file: lines that were not ASCII and read as UTF-8, and
    lines that were not UTF-8 and read as Windows-1252. Filled while the file is read, so the
    report names the encoding of the whole file, not of its first 64 KB."""

    def __init__(self) -> None:
        self.utf8 = False
        self.cp1252 = False

    def name(self, guess: str = "utf-8") -> str:
        """``utf-8``, ``cp1252``, or ``utf-8+cp1252`` for a file mixing both line by line;
        ``guess`` (from the file's head) while nothing but ASCII has been read."""
        if self.utf8 and self.cp1252:
            return "utf-8+cp1252"
        if self.cp1252:
            return "cp1252"
        if self.utf8:
            return "utf-8"
        return guess

    def decode(self, block: bytes) -> str:
        """UTF-8, or line by line Windows-1252 for the lines that are not UTF-8.

        The one statement of how a DTKS file's bytes become text: the row-by-row road reads
        these strings, the Arrow road reads them re-encoded (:class:`Utf8Stream`)."""
        if block.isascii():
            return block.decode("ascii")
        try:
            text = block.decode("utf-8")
        except UnicodeDecodeError:
            return "".join(map(self._line, block.splitlines(keepends=True)))
        self.utf8 = True
        return text

    def _line(self, raw: bytes) -> str:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            self.cp1252 = True
            return raw.decode("cp1252", errors="replace")
        if not raw.isascii():
            self.utf8 = True
        return text


ENCODING_LABELS = {
    "utf-8": "UTF-8",
    "cp1252": "Windows-1252",
    "utf-8+cp1252": "campuran UTF-8 dan Windows-1252",
    "xlsx": "Excel (.xlsx)",
}


def encoding_label(name: str) -> str:
    """The encoding as the officer reads it on the import page."""
    return ENCODING_LABELS.get(name, name.upper())


def _blocks(path: Path, counter: list[int]) -> Iterator[bytes]:
    """The file's bytes a megabyte at a time, each block ending at a line end."""
    with open(path, "rb") as f:
        rest = b""
        while block := f.read(BLOCK):
            counter[0] += len(block)
            block = rest + block
            cut = block.rfind(b"\n") + 1 or block.rfind(b"\r") + 1  # old Mac files: CR only
            if cut == 0:
                if len(block) > LONGEST_LINE:
                    raise ValidationError(
                        _(
                            "Berkas ini tidak berisi baris-baris CSV (tidak ada akhir baris dalam "
                            "16 MB). Simpan ulang dari Excel sebagai CSV."
                        ),
                        code="bukan_csv",
                    )
                rest = block
                continue
            rest = block[cut:]
            yield block[:cut]
        if rest:
            yield rest


def _lines(path: Path, counter: list[int], seen: Encodings) -> Iterator[str]:
    """Lines ending at CR, LF or CRLF, kept with their ends so quoted line breaks survive.

    Decoding per block instead of per line takes a Python step off every row; a block that is
    not valid UTF-8 falls back to deciding per line, as a file mixing both needs."""
    texts = map(seen.decode, _blocks(path, counter))
    return chain.from_iterable(io.StringIO(text, newline="") for text in texts)


class Utf8Stream(io.RawIOBase):
    """The file as UTF-8 bytes for Arrow's CSV reader, decoded by :meth:`Encodings.decode`.

    A file that is already UTF-8 passes through untouched (only checked); a Windows-1252 file,
    or one mixing both, is re-encoded block by block. So the Arrow road reads exactly the text
    the row-by-row road reads, and a Windows-1252 export no longer sends a million rows down
    the slower road. ``done[0]``: bytes of the file read so far, for the progress bar."""

    def __init__(self, path: Path, seen: Encodings, done: list[int] | None = None):
        super().__init__()
        self._blocks = _blocks(path, [0] if done is None else done)
        self._seen = seen
        self._pending = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            block = next(self._blocks, None)
            if block is None:
                return 0
            if not block.isascii():
                text = self._seen.decode(block)
                if self._seen.cp1252:  # only then can the text differ from the bytes
                    block = text.encode("utf-8")
            self._pending = memoryview(block)
        count = min(len(buffer), len(self._pending))
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        return count


def _sniff(first: str) -> str:
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] == 0:
        raise ValidationError(
            _(
                "Berkas tidak memakai pemisah kolom yang dikenal (koma, titik koma, "
                "tab atau garis tegak)."
            ),
            code="pemisah",
        )
    return best


MAX_HEADER = 20_000  # characters: a real header row of a few hundred columns fits easily


def open_csv(path: Path, progress: list[int]) -> Source:
    with open(path, "rb") as f:
        head = f.read(65536)
    encoding = "utf-8"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the sample's end
            encoding = "cp1252"
    seen = Encodings()
    lines = _lines(path, progress, seen)
    try:
        first = next(lines)
    except StopIteration:
        raise ValidationError(_("Berkas kosong."), code="kosong") from None
    first = first.lstrip("\ufeff")
    if len(first) > MAX_HEADER:
        raise ValidationError(
            _(
                "Baris pertama berkas {0} sangat panjang ({1} karakter) tanpa akhir "
                "baris: ini bukan tabel CSV. Buka di Excel, periksa isinya, lalu simpan "
                "sebagai CSV; data DTKS lama tetap dipakai."
            ).format(path.name, angka(len(first))),
            code="bukan_csv",
        )
    delimiter = _sniff(first)
    try:
        headers = next(csv.reader([first], delimiter=delimiter))
    except csv.Error as exc:
        raise ValidationError(
            _("Judul kolom berkas {0} tidak terbaca ({1}). Simpan ulang sebagai CSV.").format(
                path.name, exc
            ),
            code="csv_rusak",
        ) from exc
    reader = csv.reader(lines, delimiter=delimiter)

    def chunks(count: int, after: int = 1) -> Iterator[Chunk]:
        """Rows ``count`` at a time, from the first one after file line ``after`` (the header
        is line 1; a later line when the Arrow road already stored the rows before it)."""
        while reader.line_num + 1 < after:
            next(reader)  # read before, without a problem, by the Arrow road
        while True:
            start = reader.line_num + 1  # the last line read: the header is line 1
            try:
                rows = list(islice(reader, count))
            except csv.Error as exc:
                raise ValidationError(
                    _(
                        'Berkas CSV rusak sekitar baris {0} ({1}). Periksa tanda kutip (") yang '
                        "tidak ditutup, lalu simpan ulang dan impor lagi; data DTKS lama tetap "
                        "dipakai."
                    ).format(reader.line_num + 1, exc),
                    code="csv_rusak",
                ) from exc
            if not rows:
                return
            yield rows, _line_numbers(rows, start, reader.line_num + 1)

    return Source(headers, chunks, encoding, delimiter, path.stat().st_size, True, seen)


def _line_numbers(rows: list[list[str]], start: int, end: int) -> Callable[[int], int]:
    """Row i's line: counted, not looked up, unless a quoted cell held line breaks.

    A row running over many lines is a quote opened and never closed: the rows after it would
    silently become one cell, so the file is refused with the line to fix.
    """
    if end - start == len(rows):
        return lambda i: start + 1 + i
    spans = [1 + sum(map(_breaks, cells)) for cells in rows]
    ends = list(accumulate(spans, initial=start))
    for i, span in enumerate(spans):
        if span > MAX_ROW_LINES:
            raise ValidationError(
                _(
                    'Tanda kutip (") di baris {0} tidak ditutup: {1} baris berikutnya '
                    "terbaca sebagai satu sel. Perbaiki baris itu, simpan ulang, lalu impor "
                    "lagi; data DTKS lama tetap dipakai."
                ).format(ends[i] + 1, span),
                code="csv_rusak",
            )
    return lambda i: ends[i + 1]


def _breaks(cell: str) -> int:
    return cell.count("\n") + cell.count("\r") - cell.count("\r\n")


def open_xlsx(path: Path, progress: list[int]) -> Source:
    from openpyxl import load_workbook

    from kiosk.dtks.zip_guard import check_workbook

    check_workbook(path)  # a zip bomb is refused before anything is expanded
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException …
        raise ValidationError(
            _(
                "Berkas Excel rusak atau bukan .xlsx; simpan ulang dari Excel sebagai .xlsx "
                "atau .csv."
            ),
            code="xlsx_rusak",
        ) from exc
    sheet = book.worksheets[0]
    it = sheet.iter_rows(values_only=True)
    try:
        headers = ["" if c is None else str(c) for c in next(it)]
    except StopIteration:
        raise ValidationError(_("Lembar kerja pertama kosong."), code="kosong") from None
    size = path.stat().st_size
    total = max(1, sheet.max_row or 1)

    numbered = enumerate(it, start=2)

    def chunks(count: int, after: int = 1) -> Iterator[Chunk]:
        del after  # a spreadsheet is read by one road only
        while part := list(islice(numbered, count)):
            first = part[0][0]
            progress[0] = int(size * (first + len(part)) / total)
            yield [list(row) for _unused, row in part], partial(add, first)
        book.close()

    return Source(headers, chunks, "xlsx", None, size, texts=False)


def open_source(path: Path, progress: list[int]) -> Source:
    """Open by content, not by name: an .xls renamed .csv still gets a clear message."""
    if not path.exists():
        raise ValidationError(_("Berkas {0} tidak ditemukan.").format(path), code="tidak_ada")
    if path.is_dir():
        raise ValidationError(
            _(
                "{0} adalah folder, bukan berkas. Pilih berkas ekspor DTKS (.csv atau "
                ".xlsx) di dalamnya."
            ).format(path.name),
            code="folder",
        )
    if not path.is_file():
        raise ValidationError(
            _("{0} bukan berkas biasa. Pilih berkas .csv atau .xlsx.").format(path.name)
        )
    try:
        with open(path, "rb") as f:
            magic = f.read(8)
    except OSError as exc:
        raise ValidationError(
            _(
                "Berkas {0} tidak dapat dibaca ({1}). Salin berkas ke folder Dokumen "
                "lalu coba lagi."
            ).format(path.name, exc.strerror),
            code="tidak_terbaca",
        ) from exc
    if magic.startswith(b"PK"):
        return open_xlsx(path, progress)
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise ValidationError(
            _(
                "Berkas .xls lama tidak didukung: buka di Excel lalu simpan sebagai .xlsx "
                "atau .csv."
            ),
            code="xls_lama",
        )
    refuse_nul(path)
    return open_csv(path, progress)


def refuse_nul(path: Path, block: int = 1 << 20) -> None:
    """A NUL byte means a damaged or non-text file (UTF-16, a database, a cut download):
    the whole file is refused, since rows around it cannot be trusted either."""
    lines = 0
    with open(path, "rb") as f:
        while chunk := f.read(block):
            at = chunk.find(b"\x00")
            if at >= 0:
                line = lines + chunk.count(b"\n", 0, at) + 1
                raise ValidationError(
                    _(
                        "Berkas rusak: ada karakter kosong (NUL) di baris {0}. Mungkin berkas "
                        "terpotong saat diunduh atau disimpan sebagai UTF-16. Simpan ulang dari "
                        "Excel sebagai 'CSV UTF-8' atau unduh lagi; data DTKS lama tetap dipakai."
                    ).format(angka(line)),
                    code="karakter_nul",
                )
            lines += chunk.count(b"\n")
