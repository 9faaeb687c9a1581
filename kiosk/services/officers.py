"""Officer accounts: a personal account for everyone, managed by an administrator."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.errors import Conflict, NotFound, ValidationError
from kiosk.messages import _
from kiosk.models import Officer, OfficerRole
from kiosk.roles import Perm, Role
from kiosk.services.actor import Actor
from kiosk.services.auth import check_password_rules, check_pin_rules, hash_secret
from kiosk.services.journal import audit
from kiosk.services.registry import action

_USERNAME = re.compile(r"^[a-z0-9._-]{3,40}$")


@dataclass(frozen=True)
class OfficerView:
    """What a screen shows about an officer (no hashes)."""

    id: uuid.UUID
    username: str
    full_name: str
    roles: tuple[Role, ...]
    active: bool
    locked: bool
    last_login_at: datetime | None


def _view(o: Officer, now: datetime | None = None) -> OfficerView:
    locked = o.locked_until is not None and (now is None or o.locked_until > now)
    return OfficerView(
        o.id,
        o.username,
        o.full_name,
        tuple(Role(r) for r in o.role_names),
        o.active,
        locked,
        o.last_login_at,
    )


def _roles(roles: Iterable[Role | str]) -> list[Role]:
    try:
        out = sorted({Role(r) for r in roles})
    except ValueError as exc:
        raise ValidationError(_("Peran tidak dikenal: {0}").format(exc), field="roles") from exc
    if not out:
        raise ValidationError(
            _("Pilih paling sedikit satu peran."), code="tanpa_peran", field="roles"
        )
    return out


def create_officer(
    session: Session,
    username: str,
    full_name: str,
    password: str,
    roles: Iterable[Role | str],
    pin: str | None = None,
    created_by: uuid.UUID | None = None,
    must_change_password: bool = False,
) -> Officer:
    """Validate and insert (shared by first-run set-up and the administrator's service)."""
    username = username.strip().lower()
    if not _USERNAME.match(username):
        raise ValidationError(
            _("Nama pengguna 3–40 karakter: huruf kecil, angka, titik, garis bawah atau strip."),
            code="nama_pengguna",
            field="username",
        )
    if not full_name.strip():
        raise ValidationError(_("Nama lengkap belum diisi."), code="nama_kosong", field="full_name")
    check_password_rules(password)
    if pin:
        check_pin_rules(pin)
    exists = session.scalar(select(func.count()).where(func.lower(Officer.username) == username))
    if exists:
        raise Conflict(_("Nama pengguna '{0}' sudah dipakai.").format(username), field="username")
    officer = Officer(
        id=uuid.uuid4(),
        username=username,
        full_name=full_name.strip(),
        password_hash=hash_secret(password),
        pin_hash=hash_secret(pin) if pin else None,
        must_change_password=must_change_password,
        roles=[OfficerRole(role=r.value) for r in _roles(roles)],
    )
    session.add(officer)
    session.flush()
    audit(
        session,
        created_by,
        "petugas_dibuat",
        "officer",
        officer.id,
        {"roles": [r.role for r in officer.roles]},
    )
    return officer


@action(Perm.MANAGE_OFFICERS, label="Menambah akun petugas")
def add_officer(
    session: Session,
    actor: Actor,
    username: str,
    full_name: str,
    password: str,
    roles: Iterable[Role | str],
    pin: str | None = None,
) -> OfficerView:
    """Administrator adds an officer; they must change the given password at first login."""
    officer = create_officer(
        session,
        username,
        full_name,
        password,
        roles,
        pin,
        created_by=actor.id,
        must_change_password=True,
    )
    return _view(officer)


@action(Perm.MANAGE_OFFICERS, label="Melihat daftar petugas")
def list_officers(session: Session, actor: Actor) -> list[OfficerView]:
    return [_view(o) for o in session.scalars(select(Officer).order_by(Officer.username))]


def _get(session: Session, officer_id: uuid.UUID) -> Officer:
    officer = session.get(Officer, officer_id)
    if officer is None:
        raise NotFound(_("Petugas tidak ditemukan."))
    return officer


def _admins_left(session: Session, excluding: uuid.UUID) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(Officer)
            .join(OfficerRole)
            .where(OfficerRole.role == Role.ADMIN.value, Officer.active, Officer.id != excluding)
        )
        or 0
    )


@action(Perm.MANAGE_OFFICERS, label="Mengubah peran petugas")
def set_roles(
    session: Session, actor: Actor, officer_id: uuid.UUID, roles: Iterable[Role | str]
) -> OfficerView:
    officer = _get(session, officer_id)
    new = _roles(roles)
    if Role.ADMIN not in new and _admins_left(session, officer_id) == 0:
        raise Conflict(_("Harus tetap ada paling sedikit satu administrator aktif."))
    officer.roles = [OfficerRole(role=r.value) for r in new]
    audit(
        session, actor.id, "peran_diubah", "officer", officer.id, {"roles": [r.value for r in new]}
    )
    session.flush()
    return _view(officer)


@action(Perm.MANAGE_OFFICERS, label="Mengaktifkan atau menonaktifkan petugas")
def set_active(session: Session, actor: Actor, officer_id: uuid.UUID, active: bool) -> OfficerView:
    """Deactivate (never delete: history points at the officer) or reactivate."""
    officer = _get(session, officer_id)
    if not active and officer.id == actor.id:
        raise Conflict(_("Anda tidak dapat menonaktifkan akun sendiri."))
    if (
        not active
        and Role.ADMIN.value in officer.role_names
        and _admins_left(session, officer.id) == 0
    ):
        raise Conflict(_("Harus tetap ada paling sedikit satu administrator aktif."))
    officer.active = active
    audit(
        session,
        actor.id,
        "petugas_diaktifkan" if active else "petugas_dinonaktifkan",
        "officer",
        officer.id,
    )
    return _view(officer)


@action(Perm.MANAGE_OFFICERS, label="Mengatur ulang kata sandi petugas")
def reset_password(
    session: Session, actor: Actor, officer_id: uuid.UUID, password: str
) -> OfficerView:
    """Administrator sets a temporary password and clears a lockout."""
    officer = _get(session, officer_id)
    check_password_rules(password)
    officer.password_hash = hash_secret(password)
    officer.must_change_password = True
    officer.failed_attempts = 0
    officer.locked_until = None
    audit(session, actor.id, "sandi_direset", "officer", officer.id)
    return _view(officer)
