"""The kabupaten's people: web accounts with one role each, the audit of what they decided, and
the receiving agencies' answers.

Tables on the store's MetaData (``create_all`` makes them for the tests; the Alembic set-up gets
a migration for them). Passwords are argon2 hashes from argon2-cffi, never hand-rolled; the
lockout, the session and CSRF live in the web layer's extensions (:mod:`kabupaten.web`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Engine

from kabupaten.store import now_iso
from kabupaten.tables import web_audit, web_users

MANAGER, SUPERVISOR, AGENCY, ADMIN, VIEWER = (
    "manajer",
    "supervisor_kecamatan",
    "petugas_instansi",
    "administrator",
    "pengamat",
)
ROLE_LABELS = {
    MANAGER: "Manajer SLRT kabupaten",
    SUPERVISOR: "Supervisor kecamatan",
    AGENCY: "Petugas instansi penerima rujukan",
    ADMIN: "Administrator kabupaten",
    VIEWER: "Pengamat (Kepala Dinas Sosial)",
}
DECIDERS = frozenset({MANAGER, SUPERVISOR})  # who may decide a kabupaten referral step
SEE_NIK = frozenset({MANAGER, SUPERVISOR, AGENCY})  # to decide, or to serve the citizen

_hasher = PasswordHasher()
FAILED_LOG_IN = "masuk_gagal"  # the audit's action for a wrong password


@dataclass(frozen=True)
class WebUser:
    id: int
    username: str
    role: str
    kecamatan: tuple[str, ...]
    destination: str
    # Changes with the password: a session remembers it, so a reset password ends every
    # session opened with the old one (Flask-Login's alternative token, web.Account.get_id).
    stamp: str = ""

    def sees_office(self, kiosk_id: str) -> bool:
        """A supervisor sees the villages of its kecamatan (office codes start with it)."""
        if self.role != SUPERVISOR:
            return True
        return any(kiosk_id.startswith(code) for code in self.kecamatan)


def _user(row: Any, password_hash: str | None = None) -> WebUser:
    codes = tuple(c for c in row.kecamatan.split(",") if c)
    stamp = _stamp(password_hash or row.password_hash)
    return WebUser(row.id, row.username, row.role, codes, row.destination, stamp)


def _stamp(password_hash: str) -> str:
    """A digest of the (salted) hash: it tells one password from the next and says nothing
    a guess could be checked against without the hash's salt."""
    return hashlib.sha256(password_hash.encode("utf-8")).hexdigest()[:32]


def kecamatan_code(typed: str) -> str:
    """A kecamatan as the offices' codes begin: six digits (``33.24.01`` or ``332401``). A
    village's code is ten (``3324012001``), so a longer or shorter prefix would silently give a
    supervisor the wrong villages or none."""
    digits = "".join(ch for ch in typed if ch.isdigit())
    if len(digits) != 6 or digits != typed.replace(".", ""):
        raise ValueError(f"kode kecamatan {typed!r}: enam angka, misalnya 33.24.01")
    return digits


def add_user(
    engine: Engine,
    username: str,
    password: str,
    role: str,
    kecamatan: list[str] | None = None,
    destination: str = "",
) -> WebUser:
    """A new account; a supervisor needs its kecamatan, an agency officer its destination."""
    if role not in ROLE_LABELS:
        raise ValueError(f"peran tidak dikenal: {role}")
    if role == SUPERVISOR and not kecamatan:
        raise ValueError("supervisor kecamatan perlu --kecamatan")
    if role == AGENCY and not destination:
        raise ValueError("petugas instansi perlu --destination")
    if len(password) < 10:
        raise ValueError("kata sandi paling sedikit 10 karakter")
    kecamatan = [kecamatan_code(code) for code in kecamatan or []]
    with engine.begin() as c:
        if c.execute(select(web_users.c.id).where(web_users.c.username == username)).first():
            raise ValueError(f"pengguna {username} sudah ada")
        c.execute(
            insert(web_users).values(
                username=username,
                password_hash=_hasher.hash(password),
                role=role,
                kecamatan=",".join(kecamatan or []),
                destination=destination if role == AGENCY else "",
                active=True,
                created_at=now_iso(),
            )
        )
    found = get_user(engine, username)
    assert found is not None
    return found


def get_user(engine: Engine, username: str) -> WebUser | None:
    with engine.connect() as c:
        row = c.execute(
            select(web_users).where(web_users.c.username == username, web_users.c.active)
        ).first()
    return _user(row) if row else None


def user_by_id(engine: Engine, user_id: int) -> WebUser | None:
    with engine.connect() as c:
        row = c.execute(
            select(web_users).where(web_users.c.id == user_id, web_users.c.active)
        ).first()
    return _user(row) if row else None


def check_password(engine: Engine, username: str, password: str) -> WebUser | None:
    """The account when the password is right; the hash is upgraded when argon2's parameters
    have grown since it was made."""
    with engine.connect() as c:
        row = c.execute(
            select(web_users).where(web_users.c.username == username, web_users.c.active)
        ).first()
    if row is None:
        _hasher.hash(password)  # the same work for an unknown name: no timing difference
        return None
    try:
        _hasher.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if _hasher.check_needs_rehash(row.password_hash):
        renewed = _hasher.hash(password)
        with engine.begin() as c:
            c.execute(
                update(web_users).where(web_users.c.id == row.id).values(password_hash=renewed)
            )
        return _user(row, renewed)
    return _user(row)


def audit(engine: Engine, username: str, action: str, subject: str, **detail: Any) -> None:
    """Every decision and every log-in, with who and when (no NIK, no names)."""
    with engine.begin() as c:
        c.execute(
            insert(web_audit).values(
                at=now_iso(),
                username=username,
                action=action,
                subject_id=subject,
                detail=json.dumps(detail, sort_keys=True),
            )
        )


def recent_failures(engine: Engine, username: str, seconds: int) -> int:
    """Wrong passwords typed for ``username`` in the last ``seconds``, from the audit every
    worker process writes (the lockout holds however many workers answer)."""
    since = (datetime.now(UTC) - timedelta(seconds=seconds)).isoformat()
    with engine.connect() as c:
        found = c.execute(
            select(func.count())
            .select_from(web_audit)
            .where(
                web_audit.c.username == username[:60],
                web_audit.c.action == FAILED_LOG_IN,
                web_audit.c.at >= since,
            )
        ).scalar()
    return int(found or 0)


def audit_rows(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as c:
        rows = c.execute(select(web_audit).order_by(web_audit.c.id)).all()
    return [dict(r._mapping) for r in rows]


def all_users(engine: Engine) -> list[dict[str, Any]]:
    """Every account, active or not, for the administrator's list (no hashes)."""
    with engine.connect() as c:
        rows = c.execute(select(web_users).order_by(web_users.c.username)).all()
    return [
        {k: v for k, v in r._mapping.items() if k != "password_hash"}
        | {"codes": _user(r).kecamatan}
        for r in rows
    ]


def set_active(engine: Engine, user_id: int, active: bool) -> str | None:
    """Deactivate (or reactivate) an account; its sessions end at their next request (the
    session loader reads active accounts only). The username, or None when there is none."""
    with engine.begin() as c:
        name = c.execute(select(web_users.c.username).where(web_users.c.id == user_id)).scalar()
        if name is not None:
            c.execute(update(web_users).where(web_users.c.id == user_id).values(active=active))
    return name


def set_password(engine: Engine, user_id: int, password: str) -> str | None:
    """A new password for an account (the administrator's reset). The username, or None.
    Every session opened with the old password ends at its next request (``stamp``)."""
    if len(password) < 10:
        raise ValueError("kata sandi paling sedikit 10 karakter")
    with engine.begin() as c:
        name = c.execute(select(web_users.c.username).where(web_users.c.id == user_id)).scalar()
        if name is not None:
            c.execute(
                update(web_users)
                .where(web_users.c.id == user_id)
                .values(password_hash=_hasher.hash(password))
            )
    return name
