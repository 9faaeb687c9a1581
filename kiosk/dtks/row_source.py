"""The source of the per-row converter, written for one file's columns.

A row whose cells the column rules could not take at once goes through a function made for
this file: its column numbers are written into the code, so a row costs one call with no
lookups by name. Only column numbers and constants go into the text (never a cell's value).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kiosk.number16 import ZERO_SERIAL


def _text(fields: Mapping[str, int], name: str, limit: int) -> str:
    i = fields.get(name)
    if i is None:
        return "''"
    return f"((v := c[{i}]).strip() if v.__class__ is str else _text(v))[:{limit}]"


def _cached(fields: Mapping[str, int], name: str, cache: str, default: str) -> str:
    i = fields.get(name)
    return default if i is None else f"{cache}[c[{i}]]"


def _number(fields: Mapping[str, int], name: str, label: str) -> list[str]:
    i = fields.get(name)
    if i is None:
        return [f"    {name} = None"]
    return [
        f"    v = c[{i}]",
        "    if v.__class__ is str and len(v) == 16 and v.isascii() and v.isdigit() "
        f"and v[12:] != {ZERO_SERIAL!r}:",
        f"        {name} = v",
        "    else:",
        f"        {name} = number16(v, {label!r}, True)",
    ]


def _checks(fields: Mapping[str, int], width: int, name_limit: int) -> list[str]:
    """Pad the row, clean the name, read the numbers and collect the flags."""
    return [
        "def convert(c):",
        f"    if len(c) < {width}:",
        f"        c = [*c, *([''] * ({width} - len(c)))]",
        f"    v = c[{fields['name']}]" if "name" in fields else "    v = ''",
        "    name = ' '.join((v if v.__class__ is str else _text(v)).split())",
        "    if not name:",
        "        raise Rejected('nama kosong')",
        f"    if len(name) > {name_limit}:",
        "        raise Rejected(LONG_NAME, name[:40] + '…')",
        "    flags = []",
        *_number(fields, "nik", "NIK"),
        *_number(fields, "no_kk", "No. KK"),
        "    if nik is None:",
        "        flags.append('tanpa_nik')",
        "    else:",
        "        verdict = nik_dates[nik[6:12]]",
        "        if verdict is None and not regions[nik[:6]]:",
        "            verdict = 'wilayah_tidak_dikenal'",
        "        if verdict:",
        "            flags.append(verdict)",
        "    born, unreadable = " + _cached(fields, "birth_date", "dates", "(None, False)"),
        "    if unreadable:",
        "        flags.append('tgl_lahir_tidak_terbaca')",
        "    decile, bad_decile = " + _cached(fields, "decile", "deciles", "(None, False)"),
        "    if bad_decile:",
        "        flags.append('desil_tidak_valid')",
    ]


def _record(fields: Mapping[str, int], flag_cols: Sequence[int]) -> list[str]:
    """The stored row, in ``rows.COLUMNS`` order."""
    flag_key = "(" + "".join(f"c[{i}], " for i in flag_cols) + ")"
    return [
        "    return (",
        "        snapshot,",
        f"        {_text(fields, 'register_id', 40)},",
        f"        {_text(fields, 'family_id', 40)},",
        "        nik,",
        "        no_kk,",
        "        name[:120],",
        "        name_key(name)[:120],",
        f"        {_text(fields, 'birth_place', 80)},",
        "        born,",
        "        " + _cached(fields, "sex", "sexes", "None") + ",",
        f"        {_text(fields, 'relationship', 30)},",
        f"        {_text(fields, 'mother_name', 120)},",
        "        " + _cached(fields, "village_code", "villages", "''") + ",",
        f"        {_text(fields, 'address', 300)},",
        f"        {_text(fields, 'rt', 3)},",
        f"        {_text(fields, 'rw', 3)},",
        "        decile,",
        "        " + (f"programmes[{flag_key}]," if flag_cols else "'',"),
        "        ','.join(flags)[:100],",
        "    ), flags",
    ]


def convert_source(
    fields: Mapping[str, int], width: int, flag_cols: Sequence[int], name_limit: int = 120
) -> str:
    """``def convert(c): ...`` for a file whose columns are at ``fields``."""
    return "\n".join([*_checks(fields, width, name_limit), *_record(fields, flag_cols)])
