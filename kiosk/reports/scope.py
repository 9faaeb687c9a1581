"""Where and when a report counts: the period's UTC bounds, the day it is read, the village,
the active snapshot, and whether the facts are wanted one per record (a list) or for counting."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, SQLColumnExpression, func, true


@dataclass(frozen=True)
class Scope:
    """Where and when: the period's UTC bounds, the village, the active snapshot."""

    start: datetime
    end: datetime
    on: date  # ages and "still open" are read on this day
    village_code: str
    snapshot_id: uuid.UUID | None
    first_day: date | None = None  # the period's first local day (records kept by the day)
    after_day: date | None = None  # the day after its last
    records: bool = False  # one fact per record, with ref/name/at (the list behind a count)
    past: bool = True  # the period ended before today ("filed before its end" then matters)

    def filed_by_end(self, column: SQLColumnExpression[Any]) -> ColumnElement[bool]:
        """Filed before the period's end; for a period still running that is everything, so
        the condition is left out. Wrapped in coalesce so that SQLite does not walk the time
        index for it: "before the end" holds for most rows, and the walk costs twice a scan."""
        return func.coalesce(column, column) < self.end if self.past else true()
