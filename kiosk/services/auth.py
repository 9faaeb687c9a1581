"""Log in with a password, unlock one's own locked window with a PIN; lock an account after
repeated failures.

argon2id (argon2-cffi's default) because a stolen laptop's database must not give up the
officers' passwords. The lockout slows guessing at an unattended counter.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta

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
from kiosk.services.registry import acting_officer, action

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


def _refused() -> AuthenticationError:
    return AuthenticationError(
        _("Nama pengguna atau kata sandi salah. Periksa lalu coba lagi."),
        field="password",
        keep_changes=True,
    )


def _may_try(session: Session, officer: Officer, now: datetime) -> None:
    """Refuse an inactive or locked account before its secret is even looked at."""
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


def _failed(session: Session, officer: Officer, now: datetime, refused: Exception) -> None:
    """Count a wrong secret (password or PIN alike) toward the lockout, then refuse."""
    officer.failed_attempts += 1
    audit(session, officer.id, "masuk_gagal", "officer", officer.id, {"sebab": "sandi_salah"})
    if officer.failed_attempts >= MAX_FAILURES:
        officer.locked_until = now + LOCKOUT
        officer.failed_attempts = 0
        audit(session, officer.id, "akun_dikunci", "officer", officer.id)
    raise refused


def _admitted(session: Session, officer: Officer, now: datetime, action: str) -> Actor:
    officer.failed_attempts = 0
    officer.locked_until = None
    officer.last_login_at = now
    audit(session, officer.id, action, "officer", officer.id)
    return Actor.of(officer)


def login(session: Session, username: str, password: str, clock: Clock | None = None) -> Actor:
    """Return the officer for a correct *password*; count, lock and audit failures.

    A PIN never opens a session: 4 digits fall to guessing in minutes on one core. A PIN typed
    here is a wrong password like any other (no message tells it apart, and it counts), so
    the log-in says nothing about the PIN. The PIN only unlocks the same officer's locked
    window (:func:`unlock_screen`)."""
    now = (clock or Clock()).now()
    officer = session.scalars(
        select(Officer).where(func.lower(Officer.username) == username.strip().lower())
    ).first()
    if officer is None:
        _hasher.hash(password)  # same cost as a real check: do not reveal which usernames exist
        # The typed name is not kept: it may be a password typed into the wrong field.
        audit(session, None, "masuk_gagal", "officer", "-", {"sebab": "akun_tidak_dikenal"})
        raise _refused()
    _may_try(session, officer, now)
    if not _matches(officer.password_hash, password):
        _failed(session, officer, now, _refused())
    if _hasher.check_needs_rehash(officer.password_hash or ""):
        officer.password_hash = hash_secret(password)
    return _admitted(session, officer, now, "masuk")


@action(label="Membuka layar yang terkunci (akun sendiri)", temporary_ok=True)
def unlock_screen(session: Session, actor: Actor, secret: str, clock: Clock | None = None) -> Actor:
    """Re-check the same officer's password or PIN after an idle lock. Wrong answers count
    toward the same lockout as the log-in, so the PIN cannot be guessed here either."""
    now = (clock or Clock()).now()
    officer = acting_officer(session, actor)
    _may_try(session, officer, now)
    if not (_matches(officer.password_hash, secret) or _matches(officer.pin_hash, secret)):
        _failed(
            session,
            officer,
            now,
            AuthenticationError(
                _("Kata sandi atau PIN salah. Periksa lalu coba lagi."),
                field="password",
                keep_changes=True,
            ),
        )
    return _admitted(session, officer, now, "buka_kunci")


@action(label="Mengganti kata sandi sendiri", temporary_ok=True)
def change_password(session: Session, actor: Actor, old: str, new: str) -> None:
    """An officer changes their own password (required after an administrator reset)."""
    officer = session.get(Officer, actor.id)
    if officer is None or not _matches(officer.password_hash, old):
        raise AuthenticationError(_("Kata sandi lama salah."), field="old_password")
    check_password_rules(new)
    officer.password_hash = hash_secret(new)
    officer.must_change_password = False
    audit(session, actor.id, "ganti_sandi", "officer", actor.id)
