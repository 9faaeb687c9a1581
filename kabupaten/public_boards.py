"""The public papan's numbers, made once per published quarter and kept.

A quarter's figures still move after it is published: a village offline for weeks sends its
report late, or sends a corrected one (version 2). Anyone saving the public page each day could
subtract one day's kecamatan row from the next and read a late village's hidden count of 1-4.
So the first request for a published quarter renders its numbers, and every later one shows
those same bytes (the staff's signed-in papan always counts afresh). A second worker making the
same quarter at the same moment finds the first one's row and shows that.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from kabupaten.store import now_iso
from kabupaten.tables import public_boards
from kiosk.periods import Period


def published(engine: Engine, period: Period, make: Callable[[], str]) -> str:
    """The kept numbers of ``period``; made by ``make`` (and kept) the first time."""
    kept = _kept(engine, period)
    if kept is not None:
        return kept
    body = make()
    try:
        with engine.begin() as c:
            row = {"period": period.code, "made_at": now_iso(), "body": body}
            c.execute(insert(public_boards).values(**row))
    except IntegrityError:  # another worker kept it first: show the same numbers as it does
        kept = _kept(engine, period)
        assert kept is not None
        return kept
    return body


def _kept(engine: Engine, period: Period) -> str | None:
    with engine.connect() as c:
        found = c.execute(
            select(public_boards.c.body).where(public_boards.c.period == period.code)
        ).scalar()
    return None if found is None else str(found)
