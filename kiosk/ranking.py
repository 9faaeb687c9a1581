"""Ranking a village's households for a regional or village programme (Balangan art. 8,
Barito Selatan art. 9: "pemeringkatan calon penerima manfaat").

The coordinator chooses the weights; every household's score is the weighted sum of a few
plain facts, each scaled to 0..1, so the reasons can be read off the row:

- ``decile``: (11 - decile) / 10 (decile 1 gives 1.0, decile 10 gives 0.1);
- ``children``: members aged 0-5, counted up to three;
- ``school``: members aged 6-21, up to three;
- ``elderly``: members aged 60 or more, up to two;
- ``disability``: members with a disability recorded at the counter, up to two;
- ``need``: the programme recorded as needed at a visit (1 or 0);
- ``size``: members, up to eight.

Excluded, and listed with the reason: already receiving the programme, living outside the
village, no decile on the snapshot (missing data). Ties go to the lower decile, then the larger
household, then the household's key: the same inputs always give the same order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kiosk.errors import ValidationError
from kiosk.messages import _

DEFAULT_WEIGHTS: Mapping[str, float] = {
    "decile": 5.0,
    "children": 2.0,
    "school": 1.0,
    "elderly": 2.0,
    "disability": 3.0,
    "need": 2.0,
    "size": 1.0,
}
CAPS = {"children": 3, "school": 3, "elderly": 2, "disability": 2, "size": 8}
WORDS = {
    "decile": "desil",
    "children": "balita",
    "school": "anak usia sekolah",
    "elderly": "lansia",
    "disability": "disabilitas",
    "need": "kebutuhan tercatat",
    "size": "jumlah anggota",
}


@dataclass(frozen=True)
class Candidate:
    """One household as the ranking sees it."""

    key: str  # id_keluarga, else No. KK
    head: str  # the head's (or first member's) name, for the list read at the meeting
    nik: str  # the head's NIK (masked on anything printed)
    no_kk: str
    decile: int | None
    members: int
    children: int
    school: int
    elderly: int
    disability: int
    need: bool
    receiving: frozenset[str]
    resident: bool


@dataclass(frozen=True)
class Ranked:
    rank: int
    candidate: Candidate
    score: float
    reasons: tuple[str, ...]  # each fact's share of the score, largest first
    within_quota: bool


@dataclass(frozen=True)
class Excluded:
    candidate: Candidate
    reason: str


@dataclass(frozen=True)
class Ranking:
    programme: str
    quota: int
    weights: Mapping[str, float]
    ranked: tuple[Ranked, ...] = field(default_factory=tuple)
    excluded: tuple[Excluded, ...] = field(default_factory=tuple)


def check_weights(weights: Mapping[str, float] | None) -> dict[str, float]:
    chosen = dict(DEFAULT_WEIGHTS if weights is None else weights)
    unknown = set(chosen) - set(DEFAULT_WEIGHTS)
    if unknown:
        known = ", ".join(DEFAULT_WEIGHTS)
        raise ValidationError(
            _("Bobot tidak dikenal: {0}. Yang dikenal: {1}.").format(
                ", ".join(sorted(unknown)), known
            )
        )
    if any(w < 0 for w in chosen.values()) or not any(chosen.values()):
        raise ValidationError(_("Bobot tidak boleh negatif, dan paling sedikit satu lebih dari 0."))
    return chosen


def features(c: Candidate) -> dict[str, float]:
    """The facts scaled to 0..1 (see the module's docstring)."""
    return {
        "decile": (11 - c.decile) / 10 if c.decile else 0.0,
        "children": min(c.children, CAPS["children"]) / CAPS["children"],
        "school": min(c.school, CAPS["school"]) / CAPS["school"],
        "elderly": min(c.elderly, CAPS["elderly"]) / CAPS["elderly"],
        "disability": min(c.disability, CAPS["disability"]) / CAPS["disability"],
        "need": 1.0 if c.need else 0.0,
        "size": min(c.members, CAPS["size"]) / CAPS["size"],
    }


def _exclusion(c: Candidate, programme: str) -> str | None:
    if programme in c.receiving:
        return f"sudah menerima {programme}"
    if not c.resident:
        return "tinggal di luar desa ini"
    if c.decile is None:
        return "desil tidak ada di DTKS/DTSEN (data belum lengkap)"
    return None


def rank(
    candidates: Iterable[Candidate],
    programme: str,
    quota: int,
    weights: Mapping[str, float] | None = None,
) -> Ranking:
    """Every household scored, ordered, the first ``quota`` marked; the rest excluded with why."""
    if quota < 1:
        raise ValidationError(_("Kuota paling sedikit 1 keluarga."), field="quota")
    w = check_weights(weights)
    scored: list[tuple[float, Candidate, tuple[str, ...]]] = []
    excluded: list[Excluded] = []
    for c in candidates:
        reason = _exclusion(c, programme)
        if reason:
            excluded.append(Excluded(c, reason))
            continue
        shares = {k: w[k] * v for k, v in features(c).items() if w.get(k)}
        reasons = tuple(
            f"{WORDS[k]} {share:.2f}".replace(".", ",")
            for k, share in sorted(shares.items(), key=lambda kv: -kv[1])
            if share
        )
        scored.append((round(sum(shares.values()), 6), c, reasons))
    scored.sort(key=lambda t: (-t[0], t[1].decile or 99, -t[1].members, t[1].key))
    ranked = tuple(
        Ranked(i, c, score, reasons, i <= quota) for i, (score, c, reasons) in enumerate(scored, 1)
    )
    excluded.sort(key=lambda e: (e.reason, e.candidate.key))
    return Ranking(programme, quota, w, ranked, tuple(excluded))
