"""What a running kiosk holds: paths, the engine, a session factory and the clock.

Built once by the composition root (the ``puskesos`` command) and passed down; no globals.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeAlias, TypeVar, cast

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.clock import Clock
from kiosk.config import Paths, resolve_db_url, resolve_paths
from kiosk.db import (
    at_head,
    current_revision,
    make_engine,
    needs_upgrade,
    session_factory,
    upgrade,
)
from kiosk.errors import (
    DISK_FULL_SIGNS,
    STORAGE_FULL_MESSAGE,
    KioskError,
    PermissionDenied,
    StorageFull,
)
from kiosk.sealing import Sealer

if TYPE_CHECKING:
    from kiosk.backup_keys import BackupKeys
    from kiosk.dtks.register import Register

P = ParamSpec("P")
R = TypeVar("R")
# What Gateway.call runs: a service taking the session first (for the faces' own signatures).
Service: TypeAlias = Callable[Concatenate[Session, P], R]


def _service_name(service: object) -> str:
    """The declared action's name (``people.register_person``), else the function's."""
    declared = getattr(service, "__action__", None)
    name = getattr(declared, "name", None) or getattr(service, "__name__", "layanan")
    return str(name)


@dataclass
class KioskContext:
    """The wiring every face (window, command line, tests) shares."""

    paths: Paths
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Clock
    _register: Register | None = field(default=None, init=False, repr=False)
    _sealer: Sealer | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        # Services that keep secrets find the sealer on their session (made on first use).
        # Erasures find the data folder there too (their ledger lives outside the database).
        self.sessions.configure(
            info={"sealer": lambda: self.sealer, "data_dir": self.paths.data_dir}
        )

    @property
    def sealer(self) -> Sealer:
        """Seals sync tokens and drafts with a key kept outside the database file."""
        if self._sealer is None:
            self._sealer = Sealer.for_folder(self.paths.secret_key)
        return self._sealer

    @property
    def backup_keys(self) -> BackupKeys:
        """The key backups are encrypted with, sealed by :attr:`sealer` (kiosk/backup_keys.py)."""
        from kiosk.backup_keys import BackupKeys

        return BackupKeys.load(self.paths.data_dir, self.sealer)

    @property
    def register(self) -> Register:
        """The lean NIK / No. KK lookup (one per context: it keeps a connection of its own)."""
        if self._register is None:
            from kiosk.dtks.register import Register  # loads the DTKS services

            self._register = Register(self.engine.url, Gateway(self))
        return self._register

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
        _private_database(resolved)
        engine = make_engine(resolved)
        ctx = cls(paths, resolved, engine, session_factory(engine), clock or Clock())
        if migrate and not at_head(engine) and needs_upgrade(engine):
            if current_revision(engine) is not None:  # a database with records in it
                from kiosk.backup import before_migration

                before_migration(ctx.url, ctx.paths.backups, ctx.clock.now(), ctx.backup_keys)
            upgrade(engine)
        if migrate:
            # Late import: the services package imports this module's neighbours.
            from kiosk.services.reference import refresh_shipped_reference

            Gateway(ctx).call(refresh_shipped_reference)
        return ctx

    def close(self) -> None:
        if self._register is not None:
            self._register.close()
        self.engine.dispose()


def _private_database(url: str) -> None:
    """Create the SQLite file owner-only before SQLite does (its -wal and -shm files take the
    main file's permissions); tighten one made earlier with the umask's."""
    from kiosk.backup import sqlite_file

    db = sqlite_file(url)
    if db is None or os.name != "posix":
        return
    if not db.exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(db, os.O_WRONLY | os.O_CREAT, 0o600))
    for suffix in ("", "-wal", "-shm"):
        part = db.with_name(db.name + suffix)
        if part.exists() and part.stat().st_mode & 0o077:
            part.chmod(0o600)


class Gateway:
    """Runs one service call in one transaction: how faces call the core without SQL.

    ``gateway.call(add_officer, actor, ...)`` opens a session, passes it as the first argument,
    commits on success and rolls back on any error, so nothing half-written is stored. A service
    may carry a lean path that needs no session (``service.without_session``, e.g. the walk-in
    box's NIK lookup on the register's own connection); it is asked first and answers exactly
    what the service would, or None to leave it to the session.
    """

    def __init__(self, ctx: KioskContext):
        self.ctx = ctx

    def call(
        self, service: Callable[Concatenate[Session, P], R], *args: P.args, **kwargs: P.kwargs
    ) -> R:
        quick = getattr(service, "without_session", None)
        if quick is not None:  # a service's lean path (lookup's NIK): None when it cannot answer
            answer = quick(self.ctx, *args, **kwargs)
            if answer is not None:
                return cast(R, answer)
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
                if isinstance(exc, PermissionDenied):
                    self._audit_refusal(exc, _service_name(service), args)
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

    def _audit_refusal(self, exc: PermissionDenied, service: str, args: tuple[object, ...]) -> None:
        """A refused action is history too: written in its own transaction, since the action's
        own was rolled back."""
        from kiosk.services.actor import Actor
        from kiosk.services.journal import audit

        officer = exc.officer_id
        if officer is None and args and isinstance(args[0], Actor):  # refused before authorize
            officer = args[0].id
        with self.ctx.sessions() as session, session.begin():
            audit(
                session,
                officer,
                "ditolak",
                "layanan",
                service[:40],
                {"kode": exc.code},
            )
