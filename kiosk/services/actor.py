"""The acting officer as services see it, and the permission gate."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from kiosk.errors import AuthenticationError, PermissionDenied
from kiosk.messages import _
from kiosk.models import Officer
from kiosk.roles import Perm, Role, permissions_of, require


@dataclass(frozen=True)
class Actor:
    """Who is acting: a plain value, safe to hold in a window after the session closes."""

    id: uuid.UUID
    username: str
    full_name: str
    roles: frozenset[Role]
    must_change_password: bool = False

    def can(self, perm: Perm) -> bool:
        """For the UI to decide what to show; services still check for themselves."""
        return perm in permissions_of(self.roles)

    @classmethod
    def of(cls, officer: Officer) -> Actor:
        return cls(
            officer.id,
            officer.username,
            officer.full_name,
            frozenset(Role(r.role) for r in officer.roles),
            officer.must_change_password,
        )


def authorize(session: Session, actor: Actor, perm: Perm) -> Officer:
    """Check ``perm`` against the officer's *stored* roles (a role removed a minute ago counts)."""
    officer = session.get(Officer, actor.id)
    if officer is None or not officer.active:
        raise AuthenticationError(_("Akun ini tidak aktif lagi. Masuk dengan akun lain."))
    try:
        require((r.role for r in officer.roles), perm)
    except PermissionDenied as exc:
        exc.officer_id = actor.id
        raise
    return officer


def authorize_self(session: Session, actor: Actor) -> Officer:
    """An officer acting on their own account (a password, an idle lock) needs only to be
    active."""
    officer = session.get(Officer, actor.id)
    if officer is None or not officer.active:
        raise AuthenticationError(_("Akun ini tidak aktif lagi. Masuk dengan akun lain."))
    return officer


def authorize_any(session: Session, actor: Actor, *perms: Perm) -> Officer:
    """Pass when the officer holds any of ``perms`` (an action two jobs may do); the refusal
    names the first."""
    officer = session.get(Officer, actor.id)
    held = permissions_of(r.role for r in officer.roles) if officer is not None else frozenset()
    chosen = next((p for p in perms if p in held), perms[0])
    return authorize(session, actor, chosen)
