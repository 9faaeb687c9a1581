"""Engine, sessions and schema upgrades.

SQLite is tuned for a laptop that may lose power mid-visit: WAL (readers never block the
writer), foreign keys on, ``synchronous=FULL`` (a receipt handed to a citizen must survive a
power cut), and a busy timeout so a second window waits instead of failing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic (with Mako and Pygments) is imported only where a schema is checked or upgraded:
# it is half a second of start-up that a DTKS import's child process does not need.
MIGRATIONS = Path(__file__).with_name("migrations")


# Every SQLite setting the kiosk makes, in one table (name -> value), applied by set_pragmas.
CONNECTION_PRAGMAS = {
    "journal_mode": "WAL",
    "foreign_keys": "ON",
    "synchronous": "FULL",
    "busy_timeout": "10000",
    "wal_autocheckpoint": "1000",  # SQLite's own default, named so a bulk load can restore it
    "secure_delete": "ON",  # erased text zeroed, not left in free pages (Windows: off by default)
}
# A DTKS load on the shared database: no fsync per table (a half-loaded table is dropped
# anyway; WAL keeps the file consistent), no foreign-key checks on rows that reference nothing,
# and the WAL copied back per 64 MB rather than per 4 MB.
BULK_LOAD_PRAGMAS = {"synchronous": "NORMAL", "foreign_keys": "OFF", "wal_autocheckpoint": "16384"}
# The import's scratch file, thrown away after the load.
SCRATCH_PRAGMAS = {"journal_mode": "OFF", "synchronous": "OFF"}


def set_pragmas(execute: Any, pragmas: dict[str, str], schema: str = "") -> None:
    """Apply ``pragmas`` with ``execute`` (a DB-API cursor's or connection's)."""
    prefix = f"{schema}." if schema else ""
    for name, value in pragmas.items():
        execute(f"PRAGMA {prefix}{name}={value}")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    set_pragmas(cur.execute, CONNECTION_PRAGMAS)
    cur.close()


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url`` with the kiosk's connection settings."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 10}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded values after commit, so results can be returned as-is, and
    that tell :mod:`kiosk.changes` which kinds of record each commit wrote."""
    from kiosk.change_tracking import track

    return track(sessionmaker(engine, expire_on_commit=False))


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` without losing rows (``puskesos db upgrade``)."""
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision(engine)


def shipped_head() -> str:
    """The newest revision, from the versions folder's file names (``0007_…``): Alembic is a
    tenth of a second to import and every start asks only whether the schema is current."""
    return max(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))


def at_head(engine: Engine) -> bool:
    """True when the database is at the newest revision (no Alembic import needed)."""
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    try:
        with engine.connect() as conn:
            stored = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError:  # no table yet: a new database
        return False
    return stored == shipped_head()
