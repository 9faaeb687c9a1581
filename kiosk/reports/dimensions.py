"""The disaggregations a count may be split by, and the words shown for their values.

Sex is not here: every count of people is split by it, always, as a column. The others are
rows. A dimension reads its value from a fact (a dict a source produced); the programme
dimension may hold several values (a household on PKH and BPNT is counted once under each).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

Fact = dict[str, Any]

AGE_BANDS = ("0-5", "6-17", "18-59", "60+")
UNKNOWN = "?"


def age_band(born: date | None, on: date) -> str:
    """The age group on ``on`` (the period's last day): 0-5, 6-17, 18-59, 60+ or "?"."""
    if born is None:
        return UNKNOWN
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    if age < 0:
        return UNKNOWN
    if age <= 5:
        return "0-5"
    if age <= 17:
        return "6-17"
    return "18-59" if age <= 59 else "60+"


def sex_key(value: object) -> str:
    """L, P or "?" from what was stored (a KTP's L/P; anything else is unknown)."""
    text = str(value or "").strip().upper()[:1]
    return text if text in ("L", "P") else UNKNOWN


@dataclass(frozen=True)
class Dimension:
    """``read`` gives a fact's value(s); ``reference`` names the list its words come from."""

    code: str
    label: str
    read: Callable[[Fact, date], str | tuple[str, ...]]
    reference: str | None = None
    fixed: dict[str, str] | None = None
    order: tuple[str, ...] = ()


def _field(name: str) -> Callable[[Fact, date], str]:
    return lambda fact, _on: str(fact.get(name) or UNKNOWN)


def _decile(fact: Fact, _on: date) -> str:
    d = fact.get("decile")
    return str(d) if d else UNKNOWN


def _disability(fact: Fact, _on: date) -> str:
    return str(fact.get("disability") or "tidak")


def _programmes(fact: Fact, _on: date) -> tuple[str, ...]:
    return tuple(fact.get("programmes") or ())


def _combination(fact: Fact, _on: date) -> str:
    progs = fact.get("programmes") or ()
    return " + ".join(progs) if progs else "tanpa program"


DIMENSIONS: dict[str, Dimension] = {
    d.code: d
    for d in (
        Dimension(
            "total",
            "Jumlah",
            lambda _f, _o: "semua",
            fixed={"semua": "Semua"},
        ),
        Dimension(
            "age",
            "Kelompok umur",
            lambda f, on: f.get("age") or age_band(f.get("birth_date"), on),
            fixed={**{b: f"{b} tahun" for b in AGE_BANDS}, UNKNOWN: "Tidak diketahui"},
            order=(*AGE_BANDS, UNKNOWN),
        ),
        Dimension(
            "disability",
            "Disabilitas",
            _disability,
            reference="disabilitas",
            fixed={"tidak": "Tanpa disabilitas"},
        ),
        Dimension(
            "decile",
            "Desil DTKS/DTSEN",
            _decile,
            fixed={**{str(i): f"Desil {i}" for i in range(1, 11)}, UNKNOWN: "Tanpa desil"},
            order=(*(str(i) for i in range(1, 11)), UNKNOWN),
        ),
        Dimension("sector", "Sektor", _field("sector"), reference="sektor"),
        Dimension("channel", "Saluran", _field("channel"), reference="saluran"),
        Dimension("category", "Kategori keluhan", _field("category"), reference="kategori_keluhan"),
        Dimension("kind", "Jenis", _field("kind"), reference="jenis_keluhan"),
        Dimension("ppks_type", "Jenis PPKS", _field("ppks_type"), reference="jenis_ppks"),
        Dimension(
            "update_kind",
            "Jenis pemutakhiran",
            _field("update_kind"),
            reference="jenis_pemutakhiran",
        ),
        Dimension("programme", "Program", _programmes, reference="program"),
        Dimension("combination", "Kombinasi program", _combination),
        Dimension("dusun", "Dusun", _field("dusun"), fixed={UNKNOWN: "Tanpa dusun"}),
        Dimension("status", "Status", _field("status"), reference="status"),
        Dimension(
            "subject",
            "Sasaran kasus",
            _field("subject"),
            fixed={"orang": "Perorangan", "keluarga": "Keluarga", "komunitas": "Komunitas"},
            order=("orang", "keluarga", "komunitas"),
        ),
        Dimension("desk", "Meja layanan", _field("desk"), reference="meja_layanan"),
        Dimension(
            "destination", "Tujuan rujukan", _field("destination"), reference="tujuan_rujukan"
        ),
        Dimension(
            "dtks",
            "Status DTKS",
            _field("dtks_status"),
            fixed={
                "terdaftar": "Terdaftar",
                "tidak_terdaftar": "Tidak terdaftar",
                "belum_dicek": "Belum dicek",
                "tanpa_data": "Tanpa data DTKS",
            },
        ),
    )
}
