"""A new DTKS snapshot must not silently empty the register.

A three-line damaged file once replaced a 19,826-row register with two rows: every citizen
would then have been "not in DTKS" at the counter. So a snapshot under half the active one's
size, or with most village codes outside the Puskesos' kabupaten, is activated only when the
officer confirms it; the load stays aside until then and the old register keeps answering.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select, text

from kiosk.context import KioskContext
from kiosk.errors import KioskError
from kiosk.formatting import angka
from kiosk.messages import _
from kiosk.models import DtksSnapshot, Site


def load_table(snap_id: uuid.UUID) -> str:
    """The table a snapshot loads into on SQLite before it becomes ``dtks_record``."""
    return f"dtks_load_{snap_id.hex}"


class NeedsConfirmation(KioskError):
    """The new snapshot would shrink the register by half or more, or is another kabupaten's:
    nothing changed; the officer must confirm (``--replace-smaller``, a question in the window)."""

    code = "perlu_konfirmasi"


def foreign_share(ctx: KioskContext, snap_id: uuid.UUID, regency: str) -> tuple[int, int]:
    """(rows with a village code, of which outside ``regency``) in the loaded snapshot."""
    with ctx.engine.connect() as conn:
        if ctx.engine.dialect.name == "sqlite":
            source, where, params = f'"{load_table(snap_id)}"', "", {}
        else:
            source, where = "dtks_record", " AND snapshot_id = :snap"
            params = {"snap": snap_id}
        coded, foreign = conn.execute(
            text(
                "SELECT COUNT(*), COALESCE(SUM(CASE WHEN substr(village_code, 1, 4) <> :reg "
                f"THEN 1 ELSE 0 END), 0) FROM {source} WHERE village_code <> ''{where}"
            ),
            {"reg": regency, **params},
        ).one()
    return int(coded), int(foreign)


def guard_replacement(
    ctx: KioskContext, imported: int, snap_id: uuid.UUID, confirmed: bool
) -> list[str]:
    """Refuse, unless confirmed, a snapshot that would silently empty the register.

    Returns what the officer confirmed (for the audit): ``lebih_kecil``, ``kabupaten_lain``.
    """
    reasons, asks = [], []
    with ctx.sessions() as s:
        active = s.scalars(select(DtksSnapshot).where(DtksSnapshot.status == "active")).first()
        regency = s.scalar(select(Site.regency_code)) or ""
    if active is not None and imported * 2 < (active.row_count or 0):
        reasons.append("lebih_kecil")
        asks.append(
            _(
                "Data baru hanya {0} baris, kurang dari separuh data yang dipakai sekarang "
                "({1} baris)."
            ).format(angka(imported), angka(active.row_count or 0))
        )
    if regency:
        coded, foreign = foreign_share(ctx, snap_id, regency)
        if coded and foreign * 2 > coded:
            reasons.append("kabupaten_lain")
            asks.append(
                _(
                    "{0} dari {1} baris berkode desa di luar kabupaten Puskesos ini: mungkin "
                    "berkas kabupaten lain."
                ).format(angka(foreign), angka(coded))
            )
    if reasons and not confirmed:
        raise NeedsConfirmation(
            " ".join(asks)
            + _(
                " Data lama tetap dipakai. Bila berkas ini memang benar, ulangi dan konfirmasi "
                "penggantian (baris perintah: --replace-smaller)."
            ),
        )
    return reasons
