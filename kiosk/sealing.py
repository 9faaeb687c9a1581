"""Secrets at rest: sync tokens and unsaved drafts are sealed, with the key kept elsewhere.

The database file travels (backups, a USB copy, a stolen laptop's disk image); a token in it
would let anyone post to the kabupaten as this office, and a draft holds a citizen's NIK. So
both are encrypted with Fernet (the ``cryptography`` package: AES-CBC with an HMAC, a
well-kept recipe rather than one of our own). The key lives in the OS keyring where there is
one (Windows Credential Manager, macOS Keychain, a desktop's Secret Service), else in an
owner-only file in the data folder, never in the database.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from kiosk.messages import _

log = logging.getLogger(__name__)
SERVICE = "puskesos-kiosk"
ENV_NO_KEYRING = "PUSKESOS_NO_KEYRING"


class SealError(Exception):
    """A sealed value that this key cannot open (another laptop's key, a damaged value)."""


def _keyring_key(account: str) -> bytes | None:
    """The key from the OS keyring, made there on first use; None when there is no keyring."""
    if os.environ.get(ENV_NO_KEYRING):
        return None
    try:
        import keyring
        from keyring.backends.fail import Keyring as NoKeyring

        if isinstance(keyring.get_keyring(), NoKeyring):
            return None
        stored = keyring.get_password(SERVICE, account)
        if stored is None:
            stored = Fernet.generate_key().decode("ascii")
            keyring.set_password(SERVICE, account, stored)
        return stored.encode("ascii")
    except Exception as exc:  # a locked or broken keyring: the key file still works
        log.warning("keyring tidak dapat dipakai (%s); kunci disimpan sebagai berkas", type(exc))
        return None


def _file_key(path: Path) -> bytes:
    if path.exists():
        return path.read_bytes().strip()
    key = Fernet.generate_key()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(key)
    return key


class Sealer:
    """Encrypts and decrypts small secrets for one data folder."""

    def __init__(self, key: bytes):
        self._fernet = Fernet(key)

    @classmethod
    def for_folder(cls, key_file: Path) -> Sealer:
        """The data folder's key: from the keyring when it has one, else from ``key_file``.

        An existing key file wins, so a folder moved to a machine with a keyring keeps working.
        """
        if not key_file.exists():
            account = hashlib.sha256(str(key_file.parent.resolve()).encode()).hexdigest()[:16]
            key = _keyring_key(account)
            if key is not None:
                return cls(key)
        return cls(_file_key(key_file))

    def seal(self, text: str) -> str:
        return self._fernet.encrypt(text.encode("utf-8")).decode("ascii")

    def open(self, token: str) -> str:
        try:
            return self._fernet.decrypt(token.encode("ascii")).decode("utf-8")
        except (InvalidToken, ValueError) as exc:
            raise SealError(_("sealed value cannot be opened with this key")) from exc
