"""The kabupaten server's schema comes from its Alembic migrations (kabupaten/migrations), kept
in step with kabupaten/tables.py, with its own version table beside a kiosk's schema.

On PostgreSQL when PUSKESOS_TEST_DB_URL is set (the test marked ``postgres``)."""

from __future__ import annotations

import os

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from kabupaten.migrate import VERSION_TABLE, current_revision, head_revision, upgrade
from kabupaten.tables import meta


def migrated_matches_tables(url: str) -> None:
    engine = create_engine(url)
    try:
        upgrade(engine)
        assert current_revision(engine) == head_revision(engine)
        names = set(inspect(engine).get_table_names())
        assert set(meta.tables) | {VERSION_TABLE} <= names
        assert "alembic_version" not in names  # the kiosk's name stays free
        with engine.connect() as c:
            context = MigrationContext.configure(c, opts={"version_table": VERSION_TABLE})
            diff = compare_metadata(context, meta)
        assert diff == []
        upgrade(engine)  # again: nothing to do, nothing lost
    finally:
        engine.dispose()


def test_migrations_make_the_server_s_tables(tmp_path):
    migrated_matches_tables(f"sqlite:///{tmp_path / 'kab.sqlite'}")


@pytest.mark.postgres
def test_migrations_on_postgresql():
    url = os.environ.get("PUSKESOS_TEST_DB_URL")
    if not url:
        pytest.skip("PUSKESOS_TEST_DB_URL not set")
    engine = create_engine(url)
    with engine.begin() as c:  # a schema of its own, beside the kiosk suite's tables
        c.execute(text("DROP SCHEMA IF EXISTS kabupaten_test CASCADE"))
        c.execute(text("CREATE SCHEMA kabupaten_test"))
    engine.dispose()
    sep = "&" if "?" in url else "?"
    migrated_matches_tables(f"{url}{sep}options=-csearch_path%3Dkabupaten_test")
