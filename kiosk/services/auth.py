"""Log in with a password or PIN; lock an account after repeated failures.

argon2id (argon2-cffi's default) because a stolen laptop's database must not give up the
officers' passwords. The lockout slows guessing at an unattended counter.
"""

from __future__ import annotations

import os
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.clock import Clock
from kiosk.errors import AuthenticationError, ValidationError
from kiosk.messages import _
from kiosk.models import Officer
from kiosk.services.actor import Actor
from kiosk.services.journal import audit
from kiosk.services.registry import action

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD = 8
PIN_LENGTHS = range(4, 9)

# "test" trades strength for speed so the suite can log in hundreds of times; never use it live.
_PROFILES = {
    "standar": PasswordHasher(),
    "test": PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1),
}
_hasher = _PROFILES[os.environ.get("PUSKESOS_ARGON2_PROFILE", "standar")]


def hash_secret(secret: str) -> str:
    return _hasher.hash(secret)


def _matches(stored: str | None, secret: str) -> bool:
    if not stored:
        return False
    try:
        return _hasher.verify(stored, secret)
    except (VerificationError, InvalidHashError):
        return False


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            _("Kata sandi minimal {0} karakter.").format(MIN_PASSWORD),
            code="sandi_pendek",
            field="password",
        )


def check_pin_rules(pin: str) -> None:
    if not pin.isdigit() or len(pin) not in PIN_LENGTHS:
        raise ValidationError(_("PIN harus 4 sampai 8 angka."), code="pin_tidak_valid", field="pin")


def login(
    session: Session,
    username: str,
    secret: str,
    clock: Clock | None = None,
    allow_pin: bool = True,
) -> Actor:
    """Return the officer for a correct password (or PIN, where ``allow_pin``: the window's
    log-in and unlock); count, lock and audit failures."""
    clock = clock or Clock()
    now = clock.now()
    officer = session.scalars(
        select(Officer).where(func.lower(Officer.username) == username.strip().lower())
    ).first()
    refused = AuthenticationError(
        _("Nama pengguna atau kata sandi/PIN salah. Periksa lalu coba lagi."),
        field="password",
        keep_changes=True,
    )
    if officer is None:
        _hasher.hash(secret)  # same cost as a real check: do not reveal which usernames exist
        # The typed name is not kept: it may be a password typed into the wrong field.
        audit(session, None, "masuk_gagal", "officer", "-", {"sebab": "akun_tidak_dikenal"})
        raise refused
    if not officer.active:
        audit(session, officer.id, "masuk_ditolak", "officer", officer.id, {"sebab": "nonaktif"})
        raise AuthenticationError(
            _("Akun ini dinonaktifkan. Hubungi administrator."), keep_changes=True
        )
    if officer.locked_until is not None and officer.locked_until > now:
        minutes = int((officer.locked_until - now).total_seconds() // 60) + 1
        audit(session, officer.id, "masuk_ditolak", "officer", officer.id, {"sebab": "terkunci"})
        raise AuthenticationError(
            _(
                "Akun terkunci karena terlalu banyak percobaan salah. Coba lagi {0} "
                "menit lagi atau minta administrator membukanya."
            ).format(minutes),
            code="akun_terkunci",
            keep_changes=True,
        )
    password_ok = _matches(officer.password_hash, secret)
    if not allow_pin and not password_ok and _matches(officer.pin_hash, secret):
        audit(session, officer.id, "masuk_ditolak", "officer", officer.id, {"sebab": "pin"})
        raise AuthenticationError(
            _("PIN hanya membuka layar kiosk yang terkunci. Di baris perintah, pakai kata sandi."),
            code="pin_ditolak",
            field="password",
            keep_changes=True,
        )
    if password_ok or (allow_pin and _matches(officer.pin_hash, secret)):
        if _hasher.check_needs_rehash(officer.password_hash) and _matches(
            officer.password_hash, secret
        ):
            officer.password_hash = hash_secret(secret)
        officer.failed_attempts = 0
        officer.locked_until = None
        officer.last_login_at = now
        audit(session, officer.id, "masuk", "officer", officer.id)
        return Actor.of(officer)
    officer.failed_attempts += 1
    audit(session, officer.id, "masuk_gagal", "officer", officer.id, {"sebab": "sandi_salah"})
    if officer.failed_attempts >= MAX_FAILURES:
        officer.locked_until = now + LOCKOUT
        officer.failed_attempts = 0
        audit(session, officer.id, "akun_dikunci", "officer", officer.id)
    raise refused


@action(label="Membuka layar yang terkunci (akun sendiri)")
def unlock_screen(session: Session, actor: Actor, secret: str, clock: Clock | None = None) -> Actor:
    """Re-check the same officer's password or PIN after an idle lock."""
    return login(session, actor.username, secret, clock)


@action(label="Mengganti kata sandi sendiri")
def change_password(session: Session, actor: Actor, old: str, new: str) -> None:
    """An officer changes their own password (required after an administrator reset)."""
    officer = session.get(Officer, actor.id)
    if officer is None or not _matches(officer.password_hash, old):
        raise AuthenticationError(_("Kata sandi lama salah."), field="old_password")
    check_password_rules(new)
    officer.password_hash = hash_secret(new)
    officer.must_change_password = False
    audit(session, actor.id, "ganti_sandi", "officer", actor.id)
