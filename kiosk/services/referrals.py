"""Referrals: drafted with the citizen's consent, approved in order, resubmitted after a return.

The approval rounds are the engine's (:mod:`kiosk.services.approvals`); this module holds what
a referral is and how it is drafted.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from kiosk import case_rules as rules
from kiosk.case_rules import ReferralStatus
from kiosk.clock import Clock, tanggal
from kiosk.errors import Conflict, NotFound, ValidationError
from kiosk.messages import _
from kiosk.models import Case, Referral
from kiosk.profiles import case_profile
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.approvals import REFERRAL, submit, submittable
from kiosk.services.cases import load_case
from kiosk.services.journal import record
from kiosk.services.person_rights import consent_standing
from kiosk.services.reference import choices
from kiosk.services.registry import action


def _consent_stands(session: Session, case_: Case, consent_given: bool) -> None:
    """A referral sends the citizen's data to another body: only with their consent, asked
    now and not withdrawn since."""
    if not consent_given:
        raise ValidationError(
            _(
                "Rujukan memerlukan persetujuan warga. Tanyakan dan centang persetujuannya; "
                "tanpa persetujuan, data warga tidak boleh dikirim ke lembaga lain."
            ),
            field="consent",
            code="perlu_persetujuan_warga",
        )
    submittable(case_)
    withdrawn = consent_standing(session, case_.person_id) if case_.person_id else None
    if withdrawn is not None:
        raise ValidationError(
            _(
                "Warga telah mencabut persetujuannya pada {0}: datanya tidak boleh "
                "dikirim ke lembaga lain. Bila warga setuju lagi, catat persetujuan baru "
                "dulu."
            ).format(tanggal(withdrawn.date())),
            field="consent",
            code="persetujuan_dicabut",
        )


@action(Perm.DRAFT_REFERRAL, label="Menyusun rujukan kasus")
def refer_case(
    session: Session,
    actor: Actor,
    case_id: uuid.UUID,
    destination_code: str,
    reason: str,
    request: str = "",
    consent_given: bool = False,
    consent_method: str = "lisan",
    clock: Clock | None = None,
) -> uuid.UUID:
    """Draft and submit a referral: needs the citizen's consent and a reason."""
    destinations = {c.code: c for c in choices(session, "tujuan_rujukan")}
    if destination_code not in destinations:
        raise ValidationError(_("Pilih tujuan rujukan."), field="destination")
    if not reason.strip():
        raise ValidationError(_("Tuliskan alasan rujukan."), field="reason")
    case_ = load_case(session, case_id)
    _consent_stands(session, case_, consent_given)
    clock = clock or Clock()
    now = clock.now()
    kind = str(destinations[destination_code].extra.get("kind", "opd"))
    referral = Referral(
        id=uuid.uuid4(),
        case_id=case_.id,
        destination_code=destination_code,
        destination_kind=kind,
        reason=reason.strip(),
        request=request.strip(),
        consent_given=True,
        consent_at=now,
        consent_method=consent_method,
        status=ReferralStatus.SUBMITTED,
        round=1,
        created_by=actor.id,
    )
    session.add(referral)
    session.flush()
    record(
        session,
        actor.id,
        "rujukan_dibuat",
        "referral",
        referral.id,
        payload={
            "case_id": case_.id,
            "tracking_number": case_.tracking_number,
            "destination": destination_code,
            "destination_kind": kind,
            "reason": referral.reason,
            "request": referral.request,
            "consent_at": now,
            "consent_method": consent_method,
        },
        detail={"destination": destination_code},
    )
    submit(
        session,
        actor.id,
        case_,
        REFERRAL,
        referral.id,
        rules.referral_steps(
            kind, destinations[destination_code].extra.get("langkah"), case_profile(session, case_)
        ),
        destinations[destination_code].label,
        now,
    )
    return referral.id


@action(Perm.DRAFT_REFERRAL, label="Mengajukan ulang rujukan yang dikembalikan")
def resubmit_referral(
    session: Session,
    actor: Actor,
    referral_id: uuid.UUID,
    reason: str | None = None,
    request: str | None = None,
    clock: Clock | None = None,
) -> int:
    """After a rejection: correct the referral and send it round again (a new round)."""
    referral = session.get(Referral, referral_id)
    if referral is None:
        raise NotFound(_("Rujukan ini tidak ditemukan."))
    if referral.status != ReferralStatus.RETURNED:
        raise Conflict(_("Hanya rujukan yang dikembalikan yang dapat diajukan ulang."))
    if reason is not None and reason.strip():
        referral.reason = reason.strip()
    if request is not None:
        referral.request = request.strip()
    case_ = load_case(session, referral.case_id)
    submittable(case_)
    now = (clock or Clock()).now()
    referral.status = ReferralStatus.SUBMITTED
    named = {c.code: c.extra.get("langkah") for c in choices(session, "tujuan_rujukan")}
    round_no = submit(
        session,
        actor.id,
        case_,
        REFERRAL,
        referral.id,
        rules.referral_steps(
            referral.destination_kind,
            named.get(referral.destination_code),
            case_profile(session, case_),
        ),
        "diajukan ulang",
        now,
        {"reason": referral.reason, "request": referral.request},
    )
    referral.round = round_no
    return round_no
