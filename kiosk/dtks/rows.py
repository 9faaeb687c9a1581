"""Turn one exported row into a register record, or say exactly why not.

Spreadsheets mangle 16-digit numbers: scientific notation (3.32402E+15) or the 16th digit
zeroed (Excel keeps 15 significant digits). Those are refused and reported, never stored.
Structurally odd NIKs that an official export really contains (a day of 32, a date that does
not exist) are kept and flagged, because the register is the authority on them.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from kiosk.dtks.columns import Mapping
from kiosk.names import name_key
from kiosk.regions import region_book

_SCI = re.compile(r"^\s*\d(?:[.,]\d+)?\s*[eE]\s*\+?\s*\d+\s*$")
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


class Rejected(Exception):
    """A row that cannot be stored; ``reason`` is what the report shows."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def number16(cell: Any, label: str, numeric_cell_suspect: bool) -> str | None:
    """A NIK or No. KK as 16 digits; refuse what a spreadsheet has mangled."""
    text = _text(cell)
    if not text:
        return None
    if _SCI.match(text):
        raise Rejected(f"{label} rusak oleh spreadsheet (notasi ilmiah {text})")
    digits = text.replace(" ", "").replace("'", "").replace(".", "")
    if not (digits.isascii() and digits.isdigit()):  # "²" is a digit to str.isdigit
        raise Rejected(f"{label} berisi bukan angka")
    if len(digits) != 16:
        raise Rejected(f"{label} bukan 16 digit ({len(digits)} digit)")
    if digits.endswith("0000"):
        raise Rejected(f"{label} diakhiri 0000 (digit dinolkan spreadsheet)")
    if numeric_cell_suspect and isinstance(cell, int | float) and digits.endswith("0"):
        raise Rejected(f"{label} disimpan sebagai angka di Excel; digit terakhir mungkin hilang")
    return digits


def _fast_date(text: str) -> date | None:
    """dd-mm-yyyy, dd/mm/yyyy and yyyy-mm-dd by slicing: strptime is the import's hot spot."""
    try:
        if len(text) == 10 and text[2] in "-/." and text[5] == text[2]:
            return date(int(text[6:]), int(text[3:5]), int(text[:2]))
        if len(text) == 10 and text[4] in "-/" and text[7] == text[4]:
            return date(int(text[:4]), int(text[5:7]), int(text[8:]))
    except ValueError:
        return None
    return None


def parse_date(cell: Any) -> date | None:
    if cell is None or cell == "":
        return None
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    text = str(cell).strip().split(" ")[0]
    fast = _fast_date(text)
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
        self.flag_codes = mapping.flags
        self.flag_cols = tuple(sorted(mapping.flags))
        self._nik_dates: dict[str, str | None] = {}
        self._dates: dict[Any, tuple[Any, bool]] = {}
        self._deciles: dict[Any, tuple[int | None, bool]] = {}
        self._sexes: dict[Any, str | None] = {}
        self._villages: dict[Any, str] = {}
        self._programmes: dict[tuple[Any, ...], str] = {}
        if dates_as_text and snapshot is not None:
            snapshot = snapshot.hex
        self._convert = self._generate(mapping, snapshot)

    def __call__(self, cells: list[Any]) -> tuple[tuple[Any, ...], list[str]]:
        return self._convert(cells)  # type: ignore[no-any-return]

    # Cache misses: the plain rules, remembered per distinct value.
    def _verdict_miss(self, nik: str) -> str | None:
        part = nik[6:12]
        if part not in self._nik_dates:
            self._nik_dates[part] = _date_verdict(part, self.today)
        verdict = self._nik_dates[part]
        if verdict is None and not _region_known(nik[:6]):
            return "wilayah_tidak_dikenal"
        return verdict

    def _date_miss(self, cell: Any) -> tuple[Any, bool]:
        born = parse_date(cell)
        value: Any = born.isoformat() if born is not None and self.dates_as_text else born
        result = self._dates[cell] = (value, cell not in (None, "") and born is None)
        return result

    def _decile_miss(self, cell: Any) -> tuple[int | None, bool]:
        text = _text(cell)
        ok = text.isascii() and text.isdigit() and 1 <= int(text) <= 10
        result = self._deciles[cell] = (int(text) if ok else None, bool(text) and not ok)
        return result

    def _sex_miss(self, cell: Any) -> str | None:
        sex = self._sexes[cell] = _SEX.get(_text(cell).lower())
        return sex

    def _village_miss(self, cell: Any) -> str:
        digits = "".join(c for c in _text(cell) if c.isdigit())
        code = self._villages[cell] = digits if len(digits) == 10 else ""
        return code

    def _programmes_miss(self, key: tuple[Any, ...]) -> str:
        codes = {
            self.flag_codes[i]
            for i, v in zip(self.flag_cols, key, strict=True)
            if _text(v).lower() in _TRUE
        }
        joined = self._programmes[key] = ",".join(sorted(codes))[:200]
        return joined

    def _generate(self, mapping: Mapping, snapshot: Any) -> Any:
        fields = mapping.fields
        width = max([*fields.values(), *mapping.flags, 0]) + 1

        def text(name: str, limit: int) -> str:
            i = fields.get(name)
            if i is None:
                return "''"
            return f"((v := c[{i}]).strip() if v.__class__ is str else _text(v))[:{limit}]"

        def cached(name: str, cache: str, miss: str, default: str) -> str:
            i = fields.get(name)
            if i is None:
                return default
            return f"{cache}[v] if (v := c[{i}]) in {cache} else {miss}(v)"

        def number(name: str, label: str) -> list[str]:
            i = fields.get(name)
            if i is None:
                return [f"    {name} = None"]
            return [
                f"    v = c[{i}]",
                "    if v.__class__ is str and len(v) == 16 and v.isascii() and v.isdigit() "
                "and v[12:] != '0000':",
                f"        {name} = v",
                "    else:",
                f"        {name} = number16(v, {label!r}, True)",
            ]

        flag_key = "(" + "".join(f"c[{i}], " for i in self.flag_cols) + ")"
        code = [
            "def convert(c):",
            f"    if len(c) < {width}:",
            f"        c = [*c, *([''] * ({width} - len(c)))]",
            f"    v = c[{fields['name']}]" if "name" in fields else "    v = ''",
            "    name = ' '.join((v if v.__class__ is str else _text(v)).split())",
            "    if not name:",
            "        raise Rejected('nama kosong')",
            "    flags = []",
            *number("nik", "NIK"),
            *number("no_kk", "No. KK"),
            "    if nik is None:",
            "        flags.append('tanpa_nik')",
            "    else:",
            "        verdict = nik_dates.get(nik[6:12], '?') if region_ok[nik[:6]] else '?'",
            "        if verdict == '?':",
            "            verdict = verdict_miss(nik)",
            "        if verdict:",
            "            flags.append(verdict)",
            "    born, unreadable = " + cached("birth_date", "dates", "date_miss", "(None, False)"),
            "    if unreadable:",
            "        flags.append('tgl_lahir_tidak_terbaca')",
            "    decile, bad_decile = "
            + cached("decile", "deciles", "decile_miss", "(None, False)"),
            "    if bad_decile:",
            "        flags.append('desil_tidak_valid')",
            "    return (",
            "        snapshot,",
            f"        {text('register_id', 40)},",
            f"        {text('family_id', 40)},",
            "        nik,",
            "        no_kk,",
            "        name[:120],",
            "        name_key(name)[:120],",
            f"        {text('birth_place', 80)},",
            "        born,",
            "        " + cached("sex", "sexes", "sex_miss", "None") + ",",
            f"        {text('relationship', 30)},",
            f"        {text('mother_name', 120)},",
            "        " + cached("village_code", "villages", "village_miss", "''") + ",",
            f"        {text('address', 300)},",
            f"        {text('rt', 3)},",
            f"        {text('rw', 3)},",
            "        decile,",
            "        "
            + (
                f"programmes[k] if (k := {flag_key}) in programmes else programmes_miss(k),"
                if self.flag_cols
                else "'',"
            ),
            "        ','.join(flags)[:100],",
            "    ), flags",
        ]
        scope: dict[str, Any] = {
            "_text": _text,
            "Rejected": Rejected,
            "number16": number16,
            "name_key": name_key,
            "snapshot": snapshot,
            "region_ok": _RegionsKnown(),
            "nik_dates": self._nik_dates,
            "verdict_miss": self._verdict_miss,
            "dates": self._dates,
            "date_miss": self._date_miss,
            "deciles": self._deciles,
            "decile_miss": self._decile_miss,
            "sexes": self._sexes,
            "sex_miss": self._sex_miss,
            "villages": self._villages,
            "village_miss": self._village_miss,
            "programmes": self._programmes,
            "programmes_miss": self._programmes_miss,
        }
        self.source = "\n".join(code)  # kept for a traceback's reader
        exec(self.source, scope)  # built above from column numbers only
        return scope["convert"]


class _RegionsKnown(dict[str, bool]):
    """``prefix -> True`` for known regions, filled on first sight (unknown ones map False)."""

    def __missing__(self, prefix: str) -> bool:
        known = self[prefix] = _region_known(prefix)
        return known
