"""The encrypted backup file: a readable header, then the database as one AEAD message
(AES-256-GCM, written and read a chunk at a time).

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
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

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


CHUNK = 1 << 20  # encrypted and written a megabyte at a time: memory stays flat
TAG = 16  # AES-GCM's tag, after the ciphertext (what ``AESGCM.encrypt`` appends)


def write_sealed(plain: Path, target: Path, keys: BackupKeys, manifest: dict[str, Any]) -> None:
    """Encrypt the SQLite file ``plain`` into ``target`` (owner-only), synced to disk.

    GCM is a stream cipher with a tag at the end, so the file is encrypted as it is read, a
    chunk at a time, into exactly the bytes ``AESGCM.encrypt`` would give for the whole file:
    a 300 MB register needs no 600 MB in memory, and copies made either way open alike."""
    header = dict(manifest) | {
        "format": 1,
        "key_id": keys.current,
        "recovery": keys.recovery,
        "nonce": secrets.token_bytes(12).hex(),
    }
    head = json.dumps(header, sort_keys=True).encode("utf-8")
    cipher = Cipher(algorithms.AES(keys.key), modes.GCM(bytes.fromhex(header["nonce"])))
    enc = cipher.encryptor()
    enc.authenticate_additional_data(head)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f, plain.open("rb") as src:
        f.write(MAGIC + len(head).to_bytes(4, "big") + head)
        while chunk := src.read(CHUNK):
            f.write(enc.update(chunk))
        f.write(enc.finalize() + enc.tag)
        f.flush()
        os.fsync(f.fileno())


def _decrypt(path: Path, keys: BackupKeys, passphrase: str | None, out: Any) -> dict[str, Any]:
    """Decrypt ``path`` chunk by chunk into ``out`` (None: only check); the tag is checked at
    the end (:class:`InvalidTag`), so the caller throws away whatever was written before."""
    total = path.stat().st_size
    with path.open("rb") as f:
        f.seek(len(MAGIC))
        size = int.from_bytes(f.read(4), "big")
        head = f.read(size)
        header: dict[str, Any] = json.loads(head.decode("utf-8"))
        key = keys.open_key(header, passphrase)
        left = total - len(MAGIC) - 4 - size - TAG
        if left < 0:
            raise InvalidTag
        f.seek(total - TAG)
        tag = f.read(TAG)
        f.seek(len(MAGIC) + 4 + size)
        dec = Cipher(
            algorithms.AES(key), modes.GCM(bytes.fromhex(header["nonce"]), tag)
        ).decryptor()
        dec.authenticate_additional_data(head)
        while left > 0:
            chunk = f.read(min(CHUNK, left))
            if not chunk:
                raise InvalidTag
            left -= len(chunk)
            data = dec.update(chunk)
            if out is not None:
                out.write(data)
        dec.finalize()
    return header


def open_sealed(path: Path, keys: BackupKeys, passphrase: str | None, out: Path) -> dict[str, Any]:
    """Decrypt ``path`` into ``out`` (owner-only); returns the header. A copy altered or torn
    anywhere fails its tag and is refused whole (``out`` is removed)."""
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            return _decrypt(path, keys, passphrase, f)
    except InvalidTag as exc:
        out.unlink(missing_ok=True)
        raise SealedCopyError(
            _("Cadangan {0} rusak atau telah diubah. Pilih cadangan lain.").format(path.name)
        ) from exc
    except BaseException:
        out.unlink(missing_ok=True)
        raise


def verify_sealed(path: Path, keys: BackupKeys) -> None:
    """Check a copy's tag where it landed (a USB drive) without writing the plain file."""
    try:
        _decrypt(path, keys, None, None)
    except InvalidTag as exc:
        raise SealedCopyError(
            _("Salinan {0} tidak sama dengan aslinya. Periksa diska USB.").format(path.name)
        ) from exc
