"""Backups are encrypted: they travel on USB drives, and a lost drive must reveal nothing.

Why this shape:
- Each copy is one AES-256-GCM message (the ``cryptography`` library's AEAD, no recipe of our
  own) under the data folder's *backup key*, a random 32-byte key. The copy's header (reason,
  time, audit chain head) is the message's associated data, so it cannot be altered unseen.
- The backup key is kept sealed with the data folder's key (:mod:`kiosk.sealing`: the OS keyring
  or ``kunci.key``), never beside the copies in the clear, so the daily copy needs no one.
- A laptop dies: the key dies with it. So every copy also carries the backup key wrapped by a
  key derived with scrypt from the *recovery passphrase* the administrator keeps on paper
  (``puskesos backup passphrase``). On a new laptop the passphrase opens the copy and the key
  is adopted, so later copies go on with it.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from kiosk.errors import KioskError, ValidationError
from kiosk.messages import _
from kiosk.sealing import Sealer, SealError

KEY_FILE = "kunci-cadangan.json"
PASSPHRASE_ENV = "PUSKESOS_RECOVERY_PASSPHRASE"
MIN_PASSPHRASE = 12
SCRYPT_N, SCRYPT_R, SCRYPT_P = (
    2**17,
    8,
    1,
)  # OWASP's scrypt minimum: a lost drive is attacked offline
_WRAP_AAD = b"puskesos-kunci-cadangan"


class NeedsPassphrase(KioskError):
    """The copy was made with a key this laptop does not hold: the passphrase opens it."""

    code = "frasa_pemulihan_diperlukan"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def _derive(passphrase: str, salt: bytes) -> bytes:
    kdf = Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return kdf.derive(passphrase.encode("utf-8"))


def wrap(key: bytes, passphrase: str) -> dict[str, Any]:
    """The backup key, encrypted under the passphrase (what a copy's header carries)."""
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    sealed = AESGCM(_derive(passphrase, salt)).encrypt(nonce, key, _WRAP_AAD)
    return {"kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P} | {
        "salt": _b64(salt),
        "wrapped": _b64(nonce + sealed),
    }


def unwrap(recovery: dict[str, Any], passphrase: str) -> bytes:
    """The backup key from a header's wrap; a wrong passphrase is told plainly."""
    blob = _unb64(recovery["wrapped"])
    if not (int(recovery["n"]) <= 2**20 and int(recovery["r"]) <= 16 and int(recovery["p"]) <= 4):
        raise NeedsPassphrase(  # a crafted header must not take the laptop's memory
            _("Cadangan ini meminta pengaman yang tidak wajar; berkasnya bukan buatan kios ini.")
        )
    try:
        kdf = Scrypt(
            salt=_unb64(recovery["salt"]),
            length=32,
            n=int(recovery["n"]),
            r=int(recovery["r"]),
            p=int(recovery["p"]),
        )
        return AESGCM(kdf.derive(passphrase.encode("utf-8"))).decrypt(
            blob[:12], blob[12:], _WRAP_AAD
        )
    except (InvalidTag, ValueError, KeyError) as exc:
        raise NeedsPassphrase(
            _("Frasa pemulihan tidak cocok dengan cadangan ini. Periksa catatan kertasnya.")
        ) from exc


def key_id(key: bytes) -> str:
    """A name for a key that reveals nothing of it (first bytes of its own encryption of 0)."""
    return AESGCM(key).encrypt(b"\0" * 12, b"", b"key-id").hex()[:16]


@dataclass
class BackupKeys:
    """The data folder's backup keys (current and adopted ones) and the passphrase's wrap."""

    path: Path
    sealer: Sealer
    current: str = ""
    keys: dict[str, bytes] = field(default_factory=dict)
    recovery: dict[str, Any] | None = None

    @classmethod
    def load(cls, data_dir: Path, sealer: Sealer) -> BackupKeys:
        """The folder's keys; a new random backup key on first use."""
        store = cls(data_dir / KEY_FILE, sealer)
        if store.path.exists():
            try:
                raw = json.loads(store.path.read_text("utf-8"))
                store.current, store.recovery = raw["current"], raw.get("recovery")
                store.keys = {k: _unb64(sealer.open(v)) for k, v in raw["keys"].items()}
                return store
            except (SealError, ValueError, KeyError):
                # The folder's key changed (kunci.key lost, another keyring): the old copies
                # still open with the passphrase; new ones need a key, and a new passphrase.
                store.path.replace(store.path.with_name(KEY_FILE + ".tidak-terbuka"))
                store.keys, store.recovery = {}, None
        store.adopt(secrets.token_bytes(32), None)
        return store

    @property
    def key(self) -> bytes:
        return self.keys[self.current]

    def save(self) -> None:
        raw = {
            "current": self.current,
            "keys": {k: self.sealer.seal(_b64(v)) for k, v in self.keys.items()},
            "recovery": self.recovery,
        }
        part = self.path.with_name(self.path.name + ".part")
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(raw, f)
        part.replace(self.path)

    def adopt(self, key: bytes, recovery: dict[str, Any] | None) -> None:
        """Make ``key`` the current one (a new folder, or a copy restored on a new laptop)."""
        self.current = key_id(key)
        self.keys[self.current] = key
        self.recovery = recovery
        self.save()

    def set_passphrase(self, passphrase: str) -> None:
        """Wrap the current key under a (new) passphrase; copies made from now on carry it."""
        if len(passphrase.strip()) < MIN_PASSPHRASE:
            raise ValidationError(
                _("Frasa pemulihan minimal {0} karakter; tulis beberapa kata.").format(
                    MIN_PASSPHRASE
                ),
                field="passphrase",
            )
        self.recovery = wrap(self.key, passphrase)
        self.save()

    def open_key(self, header: dict[str, Any], passphrase: str | None) -> bytes:
        """The key a copy was made with: held here, or unwrapped with the passphrase."""
        held = self.keys.get(str(header.get("key_id")))
        if held is not None:
            return held
        passphrase = passphrase or os.environ.get(PASSPHRASE_ENV) or ""
        if not passphrase or not header.get("recovery"):
            raise NeedsPassphrase(
                _(
                    "Cadangan ini dibuat di laptop lain. Masukkan frasa pemulihan yang "
                    "dicatat administrator (atau {0})."
                ).format(PASSPHRASE_ENV)
            )
        key = unwrap(header["recovery"], passphrase)
        if not self.recovery:  # a new laptop: go on with the old key and its passphrase
            self.adopt(key, header["recovery"])
        else:
            self.keys[key_id(key)] = key
            self.save()
        return key


def for_folder(data_dir: Path, secret_key: Path) -> BackupKeys:
    """The keys of a data folder, opened with its sealer (keyring or ``kunci.key``)."""
    return BackupKeys.load(data_dir, Sealer.for_folder(secret_key))
