"""Shared fixtures: a real database (SQLite file, or PostgreSQL when PUSKESOS_TEST_DB_URL is
set), a set-up Puskesos with one officer per role, and offscreen Qt.

The schema is migrated once per run with Alembic (the same path as a real upgrade); each test
starts from empty tables.
"""

from __future__ import annotations

import os
import random

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PUSKESOS_ARGON2_PROFILE", "test")

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.orm import Session

from kiosk.audit_chain import GENESIS
from kiosk.context import Gateway, KioskContext
from kiosk.db import make_engine, upgrade
from kiosk.models import Base
from kiosk.roles import Role
from kiosk.services.actor import Actor
from kiosk.services.officers import create_officer
from kiosk.services.setup import SiteInput, initialise

PASSWORD = "rahasia123"
PG_ENV = "PUSKESOS_TEST_DB_URL"


def pytest_configure(config: pytest.Config) -> None:
    """pytest-xdist's workers must collect the same tests in the same order, and parameters
    built from sets follow the string hash: the workers share one hash seed, chosen per run."""
    os.environ.setdefault("PYTHONHASHSEED", str(random.randrange(1, 2**32)))


DATABASE_ONLY_ENV = "PUSKESOS_TEST_DATABASE_ONLY"
# The fixtures that read PG_ENV: a test using one (directly or through ``ctx``) reaches it.
DATABASE_FIXTURES = frozenset({"db_url", "empty_url"})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that drive Qt are marked ``gui`` so ``-m 'not gui'`` runs the core alone.

    With ``PUSKESOS_TEST_DATABASE_ONLY=1`` beside ``PUSKESOS_TEST_DB_URL`` (CI's PostgreSQL
    run) only the tests that reach the database run: those using a fixture of
    ``DATABASE_FIXTURES`` (every ``ctx``, ``office`` and window test does) or marked
    ``postgres``. The others (a third:
    parsers, printing, the kabupaten server on its own SQLite file) would run exactly as they
    do in the SQLite run beside it, only slower on the shared cores."""
    keep: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    only_database = bool(os.environ.get(PG_ENV)) and os.environ.get(DATABASE_ONLY_ENV) == "1"
    for item in items:
        names = getattr(item, "fixturenames", ())
        if "qtbot" in names or "/ui/" in str(item.fspath):
            item.add_marker(pytest.mark.gui)
        reaches = not DATABASE_FIXTURES.isdisjoint(names) or item.get_closest_marker("postgres")
        (keep if reaches or not only_database else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep


def pytest_report_header(config: pytest.Config) -> str:
    url = os.environ.get(PG_ENV)
    return f"database: {'PostgreSQL ' + url if url else 'SQLite (temporary file)'}"


def _worker_database(url: str) -> str:
    """Under pytest-xdist every worker empties and migrates a database of its own
    (``puskesos_test_gw0``, ...), created on the same server beside the one in the URL."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    base = make_url(url)
    name = f"{base.database}_{worker}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        found = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
        if found.first() is None:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = os.environ.get(PG_ENV)
    if url:
        url = _worker_database(url)
        engine = make_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        upgrade(engine)
        engine.dispose()
        yield url
        return
    path = tmp_path_factory.mktemp("db") / "kiosk.sqlite3"
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    yield url


def _backward_references() -> list[tuple[str, str]]:
    """``(column, table)`` of each nullable reference to a table that a DELETE in reversed
    dependency order would empty first (the cycles SQLAlchemy breaks with ``use_alter``)."""
    order = {t.name: i for i, t in enumerate(Base.metadata.sorted_tables)}
    return [
        (fk.parent.name, t.name)
        for t in Base.metadata.sorted_tables
        for fk in t.foreign_keys
        if fk.parent.nullable and order[fk.column.table.name] >= order[t.name]
    ]


def _empty_tables(ctx: KioskContext) -> None:
    tables = [t.name for t in Base.metadata.sorted_tables]
    with ctx.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # DELETE, children first: 10 ms for the few rows a test leaves, where one
            # TRUNCATE of every table took 70-85 ms (new files for 43 tables), every test.
            # A reference to a table not deleted later (household's head, a person) is
            # cleared first, so a cycle of references never stops a DELETE.
            for column, table in _backward_references():
                conn.execute(text(f'UPDATE "{table}" SET "{column}" = NULL'))
            for t in reversed(tables):
                conn.execute(text(f'DELETE FROM "{t}"'))
        else:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            for t in reversed(tables):
                conn.execute(text(f'DELETE FROM "{t}"'))
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        # as a freshly migrated database has it (0007): the audit chain's empty head
        conn.execute(
            text("INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, :g)"), {"g": GENESIS}
        )


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line run in a test keeps its backups and key beside the test's ``ctx``,
    never in the user's real data folder."""
    monkeypatch.setenv("PUSKESOS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PUSKESOS_NO_KEYRING", "1")


@pytest.fixture
def ctx(db_url: str, tmp_path: Path) -> Iterator[KioskContext]:
    """An opened kiosk on empty tables, with its data directory in ``tmp_path``."""
    context = KioskContext.open(db_url, str(tmp_path / "data"), migrate=False)
    _empty_tables(context)
    yield context
    context.close()


@pytest.fixture
def gateway(ctx: KioskContext) -> Gateway:
    return Gateway(ctx)


@pytest.fixture
def session(ctx: KioskContext) -> Iterator[Session]:
    """A session for assertions (tests read with it; services run through ``gateway``)."""
    with ctx.sessions() as s:
        yield s


@dataclass
class Office:
    """A set-up Puskesos and one officer per role."""

    admin: Actor
    by_role: dict[Role, Actor]

    def __getitem__(self, role: Role) -> Actor:
        return self.by_role[role]


SITE = SiteInput(village_code="33.24.01.2001", village_name="Sukamaju", head_name="Slamet")


@pytest.fixture
def office(gateway: Gateway) -> Office:
    def build(s: Session) -> Office:
        admin = initialise(s, SITE, "admin", "Admin Desa", PASSWORD)
        by_role = {Role.ADMIN: admin}
        for role in Role:
            if role is Role.ADMIN:
                continue
            officer = create_officer(
                s,
                role.value.replace("_", ""),
                f"Petugas {role.value}",
                PASSWORD,
                [role],
                pin="1234",
                created_by=admin.id,
            )
            by_role[role] = Actor.of(officer)
        return Office(admin, by_role)

    return gateway.call(build)


@pytest.fixture
def chromium() -> Iterator[Any]:
    """A headless Debian Chromium (skipped where it is not installed or cannot start)."""
    from tests.sync.browser import ARGS, CHROMIUM

    if CHROMIUM is None:
        pytest.skip("Chromium tidak terpasang (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        try:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except sync_api.Error as exc:  # e.g. a machine without libpulse (.ci/run's first run)
            lines = str(exc).splitlines()
            why = next((x for x in lines if "error" in x.lower()), lines[0])
            pytest.skip(f"Chromium tidak dapat dijalankan: {why.strip()[:200]}")
        yield browser
        browser.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where a browser test's photographs go: ``KABUPATEN_SHOTS`` when set."""
    folder = Path(os.environ.get("KABUPATEN_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
