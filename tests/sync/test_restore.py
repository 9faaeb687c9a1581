"""A kiosk restored from its own backup sends the kabupaten nothing new and stores nothing
twice there: operations delivered after the backup come back as pending, are sent again, and
the server answers "duplicate" (same id, same content), which counts as delivered."""

from __future__ import annotations

import pytest

from kiosk.services.backups import create_backup, restore_backup
from tests.sync.conftest import assert_exactly_once, drain, local_ops


def test_restore_then_sync_stores_nothing_twice(ctx, gateway, kiosk, office, upstream, session):
    if ctx.engine.dialect.name != "sqlite":
        pytest.skip("the kiosk restores SQLite files; PostgreSQL uses pg_restore")
    drain(kiosk)  # a first part of the day reaches the kabupaten
    from tests.backoffice.helpers import open_case

    for _ in range(3):
        open_case(gateway, office)
    copy = create_backup(ctx, office.admin)  # last night's copy: three cases not yet sent
    drain(kiosk)
    assert_exactly_once(session, upstream)
    on_server = sorted(o["op_id"] for o in upstream.store.operations())

    restore_backup(ctx, office.admin, copy.info.path)
    waiting = [o for o in local_ops(session) if o.state == "pending"]
    assert waiting, "the restored outbox should hold what the backup had not sent"
    reports = drain(kiosk)
    assert reports[-1].ok
    assert sorted(o["op_id"] for o in upstream.store.operations()) == on_server
    assert_exactly_once(session, upstream)
