"""The encrypted backup file: a readable header, then the database as one AEAD message.

Layout: ``MAGIC``, the header's length (4 bytes, big-endian), the header (JSON: when and why
the copy was made, the audit chain's head, the key's name, the key wrapped by the recovery
passphrase, the nonce), then AES-256-GCM of the SQLite file with the header as associated
data. The header holds no personal data: a lost drive shows only when a copy was made.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kiosk.backup_keys import BackupKeys
from kiosk.errors import KioskError
from kiosk.messages import _

MAGIC = b"PUSKESOS-CADANGAN\x00\x01"
SUFFIX = ".sqlite3.enc"


class SealedCopyError(KioskError):
    """A copy whose encryption does not check out: damaged, or altered."""

    code = "cadangan_rusak"


def read_header(path: Path) -> dict[str, Any] | None:
    """The header of an encrypted copy; None for a plain (older) SQLite copy."""
    with path.open("rb") as f:
        if f.read(len(MAGIC)) != MAGIC:
            return None
        size = int.from_bytes(f.read(4), "big")
        header: dict[str, Any] = json.loads(f.read(size).decode("utf-8"))
    return header


def write_sealed(plain: Path, target: Path, keys: BackupKeys, manifest: dict[str, Any]) -> None:
    """Encrypt the SQLite file ``plain`` into ``target`` (owner-only), synced to disk."""
    header = dict(manifest) | {
        "format": 1,
        "key_id": keys.current,
        "recovery": keys.recovery,
        "nonce": secrets.token_bytes(12).hex(),
    }
    head = json.dumps(header, sort_keys=True).encode("utf-8")
    sealed = AESGCM(keys.key).encrypt(bytes.fromhex(header["nonce"]), plain.read_bytes(), head)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(MAGIC + len(head).to_bytes(4, "big") + head + sealed)
        f.flush()
        os.fsync(f.fileno())


def open_sealed(path: Path, keys: BackupKeys, passphrase: str | None, out: Path) -> dict[str, Any]:
    """Decrypt ``path`` into ``out`` (owner-only); returns the header. A copy altered or torn
    anywhere fails its tag and is refused whole."""
    data = path.read_bytes()
    size = int.from_bytes(data[len(MAGIC) : len(MAGIC) + 4], "big")
    start = len(MAGIC) + 4
    head = data[start : start + size]
    header: dict[str, Any] = json.loads(head.decode("utf-8"))
    key = keys.open_key(header, passphrase)
    try:
        plain = AESGCM(key).decrypt(bytes.fromhex(header["nonce"]), data[start + size :], head)
    except InvalidTag as exc:
        raise SealedCopyError(
            _("Cadangan {0} rusak atau telah diubah. Pilih cadangan lain.").format(path.name)
        ) from exc
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(plain)
    return header


def verify_sealed(path: Path, keys: BackupKeys) -> None:
    """Check a copy's tag where it landed (a USB drive) without writing the plain file."""
    data = path.read_bytes()
    size = int.from_bytes(data[len(MAGIC) : len(MAGIC) + 4], "big")
    start = len(MAGIC) + 4
    head = data[start : start + size]
    header = json.loads(head.decode("utf-8"))
    try:
        AESGCM(keys.open_key(header, None)).decrypt(
            bytes.fromhex(header["nonce"]), data[start + size :], head
        )
    except InvalidTag as exc:
        raise SealedCopyError(
            _("Salinan {0} tidak sama dengan aslinya. Periksa diska USB.").format(path.name)
        ) from exc
