"""Programme criteria as data, evaluated against what the office knows of a household.

A rule is JSON the administrator (or the kabupaten) may change without a new release::

    {"all": [{"decile_max": 4}, {"any": [{"member_age": [0, 5]}, {"pregnant": true}]}]}

Each test answers yes, no or *unknown*: the kiosk does not record pregnancy, a household may
have no DTKS decile, a member's birth date may be missing. ``all`` fails on any no and is
unknown on any unknown; ``any`` holds on any yes and is unknown on any unknown. The result is
a hint with its reasons ("mungkin memenuhi syarat"), never a decision: the officer reads which
criteria were met, which failed and which could not be checked.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kiosk.errors import ValidationError
from kiosk.messages import _

Verdict = bool | None  # yes, no, unknown
OLDEST = 150  # a member_age upper bound from here on means "and older"


@dataclass(frozen=True)
class Member:
    birth_date: date | None
    disability: str | None = None


@dataclass(frozen=True)
class HouseholdFacts:
    """What the office knows: members, DTKS decile, programmes received, residence."""

    members: tuple[Member, ...]
    decile: int | None
    receiving: frozenset[str]
    resident: bool | None
    today: date


@dataclass(frozen=True)
class Check:
    text: str  # the criterion in words, with what was found
    verdict: Verdict


@dataclass(frozen=True)
class Evaluation:
    verdict: Verdict
    checks: tuple[Check, ...] = field(default_factory=tuple)

    def met(self) -> list[str]:
        return [c.text for c in self.checks if c.verdict is True]

    def failed(self) -> list[str]:
        return [c.text for c in self.checks if c.verdict is False]

    def unknown(self) -> list[str]:
        return [c.text for c in self.checks if c.verdict is None]


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _decile_max(value: Any, f: HouseholdFacts) -> Check:
    if f.decile is None:
        return Check(f"desil DTKS/DTSEN paling tinggi {value} (desil tidak diketahui)", None)
    return Check(f"desil DTKS/DTSEN paling tinggi {value} (desil {f.decile})", f.decile <= value)


def _member_age(value: Any, f: HouseholdFacts) -> Check:
    low, high = int(value[0]), int(value[1])
    words = (
        f"ada anggota berusia {low}+ tahun"
        if high >= OLDEST
        else f"ada anggota berusia {low}-{high} tahun"
    )
    ages = [_age(m.birth_date, f.today) for m in f.members if m.birth_date]
    if any(low <= a <= high for a in ages):
        return Check(words, True)
    missing = len(ages) < len(f.members)
    return Check(
        words + (" (tanggal lahir belum lengkap)" if missing else ""), None if missing else False
    )


def _member_disability(_value: Any, f: HouseholdFacts) -> Check:
    yes = any(m.disability for m in f.members)
    return Check(
        "ada anggota penyandang disabilitas", True if yes else None if not f.members else False
    )


def _pregnant(_value: Any, _f: HouseholdFacts) -> Check:
    return Check("ada ibu hamil (tidak dicatat di loket)", None)


def _resident(_value: Any, f: HouseholdFacts) -> Check:
    return Check("tinggal di desa ini", f.resident)


def _not_receiving(value: Any, f: HouseholdFacts) -> Check:
    overlap = sorted(set(value) & f.receiving)
    text = f"tidak menerima {', '.join(value)}"
    return Check(text + (f" (menerima {', '.join(overlap)})" if overlap else ""), not overlap)


TESTS: Mapping[str, Callable[[Any, HouseholdFacts], Check]] = {
    "decile_max": _decile_max,
    "member_age": _member_age,
    "member_disability": _member_disability,
    "pregnant": _pregnant,
    "resident": _resident,
    "not_receiving": _not_receiving,
}


def _all(verdicts: Sequence[Verdict]) -> Verdict:
    if any(v is False for v in verdicts):
        return False
    return None if any(v is None for v in verdicts) else True


def _any(verdicts: Sequence[Verdict]) -> Verdict:
    if any(v is True for v in verdicts):
        return True
    return None if any(v is None for v in verdicts) else False


def evaluate(rule: Mapping[str, Any], facts: HouseholdFacts) -> Evaluation:
    """The rule's verdict and every test it made, in the rule's order."""
    checks: list[Check] = []

    def walk(node: Mapping[str, Any]) -> Verdict:
        if "all" in node or "any" in node:
            parts = [walk(child) for child in node.get("all") or node.get("any") or []]
            return _all(parts) if "all" in node else _any(parts)
        ((name, value),) = node.items()
        check = TESTS[name](value, facts)
        checks.append(check)
        return check.verdict

    return Evaluation(walk(rule), tuple(checks))


def _whole(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


VALUE_WORDS = {  # what each test's value must be, for the refusal
    "decile_max": _("Desil ditulis sebagai angka 1 sampai 10."),
    "member_age": _("Usia ditulis [dari, sampai] dalam tahun, dari tidak lebih besar."),
    "member_disability": _("Nilainya true."),
    "pregnant": _("Nilainya true."),
    "resident": _("Nilainya true."),
    "not_receiving": _('Tulis daftar kode program, mis. ["PKH", "BPNT"].'),
}


def _value_fits(name: str, value: Any) -> bool:
    """A value the test can read: a wrong one would fail at the counter, not here."""
    if name == "decile_max":
        return _whole(value) and 1 <= value <= 10
    if name == "member_age":
        return (
            isinstance(value, list)
            and len(value) == 2
            and all(_whole(v) and v >= 0 for v in value)
            and value[0] <= value[1]
        )
    if name == "not_receiving":
        return isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)
    return value is True


def check_rule(rule: Any) -> dict[str, Any]:
    """A rule as stored, or a clear refusal: an unknown test would be skipped silently."""
    if not isinstance(rule, dict):
        raise ValidationError(_("Kriteria harus berupa objek JSON."), field="rules")

    def walk(node: Any) -> None:
        if not isinstance(node, dict) or not node:
            raise ValidationError(_("Setiap kriteria harus berupa objek JSON."), field="rules")
        if "all" in node or "any" in node:
            children = node.get("all") or node.get("any")
            if len(node) != 1 or not isinstance(children, list) or not children:
                raise ValidationError(_("'all'/'any' berisi daftar kriteria."), field="rules")
            for child in children:
                walk(child)
            return
        if len(node) != 1 or next(iter(node)) not in TESTS:
            known = ", ".join(TESTS)
            raise ValidationError(
                _("Kriteria tidak dikenal. Yang dikenal: {0}.").format(known), field="rules"
            )
        ((name, value),) = node.items()
        if not _value_fits(name, value):
            raise ValidationError(
                _("Nilai kriteria {0} tidak dapat dipakai: {1}. {2}").format(
                    name, value, VALUE_WORDS[name]
                ),
                field="rules",
            )

    if rule:
        walk(rule)
    return rule
