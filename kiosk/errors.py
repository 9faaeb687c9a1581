"""Typed errors that cross from the core to the faces (UI, CLI).

Each error carries a stable ``code`` (for tests and the UI to pick the field concerned) and a
message in Bahasa Indonesia that tells the officer what to do, because the core is the one place
that knows *why* something was refused.
"""

from __future__ import annotations

import uuid


class KioskError(Exception):
    """Base of every refusal the core makes on purpose."""

    code: str = "kesalahan"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        field: str | None = None,
        keep_changes: bool = False,
    ):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.field = field
        # A refusal whose bookkeeping must survive (a failed log-in counts towards lockout).
        self.keep_changes = keep_changes


class ValidationError(KioskError):
    """Input that cannot be stored as given; ``field`` names the form field."""

    code = "tidak_valid"


class PermissionDenied(KioskError):
    """The acting officer's roles do not allow the action.

    ``officer_id`` is set by the gate that refused, so the refusal itself can be audited after
    the action's transaction has rolled back.
    """

    code = "tidak_berwenang"
    officer_id: uuid.UUID | None = None


class AuthenticationError(KioskError):
    """Wrong credentials, locked or inactive account."""

    code = "gagal_masuk"


class NotFound(KioskError):
    """A record the caller named does not exist (or is not visible to them)."""

    code = "tidak_ditemukan"


class Conflict(KioskError):
    """The action collides with the current state (a duplicate, a stale edit)."""

    code = "bentrok"


class StorageFull(KioskError):
    """The disk (or the database's size limit) is full: nothing of the action was stored."""

    code = "penyimpanan_penuh"


STORAGE_FULL_MESSAGE = (
    "Penyimpanan komputer penuh; data ini BELUM tersimpan. Jangan tutup formulir: kosongkan "
    "ruang disk (hapus berkas unduhan atau salinan lama), lalu simpan lagi."
)
DISK_FULL_SIGNS = ("database or disk is full", "no space left on device", "could not extend file")
