"""CI's PostgreSQL run keeps only the tests that reach the database (tests/conftest.py): a
test that reads the server's address some other way would silently run on SQLite only."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import DATABASE_FIXTURES, PG_ENV

TESTS = Path(__file__).resolve().parents[1]
# Where PG_ENV is read, and how the run sees it: a fixture of DATABASE_FIXTURES, or a test
# marked ``postgres``.
READERS = {
    "conftest.py": "db_url",
    "core/test_migrations.py": "empty_url",
    "sync/test_server_migrations.py": "@pytest.mark.postgres",
}


def test_every_reader_of_the_server_address_is_kept_in_the_postgresql_run() -> None:
    found = {
        str(path.relative_to(TESTS))
        for path in TESTS.rglob("*.py")
        if path.name != Path(__file__).name
        and any(name in path.read_text(encoding="utf-8") for name in (PG_ENV, "PG_ENV"))
    }
    assert found == set(READERS), (
        "a new reader of PUSKESOS_TEST_DB_URL: read it through a fixture named in "
        "tests/conftest.py's DATABASE_FIXTURES (or mark the test postgres), then list it here"
    )
    for name, how in READERS.items():
        text = (TESTS / name).read_text(encoding="utf-8")
        assert how in DATABASE_FIXTURES or how in text
        if how in DATABASE_FIXTURES:
            assert f"def {how}(" in text
