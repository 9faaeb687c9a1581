"""The ranking's road to a decision: the coordinator submits a ranked list, the supervisor
reviews it (four eyes: never one's own), the musyawarah desa decides per household, and the
decision goes upstream (Balangan art. 8, Barito Selatan art. 9).

The list is stored as it was ranked, so the meeting decides on what the supervisor saw even if
the snapshot is replaced in between. Only the meeting's decision is sent to the kabupaten; a
ranking is a proposal, and a refused one stays in the office.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.clock import Clock
from kiosk.errors import Conflict, NotFound, PermissionDenied, ValidationError
from kiosk.identity import mask_nik
from kiosk.messages import _
from kiosk.models import Officer, RankingEntry, RankingList
from kiosk.ranking import Candidate, Excluded, Ranked, Ranking
from kiosk.roles import Perm
from kiosk.services.actor import Actor, authorize
from kiosk.services.journal import audit, record
from kiosk.services.participation import enrol_selected
from kiosk.services.ranking import ranked_for
from kiosk.services.registry import action

SUBMITTED, APPROVED, REJECTED, DECIDED = "diajukan", "disetujui", "ditolak", "diputuskan"
STATUS_WORDS = {
    SUBMITTED: "menunggu pemeriksaan supervisor",
    APPROVED: "disetujui supervisor, menunggu musyawarah desa",
    REJECTED: "ditolak supervisor",
    DECIDED: "sudah diputuskan musyawarah desa",
}
SELECTED, RESERVE, NOT_SELECTED = "ditetapkan", "cadangan", "tidak_ditetapkan"
DECISIONS = {
    SELECTED: "Ditetapkan",
    RESERVE: "Cadangan",
    NOT_SELECTED: "Tidak ditetapkan",
}


@dataclass(frozen=True)
class EntryView:
    id: uuid.UUID
    rank: int | None
    household_key: str
    no_kk: str
    head: str
    nik_masked: str
    decile: int | None
    score: float | None
    reasons: str
    within_quota: bool
    excluded_reason: str
    decision: str
    decision_note: str


@dataclass(frozen=True)
class ListView:
    id: uuid.UUID
    programme: str
    quota: int
    weights: Mapping[str, float]
    status: str
    status_words: str
    created_on: date
    created_by: str
    review_note: str
    meeting_on: date | None
    meeting_ref: str
    ranked: int
    excluded: int
    selected: int

    @property
    def title(self) -> str:
        """One line for a chooser: programme, day, status."""
        day = self.created_on.strftime("%d-%m-%Y")
        return f"{self.programme} · {day} · kuota {self.quota} · {self.status}"


def _load(session: Session, list_id: uuid.UUID) -> RankingList:
    found = session.get(RankingList, list_id)
    if found is None:
        raise NotFound(_("Daftar peringkat tidak ditemukan."))
    return found


def _view(session: Session, r: RankingList, clock: Clock) -> ListView:
    counts = dict(
        session.execute(
            select(RankingEntry.rank.is_(None), func.count())
            .where(RankingEntry.list_id == r.id)
            .group_by(RankingEntry.rank.is_(None))
        ).all()
    )
    selected = session.scalar(
        select(func.count()).where(RankingEntry.list_id == r.id, RankingEntry.decision == SELECTED)
    )
    maker = session.get(Officer, r.created_by)
    return ListView(
        r.id,
        r.programme_code,
        r.quota,
        dict(r.weights or {}),
        r.status,
        STATUS_WORDS.get(r.status, r.status),
        clock.local(r.created_at).date(),
        maker.full_name if maker else "-",
        r.review_note,
        r.meeting_on,
        r.meeting_ref,
        int(counts.get(False, 0)),
        int(counts.get(True, 0)),
        int(selected or 0),
    )


def _entry_view(e: RankingEntry) -> EntryView:
    return EntryView(
        e.id,
        e.rank,
        e.household_key,
        e.no_kk,
        e.head,
        mask_nik(e.nik) if e.nik else "",
        e.decile,
        e.score,
        e.reasons,
        e.within_quota,
        e.excluded_reason,
        e.decision,
        e.decision_note,
    )


def _entry(list_id: uuid.UUID, position: int, c: Candidate, **facts: object) -> RankingEntry:
    """One household of the list as ranked (or left out), before any decision."""
    return RankingEntry(
        list_id=list_id,
        position=position,
        household_key=c.key[:40],
        no_kk=c.no_kk[:16],
        head=c.head[:120],
        nik=c.nik[:16],
        decile=c.decile,
        decision="",
        decision_note="",
        **facts,
    )


def _store(session: Session, r: RankingList, result: Ranking) -> None:
    """The ranked households in their order, then the excluded with why."""
    session.add_all(
        _entry(
            r.id,
            x.rank,
            x.candidate,
            rank=x.rank,
            score=x.score,
            reasons="; ".join(x.reasons),
            within_quota=x.within_quota,
            excluded_reason="",
        )
        for x in result.ranked
    )
    after = len(result.ranked)
    session.add_all(
        _entry(
            r.id,
            after + i,
            x.candidate,
            rank=None,
            score=None,
            reasons="",
            within_quota=False,
            excluded_reason=x.reason,
        )
        for i, x in enumerate(result.excluded, 1)
    )


@action(Perm.APPROVE_COORDINATOR, label="Mengajukan daftar peringkat calon ke supervisor")
def submit_ranking(
    session: Session,
    actor: Actor,
    programme: str,
    quota: int,
    weights: Mapping[str, float] | None = None,
    clock: Clock | None = None,
) -> ListView:
    """Rank the village now and keep the list, as ranked, for the supervisor's review."""
    authorize(session, actor, Perm.VIEW_CASE)
    clock = clock or Clock()
    result = ranked_for(session, programme, quota, weights, clock.today())
    if not result.ranked:
        raise ValidationError(
            _("Tidak ada keluarga yang dapat diperingkat; tidak ada yang perlu diajukan.")
        )
    r = RankingList(
        id=uuid.uuid4(),
        programme_code=programme,
        quota=quota,
        weights=dict(result.weights),
        status=SUBMITTED,
        created_by=actor.id,
        created_at=clock.now(),
        review_note="",
        meeting_ref="",
    )
    session.add(r)
    session.flush()
    _store(session, r, result)
    session.flush()
    audit(
        session,
        actor.id,
        "peringkat_diajukan",
        "ranking_list",
        r.id,
        {"program": programme, "kuota": quota, "calon": len(result.ranked)},
    )
    return _view(session, r, clock)


@action(Perm.APPROVE_SUPERVISOR, label="Memeriksa daftar peringkat calon")
def review_ranking(
    session: Session,
    actor: Actor,
    list_id: uuid.UUID,
    approve: bool,
    note: str = "",
    clock: Clock | None = None,
) -> ListView:
    """Approve the list for the village meeting, or refuse it with a reason; never one's own."""
    clock = clock or Clock()
    r = _load(session, list_id)
    if r.status != SUBMITTED:
        raise Conflict(_("Daftar ini sudah diperiksa."))
    if r.created_by == actor.id:
        raise PermissionDenied(
            _("Daftar ini Anda ajukan sendiri; pemeriksaannya harus oleh petugas lain."),
            code="tidak_berwenang:menyetujui_sendiri",
        )
    if not approve and not note.strip():
        raise ValidationError(_("Tulis alasan penolakan untuk koordinator."), field="note")
    r.status = APPROVED if approve else REJECTED
    r.reviewed_by, r.reviewed_at, r.review_note = actor.id, clock.now(), note.strip()
    audit(
        session,
        actor.id,
        f"peringkat_{r.status}",
        "ranking_list",
        r.id,
        {"program": r.programme_code},
    )
    return _view(session, r, clock)


def _check_meeting(
    r: RankingList, meeting_on: date, meeting_ref: str, decisions: Mapping[str, str], today: date
) -> None:
    """The list must be reviewed and not yet decided; the meeting held, its record numbered."""
    if r.status == DECIDED:
        raise Conflict(_("Keputusan musyawarah untuk daftar ini sudah dicatat."))
    if r.status != APPROVED:
        raise Conflict(
            _("Daftar ini belum disetujui supervisor; keputusan musyawarah dicatat setelahnya.")
        )
    if not meeting_ref.strip():
        raise ValidationError(_("Tulis nomor berita acara musyawarah desa."), field="meeting_ref")
    if meeting_on > today:
        raise ValidationError(_("Tanggal musyawarah belum lewat."), field="meeting_on")
    bad = sorted(set(decisions.values()) - set(DECISIONS))
    if bad:
        raise ValidationError(
            _("Keputusan tidak dikenal: {0}. Pilih: {1}.").format(
                ", ".join(bad), ", ".join(DECISIONS)
            )
        )


def _ranked_by_key(entries: list[RankingEntry]) -> dict[str, RankingEntry]:
    """The ranked entries by the list's household key and by No. KK (the meeting's papers
    carry the No. KK)."""
    by_key: dict[str, RankingEntry] = {}
    for e in entries:
        if e.rank is not None:
            by_key[e.household_key] = e
            if e.no_kk:
                by_key.setdefault(e.no_kk, e)
    return by_key


@action(Perm.APPROVE_COORDINATOR, label="Mencatat keputusan musyawarah desa atas daftar peringkat")
def record_meeting_decision(
    session: Session,
    actor: Actor,
    list_id: uuid.UUID,
    meeting_on: date,
    meeting_ref: str,
    decisions: Mapping[str, str],
    notes: Mapping[str, str] | None = None,
    clock: Clock | None = None,
) -> ListView:
    """The meeting's decision for each ranked household (by No. KK or the list's key); a
    household not named is "tidak ditetapkan". The whole decision goes upstream at once."""
    clock = clock or Clock()
    notes = notes or {}
    r = _load(session, list_id)
    _check_meeting(r, meeting_on, meeting_ref, decisions, clock.today())
    entries = list(
        session.scalars(
            select(RankingEntry).where(RankingEntry.list_id == r.id).order_by(RankingEntry.position)
        )
    )
    by_key = _ranked_by_key(entries)
    unknown = sorted(k for k in decisions if k not in by_key)
    if unknown:
        raise ValidationError(
            _(
                "Keluarga ini tidak ada di peringkat daftar ini: {0}. Keluarga yang "
                "dikecualikan tidak dapat ditetapkan dari daftar ini."
            ).format(", ".join(unknown[:5]))
        )
    chosen = {by_key[k].id: v for k, v in decisions.items()}
    selected = sum(1 for v in chosen.values() if v == SELECTED)
    if selected > r.quota:
        raise ValidationError(
            _("{0} keluarga ditetapkan, melebihi kuota {1}. Jadikan sebagian cadangan.").format(
                selected, r.quota
            )
        )
    households = []
    for e in entries:
        if e.rank is None:
            continue
        e.decision = chosen.get(e.id, NOT_SELECTED)
        e.decision_note = next(
            (notes[k].strip() for k in (e.household_key, e.no_kk) if k in notes), ""
        )
        households.append(
            {
                "no_kk": e.no_kk,
                "household_key": e.household_key,
                "nik": e.nik,
                "rank": e.rank,
                "score": e.score,
                "decision": e.decision,
                "note": e.decision_note,
            }
        )
    r.status = DECIDED
    r.meeting_on, r.meeting_ref = meeting_on, meeting_ref.strip()
    enrolled = enrol_selected(session, r, [e for e in entries if e.decision == SELECTED])
    r.decided_by, r.decided_at = actor.id, clock.now()
    record(
        session,
        actor.id,
        "peringkat_diputuskan",
        "ranking_list",
        r.id,
        {
            "programme": r.programme_code,
            "quota": r.quota,
            "weights": dict(r.weights or {}),
            "meeting_on": meeting_on,
            "meeting_ref": r.meeting_ref,
            "reviewed_by": r.reviewed_by,
            "households": households,
        },
        {"program": r.programme_code, "ditetapkan": selected, "peserta_dicatat": enrolled},
    )
    return _view(session, r, clock)


@action(Perm.VIEW_REPORTS, label="Melihat daftar peringkat yang diajukan")
def list_rankings(session: Session, actor: Actor, clock: Clock | None = None) -> list[ListView]:
    """Newest first."""
    authorize(session, actor, Perm.VIEW_CASE)
    clock = clock or Clock()
    stmt = select(RankingList).order_by(RankingList.created_at.desc()).limit(200)
    return [_view(session, r, clock) for r in session.scalars(stmt)]


@action(Perm.VIEW_REPORTS, label="Melihat isi daftar peringkat")
def ranking_entries(session: Session, actor: Actor, list_id: uuid.UUID) -> list[EntryView]:
    """The list's households in their order, the excluded after the ranked."""
    authorize(session, actor, Perm.VIEW_CASE)
    r = _load(session, list_id)
    audit(session, actor.id, "peringkat_dilihat", "ranking_list", r.id, {})
    stmt = select(RankingEntry).where(RankingEntry.list_id == r.id).order_by(RankingEntry.position)
    return [_entry_view(e) for e in session.scalars(stmt)]


@dataclass(frozen=True)
class StoredRanking:
    """A kept list as the files for the meeting print it: its state, the ranking as it was
    reviewed, and the meeting's decision per household key once taken."""

    view: ListView
    ranking: Ranking
    decisions: Mapping[str, str]

    @property
    def status_line(self) -> str:
        v = self.view
        if v.status == DECIDED and v.meeting_on:
            return (
                f"Diputuskan musyawarah desa {v.meeting_on:%d-%m-%Y}, berita acara "
                f"{v.meeting_ref}: {v.selected} keluarga ditetapkan."
            )
        return f"Status: {v.status_words}."


def _candidate(e: RankingEntry) -> Candidate:
    return Candidate(
        e.household_key, e.head, e.nik, e.no_kk, e.decile, 0, 0, 0, 0, 0, False, frozenset(), True
    )


@action(Perm.VIEW_REPORTS, label="Mencetak daftar peringkat yang diajukan")
def stored_ranking(
    session: Session, actor: Actor, list_id: uuid.UUID, clock: Clock | None = None
) -> StoredRanking:
    """The kept list for its PDF and workbook (names households: the case permission too)."""
    authorize(session, actor, Perm.VIEW_CASE)
    clock = clock or Clock()
    r = _load(session, list_id)
    entries = list(
        session.scalars(
            select(RankingEntry).where(RankingEntry.list_id == r.id).order_by(RankingEntry.position)
        )
    )
    ranked = tuple(
        Ranked(
            e.rank,
            _candidate(e),
            e.score or 0.0,
            tuple(x for x in e.reasons.split("; ") if x),
            e.within_quota,
        )
        for e in entries
        if e.rank is not None
    )
    excluded = tuple(Excluded(_candidate(e), e.excluded_reason) for e in entries if e.rank is None)
    decisions = {e.household_key: DECISIONS[e.decision] for e in entries if e.decision}
    audit(session, actor.id, "peringkat_dicetak", "ranking_list", r.id, {})
    return StoredRanking(
        _view(session, r, clock),
        Ranking(r.programme_code, r.quota, dict(r.weights or {}), ranked, excluded),
        decisions,
    )
