"""What the case letters say, gathered in the core (printing turns it into PDF).

Agency letters (referral, service product) carry the full NIK the agency needs; the citizen's
status letter masks it (the printing layer decides, from the letter kind).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk import case_rules as rules
from kiosk.case_rules import PRINTABLE_PRODUCT, ReferralStatus
from kiosk.clock import tanggal
from kiosk.errors import Conflict, NotFound
from kiosk.identity import mask_niks_in_text
from kiosk.messages import _
from kiosk.models import (
    ApprovalStep,
    ApprovalVote,
    Case,
    CaseEvent,
    Complaint,
    Household,
    Officer,
    Person,
    Referral,
    ServiceProduct,
)
from kiosk.profiles import case_profile, profile_by_key
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.reference import choices
from kiosk.services.registry import action


@dataclass(frozen=True)
class Party:
    name: str
    nik: str | None
    no_kk: str | None
    birth: str
    sex: str
    address: str
    phone: str


@dataclass(frozen=True)
class CaseLetter:
    """Facts for any of the three letters; fields a letter does not use stay empty."""

    case_id: uuid.UUID
    subject_id: uuid.UUID
    tracking_number: str
    party: Party
    subject: str
    provisional: bool
    destination: str = ""
    reason: str = ""
    request: str = ""
    consent: str = ""
    approvals: tuple[tuple[str, str, str], ...] = ()  # (role label, officer, date)
    # The regulation's name for the coordinator (the case's profile): Koordinator, Ketua …
    coordinator_label: str = ""
    outcome: str = ""
    explanation: str = ""
    product_title: str = ""
    statement: str = ""
    purpose: str = ""
    drafted_by: str = ""
    approved_by: str = ""
    signer_name: str = ""


def _party(session: Session, case_: Case) -> Party:
    person = session.get(Person, case_.person_id) if case_.person_id else None
    if person is None:
        return Party("-", None, None, "", "", "", "")
    household = session.get(Household, person.household_id) if person.household_id else None
    birth = ", ".join(
        x
        for x in (person.birth_place, tanggal(person.birth_date) if person.birth_date else "")
        if x
    )
    address = ""
    if household is not None:
        address = " ".join(
            x
            for x in (
                household.address,
                f"RT {household.rt}/RW {household.rw}" if household.rt else "",
            )
            if x
        )
    sex = {"L": "Laki-laki", "P": "Perempuan"}.get(person.sex or "", "")
    return Party(
        person.name,
        person.nik,
        household.no_kk if household else None,
        birth,
        sex,
        address,
        person.phone,
    )


def _subject(session: Session, case_: Case) -> str:
    complaint = session.scalars(select(Complaint).where(Complaint.case_id == case_.id)).first()
    if complaint is None:
        return case_.kind
    categories = {c.code: c.label for c in choices(session, "kategori_keluhan")}
    what = categories.get(complaint.category or "", "") or complaint.kind
    return f"{what}{' ' + complaint.programme_code if complaint.programme_code else ''}".strip()


def _approvals(
    session: Session, subject_type: str, subject_id: uuid.UUID, round_no: int
) -> tuple[tuple[str, str, str], ...]:
    rows = session.execute(
        select(ApprovalStep.role, ApprovalStep.profile, Officer.full_name, ApprovalVote.at)
        .join(ApprovalVote, ApprovalVote.step_id == ApprovalStep.id)
        .join(Officer, Officer.id == ApprovalVote.officer_id, isouter=True)
        .where(
            ApprovalStep.subject_type == subject_type,
            ApprovalStep.subject_id == subject_id,
            ApprovalStep.round == round_no,
            ApprovalVote.decision == "setuju",
        )
        .order_by(ApprovalStep.position)
    )
    return tuple(
        (profile_by_key(session, profile).role_label(role), name or "Kabupaten", tanggal(at))
        for role, profile, name, at in rows
    )


def _coordinator_label(session: Session, case_: Case) -> str:
    return case_profile(session, case_).role_label(rules.COORDINATOR)


@action(Perm.VIEW_CASE, label="Menyiapkan isi surat rujukan")
def referral_letter_facts(session: Session, actor: Actor, referral_id: uuid.UUID) -> CaseLetter:
    referral = session.get(Referral, referral_id)
    if referral is None:
        raise NotFound(_("Rujukan ini tidak ditemukan."))
    if referral.status != ReferralStatus.APPROVED:
        raise Conflict(
            _("Surat rujukan dicetak setelah semua persetujuan lengkap."), code="belum_disetujui"
        )
    case_ = session.get(Case, referral.case_id)
    assert case_ is not None
    labels = {c.code: c.label for c in choices(session, "tujuan_rujukan")}
    consent = (
        f"Warga menyetujui rujukan ({referral.consent_method}) pada {tanggal(referral.consent_at)}."
        if referral.consent_at
        else ""
    )
    return CaseLetter(
        case_.id,
        referral.id,
        case_.tracking_number,
        _party(session, case_),
        _subject(session, case_),
        case_.upstream_state != "diterima",
        destination=labels.get(referral.destination_code, referral.destination_code),
        reason=referral.reason,
        request=referral.request or "Mohon tindak lanjut sesuai kewenangan.",
        consent=consent,
        approvals=_approvals(session, "rujukan", referral.id, referral.round),
        coordinator_label=_coordinator_label(session, case_),
    )


@action(Perm.VIEW_CASE, label="Menyiapkan isi surat pemberitahuan")
def status_letter_facts(session: Session, actor: Actor, case_id: uuid.UUID) -> CaseLetter:
    case_ = session.get(Case, case_id)
    if case_ is None:
        raise NotFound(_("Kasus ini tidak ditemukan."))
    if case_.status not in rules.DECIDED or not case_.decision:
        raise Conflict(
            _(
                "Surat pemberitahuan dicetak setelah kasus punya hasil (selesai, dirujuk atau "
                "tidak dapat dipenuhi)."
            ),
            code="belum_ada_hasil",
        )
    status = case_.status
    if status == rules.CLOSED:  # the outcome it was closed with
        status = (
            session.scalars(
                select(CaseEvent.to_status)
                .where(CaseEvent.case_id == case_.id, CaseEvent.to_status.in_(rules.OUTCOMES))
                .order_by(CaseEvent.at.desc(), CaseEvent.position.desc())
            ).first()
            or status
        )
    outcome = rules.STATUS_LABELS.get(status, status)
    return CaseLetter(
        case_.id,
        case_.id,
        case_.tracking_number,
        _party(session, case_),
        _subject(session, case_),
        case_.upstream_state != "diterima",
        outcome=outcome,
        explanation=mask_niks_in_text(case_.decision),  # the citizen's letter
        coordinator_label=_coordinator_label(session, case_),
    )


@action(Perm.VIEW_CASE, label="Menyiapkan isi produk layanan")
def product_facts(session: Session, actor: Actor, product_id: uuid.UUID) -> CaseLetter:
    product = session.get(ServiceProduct, product_id)
    if product is None:
        raise NotFound(_("Produk layanan ini tidak ditemukan."))
    if product.status not in PRINTABLE_PRODUCT:
        raise Conflict(_("Produk layanan dicetak setelah disetujui."))
    case_ = session.get(Case, product.case_id)
    assert case_ is not None
    labels = {c.code: c.label for c in choices(session, "produk_layanan")}
    drafter = session.get(Officer, product.drafted_by)
    approvals = _approvals(session, "produk", product.id, product.round)
    return CaseLetter(
        case_.id,
        product.id,
        case_.tracking_number,
        _party(session, case_),
        _subject(session, case_),
        case_.upstream_state != "diterima",
        product_title=labels.get(product.product_code, product.product_code).upper(),
        statement=product.statement,
        purpose=product.purpose,
        drafted_by=drafter.full_name if drafter else "-",
        approved_by=", ".join(f"{name} ({role})" for role, name, _unused in approvals) or "-",
        signer_name=product.signed_by_name or "",
        coordinator_label=_coordinator_label(session, case_),
    )
