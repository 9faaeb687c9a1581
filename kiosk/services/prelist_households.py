"""The pre-list lists households whole: DTKS registers a family on its KK, so a proposal made
by one member brings every living member of that household with it.

Kept apart from :mod:`kiosk.services.prelist` (which shapes the rows) because the order and
the de-duplication are the part with rules: the head first, then the others oldest first; a
member proposed in their own right keeps their own proposal; a household two members proposed
is listed once.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.models import Household, Person, PrelistProposal

HEAD = "kepala_keluarga"

# (proposal, person, household, visit ended, the person's own proposal?)
Found = tuple[PrelistProposal, Person, Household | None, datetime, bool]


def _order(p: Person) -> tuple[Any, ...]:
    return (p.relationship_to_head != HEAD, p.birth_date or date.max, p.name)


def _members(session: Session, households: set[uuid.UUID]) -> dict[uuid.UUID, list[Person]]:
    """Each household's living, not erased members in list order."""
    found: dict[uuid.UUID, list[Person]] = defaultdict(list)
    if not households:
        return found
    people = session.scalars(
        select(Person).where(
            Person.household_id.in_(households),
            Person.erased_at.is_(None),
            Person.deceased.is_(False),
        )
    )
    for person in people:
        if person.household_id is not None:
            found[person.household_id].append(person)
    for members in found.values():
        members.sort(key=_order)
    return found


def whole_households(session: Session, found: Sequence[Any]) -> Iterator[Found]:
    """``found`` (proposal, person, household, visit ended), oldest first, expanded so each
    proposal's household comes whole, each person once."""
    proposals = [(p, person, hh, ended) for p, person, hh, ended in found if ended is not None]
    own = {person.id: (p, ended) for p, person, _hh, ended in reversed(proposals)}
    members = _members(session, {hh.id for _p, _person, hh, _e in proposals if hh is not None})
    listed: set[uuid.UUID] = set()
    for p, person, hh, ended in proposals:
        family = list(members.get(hh.id, [])) if hh is not None else []
        if person not in family:  # moved since, or a proposal without a household
            family.insert(0, person)
        for member in family:
            if member.id in listed:
                continue
            listed.add(member.id)
            theirs = own.get(member.id)
            if theirs is not None:
                yield theirs[0], member, hh, theirs[1], True
            else:
                yield p, member, hh, ended, False
