"""What a running kiosk holds: paths, the engine, a session factory and the clock.

Built once by the composition root (the ``puskesos`` command) and passed down; no globals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.clock import Clock
from kiosk.config import Paths, resolve_db_url, resolve_paths
from kiosk.db import make_engine, session_factory, upgrade
from kiosk.errors import DISK_FULL_SIGNS, STORAGE_FULL_MESSAGE, KioskError, StorageFull

if TYPE_CHECKING:
    from kiosk.dtks.register import Register


@dataclass
class KioskContext:
    """The wiring every face (window, command line, tests) shares."""

    paths: Paths
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Clock
    _register: Any = field(default=None, init=False, repr=False)

    @property
    def register(self) -> Register:
        """The lean NIK / No. KK lookup (one per context: it keeps a connection of its own)."""
        if self._register is None:
            from kiosk.dtks.register import Register  # the services import this module

            self._register = Register(self)
        return self._register  # type: ignore[no-any-return]

    @classmethod
    def open(
        cls,
        url: str | None = None,
        data_dir: str | None = None,
        clock: Clock | None = None,
        migrate: bool = True,
    ) -> KioskContext:
        """Open (and by default upgrade) the database: an old database is brought up to date."""
        paths = resolve_paths(data_dir)
        resolved = resolve_db_url(url, paths)
        engine = make_engine(resolved)
        if migrate:
            upgrade(engine)
        ctx = cls(paths, resolved, engine, session_factory(engine), clock or Clock())
        if migrate:
            # Late import: the services package imports this module's neighbours.
            from kiosk.services.reference import refresh_shipped_reference

            Gateway(ctx).call(refresh_shipped_reference)
        return ctx

    def close(self) -> None:
        if self._register is not None:
            self._register.close()
        self.engine.dispose()


class Gateway:
    """Runs one service call in one transaction: how faces call the core without SQL.

    ``gateway.call(add_officer, actor, ...)`` opens a session, passes it as the first argument,
    commits on success and rolls back on any error, so nothing half-written is stored.
    """

    def __init__(self, ctx: KioskContext):
        self.ctx = ctx

    def call(self, service, *args, **kwargs):  # type: ignore[no-untyped-def]
        with self.ctx.sessions() as session:
            session.begin()
            try:
                result = service(session, *args, **kwargs)
                session.commit()
            except KioskError as exc:
                if exc.keep_changes:
                    session.commit()
                else:
                    session.rollback()
                raise
            except OperationalError as exc:  # from the service's writes or from the commit
                session.rollback()
                if any(sign in str(exc).lower() for sign in DISK_FULL_SIGNS):
                    raise StorageFull(STORAGE_FULL_MESSAGE) from exc
                raise
            except BaseException:
                session.rollback()
                raise
            return result
