"""Is this person (and household) in the local DTKS/DTSEN snapshot? Works offline."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kiosk.dtks.name_index import index_for
from kiosk.models import DtksRecord, DtksSnapshot
from kiosk.names import name_key
from kiosk.number16 import digits16
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.registry import action


@dataclass(frozen=True)
class DtksEntry:
    nik: str | None
    no_kk: str | None
    name: str
    birth_place: str
    birth_date: date | None
    sex: str | None
    relationship: str
    address: str
    rt: str
    rw: str
    decile: int | None
    programmes: tuple[str, ...]


@dataclass(frozen=True)
class OnlineAnswer:
    """The kabupaten's own answer for one NIK, from its register of ``snapshot_date``."""

    found: bool
    snapshot_date: date
    decile: int | None = None
    programmes: tuple[str, ...] = ()


@dataclass(frozen=True)
class DtksResult:
    """The answer with the snapshot it came from, so the officer knows how fresh it is; and,
    when the kabupaten answered in time, its answer (``online``) or why it did not (``note``)."""

    found: bool
    person: DtksEntry | None
    household: tuple[DtksEntry, ...]
    snapshot_id: uuid.UUID | None
    snapshot_kind: str | None
    snapshot_date: date | None
    online: OnlineAnswer | None = None
    online_note: str = ""

    @property
    def decile(self) -> int | None:
        return self.person.decile if self.person else None

    @property
    def online_is_newer(self) -> bool:
        """The kabupaten's register is newer than this office's snapshot (or there is none):
        its answer is the one the counter acts on."""
        o = self.online
        return o is not None and (
            self.snapshot_date is None or o.snapshot_date > self.snapshot_date
        )

    @property
    def registered(self) -> bool:
        """In DTKS/DTSEN by the newer of the two answers."""
        return self.online.found if self.online is not None and self.online_is_newer else self.found

    @property
    def current_decile(self) -> int | None:
        return (
            self.online.decile if self.online is not None and self.online_is_newer else self.decile
        )


def _entry(r: DtksRecord) -> DtksEntry:
    progs = tuple(p for p in r.programmes.split(",") if p)
    return DtksEntry(
        r.nik,
        r.no_kk,
        r.name,
        r.birth_place,
        r.birth_date,
        r.sex,
        r.relationship,
        r.address,
        r.rt,
        r.rw,
        r.decile,
        progs,
    )


def active_snapshot(session: Session) -> DtksSnapshot | None:
    return session.scalars(
        select(DtksSnapshot)
        .where(DtksSnapshot.status == "active")
        .order_by(DtksSnapshot.imported_at.desc())
    ).first()


@action(Perm.CHECK_DTKS, label="Memeriksa NIK di DTKS")
def check_dtks(
    session: Session, actor: Actor, nik: str | None = None, no_kk: str | None = None
) -> DtksResult:
    """By NIK (the person) or No. KK (the household)."""
    snap = active_snapshot(session)
    if snap is None:
        return DtksResult(False, None, (), None, None, None)
    person = None
    if nik:
        person = session.scalars(
            select(DtksRecord).where(DtksRecord.snapshot_id == snap.id, DtksRecord.nik == nik)
        ).first()
    kk = no_kk or (person.no_kk if person else None)
    members: list[DtksRecord] = []
    if kk:
        members = list(
            session.scalars(
                select(DtksRecord)
                .where(DtksRecord.snapshot_id == snap.id, DtksRecord.no_kk == kk)
                .order_by(DtksRecord.id)
            )
        )
    found = person is not None or (not nik and bool(members))
    return DtksResult(
        found,
        _entry(person) if person else None,
        tuple(_entry(m) for m in members),
        snap.id,
        snap.kind,
        snap.snapshot_date,
    )


@action(Perm.CHECK_DTKS, label="Mencari di DTKS")
def search_dtks(
    session: Session,
    actor: Actor,
    query: str,
    limit: int = 30,
    village: str | None = None,
    birth_year: int | None = None,
) -> list[DtksEntry]:
    """By NIK / No. KK (exact) or by name, tolerant of spelling variants and typos, optionally
    narrowed by village code or birth year, in the active snapshot."""
    snap = active_snapshot(session)
    if snap is None:
        return []
    digits = digits16(query)
    stmt = select(DtksRecord).where(DtksRecord.snapshot_id == snap.id)
    if digits is not None:
        stmt = stmt.where(or_(DtksRecord.nik == digits, DtksRecord.no_kk == digits))
        return [_entry(r) for r in session.scalars(stmt.order_by(DtksRecord.id).limit(limit))]
    key = name_key(query)
    if not key:
        return []
    index = index_for(session, snap.id, snap.row_count or 0)
    if index is not None:
        ranked = index.search(query, limit, village, birth_year)
        rows = {
            r.id: r
            for r in session.scalars(
                select(DtksRecord).where(DtksRecord.id.in_([i for i, _ in ranked]))
            )
        }
        return [_entry(rows[i]) for i, _ in ranked if i in rows]
    # The index of a large snapshot is still being built: exact spelling family or prefix
    # (a range, so the name_key index serves it: keys hold only a-z and spaces, "{" follows z).
    stmt = stmt.where(DtksRecord.name_key >= key, DtksRecord.name_key < key + "{")
    if village:
        stmt = stmt.where(DtksRecord.village_code == village)
    if birth_year:
        stmt = stmt.where(
            DtksRecord.birth_date >= date(birth_year, 1, 1),
            DtksRecord.birth_date <= date(birth_year, 12, 31),
        )
    return [_entry(r) for r in session.scalars(stmt.order_by(DtksRecord.name).limit(limit))]
