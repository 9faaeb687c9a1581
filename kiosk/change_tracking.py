"""Which tables each committed transaction wrote, told to :mod:`kiosk.changes`.

Listens to a session factory's flushes (objects added, changed, deleted) and its ORM
statements (bulk ``insert``/``update``/``delete``); the tables are kept on the session until
it commits (then reported) or rolls back (then forgotten: nothing changed).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from kiosk.changes import committed

_KEY = "written_tables"


def _written(session: Session) -> set[str]:
    found: set[str] = session.info.setdefault(_KEY, set())
    return found


def _table_of(obj: object) -> str | None:
    table = getattr(type(obj), "__table__", None)
    name = getattr(table, "name", None)
    return name if isinstance(name, str) else None


def _after_flush(session: Session, _context: Any) -> None:
    written = _written(session)
    dirty = (o for o in session.dirty if session.is_modified(o))
    for obj in (*session.new, *dirty, *session.deleted):
        name = _table_of(obj)
        if name is not None:
            written.add(name)


def _orm_execute(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        name = getattr(table, "name", None)
        if isinstance(name, str):
            _written(state.session).add(name)


def _after_commit(session: Session) -> None:
    tables = session.info.pop(_KEY, None)
    if tables:
        committed(tables)


def _after_rollback(session: Session) -> None:
    session.info.pop(_KEY, None)


def track(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    """Report the tables written by every session ``sessions`` makes (see kiosk.changes)."""
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "do_orm_execute", _orm_execute)
    event.listen(sessions, "after_commit", _after_commit)
    event.listen(sessions, "after_rollback", _after_rollback)
    return sessions
