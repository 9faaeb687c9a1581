"""Programme criteria as rows of a form: a field, a test on it and a value, each row either
required (``wajib``) or one of a group of which one must hold (``salah_satu``).

The administrator picks the field and the test from lists and types only the value, so a typing
slip in JSON can no longer lose a programme's criteria. The rows become the rule language of
:mod:`kiosk.eligibility` (``all`` of the required rows and ``any`` of the others) and back; a
rule deeper than that (from an older catalogue) is shown as it is and replaced only when saved.
Values are read here with the row's number in the refusal; the rule is then checked by
:func:`kiosk.eligibility.check_rule`, as every stored rule is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.eligibility import OLDEST, check_rule
from kiosk.errors import ValidationError
from kiosk.messages import _

REQUIRED, ONE_OF = "wajib", "salah_satu"
AND_OLDER = 200  # the upper age written for "and older", as the shipped catalogue has it


@dataclass(frozen=True)
class Operator:
    test: str  # the test of kiosk.eligibility
    value: str  # what is typed: "", "decile", "age", "age_range", "codes"


# field -> its tests, in the order the form offers them
FIELDS: Mapping[str, Mapping[str, Operator]] = {
    "desil": {"paling_tinggi": Operator("decile_max", "decile")},
    "usia_anggota": {
        "antara": Operator("member_age", "age_range"),
        "paling_rendah": Operator("member_age", "age"),
    },
    "disabilitas": {"ada": Operator("member_disability", "")},
    "hamil": {"ada": Operator("pregnant", "")},
    "domisili": {"di_desa_ini": Operator("resident", "")},
    "program": {"tidak_menerima": Operator("not_receiving", "codes")},
}


@dataclass(frozen=True)
class Criterion:
    field: str
    op: str
    value: str = ""
    group: str = REQUIRED


def _row(node: Mapping[str, Any], group: str) -> Criterion | None:
    if len(node) != 1:
        return None
    ((test, value),) = node.items()
    if test == "decile_max":
        return Criterion("desil", "paling_tinggi", str(value), group)
    if test == "member_age":
        low, high = value
        if high >= OLDEST:
            return Criterion("usia_anggota", "paling_rendah", str(low), group)
        return Criterion("usia_anggota", "antara", f"{low}-{high}", group)
    if test == "not_receiving":
        return Criterion("program", "tidak_menerima", ", ".join(value), group)
    for field, ops in FIELDS.items():
        for op, operator in ops.items():
            if operator.test == test:
                return Criterion(field, op, "", group)
    return None


def rows_of(rule: Mapping[str, Any]) -> list[Criterion] | None:
    """The form's rows for ``rule``, or ``None`` when it is deeper than the form shows."""
    if not rule:
        return []
    if "any" in rule:
        rows = [_row(n, ONE_OF) for n in rule["any"]]
    elif "all" in rule:
        rows = []
        groups = [n for n in rule["all"] if "any" in n or "all" in n]
        if len(groups) > 1 or any("all" in g for g in groups):
            return None
        for node in rule["all"]:
            rows += (
                [_row(n, ONE_OF) for n in node["any"]] if "any" in node else [_row(node, REQUIRED)]
            )
    else:
        rows = [_row(rule, REQUIRED)]
    return None if any(r is None for r in rows) else [r for r in rows if r is not None]


def _number(text: str, low: int, high: int) -> int | None:
    return int(text) if text.isdigit() and low <= int(text) <= high else None


def _value(row: Criterion, kind: str, number: int, programmes: Sequence[str]) -> Any:
    text = row.value.strip()
    if kind == "":
        return True
    if kind == "decile":
        decile = _number(text, 1, 10)
        if decile is None:
            raise ValidationError(
                _("Baris {0}: desil ditulis sebagai angka 1 sampai 10 (mis. 4).").format(number),
                field="rules",
            )
        return decile
    if kind == "age":
        age = _number(text, 0, OLDEST - 1)
        if age is None:
            raise ValidationError(
                _("Baris {0}: usia ditulis sebagai angka tahun (mis. 60).").format(number),
                field="rules",
            )
        return [age, AND_OLDER]
    if kind == "age_range":
        found = re.fullmatch(r"(\d+)\s*-\s*(\d+)", text)
        if not found or int(found[1]) > int(found[2]) or int(found[2]) >= OLDEST:
            raise ValidationError(
                _(
                    "Baris {0}: rentang usia ditulis 'dari-sampai' dalam tahun (mis. 0-5); "
                    "angka pertama tidak lebih besar dari yang kedua."
                ).format(number),
                field="rules",
            )
        return [int(found[1]), int(found[2])]
    codes = [c.strip().upper() for c in text.split(",") if c.strip()]
    unknown = [c for c in codes if programmes and c not in programmes]
    if not codes or unknown:
        raise ValidationError(
            _(
                "Baris {0}: tulis kode program di katalog, dipisah koma (mis. PKH, BPNT). "
                "Tidak dikenal: {1}."
            ).format(number, ", ".join(unknown) or "-"),
            field="rules",
        )
    return codes


def rule_of(rows: Iterable[Criterion], programmes: Sequence[str] = ()) -> dict[str, Any]:
    """The stored rule for the form's rows; a row that cannot be read is refused by number.
    ``programmes``: the catalogue's codes, which a "not receiving" row may name."""
    required: list[dict[str, Any]] = []
    one_of: list[dict[str, Any]] = []
    for number, row in enumerate(rows, start=1):
        operator = FIELDS.get(row.field, {}).get(row.op)
        if operator is None:
            raise ValidationError(
                _("Baris {0}: pilih data dan ujinya dari daftar.").format(number), field="rules"
            )
        node = {operator.test: _value(row, operator.value, number, programmes)}
        (one_of if row.group == ONE_OF else required).append(node)
    if one_of and required:
        rule: dict[str, Any] = {"all": [*required, {"any": one_of}]}
    elif one_of:
        rule = {"any": one_of}
    else:
        rule = {"all": required} if required else {}
    return check_rule(rule)
