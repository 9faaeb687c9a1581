"""The counter's NIK / No. KK lookup, as lean as an indexed SELECT can be.

Typing a NIK is the most frequent thing an officer does, and a check of a million-row snapshot
should cost what the index costs, not what an ORM session costs (the session-based
:func:`kiosk.services.dtks_check.check_dtks` spends ~40 times the SELECT on opening the
session, reloading the officer and mapping objects). On SQLite the register keeps one read-only
connection of its own and remembers, between lookups, the active snapshot and each officer's
stored roles. ``PRAGMA data_version`` tells it when *any* other connection or process has
committed since, and then it reads both again, so a role removed or a snapshot swapped a moment
ago counts at the very next lookup, exactly as with a fresh session.

Other databases (PostgreSQL) take the session path: a round trip to a server dwarfs the
difference.
"""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

from sqlalchemy import URL
from sqlalchemy.orm import Session

from kiosk.dtks import name_index
from kiosk.errors import AuthenticationError, PermissionDenied
from kiosk.messages import _
from kiosk.names import name_key
from kiosk.number16 import digits16
from kiosk.roles import Perm, permissions_of, require
from kiosk.services.actor import Actor
from kiosk.services.dtks_check import (
    DtksEntry,
    DtksResult,
    check_dtks,
    search_dtks,
)

P = ParamSpec("P")
R = TypeVar("R")


class Runs(Protocol):
    """Runs a service in one transaction (the Gateway), for lookups without a SQLite file."""

    def call(
        self, service: Callable[Concatenate[Session, P], R], *args: P.args, **kwargs: P.kwargs
    ) -> R: ...


_FIELDS = "nik, no_kk, name, birth_place, birth_date, sex, relationship, address, rt, rw, decile"
_BY_NIK = f"SELECT {_FIELDS}, programmes FROM dtks_record WHERE nik = ? AND snapshot_id = ?"
_BY_KK = (
    f"SELECT {_FIELDS}, programmes FROM dtks_record WHERE no_kk = ? AND snapshot_id = ? "
    "ORDER BY id LIMIT ?"
)
_SNAPSHOT = (
    "SELECT id, kind, snapshot_date FROM dtks_snapshot WHERE status = 'active' "
    "ORDER BY imported_at DESC LIMIT 1"
)
_OFFICER = (
    "SELECT o.active, r.role, o.must_change_password FROM officer o "
    "LEFT JOIN officer_role r ON r.officer_id = o.id WHERE o.id = ?"
)
# The walk-in box's number: the registered person with that NIK, and the members of the
# household with that No. KK (what find_people selects), each on its own index, in one statement.
_PERSON_COLUMNS = "p.id, p.nik, p.name, p.birth_date, h.no_kk, h.address"
_PEOPLE = (
    f"SELECT {_PERSON_COLUMNS} FROM person p LEFT JOIN household h ON h.id = p.household_id "
    "WHERE p.nik = ?1 OR p.household_id IN (SELECT id FROM household WHERE no_kk = ?1) "
    "ORDER BY p.name LIMIT ?2"
)
Person = tuple[uuid.UUID, str | None, str, date | None, str | None, str]
HOUSEHOLD_MAX = 50


def _entry(row: tuple[Any, ...]) -> DtksEntry:
    born = row[4]
    return DtksEntry(
        row[0],
        row[1],
        row[2],
        row[3],
        date.fromisoformat(born) if born else None,
        row[5],
        row[6],
        row[7],
        row[8],
        row[9],
        row[10],
        tuple(filter(None, row[11].split(","))),
    )


class Register:
    """NIK / No. KK lookups in the active snapshot of the database at ``url``; safe to share
    between threads."""

    def __init__(self, url: URL, gateway: Runs):
        self.gateway = gateway
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._version = -1
        self._snapshot: tuple[str, uuid.UUID, str, date | None] | None = None
        # officer -> (active, roles, temporary password, may check the DTKS)
        self._roles: dict[uuid.UUID, tuple[bool, tuple[str, ...], bool, bool]] = {}
        path = url.database if url.get_backend_name() == "sqlite" else None
        self._path: str | None = None if path in (None, "", ":memory:") else path

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    # -- what the faces call -------------------------------------------------------------

    def check(self, actor: Actor, nik: str | None = None, no_kk: str | None = None) -> DtksResult:
        """What :func:`check_dtks` answers (the person and the household), without a session."""
        if self._path is None:
            return self._gateway_call(check_dtks, actor, nik, no_kk)
        with self._lock:
            db = self._fresh(actor)
            if self._snapshot is None:
                return DtksResult(False, None, (), None, None, None)
            key, snap_id, kind, snap_date = self._snapshot
            person = db.execute(_BY_NIK, (nik, key)).fetchone() if nik else None
            kk = no_kk or (person[1] if person else None)
            members = db.execute(_BY_KK, (kk, key, HOUSEHOLD_MAX)).fetchall() if kk else []
        found = person is not None or (not nik and bool(members))
        return DtksResult(
            found,
            _entry(person) if person else None,
            tuple(_entry(m) for m in members),
            snap_id,
            kind,
            snap_date,
        )

    def find_number(self, actor: Actor, number: str, limit: int = 30) -> list[DtksEntry]:
        """A 16-digit number: the person with that NIK, else the household with that No. KK."""
        digits = digits16(number) or number.strip()
        if self._path is None:
            return self._gateway_call(search_dtks, actor, digits, limit)
        with self._lock:
            db = self._fresh(actor)
            if self._snapshot is None:
                return []
            key = self._snapshot[0]
            rows = db.execute(_BY_NIK, (digits, key)).fetchall()
            if not rows:
                rows = db.execute(_BY_KK, (digits, key, limit)).fetchall()
        return [_entry(r) for r in rows[:limit]]

    def search(
        self,
        actor: Actor,
        query: str,
        limit: int = 30,
        village: str | None = None,
        birth_year: int | None = None,
    ) -> list[DtksEntry]:
        """What :func:`search_dtks` answers: a 16-digit number exactly, else a name through the
        snapshot's name index (ranked outside the lock, so NIK lookups never wait for it)."""
        if (digits := digits16(query)) is not None:
            return self.find_number(actor, digits, limit)
        if self._path is None:
            return self._gateway_call(search_dtks, actor, query, limit, village, birth_year)
        with self._lock:
            self._fresh(actor)
            snapshot = self._snapshot
        index = name_index.ready(snapshot[1]) if snapshot else None
        if snapshot is None or index is None or not name_key(query):
            # No snapshot, or its index is not built yet: the session path builds or falls back.
            return self._gateway_call(search_dtks, actor, query, limit, village, birth_year)
        ranked = index.search(query, limit, village, birth_year)
        ids = [i for i, _unused in ranked]
        marks = ", ".join("?" for _unused in ids)
        with self._lock:
            db = self._fresh(actor)
            rows = {
                r[0]: r[1:]
                for r in db.execute(
                    f"SELECT id, {_FIELDS}, programmes FROM dtks_record WHERE id IN ({marks})", ids
                )
            }
        return [_entry(rows[i]) for i in ids if i in rows]

    def lookup_number(
        self, actor: Actor, digits: str, limit: int
    ) -> tuple[list[Person], list[DtksEntry]] | None:
        """The walk-in box's 16-digit search (:func:`kiosk.services.lookup.lookup`): registered
        people with that NIK or No. KK (as find_people), then snapshot rows with that NIK, else
        that No. KK (as :meth:`find_number`): two statements for a NIK. None when the session
        path must answer instead: no SQLite file, or an officer the action would refuse
        (inactive, without the permission, on a temporary password), so the refusal is said and
        audited exactly as there."""
        if self._path is None:
            return None
        with self._lock:
            try:
                db = self._fresh(actor)
            except (AuthenticationError, PermissionDenied):
                return None
            if self._roles[actor.id][2]:
                return None
            people = db.execute(_PEOPLE, (digits, limit)).fetchall()
            rows: list[Any] = []
            if self._snapshot is not None:
                key = self._snapshot[0]
                rows = db.execute(_BY_NIK, (digits, key)).fetchall()
                if not rows:
                    rows = db.execute(_BY_KK, (digits, key, limit)).fetchall()
        found = [
            (
                uuid.UUID(hex=p[0]),
                p[1],
                p[2],
                date.fromisoformat(p[3]) if p[3] else None,
                p[4],
                p[5] or "",
            )
            for p in people
        ]
        return found, [_entry(r) for r in rows[:limit]]

    # -- inside the lock -------------------------------------------------------------------

    def _fresh(self, actor: Actor) -> sqlite3.Connection:
        """The connection, with snapshot and roles re-read if anyone committed since; and the
        permission check against the officer's stored roles."""
        db = self._db
        if db is None:
            assert self._path is not None, "only a SQLite file has a register of its own"
            db = self._db = sqlite3.connect(self._path, check_same_thread=False, timeout=10)
            db.execute("PRAGMA query_only = 1")
        (version,) = db.execute("PRAGMA data_version").fetchone()
        if version != self._version:
            self._version = version
            self._roles.clear()
            row = db.execute(_SNAPSHOT).fetchone()
            self._snapshot = None
            if row is not None:
                snap_id = uuid.UUID(hex=row[0])
                born = date.fromisoformat(row[2]) if row[2] else None
                self._snapshot = (row[0], snap_id, row[1], born)
        known = self._roles.get(actor.id)  # keyed by the UUID: its hex costs 3 us a lookup
        if known is None:
            rows = db.execute(_OFFICER, (actor.id.hex,)).fetchall()
            active = bool(rows) and bool(rows[0][0])
            roles = tuple(r[1] for r in rows if r[1])
            allowed = Perm.CHECK_DTKS in permissions_of(roles)
            temporary = bool(rows) and bool(rows[0][2])
            known = self._roles[actor.id] = (active, roles, temporary, allowed)
        if not known[0]:
            raise AuthenticationError(_("Akun ini tidak aktif lagi. Masuk dengan akun lain."))
        if not known[3]:
            require(known[1], Perm.CHECK_DTKS)  # raises, with the permission's words
        return db

    def _gateway_call(
        self, service: Callable[Concatenate[Session, P], R], *args: P.args, **kwargs: P.kwargs
    ) -> R:
        return self.gateway.call(service, *args, **kwargs)
