"""Turn one exported row into a register record, or say exactly why not.

Spreadsheets mangle 16-digit numbers: scientific notation (3.32402E+15) or the 16th digit
zeroed (Excel keeps 15 significant digits). Those are refused and reported, never stored.
Structurally odd NIKs that an official export really contains (a day of 32, a date that does
not exist) are kept and flagged, because the register is the authority on them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from typing import Any

from kiosk.dtks.columns import Mapping
from kiosk.dtks.row_source import convert_source
from kiosk.messages import _
from kiosk.names import name_key, name_keys
from kiosk.number16 import CLEAN, ZERO_SERIAL, Problem
from kiosk.number16 import parse as parse_number
from kiosk.regions import region_book

_TRUE = {"1", "y", "ya", "yes", "true", "t", "benar", "v", "x"}
_SEX = {
    "1": "L",
    "l": "L",
    "laki-laki": "L",
    "laki laki": "L",
    "lk": "L",
    "pria": "L",
    "2": "P",
    "p": "P",
    "perempuan": "P",
    "pr": "P",
    "wanita": "P",
}
DATE_FORMATS = ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y", "%Y/%m/%d", "%d.%m.%Y", "%d%m%Y")


NAME_LIMIT = 120  # the column's length: a longer "name" is merged cells, not a person's name
LONG_NAME = f"nama lebih dari {NAME_LIMIT} karakter (sel tergabung?); perbaiki di berkas"


class Rejected(Exception):
    """A row that cannot be stored. ``reason`` groups it in the report (the same words for
    every row refused for it); ``detail`` is this row's value that earned it (the damaged
    cell as written), listed with its line for the officer to find and fix."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


def _text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


_NUMBER_REASONS = {  # the import report's wording of kiosk.number16's rules
    Problem.SCIENTIFIC: ("{label} rusak oleh spreadsheet (notasi ilmiah)", "{text}"),
    Problem.NOT_DIGITS: ("{label} berisi bukan angka", "{text}"),
    Problem.LENGTH: ("{label} bukan 16 digit", "{text} ({n} digit)"),
    Problem.ZERO_SERIAL: ("{label} diakhiri 0000 (digit dinolkan spreadsheet)", "{text}"),
}


def number16(cell: Any, label: str, numeric_cell_suspect: bool) -> str | None:
    """A NIK or No. KK as 16 digits; refuse what a spreadsheet has mangled."""
    text = _text(cell)
    parsed = parse_number(text)
    problem = parsed.problem
    if problem is Problem.EMPTY:
        return None
    if problem is not None:
        reason, value = _NUMBER_REASONS[problem]
        raise Rejected(reason.format(label=label), value.format(text=text, n=parsed.length))
    digits = parsed.digits
    assert digits is not None
    if numeric_cell_suspect and isinstance(cell, int | float) and digits.endswith("0"):
        raise Rejected(
            _("{0} disimpan sebagai angka di Excel; digit terakhir mungkin hilang").format(label),
            text,
        )
    return digits


def _fast_date(text: str) -> date | None:
    """dd-mm-yyyy, dd/mm/yyyy and yyyy-mm-dd by slicing: strptime is the import's hot spot.

    Also d/m/yyyy with one-digit day or month (Excel's way of writing a date it recognised):
    only the ``%d?%m?%Y`` formats can read those, so a date that does not exist is None
    here exactly as it would be after trying every format (8/17/1990 has no month 17)."""
    try:
        if len(text) == 10 and text[2] in "-/." and text[5] == text[2]:
            return date(int(text[6:]), int(text[3:5]), int(text[:2]))
        if len(text) == 10 and text[4] in "-/" and text[7] == text[4]:
            return date(int(text[:4]), int(text[5:7]), int(text[8:]))
        if 8 <= len(text) <= 9 and text.isascii():
            sep = text[1] if text[1] in "-/." else text[2]
            parts = text.split(sep)
            if (
                sep in "-/."
                and len(parts) == 3
                and all(p.isdigit() for p in parts)
                and 1 <= len(parts[0]) <= 2
                and 1 <= len(parts[1]) <= 2
                and len(parts[2]) == 4
            ):
                return date(int(parts[2]), int(parts[1]), int(parts[0])) or _NO_DATE
    except ValueError:
        return _NO_DATE
    return None


_NO_DATE = date.min  # _fast_date's "no such date, do not try the other formats"


def parse_date(cell: Any) -> date | None:
    if cell is None or cell == "":
        return None
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    text = str(cell).strip().split(" ")[0]
    fast = _fast_date(text)
    if fast is _NO_DATE:
        return None
    if fast is not None:
        return fast
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


@lru_cache(maxsize=4096)
def _region_known(prefix: str) -> bool:
    return region_book().district(prefix) is not None


def _date_verdict(part: str, today: date) -> str | None:
    """``nik_janggal`` when the NIK's ddmmyy part (women +40) cannot be a birth date."""
    day, month, yy = int(part[:2]), int(part[2:4]), int(part[4:6])
    day = day - 40 if day > 40 else day
    try:
        born = date(2000 + yy, month, day)
        if born > today:
            born = date(1900 + yy, month, day)
    except ValueError:
        try:
            date(1900 + yy, month, day)
        except ValueError:
            return "nik_janggal"
    if not 1 <= int(part[:2]) <= 71 or 31 < int(part[:2]) < 41:
        return "nik_janggal"
    return None


def nik_verdict(nik: str, today: date) -> str | None:
    """The flag an official NIK earns: odd structure, or an unknown region."""
    verdict = _date_verdict(nik[6:12], today)
    if verdict is None and not _region_known(nik[:6]):
        return "wilayah_tidak_dikenal"
    return verdict


# The stored columns of a register row, in the order a converter returns them.
COLUMNS = (
    "snapshot_id",
    "register_id",
    "family_id",
    "nik",
    "no_kk",
    "name",
    "name_key",
    "birth_place",
    "birth_date",
    "sex",
    "relationship",
    "mother_name",
    "village_code",
    "address",
    "rt",
    "rw",
    "decile",
    "programmes",
    "flags",
)
_TEXT_FIELDS = {
    "register_id": 40,
    "family_id": 40,
    "birth_place": 80,
    "relationship": 30,
    "mother_name": 120,
    "address": 300,
    "rt": 3,
    "rw": 3,
}


def _name_columns(cells: tuple[str, ...], odd: set[int]) -> tuple[list[str], list[str]]:
    """Names and their search keys; oddly spaced, empty or too long names are marked ``odd``
    for the per-row rules (which clean or refuse them, with the reason)."""
    names = list(map(str.strip, cells))
    joined = " ".join(names)
    if "" in names or "  " in joined or not joined.isprintable():  # tabs, NBSP, controls
        odd.update(i for i, v in enumerate(names) if not v or _ODD_SPACING.search(v))
    if max(map(len, names)) > NAME_LIMIT:
        odd.update(i for i, v in enumerate(names) if len(v) > NAME_LIMIT)
    keys = name_keys(names)
    if max(map(len, keys)) > NAME_LIMIT:
        keys = list(map(itemgetter(slice(None, NAME_LIMIT)), keys))
    return names, keys


def _number_column(cells: tuple[str, ...], odd: set[int]) -> tuple[str, ...]:
    """A NIK or No. KK column as it is; cells that are not kiosk.number16's clean case are
    marked ``odd`` (number16 reads them row by row)."""
    digits = "".join(cells)
    if not (
        digits.isascii()
        and digits.isdigit()
        and len(digits) == 16 * len(cells)
        and set(map(len, cells)) == {16}
        and ZERO_SERIAL not in map(_TAIL, cells)
    ):
        odd.update(i for i, v in enumerate(cells) if not _NUMBER16.fullmatch(v))
    return cells


class RowConverter:
    """One file's rows checked and converted: the rules above, with per-value work done once.

    A district export repeats the same few thousand birth dates, sexes, deciles, village codes
    and programme-flag combinations a million times, and its NIKs share a few tens of thousands
    of date parts and a handful of regions. The converter caches those, takes a clean 16-digit
    NIK without the spreadsheet-damage checks it cannot need, and is generated as one flat
    function for the file's column layout (as ``dataclasses`` generates ``__init__``), so the
    rules cost a few microseconds a row. Anything unusual goes through the plain functions
    above, which stay the single statement of the rules.

    Calling it returns ``(values, flags)`` with values in :data:`COLUMNS` order, or raises
    :class:`Rejected`. ``dates_as_text`` gives ISO dates and the snapshot as 32 hex digits, as
    SQLAlchemy stores them on SQLite.
    """

    def __init__(self, mapping: Mapping, today: date, snapshot: Any, dates_as_text: bool):
        self.today = today
        self.dates_as_text = dates_as_text
        self.fields = mapping.fields
        self.flag_codes = mapping.flags
        self.flag_cols = tuple(sorted(mapping.flags))
        self.width = max([*mapping.fields.values(), *mapping.flags, 0]) + 1
        self._nik_dates = _Memo(self._date_part_verdict)
        self._regions = _Memo(_region_known)
        self._dates = _Memo(self._date_value)
        self._deciles = _Memo(self._decile_value)
        self._sexes = _Memo(lambda cell: _SEX.get(_text(cell).lower()))
        self._villages = _Memo(self._village_value)
        self._programmes = _Memo(self._programmes_value)
        if dates_as_text and snapshot is not None:
            snapshot = snapshot.hex
        self.snapshot = snapshot
        self._convert: Callable[[list[Any]], tuple[tuple[Any, ...], list[str]]] = self._generate(
            mapping, snapshot
        )

    def __call__(self, cells: list[Any]) -> tuple[tuple[Any, ...], list[str]]:
        return self._convert(cells)

    def chunk(self, rows: list[list[Any]], texts: bool = True) -> tuple[list[Any], list[int]]:
        """Convert many rows at once: one entry per row — its values, the :class:`Rejected`
        it raised, or None for a blank line — and the positions of the entries that are not
        values.

        With ``texts`` (every cell a string, as from a CSV) the rules run column by column
        through ``map``/``zip`` and the memos, so the interpreter's C loops do the per-row
        work; a row that any column finds unusual (empty or damaged NIK, a name with odd
        spacing, a short row) is then converted alone by the per-row function, which stays
        the single statement of the rules. Spreadsheet cells (numbers, dates) go row by row.
        """
        n = len(rows)
        odd: set[int] = set()
        if n == 0:
            return [], []
        if not texts:
            odd.update(range(n))
        elif min(map(len, rows), default=self.width) < self.width:
            odd.update(i for i, r in enumerate(rows) if len(r) < self.width)
            pad = [""] * self.width
            rows = [r if len(r) >= self.width else [*r, *pad[len(r) :]] for r in rows]
        values = self._columns(rows, odd) if texts and len(odd) < n else [None] * n
        problems: list[int] = []
        for i in sorted(odd):
            cells = rows[i]
            if all(c in _BLANK for c in cells):
                values[i] = None
                problems.append(i)
                continue
            try:
                values[i] = self._convert(cells)[0]
            except Rejected as exc:
                values[i] = exc.with_traceback(None)  # its frame would hold ``values``: a cycle
                problems.append(i)
        return values, problems

    def _columns(self, rows: list[list[str]], odd: set[int]) -> list[Any]:
        """The rules column by column; rows needing the per-row rules are added to ``odd``.

        Each check first asks the whole chunk one cheap question (are all these 16 ASCII
        digits? is any name oddly spaced?) and looks row by row only when the answer is no.
        """
        n = len(rows)
        fields = self.fields
        columns = list(zip(*rows, strict=False))  # one pass; rows have ``width`` cells or more

        def column(name: str) -> tuple[str, ...]:
            return columns[fields[name]]

        def text(name: str, limit: int) -> Any:
            if name not in fields:
                return repeat("", n)
            stripped = list(map(str.strip, column(name)))
            if max(map(len, stripped)) <= limit:
                return stripped
            return list(map(itemgetter(slice(None, limit)), stripped))

        def memo(name: str, cache: _Memo, default: Any) -> Any:
            if name not in fields:
                return repeat(default, n)
            return list(map(cache.__getitem__, column(name)))

        def checked(name: str, cache: _Memo, flag: str) -> Any:
            """A memo of (value, bad) pairs: the values, and ``flag`` for the bad ones."""
            if name not in fields:
                return repeat(None, n)
            pairs = memo(name, cache, None)
            bad = list(map(_SECOND, pairs))
            if any(bad):
                flag_parts.append([flag if b else None for b in bad])
            return list(map(_FIRST, pairs))

        names, keys = _name_columns(column("name"), odd)
        niks = _number_column(column("nik"), odd) if "nik" in fields else None
        no_kks = _number_column(column("no_kk"), odd) if "no_kk" in fields else None
        flag_parts = self._nik_flags(niks, n)
        born = checked("birth_date", self._dates, _UNREADABLE_DATE)
        decile = checked("decile", self._deciles, _BAD_DECILE)
        flags: Any = repeat("", n)
        if flag_parts:
            flags = [",".join(filter(None, f))[:100] for f in zip(*flag_parts, strict=True)]

        programmes: Any = repeat("", n)
        if self.flag_cols:
            keyed = zip(*(map(itemgetter(i), rows) for i in self.flag_cols), strict=True)
            programmes = list(map(self._programmes.__getitem__, keyed))
        return list(
            zip(
                repeat(self.snapshot, n),
                text("register_id", 40),
                text("family_id", 40),
                repeat(None, n) if niks is None else niks,
                no_kks or repeat(None, n),
                names,
                keys,
                text("birth_place", 80),
                born,
                memo("sex", self._sexes, None),
                text("relationship", 30),
                text("mother_name", 120),
                memo("village_code", self._villages, ""),
                text("address", 300),
                text("rt", 3),
                text("rw", 3),
                decile,
                programmes,
                flags,
                strict=True,
            )
        )

    def _nik_flags(self, niks: tuple[str, ...] | None, n: int) -> list[Any]:
        """The NIK's date-part and region flags per row, as one column of the flag parts."""
        if niks is None:
            return [repeat("tanpa_nik", n)]
        regions = list(map(self._regions.__getitem__, map(_REGION, niks)))
        verdicts = list(map(self._nik_dates.__getitem__, map(_DATE_PART, niks)))
        if not all(regions):
            verdicts = [
                v or (None if r else "wilayah_tidak_dikenal")
                for r, v in zip(regions, verdicts, strict=True)
            ]
        return [verdicts] if verdicts.count(None) != n else []

    # The plain rules, computed once per distinct value by the memos above.
    def _date_part_verdict(self, part: str) -> str | None:
        if len(part) != 6 or not (part.isascii() and part.isdigit()):
            return None  # not a NIK's date part: the row goes through number16 and is refused
        return _date_verdict(part, self.today)

    def _date_value(self, cell: Any) -> tuple[Any, bool]:
        born = parse_date(cell)
        value: Any = born.isoformat() if born is not None and self.dates_as_text else born
        return value, cell not in (None, "") and born is None

    @staticmethod
    def _decile_value(cell: Any) -> tuple[int | None, bool]:
        text = _text(cell)
        ok = text.isascii() and text.isdigit() and 1 <= int(text) <= 10
        return int(text) if ok else None, bool(text) and not ok

    @staticmethod
    def _village_value(cell: Any) -> str:
        digits = "".join(c for c in _text(cell) if c.isdigit())
        return digits if len(digits) == 10 else ""

    def _programmes_value(self, key: tuple[Any, ...]) -> str:
        codes = {
            self.flag_codes[i]
            for i, v in zip(self.flag_cols, key, strict=True)
            if _text(v).lower() in _TRUE
        }
        return ",".join(sorted(codes))[:200]

    def _generate(self, mapping: Mapping, snapshot: Any) -> Any:
        """The per-row function for this file's columns (see :mod:`kiosk.dtks.row_source`)."""
        code = convert_source(mapping.fields, self.width, self.flag_cols, NAME_LIMIT)
        scope: dict[str, Any] = {
            "_text": _text,
            "Rejected": Rejected,
            "LONG_NAME": LONG_NAME,
            "number16": number16,
            "name_key": name_key,
            "snapshot": snapshot,
            "regions": self._regions,
            "nik_dates": self._nik_dates,
            "dates": self._dates,
            "deciles": self._deciles,
            "sexes": self._sexes,
            "villages": self._villages,
            "programmes": self._programmes,
        }
        self.source = code  # kept for a traceback's reader
        exec(self.source, scope)  # built above from column numbers only
        return scope["convert"]


_BLANK = (None, "")
_ODD_SPACING = re.compile(r"\s\s|[^\S ]")  # what ' '.join(name.split()) would change
_NUMBER16 = CLEAN  # number16's clean case, fullmatch
_REGION = itemgetter(slice(None, 6))
_TAIL = itemgetter(slice(12, None))
_DATE_PART = itemgetter(slice(6, 12))
_FIRST = itemgetter(0)
_SECOND = itemgetter(1)
_UNREADABLE_DATE = "tgl_lahir_tidak_terbaca"
_BAD_DECILE = "desil_tidak_valid"


class _Memo(dict[Any, Any]):
    """``value -> rule(value)``, the rule applied on first sight only.

    Bounded: a column of all-different values (timestamps where dates were expected) would
    otherwise keep a million of them; past the bound the rule simply runs each time.
    """

    __slots__ = ("rule",)
    LIMIT = 200_000

    def __init__(self, rule: Callable[[Any], Any]):
        super().__init__()
        self.rule = rule

    def __missing__(self, key: Any) -> Any:
        value = self.rule(key)
        if len(self) < self.LIMIT:
            self[key] = value
        return value
