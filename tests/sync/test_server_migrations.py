"""The kabupaten server's schema comes from its Alembic migrations (kabupaten/migrations), kept
in step with kabupaten/tables.py, with its own version table beside a kiosk's schema.

On PostgreSQL when PUSKESOS_TEST_DB_URL is set (the test marked ``postgres``)."""

from __future__ import annotations

import json
import os
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from kabupaten.migrate import VERSION_TABLE, current_revision, head_revision, upgrade
from kabupaten.store import Store
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
    two_offices_on(Store(url, create=False))


def two_offices_on(store: Store) -> None:
    """The migrated schema carries the store's work: a code used once, an office's batch, the
    other office refused on its record, the changes for the owner alone."""
    try:
        code = store.add_kiosk("3324012001")
        assert store.redeem_code("3324012001", code)
        assert not store.redeem_code("3324012002", code)
        case = str(uuid.uuid4())
        item = {
            "op_id": str(uuid.uuid4()),
            "entity_type": "case",
            "entity_id": case,
            "op_type": "kasus_dicatat",
            "schema_version": 1,
            "created_at": "2026-12-01T08:00:00+00:00",
            "payload": {"tracking_number": "T-1"},
        }
        answer = json.loads(
            store.ingest("k", "3324012001", "h", {"batch_id": "k", "items": [item]})
        )
        assert answer["results"][0]["status"] == "accepted"
        theirs = {**item, "op_id": str(uuid.uuid4()), "op_type": "kasus_status"}
        theirs["payload"] = {"status": "selesai", "version": 999}
        answer = json.loads(
            store.ingest("k", "3324012002", "h", {"batch_id": "k", "items": [theirs]})
        )
        assert answer["results"][0]["status"] == "rejected"
        store.add_change({"kind": "case_status", "entity_id": case, "status": "diproses"})
        assert len(store.changes_after("3324012001", 0, "", 10)[0]) == 1
        assert store.changes_after("3324012002", 0, "", 10)[0] == []
    finally:
        store.engine.dispose()


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
