"""Everything the office holds about one person, as a citizen can read it (UU 27/2022 PDP).

Plain sections of text that the command line writes as JSON and ``printing`` renders as a PDF.
It is the person's own copy, so it carries their full NIK; statuses, channels, destinations
and programmes are in words, never codes, and times are in the office's zone.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk import case_rules as rules
from kiosk.clock import Clock, tanggal, tanggal_jam
from kiosk.models import (
    Case,
    CaseEvent,
    Complaint,
    Consent,
    Household,
    HouseholdMembership,
    Person,
    PrelistProposal,
    PrintedDocument,
    PrintJob,
    Programme,
    ProgrammeNeed,
    ProgrammeParticipation,
    Referral,
    Visit,
)
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.journal import audit
from kiosk.services.person_rights import find_person, subject_ids
from kiosk.services.reference import choices
from kiosk.services.registry import action


@dataclass(frozen=True)
class Section:
    """One part of the dossier: a title, column heads and rows of text."""

    title: str
    head: tuple[str, ...]
    rows: Sequence[tuple[str, ...]] = field(default_factory=list)


@dataclass(frozen=True)
class Dossier:
    """Everything held about one person, as text the citizen can read."""

    person_id: uuid.UUID
    name: str
    nik: str | None
    made_at: datetime
    sections: list[Section]

    def as_json(self) -> dict[str, Any]:
        return {
            "person_id": str(self.person_id),
            "name": self.name,
            "nik": self.nik,
            "made_at": self.made_at.isoformat(),
            "sections": [
                {
                    "title": s.title,
                    "rows": [dict(zip(s.head, r, strict=True)) for r in s.rows],
                }
                for s in self.sections
            ],
        }


Words = Callable[[str, str | None], str]


def _words(session: Session) -> Words:
    """``words(list_name, code)``: the reference list's label, else the code as words."""
    cache: dict[str, dict[str, str]] = {}

    def words(list_name: str, code: str | None) -> str:
        if not code:
            return "-"
        if list_name not in cache:
            cache[list_name] = {c.code: c.label for c in choices(session, list_name)}
        return cache[list_name].get(code) or rules.words({}, code)

    return words


class _Text:
    """Values as a citizen reads them: 3 Desember 2026, times in the office's zone, ya/tidak."""

    def __init__(self, clock: Clock):
        self.clock = clock

    def __call__(self, value: object) -> str:
        if value is None or value == "":
            return "-"
        if isinstance(value, datetime):
            return tanggal_jam(value, self.clock)
        if isinstance(value, date):
            return tanggal(value)
        if isinstance(value, bool):
            return "ya" if value else "tidak"
        return str(value)


def _registration(p: Person, hh: Household | None, s: _Text, w: Words) -> list[Section]:
    rows = [
        ("Nama", p.name),
        ("NIK", p.nik),
        ("Tempat lahir", p.birth_place),
        ("Tanggal lahir", p.birth_date),
        ("Jenis kelamin", {"L": "Laki-laki", "P": "Perempuan"}.get(p.sex or "")),
        ("Telepon", p.phone),
        ("Disabilitas", w("disabilitas", p.disability)),
        ("Nama ibu kandung", p.mother_name),
        ("Hubungan dalam keluarga", w("hubungan_keluarga", p.relationship_to_head)),
        ("Alasan NIK diterima walau janggal", p.nik_override_reason),
        ("Didaftarkan", p.created_at),
        ("Diubah", p.updated_at),
        ("Identitas dihapus", p.erased_at),
        ("Penghapusan dijadwalkan", p.erasure_due_on),
    ]
    out = [Section("Data pendaftaran", ("isian", "nilai"), [(k, s(v)) for k, v in rows])]
    if hh is not None:
        family = [
            ("No. KK", hh.no_kk),
            ("Alamat", hh.address),
            ("Dusun / RT / RW", f"{hh.dusun} / {hh.rt} / {hh.rw}"),
            ("Kode desa", hh.village_code),
            ("Lokasi rumah dicatat", hh.latitude is not None),
            ("Foto rumah disimpan", bool(hh.house_photo_path)),
        ]
        out.append(Section("Keluarga", ("isian", "nilai"), [(k, s(v)) for k, v in family]))
    return out


def _history(session: Session, p: Person, s: _Text, w: Words) -> list[Section]:
    memberships = session.scalars(
        select(HouseholdMembership).where(HouseholdMembership.person_id == p.id)
    ).all()
    visits = session.scalars(
        select(Visit).where(Visit.person_id == p.id).order_by(Visit.started_at)
    ).all()
    return [
        Section(
            "Riwayat keanggotaan keluarga",
            ("hubungan", "mulai", "selesai", "alasan"),
            [
                (
                    w("hubungan_keluarga", m.relationship),
                    s(m.started_on),
                    s(m.ended_on),
                    s(m.end_reason),
                )
                for m in memberships
            ],
        ),
        Section(
            "Kunjungan",
            ("waktu", "saluran", "status DTKS", "desil"),
            [
                (
                    s(v.started_at),
                    w("saluran", v.channel),
                    rules.words({}, v.dtks_status),
                    s(v.dtks_decile),
                )
                for v in visits
            ],
        ),
    ]


def _cases(session: Session, cases: list[Case], s: _Text, w: Words) -> list[Section]:
    ids = [c.id for c in cases]
    numbers = {c.id: c.tracking_number for c in cases}
    complaints = {
        c.case_id: c for c in session.scalars(select(Complaint).where(Complaint.case_id.in_(ids)))
    }
    events = session.scalars(
        select(CaseEvent).where(CaseEvent.case_id.in_(ids)).order_by(CaseEvent.at)
    ).all()
    referrals = session.scalars(select(Referral).where(Referral.case_id.in_(ids))).all()
    return [
        Section(
            "Kasus dan keluhan",
            ("nomor lacak", "jenis", "status", "sektor", "uraian", "keputusan"),
            [
                (
                    c.tracking_number,
                    rules.words({}, c.kind),
                    rules.words(rules.STATUS_LABELS, c.status),
                    w("sektor", complaints[c.id].sector) if c.id in complaints else "-",
                    s(complaints[c.id].description) if c.id in complaints else "-",
                    s(c.decision),
                )
                for c in cases
            ],
        ),
        Section(
            "Riwayat kasus",
            ("nomor lacak", "waktu", "peristiwa", "catatan"),
            [(numbers[e.case_id], s(e.at), rules.words({}, e.kind), s(e.note)) for e in events],
        ),
        Section(
            "Rujukan",
            ("nomor lacak", "tujuan", "alasan", "status", "persetujuan warga"),
            [
                (
                    numbers[r.case_id],
                    w("tujuan_rujukan", r.destination_code),
                    s(r.reason),
                    rules.words(rules.REFERRAL_STATUS_LABELS, r.status),
                    s(r.consent_at),
                )
                for r in referrals
            ],
        ),
    ]


def _programmes_and_consent(session: Session, p: Person, s: _Text, w: Words) -> list[Section]:
    names = {
        code: f"{code} - {name}"
        for code, name in session.execute(select(Programme.code, Programme.name))
    }
    needs = session.scalars(select(ProgrammeNeed).where(ProgrammeNeed.person_id == p.id)).all()
    takes = session.scalars(
        select(ProgrammeParticipation).where(ProgrammeParticipation.person_id == p.id)
    ).all()
    proposals = session.scalars(
        select(PrelistProposal).where(PrelistProposal.person_id == p.id)
    ).all()
    consents = session.scalars(
        select(Consent).where(Consent.person_id == p.id).order_by(Consent.given_at)
    ).all()
    return [
        Section(
            "Program",
            ("program", "keterangan"),
            [(names.get(n.programme_code, n.programme_code), "dibutuhkan") for n in needs]
            + [(names.get(t.programme_code, t.programme_code), "sudah diterima") for t in takes],
        ),
        Section(
            "Usulan daftar awal DTKS",
            ("status", "alasan"),
            [(rules.words({}, pr.status), s(pr.reason)) for pr in proposals],
        ),
        Section(
            "Persetujuan",
            ("tujuan", "dasar", "diberikan", "dicabut", "catatan"),
            [
                (
                    rules.words({}, c.purpose),
                    w("dasar_pemrosesan", c.basis),
                    s(c.given_at),
                    s(c.withdrawn_at),
                    s(c.note),
                )
                for c in consents
            ],
        ),
    ]


def _papers(session: Session, subjects: list[uuid.UUID], s: _Text) -> Section:
    docs = session.scalars(
        select(PrintedDocument)
        .where(PrintedDocument.subject_id.in_(subjects))
        .order_by(PrintedDocument.created_at)
    ).all()
    jobs = dict(
        session.execute(
            select(PrintJob.document_id, func.count())
            .where(PrintJob.document_id.in_([d.id for d in docs]))
            .group_by(PrintJob.document_id)
        ).all()
    )
    return Section(
        "Dokumen dan cetakan",
        ("nomor", "jenis", "dibuat", "sementara", "dicetak (kali)"),
        [
            (
                d.number,
                rules.words({}, d.kind),
                s(d.created_at),
                s(d.provisional),
                str(jobs.get(d.id, 0)),
            )
            for d in docs
        ],
    )


@action(Perm.EXPORT_PERSON, label="Mencetak data pribadi seseorang (hak akses)")
def person_dossier(
    session: Session, actor: Actor, who: str | uuid.UUID, clock: Clock | None = None
) -> Dossier:
    """Everything about one person: registration, household, visits, cases, consent, papers."""
    clock = clock or Clock()
    s, w = _Text(clock), _words(session)
    p = find_person(session, who)
    hh = session.get(Household, p.household_id) if p.household_id else None
    cases = list(
        session.scalars(select(Case).where(Case.person_id == p.id).order_by(Case.created_at))
    )
    sections = [
        *_registration(p, hh, s, w),
        *_history(session, p, s, w),
        *_cases(session, cases, s, w),
        *_programmes_and_consent(session, p, s, w),
        _papers(session, subject_ids(session, p.id, [c.id for c in cases]), s),
    ]
    audit(session, actor.id, "data_warga_diekspor", "person", p.id)
    return Dossier(p.id, p.name, p.nik, clock.now(), sections)
