"""Numbers citizens see, allocated locally so they work offline and never repeat."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.models import NumberSequence, Site


def next_value(session: Session, scope: str) -> int:
    """Atomically take the next integer of ``scope``.

    An UPDATE takes the row lock first (SQLite: the write lock; PostgreSQL: the row), so two
    counters issuing at the same moment get different numbers.
    """
    for _ in range(3):
        result = session.execute(
            update(NumberSequence)
            .where(NumberSequence.scope == scope)
            .values(last_value=NumberSequence.last_value + 1)
            .returning(NumberSequence.last_value)
        ).scalar_one_or_none()
        if result is not None:
            return int(result)
        try:
            with session.begin_nested():
                session.add(NumberSequence(scope=scope, last_value=1))
            return 1
        except IntegrityError:
            continue  # another counter created the row first: take the update path
    raise RuntimeError(_("could not allocate a number in {0}").format(scope))


def tracking_number(session: Session, site: Site, today: date) -> str:
    """``<office>-<yymm>-<serial>``: readable over the phone, unique across the kabupaten."""
    serial = next_value(session, f"lacak:{today:%y%m}")
    return f"{site.office_code}-{today:%y%m}-{serial:05d}"


def current_site(session: Session) -> Site | None:
    return session.scalars(select(Site).limit(1)).first()
