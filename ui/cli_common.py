"""What every ``puskesos`` subcommand shares: secrets from options, the environment or a prompt,
and the log-in rules of the command line.

The command line is held to what the window enforces, and more: a temporary password must be
changed first (``puskesos password``), and a PIN is refused, since it only unlocks a locked
window where the officer was already known.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # argparse names no public type for it; typeshed's is generic
    Subparsers = argparse._SubParsersAction[Any]

import getpass
import os
import sys

from kiosk.context import Gateway, KioskContext
from kiosk.errors import AuthenticationError, KioskError
from kiosk.services.actor import Actor
from kiosk.services.auth import login as login_service


def secret(value: str | None, env: str, prompt: str) -> str:
    if value:
        return value
    if os.environ.get(env):
        return os.environ[env]
    if not sys.stdin.isatty():
        raise KioskError(f"{prompt} belum diberikan: pakai opsi atau variabel {env}.")
    return getpass.getpass(f"{prompt}: ")


def ask(value: str | None, prompt: str) -> str:
    if value:
        return value
    if not sys.stdin.isatty():
        raise KioskError(f"{prompt} belum diberikan (mode non-interaktif).")
    return input(f"{prompt}: ").strip()


def login(
    ctx: KioskContext, username: str, password: str | None, allow_temporary: bool = False
) -> Actor:
    """Log in with a password (never a PIN); refuse a temporary password unless changing it."""
    pw = secret(password, "PUSKESOS_PASSWORD", f"Kata sandi {username}")
    actor = Gateway(ctx).call(login_service, username, pw, ctx.clock)
    if actor.must_change_password and not allow_temporary:
        raise AuthenticationError(
            f"Kata sandi {username} masih sementara: ganti dulu dengan "
            f"'puskesos password --as {username}', lalu ulangi perintah ini.",
            code="sandi_sementara",
        )
    return actor
