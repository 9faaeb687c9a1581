"""A pre-list proposal after the counter: the supervisor's review where the profile asks for
it, then the village meeting's date and the SIKS-NG reference as they happen (issue #32).

Empat Lawang Perbup art. 9(6)b and Barito Selatan art. 10(3)b angka 2 have the supervisor
check the proposals before they go to the kabupaten (the profile's ``review_before_upstream``
for ``usulan_prelist``); there a proposal is saved ``menunggu_tinjauan`` and its message
``usulan_prelist`` is written only on approval. Elsewhere it is written at the counter. The
proposal then leaves ``draf``: a musyawarah desa discussed it (``musdes``), and once typed into
SIKS-NG it carries that reference (``siks_ng``); each step goes upstream. A proposal the
reviewer returned (``dikembalikan``) is corrected by a proposing officer and waits for the
review again (:func:`resubmit_prelist`); until then it is listed by :func:`returned_prelist`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.clock import Clock
from kiosk.errors import Conflict, NotFound, PermissionDenied, ValidationError
from kiosk.identity import mask_nik
from kiosk.messages import _
from kiosk.models import AuditEntry, CaseEvent, Person, PrelistProposal
from kiosk.profiles import Profile, active_profile
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.journal import audit, record
from kiosk.services.registry import action
from kiosk.services.supervision import require_reviewer

RECORD = "usulan_prelist"
DRAFT, WAITING, RETURNED, REVIEWED = "draf", "menunggu_tinjauan", "dikembalikan", "ditinjau"
MUSDES, SIKS_NG = "musdes", "siks_ng"
STATUS_LABELS = {
    DRAFT: "Draf",
    WAITING: "Menunggu tinjauan supervisor",
    RETURNED: "Dikembalikan peninjau",
    REVIEWED: "Ditinjau, siap musyawarah desa",
    MUSDES: "Sudah dimusyawarahkan",
    SIKS_NG: "Sudah masuk SIKS-NG",
}


def opening_status(profile: Profile) -> str:
    return WAITING if profile.review_role(RECORD) else DRAFT


def send(session: Session, officer_id: uuid.UUID | None, p: PrelistProposal) -> None:
    """The proposal's message upstream (at the counter, or once reviewed). Its own review
    decides when it goes, not its case's: the case is named ``from_case_id``, so the case's
    hold (kiosk/services/upstream_hold.py) does not apply to it."""
    payload = {
        "person_id": p.person_id,
        "household_id": p.household_id,
        "from_case_id": p.case_id,
        "reason": p.reason,
        "disability": p.disability,
        "status": p.status,
    }
    record(session, officer_id, RECORD, "prelist", p.id, payload, {"status": p.status})


def _load(session: Session, proposal_id: uuid.UUID) -> PrelistProposal:
    p = session.get(PrelistProposal, proposal_id)
    if p is None:
        raise NotFound(_("Usulan daftar awal tidak ditemukan."))
    return p


def _history(
    session: Session, p: PrelistProposal, officer: uuid.UUID, note: str, clock: Clock
) -> None:
    if p.case_id is not None:
        kind = {REVIEWED: "ditinjau", RETURNED: "tinjauan_dikembalikan"}.get(
            p.status, "diajukan_lagi"
        )
        session.add(
            CaseEvent(case_id=p.case_id, kind=kind, at=clock.now(), officer_id=officer, note=note)
        )


@action(
    Perm.APPROVE_COORDINATOR,
    Perm.APPROVE_SUPERVISOR,
    label="Meninjau usulan daftar awal sebelum dikirim ke kabupaten",
)
def review_prelist(
    session: Session,
    actor: Actor,
    proposal_id: uuid.UUID,
    approve: bool,
    note: str = "",
    clock: Clock | None = None,
) -> str:
    """Approve (its message goes upstream now) or return it with a note; never one's own."""
    clock = clock or Clock()
    p = _load(session, proposal_id)
    if p.status != WAITING:
        raise Conflict(_("Usulan ini tidak sedang menunggu tinjauan."), code="bukan_tinjauan")
    require_reviewer(session, actor, active_profile(session).review_role(RECORD) or "supervisor")
    if p.proposed_by == actor.id or _rewrote(session, p.id, actor.id):
        raise PermissionDenied(
            _("Usulan ini Anda buat sendiri; tinjauannya harus oleh petugas lain."),
            code="tidak_berwenang:menyetujui_sendiri",
        )
    if not approve and not note.strip():
        raise ValidationError(_("Tulis catatan untuk petugas pengusul."), field="note")
    p.status, p.review_note = (REVIEWED if approve else RETURNED), note.strip()
    words = _("Usulan daftar awal disetujui peninjau") if approve else note.strip()
    _history(session, p, actor.id, words, clock)
    if approve:
        send(session, actor.id, p)
    else:
        audit(session, actor.id, "usulan_prelist_dikembalikan", "prelist", p.id, {})
    return p.status


@action(
    Perm.PROPOSE_PRELIST,
    Perm.WORK_CASE,
    label="Mencatat musyawarah desa dan nomor SIKS-NG usulan daftar awal",
)
def record_prelist_progress(
    session: Session,
    actor: Actor,
    proposal_id: uuid.UUID,
    musdes_date: date | None,
    siksng_ref: str = "",
    clock: Clock | None = None,
) -> str:
    """The village meeting's date and, once entered in SIKS-NG, its reference; the proposal
    leaves ``draf`` and the change goes upstream. Returns the new status."""
    clock = clock or Clock()
    p = _load(session, proposal_id)
    if p.status in (WAITING, RETURNED):
        raise Conflict(
            _("Usulan ini belum disetujui peninjau; musyawarah desa dicatat sesudahnya."),
            code="belum_ditinjau",
        )
    if musdes_date is None:
        raise ValidationError(_("Isi tanggal musyawarah desa."), field="musdes_date")
    if musdes_date > clock.today():
        raise ValidationError(_("Tanggal musyawarah belum lewat."), field="musdes_date")
    ref = siksng_ref.strip()
    if len(ref) > 40:
        raise ValidationError(_("Nomor SIKS-NG paling banyak 40 karakter."), field="siksng_ref")
    p.musdes_date, p.siksng_ref = musdes_date, ref or p.siksng_ref
    p.status = SIKS_NG if p.siksng_ref else MUSDES
    payload = {"musdes_date": p.musdes_date, "siksng_ref": p.siksng_ref, "status": p.status}
    record(
        session,
        actor.id,
        "usulan_prelist_diperbarui",
        "prelist",
        p.id,
        payload,
        {"status": p.status},
    )
    return p.status


@dataclass(frozen=True)
class ReturnedProposal:
    """A pre-list proposal the reviewer sent back, with the reviewer's note."""

    id: uuid.UUID
    nik_masked: str
    name: str
    reason: str
    review_note: str


REWRITTEN = "usulan_prelist_diajukan_lagi"  # the audit's action for a resubmission


def _rewrote(session: Session, proposal_id: uuid.UUID, officer_id: uuid.UUID) -> bool:
    """Whether ``officer_id`` ever rewrote and resubmitted the proposal."""
    found = session.scalar(
        select(AuditEntry.id)
        .where(
            AuditEntry.action == REWRITTEN,
            AuditEntry.entity_id == str(proposal_id),
            AuditEntry.officer_id == officer_id,
        )
        .limit(1)
    )
    return found is not None


@action(
    Perm.PROPOSE_PRELIST,
    Perm.WORK_CASE,
    label="Melihat usulan daftar awal yang dikembalikan peninjau",
)
def returned_prelist(session: Session, actor: Actor) -> list[ReturnedProposal]:
    """Every proposal waiting for a correction, oldest first (they are few)."""
    rows = session.execute(
        select(PrelistProposal, Person)
        .join(Person, Person.id == PrelistProposal.person_id)
        .where(PrelistProposal.status == RETURNED)
        .order_by(PrelistProposal.id)
    ).all()
    return [
        ReturnedProposal(p.id, mask_nik(person.nik), person.name, p.reason, p.review_note)
        for p, person in rows
    ]


@action(
    Perm.PROPOSE_PRELIST,
    Perm.WORK_CASE,
    label="Memperbaiki dan mengajukan lagi usulan daftar awal",
)
def resubmit_prelist(
    session: Session,
    actor: Actor,
    proposal_id: uuid.UUID,
    reason: str,
    clock: Clock | None = None,
) -> str:
    """The corrected reason, and the proposal waits for the reviewer again (never sent
    upstream before that review), or goes upstream now if the office's profile no longer asks
    for a review. Neither the proposer nor anyone who rewrote it may review it (the audit
    names who did). Returns the new status."""
    clock = clock or Clock()
    p = _load(session, proposal_id)
    if p.status != RETURNED:
        raise Conflict(
            _("Usulan ini tidak sedang dikembalikan; tidak ada yang perlu diajukan lagi."),
            code="bukan_dikembalikan",
        )
    cleaned = reason.strip()
    if not cleaned:
        raise ValidationError(_("Tulis alasan usulan yang sudah diperbaiki."), field="reason")
    if len(cleaned) > 2000:
        raise ValidationError(_("Alasan paling banyak 2.000 karakter."), field="reason")
    p.reason, p.review_note = cleaned, ""
    p.status = opening_status(active_profile(session))
    _history(session, p, actor.id, cleaned, clock)
    audit(session, actor.id, REWRITTEN, "prelist", p.id, {})
    if p.status == DRAFT:
        send(session, actor.id, p)
    return p.status
