"""Backups as officers and the kiosk's start-up ask for them.

An officer's backup or restore is checked against ``MANAGE_BACKUP`` and audited like any other
action; the automatic copies (first start of the day, before a schema migration) need no
officer. On PostgreSQL the kiosk does not copy the server's data: the refusal says to use
``pg_dump`` (docs/administrator.md), because only the server's own tool copies it consistently.

A restore puts back an older day: so before anyone can log in again it re-applies every erasure
made since (the ledger, :mod:`kiosk.erasure`, from the data folder and the headers of the
copies), and the restored file is vacuumed so the erased text is not left in its free pages.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk import backup, erasure
from kiosk.backup import BackupError, BackupInfo
from kiosk.backup_file import read_header
from kiosk.errors import PermissionDenied
from kiosk.messages import _
from kiosk.models import Officer, Site
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.journal import audit
from kiosk.services.registry import action

if TYPE_CHECKING:
    from kiosk.context import Gateway, KioskContext

POSTGRES_MESSAGE = (
    "Basis data ini PostgreSQL: cadangan dibuat dengan pg_dump di server dan dipulihkan dengan "
    "pg_restore (lihat docs/administrator.md, bagian Backups and restore)."
)


@dataclass(frozen=True)
class BackupResult:
    """What the officer sees after a backup: where it went and anything that went wrong."""

    info: BackupInfo
    mirrored_to: Path | None = None
    warning: str = ""
    passphrase_set: bool = True  # False: only this laptop can open the copy (docs/administrator.md)


def _gateway(ctx: KioskContext) -> Gateway:
    from kiosk.context import Gateway  # the context module imports the services' neighbours

    return Gateway(ctx)


def _db_file(ctx: KioskContext) -> Path:
    db = backup.sqlite_file(ctx.url)
    if db is None:
        raise BackupError(POSTGRES_MESSAGE, code="cadangan_postgres")
    return db


def _mirror_folder(ctx: KioskContext) -> str:
    with ctx.sessions() as session:
        return session.scalar(select(Site.backup_mirror)) or ""


def _with_mirror(ctx: KioskContext, info: BackupInfo, extra: Path | None) -> BackupResult:
    folder = extra or (Path(m) if (m := _mirror_folder(ctx)) else None)
    has = bool(ctx.backup_keys.recovery)
    if folder is None:
        return BackupResult(info, passphrase_set=has)
    try:
        return BackupResult(info, backup.mirror(info, folder, ctx.backup_keys), "", has)
    except BackupError as exc:  # the main copy is safe: say so, do not fail the backup
        return BackupResult(info, None, exc.message, has)


def _create(ctx: KioskContext, db: Path, reason: str) -> BackupInfo:
    backup.seal_plain_copies(ctx.paths.backups, ctx.backup_keys)
    ledger = erasure.read_ledger(ctx.paths.data_dir)
    now = ctx.clock.now()
    return backup.create(db, ctx.paths.backups, reason, now, ctx.backup_keys, ledger)


def automatic_backup(ctx: KioskContext, reason: str = "harian") -> BackupResult | None:
    """The day's first start (or a migration) copies the database; None when nothing to do."""
    db = backup.sqlite_file(ctx.url)
    if db is None or not db.exists() or db.stat().st_size == 0:
        return None
    now = ctx.clock.now()
    if reason == "harian":
        today = now.date()
        copies = backup.listing(ctx.paths.backups)
        if any(b.made_at.date() == today and b.reason in backup.AUTO_REASONS for b in copies):
            return None
    info = _create(ctx, db, reason)
    backup.rotate(ctx.paths.backups, now)
    if reason == "migrasi":  # the schema is the old one: its settings may not be readable yet
        return BackupResult(info, passphrase_set=bool(ctx.backup_keys.recovery))
    return _with_mirror(ctx, info, None)


def _audit_backup(
    ctx: KioskContext, actor: Actor, action: str, target: str, detail: dict[str, Any]
) -> None:
    _gateway(ctx).call(lambda s: audit(s, actor.id, action, "cadangan", target[:40], detail))


@action(Perm.MANAGE_BACKUP, label="Membuat cadangan basis data")
def create_backup(ctx: KioskContext, actor: Actor, to: Path | None = None) -> BackupResult:
    """A copy made by hand (kept for :data:`backup.RETAIN_DAYS`), and optionally a second one in
    ``to``; the old copies beyond the rotation go."""
    db = _db_file(ctx)
    _audit_backup(ctx, actor, "cadangan_dibuat", "manual", {"salinan_kedua": to is not None})
    info = _create(ctx, db, "manual")
    backup.rotate(ctx.paths.backups, ctx.clock.now())
    return _with_mirror(ctx, info, to)


@action(Perm.MANAGE_BACKUP, label="Melihat daftar cadangan")
def list_backups(ctx: KioskContext, actor: Actor) -> list[BackupInfo]:
    """Verified copies in the data folder, newest first."""
    _db_file(ctx)
    return backup.listing(ctx.paths.backups)


@dataclass(frozen=True)
class RetentionNotice:
    """What ``backup list`` tells the administrator about copies outside the data folder."""

    destroy_before: date  # copies made earlier (USB drives) are past the retention
    last_erasure: str  # ISO time of the latest erasure; copies before it hold erased people


@action(Perm.MANAGE_BACKUP, label="Melihat masa simpan cadangan")
def retention_notice(ctx: KioskContext, actor: Actor) -> RetentionNotice:
    """Which copies kept elsewhere (USB drives) should be destroyed."""
    ledger = erasure.read_ledger(ctx.paths.data_dir)
    horizon = ctx.clock.today() - timedelta(days=backup.RETAIN_DAYS)
    return RetentionNotice(horizon, max((str(e.get("at", "")) for e in ledger), default=""))


def _known_erasures(ctx: KioskContext, header: dict[str, Any], file: Path) -> list[dict[str, Any]]:
    """The ledger here, in the restored copy, and in every copy beside it or in the data folder
    (on a new laptop the newest copies on the drive carry what the old one erased)."""
    lists = [erasure.read_ledger(ctx.paths.data_dir), list(header.get("erasures") or [])]
    for folder in {ctx.paths.backups, file.parent}:
        for b in backup.listing(folder):
            if b.encrypted:
                try:
                    lists.append(list((read_header(b.path) or {}).get("erasures") or []))
                except (OSError, ValueError):
                    continue
    return erasure.merged(*lists)


def _restore(
    ctx: KioskContext, officer: uuid.UUID | None, file: Path, passphrase: str | None
) -> BackupInfo | None:
    from kiosk.db import needs_upgrade, upgrade
    from kiosk.services.person_rights import reapply_erasures

    db = _db_file(ctx)
    plain, header = backup.open_copy(file, ctx.backup_keys, passphrase, ctx.paths.backups)
    try:
        fresh = not db.exists() or db.stat().st_size == 0
        aside = None if fresh else _create(ctx, db, "sebelum-pulih")
        if ctx._register is not None:
            ctx._register.close()
            ctx._register = None
        ctx.engine.dispose()
        backup.restore_into(plain, db)
    finally:
        if plain != file:
            plain.unlink(missing_ok=True)
    if needs_upgrade(ctx.engine):
        upgrade(ctx.engine)
    ledger = _known_erasures(ctx, header, file)
    erasure.append(ctx.paths.data_dir, ledger)
    with ctx.sessions() as session, session.begin():
        again = reapply_erasures(session, ledger, ctx.clock.now())
        audit(
            session,
            officer if officer and session.get(Officer, officer) else None,  # not in an old copy
            "cadangan_dipulihkan",
            "cadangan",
            file.name[:40],
            {"salinan_sebelumnya": aside.path.name if aside else "", "dihapus_ulang": again},
        )
    if not again:  # (an erasure re-applied has compacted the file already)
        erasure.scrub_storage(ctx.engine)
    return aside


@action(Perm.MANAGE_BACKUP, label="Memulihkan basis data dari cadangan")
def restore_backup(
    ctx: KioskContext, actor: Actor, file: Path, passphrase: str | None = None
) -> BackupInfo:
    """Check ``file``, copy today's database aside, then put ``file`` in its place, erasing
    again everyone erased since the copy was made.

    Returns the copy of the replaced database, so the officer knows how to undo the restore.
    The restore is audited in the restored database (its chain goes on from the backup's).
    ``passphrase`` opens a copy made on another laptop.
    """
    aside = _restore(ctx, actor.id, file, passphrase)
    assert aside is not None  # an officer logged in: there was a database to put aside
    return aside


def restore_on_new_laptop(ctx: KioskContext, file: Path, passphrase: str | None) -> None:
    """A copy into a fresh data folder (the old laptop died): no officer exists here to log in,
    so none is asked; refused once the database holds any officer."""
    if backup.sqlite_file(ctx.url) is not None and ctx.engine.dialect.name == "sqlite":
        with ctx.sessions() as session:
            if session.scalar(select(func.count()).select_from(Officer)):
                raise PermissionDenied(
                    _("Basis data ini sudah berisi petugas: pulihkan sambil masuk (--as)."),
                    code="perlu_masuk",
                )
    _restore(ctx, None, file, passphrase)


@action(Perm.MANAGE_BACKUP, label="Menetapkan frasa pemulihan cadangan")
def set_recovery_passphrase(ctx: KioskContext, actor: Actor, passphrase: str) -> None:
    """The passphrase the administrator writes on paper: copies made from now on open with it
    on any laptop (older copies keep the passphrase they were made with)."""
    ctx.backup_keys.set_passphrase(passphrase)
    _audit_backup(ctx, actor, "frasa_pemulihan_ditetapkan", "kunci", {})


@action(Perm.MANAGE_BACKUP, label="Menetapkan folder salinan kedua cadangan")
def set_backup_mirror(session: Session, actor: Actor, folder: str) -> None:
    """The second folder (a USB drive) for automatic copies; empty to stop mirroring."""
    site = session.scalars(select(Site)).one()
    site.backup_mirror = folder.strip()
    audit(session, actor.id, "cadangan_folder_kedua", "site", site.id, {"ada": bool(folder)})
