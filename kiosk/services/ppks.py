"""PPKS (Pemerlu Pelayanan Kesejahteraan Sosial): a person, a family or a community recorded as
in need of social welfare services, by one of the 26 Kemensos types (reference list
``jenis_ppks``), with the date, where the office learnt it and the officer (Depok art. 2, 18, 25:
the office keeps PPKS data and reports it)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.clock import Clock
from kiosk.errors import NotFound, ValidationError
from kiosk.identity import mask_nik
from kiosk.messages import _
from kiosk.models import Household, Person, PpksRecord
from kiosk.number16 import digits16
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.journal import record
from kiosk.services.ppks_checks import check_conditions, refuse_duplicate
from kiosk.services.reference import choices
from kiosk.services.registry import action

SUBJECTS = ("orang", "keluarga", "komunitas")
SOURCES = ("kunjungan", "fasilitator", "laporan_rt", "laporan_warga", "dinas")


@dataclass(frozen=True)
class PpksInput:
    subject: str  # orang (by NIK), keluarga (by No. KK), komunitas (by name)
    ppks_type: str
    source: str = "kunjungan"
    nik: str = ""
    no_kk: str = ""
    community: str = ""
    members: int | None = None
    note: str = ""


@dataclass(frozen=True)
class PpksView:
    id: uuid.UUID
    subject: str
    who: str  # a masked NIK and name, a No. KK, or the community's name
    type_label: str
    source: str
    recorded_on: date


def _subject(session: Session, data: PpksInput) -> tuple[Person | None, Household | None]:
    if data.subject not in SUBJECTS:
        raise ValidationError(_("Pilih: orang, keluarga atau komunitas."), field="subject")
    if data.subject == "orang":
        person = session.scalars(select(Person).where(Person.nik == digits16(data.nik))).first()
        if person is None:
            raise NotFound(_("Warga dengan NIK itu belum terdaftar: daftarkan dulu di loket."))
        return person, None
    if data.subject == "keluarga":
        household = session.scalars(
            select(Household).where(Household.no_kk == digits16(data.no_kk))
        ).first()
        if household is None:
            raise NotFound(
                _("Keluarga dengan No. KK itu belum terdaftar: daftarkan dulu di loket.")
            )
        return None, household
    if not data.community.strip():
        raise ValidationError(_("Tulis nama dan tempat komunitas."), field="community")
    return None, None


@action(Perm.REGISTER_PERSON, label="Mencatat PPKS (orang, keluarga atau komunitas)")
def record_ppks(
    session: Session, actor: Actor, data: PpksInput, clock: Clock | None = None
) -> PpksView:
    """One PPKS record; the type and the source are checked against their lists."""
    kinds = {c.code: c for c in choices(session, "jenis_ppks")}
    types = {code: c.label for code, c in kinds.items()}
    if data.ppks_type not in kinds:
        raise ValidationError(
            _("Jenis PPKS '{0}' tidak ada di daftar. Pakai salah satu kode: {1}.").format(
                data.ppks_type, ", ".join(kinds)
            ),
            field="ppks_type",
        )
    if data.source not in SOURCES:
        raise ValidationError(
            _("Sumber informasi '{0}' tidak dikenal. Pakai salah satu: {1}.").format(
                data.source, ", ".join(SOURCES)
            ),
            field="source",
        )
    clock = clock or Clock()
    person, household = _subject(session, data)
    kind = kinds[data.ppks_type]
    check_conditions(kind, data.subject, person, clock.today())
    refuse_duplicate(session, kind, person, household, data.community)
    row = PpksRecord(
        id=uuid.uuid4(),
        subject=data.subject,
        person_id=person.id if person else None,
        household_id=household.id if household else None,
        community=data.community.strip(),
        members=data.members,
        ppks_type=data.ppks_type,
        source=data.source,
        recorded_on=clock.today(),
        recorded_by=actor.id,
        note=data.note.strip(),
    )
    session.add(row)
    session.flush()
    payload = {
        "subject": row.subject,
        "type": row.ppks_type,
        "source": row.source,
        "recorded_on": row.recorded_on.isoformat(),
        "members": row.members,
        "nik": person.nik if person else None,
        "no_kk": household.no_kk if household else None,
        "community": row.community,
    }
    record(session, actor.id, "ppks_dicatat", "ppks", row.id, payload, {"jenis": row.ppks_type})
    return _view(session, row, types)


def _view(session: Session, r: PpksRecord, types: dict[str, str]) -> PpksView:
    if r.person_id:
        p = session.get(Person, r.person_id)
        who = f"{mask_nik(p.nik)} {p.name}" if p else "-"
    elif r.household_id:
        h = session.get(Household, r.household_id)
        who = f"KK {h.no_kk}" if h else "-"
    else:
        who = r.community + (f" ({r.members} orang)" if r.members else "")
    return PpksView(
        r.id, r.subject, who, types.get(r.ppks_type, r.ppks_type), r.source, r.recorded_on
    )


@action(Perm.VIEW_CASE, label="Melihat data PPKS")
def list_ppks(session: Session, actor: Actor, limit: int = 500) -> list[PpksView]:
    types = {c.code: c.label for c in choices(session, "jenis_ppks")}
    rows = session.scalars(select(PpksRecord).order_by(PpksRecord.recorded_on.desc()).limit(limit))
    return [_view(session, r, types) for r in rows]
