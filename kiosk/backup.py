"""Verified copies of the SQLite database: made, kept in rotation, listed and restored.

Why this shape:
- SQLite's online backup API copies a live database page by page while the counter keeps
  working (a file copy of a WAL database can miss the last transactions or tear a page).
- A copy counts only after ``PRAGMA quick_check`` on the copy says ``ok``; until then it
  carries a ``.part`` name, so a power cut mid-copy never leaves something that looks whole.
  The quick check reads every page and record (a torn or short copy fails it); what it skips,
  indexes against their tables, a page-by-page copy cannot break, and it took ten times the
  copy itself on a large register. A restore runs the full ``integrity_check``.
- Restoring writes the backup *into* the live file through the same API, so every open
  connection sees the restored pages at once and the WAL is never left half-matching.
- Every copy is encrypted (:mod:`kiosk.backup_file`, :mod:`kiosk.backup_keys`): copies travel
  on USB drives. The plain copy exists only as a ``.part`` file while it is checked.
- Rotation is grandfather-father-son (7 daily, 4 weekly, 12 monthly) over the automatic copies;
  copies an officer asked for, and those made before a restore, are kept for a year
  (:data:`RETAIN_DAYS`, the grandfather's horizon) and then go too: a copy kept forever would
  keep forever what citizens asked to erase.

Nothing here knows officers or permissions: :mod:`kiosk.services.backups` does.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.backup_file import (
    SUFFIX,
    SealedCopyError,
    open_sealed,
    read_header,
    verify_sealed,
    write_sealed,
)
from kiosk.backup_keys import BackupKeys
from kiosk.errors import KioskError
from kiosk.messages import _

DAILY, WEEKLY, MONTHLY = 7, 4, 12
RETAIN_DAYS = 366
AUTO_REASONS = ("harian", "migrasi")
REASONS = ("harian", "migrasi", "manual", "sebelum-pulih")
_NAME = re.compile(r"^puskesos-(\d{8}-\d{6})(?:\.\d+)?-([a-z-]+)\.sqlite3(\.enc)?$")


class BackupError(KioskError):
    """A copy that could not be made, checked or restored; the message says what to do."""

    code = "cadangan_gagal"


@dataclass(frozen=True)
class BackupInfo:
    """One verified copy on disk."""

    path: Path
    made_at: datetime
    reason: str
    size: int
    encrypted: bool = True  # False: a plain copy made by an older version (still restorable)
    audit_head: str = ""  # "seq:hash" of the audit chain inside the copy


def sqlite_file(url: str) -> Path | None:
    """The database file behind a SQLite URL; None for PostgreSQL or an in-memory database."""
    if not url.startswith("sqlite"):
        return None
    path = url.split("///", 1)[1] if "///" in url else ""
    path = path.split("?", 1)[0]
    if not path or path == ":memory:":
        return None
    return Path(path)


def private(path: Path) -> None:
    """Owner-only access on POSIX: these files hold poor people's lives."""
    if os.name == "posix":
        path.chmod(0o700 if path.is_dir() else 0o600)


def check_file(path: Path, quick: bool = False) -> None:
    """Refuse a file that is not a whole, readable kiosk database (``quick``: the page and
    record check only, for a copy just made page by page)."""
    if not path.is_file():
        raise BackupError(
            _("Berkas cadangan {0} tidak ada. Pilih berkas yang benar.").format(path.name)
        )
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            check = "quick_check" if quick else "integrity_check"
            result = con.execute(f"PRAGMA {check}").fetchone()
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(
            _("Berkas {0} bukan basis data kiosk yang utuh ({1}). Pilih cadangan lain.").format(
                path.name, exc
            )
        ) from exc
    if not result or result[0] != "ok":
        raise BackupError(
            _("Berkas {0} rusak (pemeriksaan integritas: {1}). Pilih cadangan lain.").format(
                path.name, result[0] if result else "-"
            )
        )
    if not {"alembic_version", "officer", "site"} <= tables:
        raise BackupError(_("Berkas {0} bukan cadangan Puskesos Kiosk.").format(path.name))


def _copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        # The plain copy is read straight back, checked and encrypted, then deleted: only the
        # encrypted file must reach the disk (it is synced), so this one skips its own sync.
        dst.execute("PRAGMA synchronous=OFF")
        src.backup(dst)
        # One self-contained file: a copy in WAL mode would sprout -wal/-shm files beside it
        # whenever it is opened, and a USB copy of the main file alone could miss pages.
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
        src.close()


def _audit_head(copy: Path) -> dict[str, object]:
    """The audit chain's head inside ``copy`` (printed with each backup, kept in its header)."""
    con = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
    except sqlite3.Error:  # a schema from before the chain
        row = None
    finally:
        con.close()
    return {"seq": row[0], "hash": row[1]} if row else {"seq": 0, "hash": ""}


def _target(folder: Path, stamp: str, reason: str) -> Path:
    target = folder / f"puskesos-{stamp}-{reason}{SUFFIX}"
    n = 1
    while target.exists():  # two copies in one second (a test, a double click)
        n += 1
        target = folder / f"puskesos-{stamp}.{n}-{reason}{SUFFIX}"
    return target


def create(
    db: Path,
    folder: Path,
    reason: str,
    now: datetime,
    keys: BackupKeys,
    erasures: list[dict[str, object]] | None = None,
) -> BackupInfo:
    """Copy ``db`` into ``folder``, verify the copy, encrypt it (owner-only). ``erasures`` (the
    ledger, :mod:`kiosk.erasure`) ride in its header, so a restore elsewhere learns them."""
    if reason not in REASONS:
        raise ValueError(reason)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        private(folder)
    except OSError as exc:
        raise BackupError(
            _("Folder cadangan {0} tidak dapat dibuat ({1}).").format(folder, exc.strerror)
        ) from exc
    target = _target(folder, now.astimezone(UTC).strftime("%Y%m%d-%H%M%S"), reason)
    plain = target.with_name(target.name[: -len(".enc")] + ".part")
    part = target.with_name(target.name + ".part")
    try:
        _copy(db, plain)
        private(plain)
        head = _audit_head(plain)
        manifest = {"made_at": now.isoformat(), "reason": reason, "audit_head": head}
        # Encrypt while the check reads the copy (SQLite and the file writes let go of Python's
        # lock): the copy costs the longer of the two, not their sum. Only a copy that passed
        # gets its name.
        with ThreadPoolExecutor(1, thread_name_prefix="cadangan-enkripsi") as pool:
            sealing = pool.submit(
                write_sealed, plain, part, keys, manifest | {"erasures": erasures or []}
            )
            try:
                check_file(plain, quick=True)
            except BaseException:
                wait([sealing])  # the check's refusal is the one to tell
                raise
            sealing.result()
        part.replace(target)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(
            _(
                "Cadangan tidak dapat dibuat di {0} ({1}). Periksa ruang disk atau "
                "colokan diska USB, lalu coba lagi."
            ).format(folder, exc)
        ) from exc
    finally:
        for leftover in (plain, part):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
    size = target.stat().st_size
    return BackupInfo(target, now, reason, size, True, f"{head['seq']}:{head['hash']}")


def seal_plain_copies(folder: Path, keys: BackupKeys) -> list[Path]:
    """Encrypt the plain copies an older version left (a copy on a stolen drive or laptop
    should reveal nothing); each keeps its time and reason. Returns the new files."""
    sealed = []
    for b in listing(folder):
        if b.encrypted:
            continue
        target = b.path.with_name(b.path.name + ".enc")
        part = target.with_name(target.name + ".part")
        try:
            check_file(b.path)
            head = _audit_head(b.path)
            manifest = {"made_at": b.made_at.isoformat(), "reason": b.reason, "audit_head": head}
            write_sealed(b.path, part, keys, manifest | {"erasures": []})
            part.replace(target)
        except (BackupError, OSError, sqlite3.Error):
            part.unlink(missing_ok=True)
            continue  # left as it is: listed as not encrypted, rotated away in time
        b.path.unlink()
        sealed.append(target)
    return sealed


def listing(folder: Path) -> list[BackupInfo]:
    """Copies in ``folder``, newest first (``.part`` leftovers are not copies)."""
    out: list[BackupInfo] = []
    if not folder.is_dir():
        return out
    for path in folder.iterdir():
        m = _NAME.match(path.name)
        if m is None:
            continue
        made = datetime.strptime(m.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
        head = ""
        if m.group(3):
            with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
                h = (read_header(path) or {})["audit_head"]
                head = f"{h['seq']}:{h['hash']}"
        size = path.stat().st_size
        out.append(BackupInfo(path, made, m.group(2), size, bool(m.group(3)), head))
    return sorted(out, key=lambda b: (b.made_at, b.path.name), reverse=True)


def to_keep(copies: list[BackupInfo], now: datetime | None = None) -> set[Path]:
    """Grandfather-father-son: the newest automatic copy of each of the last 7 days, 4 ISO
    weeks and 12 months; every copy made by hand or before a restore within RETAIN_DAYS."""
    horizon = (now or datetime.now(UTC)) - timedelta(days=RETAIN_DAYS)
    keep = {b.path for b in copies if b.reason not in AUTO_REASONS and b.made_at >= horizon}
    auto = [b for b in copies if b.reason in AUTO_REASONS]  # newest first
    for limit, key in (
        (DAILY, lambda b: b.made_at.date()),
        (WEEKLY, lambda b: b.made_at.isocalendar()[:2]),
        (MONTHLY, lambda b: (b.made_at.year, b.made_at.month)),
    ):
        seen: list[object] = []
        for b in auto:
            k = key(b)
            if k not in seen:
                seen.append(k)
                if len(seen) > limit:
                    break
                keep.add(b.path)
    return keep


def rotate(folder: Path, now: datetime | None = None) -> list[Path]:
    """Delete copies the rotation no longer keeps, and ``.part`` files a killed copy left over
    a day ago; returns what went."""
    now = now or datetime.now(UTC)
    for part in folder.glob("*.part"):
        if now.timestamp() - part.stat().st_mtime > 86_400:
            part.unlink(missing_ok=True)
    copies = listing(folder)
    keep = to_keep(copies, now)
    gone = [b.path for b in copies if b.path not in keep]
    for path in gone:
        path.unlink(missing_ok=True)
    return gone


def mirror(info: BackupInfo, folder: Path, keys: BackupKeys, now: datetime | None = None) -> Path:
    """A second copy (a USB drive): copied, then checked again where it landed; the drive's
    copies beyond the rotation go, as in the data folder."""
    target = folder / info.path.name
    part = target.with_name(target.name + ".part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(info.path, part)
        private(part)
        if info.encrypted:
            verify_sealed(part, keys)
        else:
            check_file(part)
        part.replace(target)
        seal_plain_copies(folder, keys)  # an older version's plain copies on the drive too
        rotate(folder, now)
    except OSError as exc:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        raise BackupError(
            _("Salinan kedua ke {0} gagal ({1}). Periksa diska USB; cadangan utama aman.").format(
                folder, exc
            )
        ) from exc
    return target


def open_copy(
    path: Path, keys: BackupKeys, passphrase: str | None, work: Path
) -> tuple[Path, dict[str, object]]:
    """The plain, checked database inside a copy (a ``.part`` in ``work`` the caller deletes;
    the file itself for an older plain copy) and the copy's header."""
    if not path.is_file():
        check_file(path)  # says the file is not there
    header = read_header(path)
    if header is None:
        check_file(path)
        return path, {}
    work.mkdir(parents=True, exist_ok=True)
    plain = work / f"pulih-{os.getpid()}.sqlite3.part"
    try:
        open_sealed(path, keys, passphrase, plain)
        check_file(plain)
    except SealedCopyError as exc:
        plain.unlink(missing_ok=True)
        raise BackupError(exc.message) from exc
    except BaseException:
        plain.unlink(missing_ok=True)
        raise
    return plain, header


def check_copy(path: Path, keys: BackupKeys, passphrase: str | None = None) -> dict[str, object]:
    """Open, decrypt and check a copy without restoring it (a drill); returns its header."""
    plain, header = open_copy(path, keys, passphrase, path.parent)
    if plain != path:
        plain.unlink(missing_ok=True)
    return header


def restore_into(backup: Path, db: Path) -> None:
    """Write a checked backup over the live database, page by page, in one step."""
    check_file(backup)
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    dst = sqlite3.connect(db, timeout=30)
    try:
        src.backup(dst)
        dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        dst.close()
        src.close()


def before_migration(url: str, folder: Path, now: datetime, keys: BackupKeys) -> BackupInfo | None:
    """A verified copy of the SQLite database at ``url`` before its schema is upgraded (an old
    schema's settings may not be readable yet, so no second copy); None when there is no file
    with records to copy."""
    db = sqlite_file(url)
    if db is None or not db.exists() or db.stat().st_size == 0:
        return None
    info = create(db, folder, reason="migrasi", now=now, keys=keys)
    rotate(folder)
    return info
