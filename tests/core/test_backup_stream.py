"""Copies are encrypted and decrypted a megabyte at a time, into the very bytes one AES-GCM
message gives: a copy made before streaming opens, and a copy made now is one whole message."""

from __future__ import annotations

import json
import secrets
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kiosk.backup_file import (
    CHUNK,
    MAGIC,
    SealedCopyError,
    open_sealed,
    verify_sealed,
    write_sealed,
)
from kiosk.backup_keys import BackupKeys

pytestmark = pytest.mark.usefixtures("office")


def _database(path: Path, rows: int) -> None:
    with closing(sqlite3.connect(path)) as con, con:
        con.execute("CREATE TABLE t (x TEXT)")
        con.executemany("INSERT INTO t VALUES (?)", ((secrets.token_hex(64),) for _ in range(rows)))


def _keys(ctx) -> BackupKeys:
    return ctx.backup_keys


def test_a_copy_sealed_in_one_message_before_still_opens(ctx, tmp_path):
    plain = tmp_path / "db.sqlite3"
    _database(plain, 20_000)  # a few megabytes: several chunks
    keys = _keys(ctx)
    header = {"format": 1, "key_id": keys.current, "recovery": keys.recovery}
    header["nonce"] = secrets.token_bytes(12).hex()
    head = json.dumps(header, sort_keys=True).encode()
    old = AESGCM(keys.key).encrypt(bytes.fromhex(header["nonce"]), plain.read_bytes(), head)
    copy = tmp_path / "lama.sqlite3.enc"
    copy.write_bytes(MAGIC + len(head).to_bytes(4, "big") + head + old)
    out = tmp_path / "out.sqlite3"
    open_sealed(copy, keys, None, out)
    assert out.read_bytes() == plain.read_bytes() and plain.stat().st_size > 2 * CHUNK
    verify_sealed(copy, keys)


def test_a_streamed_copy_is_one_message_and_a_flipped_byte_is_refused(ctx, tmp_path):
    plain = tmp_path / "db.sqlite3"
    _database(plain, 20_000)
    keys = _keys(ctx)
    copy = tmp_path / "baru.sqlite3.enc"
    write_sealed(plain, copy, keys, {"reason": "manual"})
    data = copy.read_bytes()
    size = int.from_bytes(data[len(MAGIC) : len(MAGIC) + 4], "big")
    head = data[len(MAGIC) + 4 : len(MAGIC) + 4 + size]
    nonce = bytes.fromhex(json.loads(head)["nonce"])
    whole = AESGCM(keys.key).decrypt(nonce, data[len(MAGIC) + 4 + size :], head)
    assert whole == plain.read_bytes()
    damaged = bytearray(data)
    damaged[len(data) // 2] ^= 1
    copy.write_bytes(bytes(damaged))
    out = tmp_path / "out.sqlite3"
    with pytest.raises(SealedCopyError):
        open_sealed(copy, keys, None, out)
    assert not out.exists()  # nothing half-decrypted is left behind
    with pytest.raises(SealedCopyError):
        verify_sealed(copy, keys)


def test_a_header_asking_for_an_unreasonable_key_derivation_is_refused_at_once():
    """A crafted copy must not make a restore take gigabytes of memory before the passphrase."""
    import time

    from kiosk.backup_keys import NeedsPassphrase, unwrap, wrap

    recovery = wrap(b"k" * 32, "frasa pemulihan yang panjang")
    assert unwrap(recovery, "frasa pemulihan yang panjang") == b"k" * 32
    started = time.monotonic()
    with pytest.raises(NeedsPassphrase):
        unwrap(recovery | {"n": 2**30}, "frasa pemulihan yang panjang")
    assert time.monotonic() - started < 1
