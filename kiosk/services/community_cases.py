"""Cases about a community (Depok art. 2, 25): a neighbourhood hit by a flood, a group of
families at risk. One case, the affected households attached by No. KK (registered at the
counter or not), each counted once in the reports; and Depok's stages (Perwali 82/2021 art. 19
(1): registrasi, seleksi, penempatan, pengawasan, tindak lanjut) on any case, with the next
step and its due day (the days are the case's profile's).

A community case follows Depok's procedure from the start; a person's or a family's case
starts it when the back office moves it to its first stage.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk import depok_stages as stages
from kiosk.case_rules import OPEN, CaseStatus
from kiosk.clock import Clock
from kiosk.errors import Conflict, ValidationError
from kiosk.messages import _
from kiosk.models import Case, CaseEvent, CaseHousehold, DtksRecord, Household, Person, Site
from kiosk.number16 import digits16
from kiosk.profiles import active_profile, case_profile
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.cases import load_case
from kiosk.services.dtks_check import active_snapshot
from kiosk.services.due_days import check_urgency, first_answer_due, stage_due
from kiosk.services.journal import record
from kiosk.services.numbers import current_site, tracking_number
from kiosk.services.reference import choices
from kiosk.services.registry import action
from kiosk.services.supervision import opening_state

SUBJECTS = {"orang": "Perorangan", "keluarga": "Keluarga", "komunitas": "Komunitas"}


@dataclass(frozen=True)
class CommunityCaseInput:
    community: str  # the group's name and place, e.g. "Warga RT 03/RW 02 Dusun Krajan"
    description: str  # what happened and what is needed
    households: list[str] = field(default_factory=list)  # No. KK, any separators
    desk: str = "sosial_ekonomi"
    urgency: str = "biasa"  # biasa, segera, darurat


@dataclass(frozen=True)
class StageView:
    stage: str | None
    label: str
    step: str  # what to do now
    due_on: date | None
    next_label: str  # the stage after this one, or "" at the end


@dataclass(frozen=True)
class AttachResult:
    tracking_number: str
    added: int
    already: int  # named again: counted once
    households: int  # on the case now


def stage_view(stage: str | None, due_on: date | None) -> StageView:
    if stage is None:
        return StageView(None, "", "", None, stages.STAGES[0].label)
    current = stages.BY_CODE.get(stage)
    after = stages.next_stage(stage)
    return StageView(
        stage,
        stages.LABELS.get(stage, stage),
        current.step if current else "",
        due_on,
        after.label if after else ("" if stage == stages.DONE else stages.LABELS[stages.DONE]),
    )


def _numbers(raw: Iterable[str]) -> tuple[list[str], int]:
    """Each No. KK once, in the order given, and how many were written again; an unreadable
    one is refused with what was written."""
    out: list[str] = []
    bad: list[str] = []
    repeats = 0
    for item in raw:
        if not item.strip():
            continue
        kk = digits16(item)
        if kk is None:
            bad.append(item.strip())
        elif kk in out:
            repeats += 1
        else:
            out.append(kk)
    if bad:
        raise ValidationError(
            _("No. KK ini tidak terbaca (harus 16 angka): {0}. Perbaiki lalu simpan lagi.").format(
                ", ".join(bad[:5])
            ),
            field="households",
        )
    return out, repeats


def _heads(session: Session, numbers: list[str]) -> dict[str, tuple[uuid.UUID | None, str]]:
    """The registered household and a name for each No. KK (the register first, else the
    active DTKS snapshot; unknown families are attached with no name)."""
    found: dict[str, tuple[uuid.UUID | None, str]] = {}
    for hh_id, kk, name in session.execute(
        select(Household.id, Household.no_kk, Person.name)
        .outerjoin(Person, Person.household_id == Household.id)
        .where(Household.no_kk.in_(numbers))
        .order_by(Person.name)
    ):
        found.setdefault(str(kk), (hh_id, name or ""))
    snapshot = active_snapshot(session)
    missing = [k for k in numbers if k not in found or not found[k][1]]
    if snapshot and missing:
        for kk, name in session.execute(
            select(DtksRecord.no_kk, DtksRecord.name).where(
                DtksRecord.snapshot_id == snapshot.id, DtksRecord.no_kk.in_(missing)
            )
        ):
            hh = found.get(str(kk), (None, ""))[0]
            if not found.get(str(kk), (None, ""))[1]:
                found[str(kk)] = (hh, name or "")
    return found


def _attach(
    session: Session, case_: Case, numbers: list[str], officer: uuid.UUID, clock: Clock
) -> tuple[list[str], int]:
    have = set(
        session.scalars(select(CaseHousehold.no_kk).where(CaseHousehold.case_id == case_.id))
    )
    new = [k for k in numbers if k not in have]
    heads = _heads(session, new) if new else {}
    now = clock.now()
    for kk in new:
        hh, head = heads.get(kk, (None, ""))
        session.add(
            CaseHousehold(
                case_id=case_.id,
                no_kk=kk,
                household_id=hh,
                head=head[:120],
                added_by=officer,
                added_at=now,
            )
        )
    return new, len(numbers) - len(new)


def _start(session: Session, case_: Case, stage: stages.Stage, today: date) -> None:
    """Enter ``stage``; its days are the case's profile's (the Perwali names the stages only)."""
    case_.stage = stage.code
    case_.stage_due_on = stage_due(session, case_profile(session, case_), stage.code, today)


@action(Perm.CAPTURE_COMPLAINT, Perm.WORK_CASE, label="Mencatat kasus komunitas")
def open_community_case(
    session: Session, actor: Actor, data: CommunityCaseInput, clock: Clock | None = None
) -> AttachResult:
    """One case for a community with its households attached; it starts Depok's first stage."""
    clock = clock or Clock()
    if not data.community.strip():
        raise ValidationError(
            _("Tulis nama dan tempat komunitas, mis. Warga RT 03/RW 02 Dusun Krajan."),
            field="community",
        )
    if not data.description.strip():
        raise ValidationError(
            _("Tulis apa yang terjadi dan apa yang dibutuhkan."), field="description"
        )
    if data.desk not in {c.code for c in choices(session, "meja_layanan")}:
        raise ValidationError(_("Pilih meja layanan."), field="desk")
    profile = active_profile(session)
    check_urgency(profile, data.urgency)
    numbers, repeats = _numbers(data.households)
    if not numbers:
        raise ValidationError(
            _("Tulis No. KK keluarga yang terdampak, satu per baris."), field="households"
        )
    site: Site | None = current_site(session)
    if site is None:
        raise ValidationError(_("Puskesos belum diatur. Jalankan pengaturan awal dulu."))
    today, now = clock.today(), clock.now()
    case_ = Case(
        id=uuid.uuid4(),
        tracking_number=tracking_number(session, site, today),
        kind="layanan",
        desk=data.desk,
        status=CaseStatus.RECEIVED,
        emergency=data.urgency == "darurat",
        subject="komunitas",
        community=data.community.strip()[:200],
        due_on=first_answer_due(session, profile, data.urgency, today),
        created_by=actor.id,
        profile=profile.key,
        review_state=opening_state(profile),
        created_at=now,
    )
    session.add(case_)
    session.flush()
    _start(session, case_, stages.STAGES[0], today)
    session.add(
        CaseEvent(
            case_id=case_.id,
            kind="diterima",
            at=now,
            officer_id=actor.id,
            to_status=CaseStatus.RECEIVED,
            note=data.description.strip(),
        )
    )
    added, again = _attach(session, case_, numbers, actor.id, clock)
    session.flush()
    record(
        session,
        actor.id,
        "kasus_komunitas_dicatat",
        "case",
        case_.id,
        payload={
            "tracking_number": case_.tracking_number,
            "subject": "komunitas",
            "community": case_.community,
            "description": data.description.strip(),
            "households": added,
            "desk": case_.desk,
            "urgency": data.urgency,
            "due_on": case_.due_on,
            "stage": case_.stage,
            "stage_due_on": case_.stage_due_on,
        },
        detail={"keluarga": len(added), "urgensi": data.urgency},
    )
    return AttachResult(case_.tracking_number, len(added), repeats + again, len(added))


@action(Perm.CAPTURE_COMPLAINT, Perm.WORK_CASE, label="Menambah keluarga terdampak pada kasus")
def attach_households(
    session: Session,
    actor: Actor,
    case_id: uuid.UUID,
    households: list[str],
    clock: Clock | None = None,
) -> AttachResult:
    """More households of a community case (the count grows as the facilitator walks the
    street); a No. KK already on the case is not added twice."""
    clock = clock or Clock()
    case_ = load_case(session, case_id)
    if case_.subject != "komunitas":
        raise Conflict(_("Keluarga terdampak hanya ditambahkan pada kasus komunitas."))
    if case_.status not in OPEN:
        raise Conflict(_("Kasus ini sudah selesai; buka kembali dulu bila ada keluarga baru."))
    numbers, repeats = _numbers(households)
    if not numbers:
        raise ValidationError(_("Tulis No. KK yang ditambahkan."), field="households")
    added, again = _attach(session, case_, numbers, actor.id, clock)
    session.flush()
    total = session.scalar(
        select(func.count()).select_from(CaseHousehold).where(CaseHousehold.case_id == case_.id)
    )
    if added:
        case_.version += 1
        session.add(
            CaseEvent(
                case_id=case_.id,
                kind="keluarga_ditambah",
                at=clock.now(),
                officer_id=actor.id,
                note=f"{len(added)} keluarga terdampak ditambahkan (jumlah {total}).",
            )
        )
        record(
            session,
            actor.id,
            "kasus_keluarga_ditambah",
            "case",
            case_.id,
            payload={
                "tracking_number": case_.tracking_number,
                "households": added,
                "version": case_.version,
            },
            detail={"keluarga": len(added)},
        )
    return AttachResult(case_.tracking_number, len(added), repeats + again, int(total or 0))


@action(Perm.WORK_CASE, label="Memindahkan kasus ke tahap berikutnya (prosedur Depok)")
def advance_stage(
    session: Session,
    actor: Actor,
    case_id: uuid.UUID,
    note: str = "",
    clock: Clock | None = None,
) -> StageView:
    """The case's next stage with its due day; the first move starts the procedure, the move
    after tindak lanjut completes it. What was done is the note (required from the second
    stage on: the stage's work is what the next officer reads)."""
    clock = clock or Clock()
    case_ = load_case(session, case_id)
    if case_.status not in OPEN:
        raise Conflict(_("Kasus ini sudah diputuskan; tahapan tidak dapat dipindahkan."))
    after = stages.next_stage(case_.stage)
    if after is None and case_.stage == stages.DONE:
        raise Conflict(_("Tahapan kasus ini sudah selesai."))
    if (before := case_.stage) and not note.strip():
        raise ValidationError(
            _("Tulis apa yang sudah dikerjakan pada tahap {0}.").format(stages.LABELS[before]),
            field="note",
        )
    if after is None:
        case_.stage, case_.stage_due_on = stages.DONE, None
    else:
        _start(session, case_, after, clock.today())
    case_.version += 1
    label = stages.LABELS[case_.stage or stages.DONE]
    session.add(
        CaseEvent(
            case_id=case_.id,
            kind="tahap",
            at=clock.now(),
            officer_id=actor.id,
            note=f"{label}. {note.strip()}".strip(),
        )
    )
    record(
        session,
        actor.id,
        "kasus_tahap",
        "case",
        case_.id,
        payload={
            "tracking_number": case_.tracking_number,
            "from": before,
            "to": case_.stage,
            "stage_due_on": case_.stage_due_on,
            "note": note.strip(),
            "version": case_.version,
        },
        detail={"dari": before, "ke": case_.stage},
    )
    return stage_view(case_.stage, case_.stage_due_on)


def households_of(session: Session, case_id: uuid.UUID) -> tuple[tuple[str, str], ...]:
    """(No. KK, head) of a community case's households, in the order they were attached."""
    return tuple(
        (kk, head)
        for kk, head in session.execute(
            select(CaseHousehold.no_kk, CaseHousehold.head)
            .where(CaseHousehold.case_id == case_id)
            .order_by(CaseHousehold.added_at, CaseHousehold.no_kk)
        )
    )
