"""A village laptop upgraded next year keeps every record.

The database is created at revision 0001 (before ``person.name_key``), filled with rows, then
upgraded to head: every row must survive and the new column must be backfilled.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, make_url, text

from kiosk.db import current_revision, head_revision, make_engine, needs_upgrade, upgrade
from kiosk.models import Base
from ui.cli import main


@pytest.fixture
def empty_url(tmp_path) -> Iterator[str]:
    url = os.environ.get("PUSKESOS_TEST_DB_URL")
    if not url:
        yield f"sqlite:///{tmp_path / 'lama.sqlite3'}"
        return
    name = f"puskesos_mig_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(url).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def test_upgrade_from_first_revision_keeps_every_row(empty_url):
    engine = make_engine(empty_url)
    upgrade(engine, "0001")
    assert current_revision(engine) == "0001" and needs_upgrade(engine)
    now = datetime(2026, 1, 5, 3, 0, tzinfo=UTC)
    officer, person, household = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    ts = now if engine.dialect.name != "sqlite" else now.replace(tzinfo=None)
    with engine.begin() as conn:
        u = (lambda v: v.hex) if engine.dialect.name == "sqlite" else (lambda v: v)
        conn.execute(
            text(
                "INSERT INTO officer (id, username, full_name, password_hash, active,"
                " failed_attempts, must_change_password, phone, created_at, updated_at)"
                " VALUES (:id, 'lama', 'Petugas Lama', 'x', true, 0, false, '', :ts, :ts)"
            ),
            {"id": u(officer), "ts": ts},
        )
        conn.execute(
            text(
                "INSERT INTO household (id, no_kk, address, dusun, rt, rw, village_code, version,"
                " created_at, updated_at) VALUES (:id, '3324011203150007', 'Krajan', '', '001',"
                " '002', '3324012001', 1, :ts, :ts)"
            ),
            {"id": u(household), "ts": ts},
        )
        conn.execute(
            text(
                "INSERT INTO person (id, nik, name, birth_place, phone, mother_name, household_id,"
                " deceased, version, created_at, updated_at) VALUES (:id, '3324015708900003',"
                " 'Hj. Siti Fatimah', 'Kendal', '', '', :hh, false, 1, :ts, :ts)"
            ),
            {"id": u(person), "hh": u(household), "ts": ts},
        )
        conn.execute(
            text(
                "INSERT INTO outbox_operation (op_id, entity_type, entity_id, op_type, payload,"
                " schema_version, created_at, state, attempts) VALUES (:op, 'person', :id,"
                " 'warga_didaftarkan', '{}', 1, :ts, 'pending', 0)"
            ),
            {"op": u(uuid.uuid4()), "id": u(person), "ts": ts},
        )
        visit, case = uuid.uuid4(), uuid.uuid4()
        conn.execute(
            text(
                "INSERT INTO visit (id, channel, person_id, dtks_status, started_at, officer_id)"
                " VALUES (:id, 'datang', :p, 'belum_dicek', :ts, :o)"
            ),
            {"id": u(visit), "p": u(person), "ts": ts, "o": u(officer)},
        )
        conn.execute(
            text(
                "INSERT INTO service_case (id, tracking_number, visit_id, person_id, kind, desk,"
                " status, emergency, sensitive, created_by, upstream_state, version, created_at,"
                " updated_at) VALUES (:id, '3324012001-2601-00001', :v, :p, 'pengaduan',"
                " 'sosial_ekonomi', 'diterima', false, false, :o, 'lokal', 1, :ts, :ts)"
            ),
            {"id": u(case), "v": u(visit), "p": u(person), "o": u(officer), "ts": ts},
        )
        if engine.dialect.name == "sqlite":  # an earlier upgrade interrupted half-way
            conn.execute(text("CREATE TABLE _alembic_tmp_visit (id CHAR(32))"))
    before = _counts(engine)

    assert main(["--db", empty_url, "db", "upgrade"]) == 0

    assert current_revision(engine) == head_revision(engine) and not needs_upgrade(engine)
    after = _counts(engine)
    assert {t: n for t, n in after.items() if t in before} == before
    with engine.connect() as conn:
        row = conn.execute(text("SELECT name, name_key, nik FROM person")).one()
        case_row = conn.execute(text("SELECT tracking_number FROM service_case")).one()
    assert tuple(row) == ("Hj. Siti Fatimah", "siti patima", "3324015708900003")
    assert case_row[0] == "3324012001-2601-00001"
    engine.dispose()


def _counts(engine) -> dict[str, int]:
    """Rows per table that exists (tables added by later revisions start empty)."""
    from sqlalchemy import inspect

    present = set(inspect(engine).get_table_names())
    with engine.connect() as conn:
        return {
            t: conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one()
            for t in Base.metadata.tables
            if t in present
        }


def test_a_fresh_database_is_created_at_head(empty_url):
    engine = make_engine(empty_url)
    upgrade(engine)
    assert current_revision(engine) == head_revision(engine)
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    engine.dispose()


def test_migrations_build_the_schema_the_models_describe(empty_url):
    """A model change without its migration would pass on a fresh test database and fail on
    every village laptop that upgrades: compare the migrated schema with the models."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = make_engine(empty_url)
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    # Server defaults added by migrations for existing rows are not model differences.
    assert [d for d in diff if d[0] not in ("modify_default",)] == []


def test_upgrade_merges_households_two_counters_made_for_one_card(empty_url):
    """Before No. KK was unique, two counters could each create the card's household: the
    upgrade keeps the oldest, moves every member and record to it, and chains the audit."""
    from kiosk.audit_chain import verify
    from kiosk.db import session_factory

    engine = make_engine(empty_url)
    upgrade(engine, "0006")
    sqlite = engine.dialect.name == "sqlite"
    u = (lambda v: v.hex) if sqlite else (lambda v: v)
    stamp = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)
    ts = stamp.replace(tzinfo=None) if sqlite else stamp
    later = (stamp.replace(hour=3)).replace(tzinfo=None) if sqlite else stamp.replace(hour=3)
    first, second, third = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    people = [uuid.uuid4() for _ in range(3)]
    with engine.begin() as conn:
        for hh, kk, when in (
            (first, "3324011203150007", ts),
            (second, "3324011203150007", later),
            (third, "", ts),
        ):
            conn.execute(
                text(
                    "INSERT INTO household (id, no_kk, address, dusun, rt, rw, village_code,"
                    " version, created_at, updated_at) VALUES (:id, :kk, 'Krajan', '', '001',"
                    " '002', '3324012001', 1, :ts, :ts)"
                ),
                {"id": u(hh), "kk": kk, "ts": when},
            )
        for person, hh, name in zip(
            people, (first, second, second), ("Siti", "Budi", "Ayu"), strict=True
        ):
            conn.execute(
                text(
                    "INSERT INTO person (id, name, birth_place, phone, mother_name, household_id,"
                    " deceased, version, created_at, updated_at) VALUES (:id, :n, '', '', '',"
                    " :hh, false, 1, :ts, :ts)"
                ),
                {"id": u(person), "n": name, "hh": u(hh), "ts": ts},
            )
            conn.execute(
                text(
                    "INSERT INTO household_membership (id, person_id, household_id,"
                    " relationship, recorded_at) VALUES (:id, :p, :hh, 'anak', :ts)"
                ),
                {"id": u(uuid.uuid4()), "p": u(person), "hh": u(hh), "ts": ts},
            )
        for i in range(3):
            conn.execute(
                text(
                    "INSERT INTO audit_entry (id, at, action, entity_type, entity_id, detail)"
                    " VALUES (:id, :ts, 'warga_didaftarkan', 'person', :e, '{}')"
                ),
                {"id": u(uuid.uuid4()), "ts": ts, "e": str(people[i])},
            )
    upgrade(engine)
    with engine.connect() as conn:
        households = conn.execute(text("SELECT id, no_kk FROM household")).all()
        homes = {h for (h,) in conn.execute(text("SELECT household_id FROM person"))}
        member_homes = {
            h for (h,) in conn.execute(text("SELECT household_id FROM household_membership"))
        }
    assert sorted(kk or "" for _, kk in households) == ["", "3324011203150007"]
    kept = next(h for h, kk in households if kk)
    assert str(kept).replace("-", "") == first.hex
    assert homes == member_homes == {kept}
    with session_factory(engine)() as s:
        result = verify(s)
    assert result.ok and result.checked == 3
    engine.dispose()


def test_the_quick_head_check_agrees_with_alembic(empty_url):
    from kiosk.db import at_head, shipped_head

    engine = make_engine(empty_url)
    assert not at_head(engine)  # a new, empty database
    upgrade(engine, "0006")
    assert not at_head(engine)
    upgrade(engine)
    assert shipped_head() == head_revision(engine) and at_head(engine)
    engine.dispose()
