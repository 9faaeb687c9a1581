"""Backups as officers and the kiosk's start-up ask for them.

An officer's backup or restore is checked against ``MANAGE_BACKUP`` and audited like any other
action; the automatic copies (first start of the day, before a schema migration) need no
officer. On PostgreSQL the kiosk does not copy the server's data: the refusal says to use
``pg_dump`` as README describes, because only the server's own tool copies it consistently.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk import backup
from kiosk.backup import BackupError, BackupInfo
from kiosk.models import Officer, Site
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.journal import audit
from kiosk.services.registry import action

if TYPE_CHECKING:
    from kiosk.context import Gateway, KioskContext

POSTGRES_MESSAGE = (
    "Basis data ini PostgreSQL: cadangan dibuat dengan pg_dump di server dan dipulihkan dengan "
    "pg_restore (lihat README, bagian Cadangan dan pemulihan)."
)


@dataclass(frozen=True)
class BackupResult:
    """What the officer sees after a backup: where it went and anything that went wrong."""

    info: BackupInfo
    mirrored_to: Path | None = None
    warning: str = ""


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
    if folder is None:
        return BackupResult(info)
    try:
        return BackupResult(info, backup.mirror(info, folder))
    except BackupError as exc:  # the main copy is safe: say so, do not fail the backup
        return BackupResult(info, None, exc.message)


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
    info = backup.create(db, ctx.paths.backups, reason, now)
    backup.rotate(ctx.paths.backups)
    if reason == "migrasi":  # the schema is the old one: its settings may not be readable yet
        return BackupResult(info)
    return _with_mirror(ctx, info, None)


def _audit_backup(
    ctx: KioskContext, actor: Actor, action: str, target: str, detail: dict[str, Any]
) -> None:
    _gateway(ctx).call(lambda s: audit(s, actor.id, action, "cadangan", target[:40], detail))


@action(Perm.MANAGE_BACKUP, label="Membuat cadangan basis data")
def create_backup(ctx: KioskContext, actor: Actor, to: Path | None = None) -> BackupResult:
    """A copy made by hand (kept until deleted by hand), and optionally a second one in ``to``."""
    db = _db_file(ctx)
    _audit_backup(ctx, actor, "cadangan_dibuat", "manual", {"salinan_kedua": to is not None})
    info = backup.create(db, ctx.paths.backups, "manual", ctx.clock.now())
    return _with_mirror(ctx, info, to)


@action(Perm.MANAGE_BACKUP, label="Melihat daftar cadangan")
def list_backups(ctx: KioskContext, actor: Actor) -> list[BackupInfo]:
    """Verified copies in the data folder, newest first."""
    _db_file(ctx)
    return backup.listing(ctx.paths.backups)


@action(Perm.MANAGE_BACKUP, label="Memulihkan basis data dari cadangan")
def restore_backup(ctx: KioskContext, actor: Actor, file: Path) -> BackupInfo:
    """Check ``file``, copy today's database aside, then put ``file`` in its place.

    Returns the copy of the replaced database, so the officer knows how to undo the restore.
    The restore is audited in the restored database (its chain goes on from the backup's).
    """
    from kiosk.db import needs_upgrade, upgrade

    db = _db_file(ctx)
    backup.check_file(file)
    aside = backup.create(db, ctx.paths.backups, "sebelum-pulih", ctx.clock.now())
    if ctx._register is not None:
        ctx._register.close()
        ctx._register = None
    ctx.engine.dispose()
    backup.restore_into(file, db)
    if needs_upgrade(ctx.engine):
        upgrade(ctx.engine)
    with ctx.sessions() as session, session.begin():
        audit(
            session,
            actor.id if session.get(Officer, actor.id) else None,  # absent from an old copy
            "cadangan_dipulihkan",
            "cadangan",
            file.name[:40],
            {"salinan_sebelumnya": aside.path.name},
        )
    return aside


@action(Perm.MANAGE_BACKUP, label="Menetapkan folder salinan kedua cadangan")
def set_backup_mirror(session: Session, actor: Actor, folder: str) -> None:
    """The second folder (a USB drive) for automatic copies; empty to stop mirroring."""
    site = session.scalars(select(Site)).one()
    site.backup_mirror = folder.strip()
    audit(session, actor.id, "cadangan_folder_kedua", "site", site.id, {"ada": bool(folder)})
