"""What makes an erasure stick: a ledger outside the database, and no old bytes left behind.

- The *ledger* (``penghapusan.jsonl`` in the data folder) lists every erasure by record id
  (random UUIDs: nothing in it names anyone). It lives outside the database, so restoring an
  older copy cannot take it back, and each backup's header carries it too, so a new laptop
  restoring an old copy learns the erasures from the newer copies beside it. A restore
  re-applies every erasure listed before anyone can log in, and so does each start-up. An
  entry is written just before the erasure's transaction commits: if that commit failed, the
  next start carries out the erasure the citizen asked for (never the reverse).
- *Old bytes*: SQLite keeps a row's previous content in free pages and in the write-ahead log.
  Every connection runs with ``secure_delete`` (kiosk/db.py); after an erasure the database is
  vacuumed and the log checkpointed and truncated, so the file no longer holds the old text.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

LEDGER = "penghapusan.jsonl"

log = logging.getLogger(__name__)


def ledger_path(data_dir: Path) -> Path:
    return data_dir / LEDGER


def read_ledger(data_dir: Path) -> list[dict[str, Any]]:
    """Entries ``{"person_id", "household_id", "at"}``, oldest first; a torn last line (a
    power cut mid-write) is skipped."""
    path = ledger_path(data_dir)
    if not path.exists():
        return []
    out = []
    for line in path.read_text("utf-8").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and entry.get("person_id"):
            out.append(entry)
    return out


def append(data_dir: Path, entries: list[dict[str, Any]]) -> None:
    """Add entries not yet listed; synced to disk before the erasure's transaction commits."""
    known = {e["person_id"] for e in read_ledger(data_dir)}
    new = [e for e in entries if e["person_id"] not in known]
    if not new:
        return
    path = ledger_path(data_dir)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as f:
        for e in new:
            f.write(json.dumps(e, sort_keys=True) + "\n")
        f.flush()
        os.fsync(f.fileno())
        known.update(e["person_id"] for e in new)


def merged(*lists: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per person, whichever list it came from."""
    seen: dict[str, dict[str, Any]] = {}
    for entries in lists:
        for e in entries:
            seen.setdefault(str(e["person_id"]), e)
    return list(seen.values())


def scrub_storage(engine: Engine) -> None:
    """Rewrite the SQLite file without free pages and empty its write-ahead log.

    ``secure_delete`` already zeroes what an erasure frees; the VACUUM is for free pages left
    by a version (or a restored copy) that ran without it. A counter busy writing meanwhile
    only delays this: it is logged and done again at the next erasure or restore.
    """
    if engine.dialect.name != "sqlite":
        return  # PostgreSQL: the server's VACUUM and its disk encryption (docs/administrator.md)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            driver = conn.connection.driver_connection
            assert driver is not None
            driver.execute("VACUUM")
            busy = driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except (DBAPIError, sqlite3.Error) as exc:
        log.warning("basis data belum dapat dipadatkan setelah penghapusan: %s", type(exc))
        return
    if busy and busy[0]:
        log.warning("log basis data belum dapat dikosongkan: masih dibaca koneksi lain")
