"""Refuse strings longer than their column before flush, on every database.

SQLite ignores VARCHAR lengths, PostgreSQL enforces them: without this guard a value that fits
on the village laptop could fail when the Puskesos moves to PostgreSQL. Core bulk inserts
(the DTKS import) validate their own rows.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Session


def _check(obj: Any) -> None:
    mapper = inspect(obj).mapper
    for column in mapper.columns:
        if isinstance(column.type, String) and column.type.length:
            value = getattr(obj, mapper.get_property_by_column(column).key, None)
            if isinstance(value, str) and len(value) > column.type.length:
                raise ValueError(
                    f"{mapper.class_.__name__}.{column.key}: {len(value)} characters, "
                    f"column holds {column.type.length}"
                )


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    for obj in list(session.new) + list(session.dirty):
        _check(obj)
