"""Every user action declared where it is defined, with the permission it needs.

``@action(Perm.X, label=...)`` on a service records it in :data:`ACTIONS` and makes the check
before the body runs, so a service cannot forget it and the policy can be printed
(``puskesos roles --json``) and tested from the declaration, as qutebrowser tests the commands
it registers with ``@cmdutils.register``. A test fails when a service that takes an acting
officer is not declared.

Some actions may be done by two jobs (``Perm.REGISTER_PERSON`` or ``Perm.EXPORT_PERSON``): the
officer needs any one of the listed permissions. A service whose body decides between them
(which approval step is the officer's) still checks the finer rule itself.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from kiosk.errors import AuthenticationError, PermissionDenied
from kiosk.messages import _
from kiosk.models import Officer
from kiosk.roles import GRANTS, ROLE_LABELS, Perm, Role
from kiosk.services.actor import Actor, authorize, authorize_any, authorize_self

P = ParamSpec("P")
R = TypeVar("R")
F = TypeVar("F")  # the first argument: a Session, or the KioskContext for work that is not
# one transaction (an import, a backup)


@dataclass(frozen=True)
class Action:
    """One declared user action: what it is called, what it does, who may do it."""

    name: str
    label: str
    perms: tuple[Perm, ...]  # empty: any active officer (their own account, public facts)
    # Allowed while the officer's password is still temporary (changing it, nothing else).
    temporary_ok: bool = False
    # Why no window or command calls it (a step another action takes); empty for nearly all.
    internal: str = ""

    @property
    def roles(self) -> tuple[Role, ...]:
        """The roles holding any of the permissions, in the order roles are declared."""
        if not self.perms:
            return tuple(Role)
        return tuple(role for role in Role if GRANTS[role] & set(self.perms))

    @property
    def __action__(self) -> Action:
        """So the Gateway names a refusal of this check by the action (see ``_check``)."""
        return self

    def __call__(self, session: Session, actor: Actor) -> None:
        """The check alone, in its own transaction, for work that is not one transaction."""
        _check(session, actor, self)


ACTIONS: dict[str, Action] = {}

Service = Callable[Concatenate[F, Actor, P], R]


def refusal_words(declared: Action) -> str:
    """What was refused and who may do it: the action's own words, not the permission's (a
    back-office officer opening a ranking is not "viewing reports")."""
    label = declared.label
    what = label[:1].lower() + label[1:] if label[1:2].islower() else label
    roles = ", ".join(ROLE_LABELS[r] for r in declared.roles if r is not Role.QUEUE_KIOSK)
    return _(
        "Akun Anda tidak berwenang {0}. Yang dapat melakukannya: {1}. Minta petugas dengan "
        "peran itu, atau minta administrator menambah peran pada akun Anda."
    ).format(what, roles)


def _check(first: object, actor: Actor, declared: Action) -> None:
    perms = declared.perms
    if isinstance(first, Session):
        try:
            if not perms:
                officer = authorize_self(first, actor)
            elif len(perms) == 1:
                officer = authorize(first, actor, perms[0])
            else:
                officer = authorize_any(first, actor, *perms)
        except PermissionDenied as exc:
            exc.message = refusal_words(declared)
            exc.args = (exc.message,)
            raise
        if officer.must_change_password and not declared.temporary_ok:
            raise AuthenticationError(
                _(
                    "Kata sandi Anda masih sementara (dibuat atau diatur ulang oleh "
                    "administrator). Ganti dulu kata sandi Anda, lalu ulangi."
                ),
                code="sandi_sementara",
            )
        return
    from kiosk.context import Gateway, KioskContext

    assert isinstance(first, KioskContext), "a service takes a Session or the KioskContext"
    Gateway(first).call(declared, actor)  # in a transaction; a refusal is audited


def action(
    *perms: Perm, label: str, temporary_ok: bool = False, internal: str = ""
) -> Callable[[Service[F, P, R]], Service[F, P, R]]:
    """Declare a service: the officer must hold one of ``perms`` (with none: be an active
    officer acting on their own account) before the body runs. While the officer's password is
    temporary (``must_change_password``) only an action declared ``temporary_ok`` runs: the
    flag is kept here, not only by the window and the command line.

    Every action needs a caller a user reaches (tests/core/test_action_callers.py); one that
    only other code calls says why in ``internal``, so the exception is read where it is made.
    """

    def declare(service: Service[F, P, R]) -> Service[F, P, R]:
        name = f"{service.__module__.rsplit('.', 1)[-1]}.{service.__name__}"
        if name in ACTIONS:
            raise ValueError(_("action {0} declared twice").format(name))
        declared = Action(name, label, perms, temporary_ok, internal)
        ACTIONS[name] = declared

        @functools.wraps(service)
        def checked(first: F, actor: Actor, /, *args: P.args, **kwargs: P.kwargs) -> R:
            _check(first, actor, declared)
            return service(first, actor, *args, **kwargs)

        checked.__action__ = declared  # type: ignore[attr-defined]  # read by action_of
        return checked

    return declare


def action_of(service: object) -> Action | None:
    """The declaration a service carries, if any (the Gateway names refusals by it)."""
    found = getattr(service, "__action__", None)
    return found if isinstance(found, Action) else None


def acting_officer(session: Session, actor: Actor) -> Officer:
    """The stored officer behind an actor already checked by :func:`action`."""
    officer = session.get(Officer, actor.id)
    assert officer is not None, "action() checked the officer before the body ran"
    return officer


def all_actions() -> list[Action]:
    """Every declared action, after importing every service module (so none is missed)."""
    import importlib
    import pkgutil

    import kiosk.services as package

    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"kiosk.services.{module.name}")
    importlib.import_module("kiosk.dtks.importer")
    return sorted(ACTIONS.values(), key=lambda a: a.name)


def policy() -> dict[str, object]:
    """The permission table as plain data: roles with their permissions, actions with theirs."""
    return {
        "roles": {role.value: sorted(p.value for p in GRANTS[role]) for role in Role},
        "actions": [
            {
                "name": a.name,
                "label": a.label,
                "permissions": [p.value for p in a.perms],
                "roles": [r.value for r in a.roles],
            }
            for a in all_actions()
        ],
    }
