"""Turn one exported row into a register record, or say exactly why not.

Spreadsheets mangle 16-digit numbers: scientific notation (3.32402E+15) or the 16th digit
zeroed (Excel keeps 15 significant digits). Those are refused and reported, never stored.
Structurally odd NIKs that an official export really contains (a day of 32, a date that does
not exist) are kept and flagged, because the register is the authority on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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


@dataclass
class Parsed:
    values: dict[str, Any]
    flags: list[str]


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
    if not digits.isdigit():
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


def nik_verdict(nik: str, today: date) -> str | None:
    """The flag an official NIK earns: odd structure, or an unknown region (cached by prefix)."""
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
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
    if not 1 <= int(nik[6:8]) <= 71 or 31 < int(nik[6:8]) < 41:
        return "nik_janggal"
    if not _region_known(nik[:6]):
        return "wilayah_tidak_dikenal"
    return None


def parse_row(cells: list[Any], mapping: Mapping, today: date) -> Parsed:
    def get(field: str) -> Any:
        i = mapping.fields.get(field)
        return cells[i] if i is not None and i < len(cells) else None

    flags: list[str] = []
    name = " ".join(_text(get("name")).split())
    if not name:
        raise Rejected("nama kosong")
    nik = number16(get("nik"), "NIK", True)
    no_kk = number16(get("no_kk"), "No. KK", True)
    if nik is None:
        flags.append("tanpa_nik")
    else:
        verdict = nik_verdict(nik, today)
        if verdict:
            flags.append(verdict)
    born_raw = get("birth_date")
    born = parse_date(born_raw)
    if born_raw not in (None, "") and born is None:
        flags.append("tgl_lahir_tidak_terbaca")
    sex = _SEX.get(_text(get("sex")).lower())
    decile_text = _text(get("decile"))
    decile = int(decile_text) if decile_text.isdigit() and 1 <= int(decile_text) <= 10 else None
    if decile_text and decile is None:
        flags.append("desil_tidak_valid")
    programmes = sorted(
        {
            code
            for i, code in mapping.flags.items()
            if i < len(cells) and _text(cells[i]).lower() in _TRUE
        }
    )
    village = "".join(c for c in _text(get("village_code")) if c.isdigit())
    return Parsed(
        {
            "register_id": _text(get("register_id"))[:40],
            "family_id": _text(get("family_id"))[:40],
            "nik": nik,
            "no_kk": no_kk,
            "name": name[:120],
            "name_key": name_key(name)[:120],
            "birth_place": _text(get("birth_place"))[:80],
            "birth_date": born,
            "sex": sex,
            "relationship": _text(get("relationship"))[:30],
            "mother_name": _text(get("mother_name"))[:120],
            "village_code": village[:10] if len(village) == 10 else "",
            "address": _text(get("address"))[:300],
            "rt": _text(get("rt"))[:3],
            "rw": _text(get("rw"))[:3],
            "decile": decile,
            "programmes": ",".join(programmes)[:200],
            "flags": ",".join(flags)[:100],
        },
        flags,
    )
