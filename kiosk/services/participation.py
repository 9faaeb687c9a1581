"""Programme participation decided by a musyawarah desa, written when the decision is.

A household the meeting "ditetapkan" receives the programme from that day: the counter's
profile, the eligibility hints and the next ranking must know it without an officer typing it
in again. The berita acara is the source (``source="musdes"``, its number in ``source_ref``,
the meeting's day in ``since``). The household is found by its No. KK, else by the head's
NIK; one the counter has not registered yet keeps its No. KK, and is found by it when it is.
The decision's own outbox message carries the households and their decisions upstream, so
no second message is sent for the same fact.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kiosk.models import Household, Person, ProgrammeParticipation, RankingEntry, RankingList

MUSDES = "musdes"


@dataclass(frozen=True)
class ParticipationLine:
    """A programme a household receives, with where the office knows it from."""

    programme_code: str
    source: str  # pengakuan, dtks, musdes
    source_ref: str  # the berita acara's number for musdes
    since: date | None


def _owner(session: Session, e: RankingEntry) -> tuple[uuid.UUID | None, uuid.UUID | None]:
    """(household id, person id) of a decided entry, as far as the counter knows it."""
    if e.no_kk:
        found = session.scalars(select(Household.id).where(Household.no_kk == e.no_kk)).first()
        if found is not None:
            return found, None
    if e.nik:
        person = session.scalars(select(Person).where(Person.nik == e.nik)).first()
        if person is not None:
            return (person.household_id, None) if person.household_id else (None, person.id)
    return None, None


def enrol_selected(session: Session, decided: RankingList, entries: Iterable[RankingEntry]) -> int:
    """Participation for every entry the meeting of ``decided`` set "ditetapkan"; returns how
    many were written. Called inside
    :func:`kiosk.services.ranking_lists.record_meeting_decision`, in its transaction (the
    decision and the participation stand or fall together)."""
    programme_code, meeting_on = decided.programme_code, decided.meeting_on
    meeting_ref = decided.meeting_ref
    written = 0
    for e in entries:
        household_id, person_id = _owner(session, e)
        if household_id is None and person_id is None and not e.no_kk:
            continue  # nothing to find it by: the berita acara still names it
        session.add(
            ProgrammeParticipation(
                household_id=household_id,
                person_id=person_id,
                no_kk=e.no_kk or None,
                programme_code=programme_code,
                source=MUSDES,
                source_ref=meeting_ref,
                since=meeting_on,
            )
        )
        written += 1
    return written


def participation_of(session: Session, person: Person) -> list[ParticipationLine]:
    """The participation recorded for a person or their household (by id or by No. KK)."""
    household = session.get(Household, person.household_id) if person.household_id else None
    owners = [ProgrammeParticipation.person_id == person.id]
    if household is not None:
        owners.append(ProgrammeParticipation.household_id == household.id)
        if household.no_kk:
            owners.append(ProgrammeParticipation.no_kk == household.no_kk)
    rows = session.scalars(
        select(ProgrammeParticipation)
        .where(or_(*owners))
        .order_by(ProgrammeParticipation.programme_code, ProgrammeParticipation.since)
    )
    seen: dict[tuple[str, str, str], ParticipationLine] = {}
    for r in rows:
        line = ParticipationLine(r.programme_code, r.source, r.source_ref, r.since)
        seen.setdefault((r.programme_code, r.source, r.source_ref), line)
    return list(seen.values())
