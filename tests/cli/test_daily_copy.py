"""The first command of the day does not wait for the day's automatic copy; the copy is still
made, beside it, once."""

from __future__ import annotations

import time

import pytest

from kiosk import backup
from kiosk.daily import LOCK
from tests.conftest import PASSWORD
from ui.cli import main


def _daily(ctx) -> list[backup.BackupInfo]:
    return [b for b in backup.listing(ctx.paths.backups) if b.reason == "harian"]


def test_a_command_returns_before_the_daily_copy_and_the_copy_follows(ctx, office, capsys):
    if ctx.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL is copied by pg_dump, not by the kiosk")
    argv = ["--db", ctx.url, "--data-dir", str(ctx.paths.data_dir)]
    assert main([*argv, "audit", "verify", "--as", "admin", "--as-password", PASSWORD]) == 0
    # The command is done; its copy is not (the detached process is still starting).
    assert _daily(ctx) == []
    # A second command meanwhile starts no second copy.
    assert main([*argv, "summary", "--as", "admin", "--as-password", PASSWORD]) == 0
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and (not _daily(ctx) or (ctx.paths.data_dir / LOCK).exists()):
        time.sleep(0.2)
    copies = _daily(ctx)
    assert len(copies) == 1, "the day's copy is made once, beside the commands"
    backup.check_copy(copies[0].path, ctx.backup_keys)
    capsys.readouterr()
