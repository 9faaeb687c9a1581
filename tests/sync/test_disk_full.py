"""Disk full while enqueueing: the record and its outbox operation are refused together."""

from __future__ import annotations

import pytest
from sqlalchemy import event, func, select

from kiosk.errors import StorageFull
from kiosk.models import Case, OutboxOperation, Person
from tests.backoffice.helpers import open_case


def test_disk_full_while_enqueueing_writes_nothing(ctx, gateway, office, session):
    if ctx.engine.dialect.name != "sqlite":
        pytest.skip("the size limit is SQLite's max_page_count")
    open_case(gateway, office)
    counts = lambda: tuple(  # noqa: E731
        session.scalar(select(func.count()).select_from(m)) for m in (Case, Person, OutboxOperation)
    )
    before = counts()

    def full(dbapi_conn, _record):  # every new connection sees a full disk
        cur = dbapi_conn.cursor()
        pages = cur.execute("PRAGMA page_count").fetchone()[0]
        cur.execute(f"PRAGMA max_page_count = {pages}")
        cur.close()

    ctx.engine.dispose()
    raw = ctx.engine.raw_connection()  # no free pages left to reuse: any growth needs disk
    raw.driver_connection.execute("VACUUM")
    raw.close()
    ctx.engine.dispose()
    event.listen(ctx.engine, "connect", full)
    try:
        with pytest.raises(StorageFull) as refused:
            for _ in range(20):  # until a new page is needed
                open_case(gateway, office)
        assert "BELUM tersimpan" in refused.value.message
    finally:
        event.remove(ctx.engine, "connect", full)
        ctx.engine.dispose()
    session.expire_all()
    assert counts() >= before
    # whatever fitted was stored whole: each case and each person with its outbox operation
    queued = set(session.scalars(select(OutboxOperation.entity_id)))
    assert set(session.scalars(select(Case.id))) <= queued
    assert set(session.scalars(select(Person.id))) <= queued
