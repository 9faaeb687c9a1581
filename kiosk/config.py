"""Where the kiosk keeps its data and which database it talks to.

Resolution order for the database: an explicit URL, then ``PUSKESOS_DB_URL``, then SQLite in
the data directory (``--data-dir``, ``PUSKESOS_DATA_DIR``, or the platform's user data dir).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "puskesos-kiosk"
ENV_DB_URL = "PUSKESOS_DB_URL"
ENV_DATA_DIR = "PUSKESOS_DATA_DIR"


@dataclass(frozen=True)
class Paths:
    """The data directory and what lives in it."""

    data_dir: Path

    @property
    def default_db(self) -> Path:
        return self.data_dir / "puskesos.sqlite3"

    @property
    def drafts(self) -> Path:
        return self.data_dir / "drafts"

    @property
    def backups(self) -> Path:
        return self.data_dir / "cadangan"

    @property
    def secret_key(self) -> Path:
        """The key that encrypts sync tokens and drafts: kept apart from the database file."""
        return self.data_dir / "kunci.key"

    @property
    def documents(self) -> Path:
        return self.data_dir / "dokumen"


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> Paths:
    """Pick the data directory and make sure it exists, readable by its owner only."""
    chosen = data_dir or os.environ.get(ENV_DATA_DIR) or user_data_dir(APP_NAME, appauthor=False)
    path = Path(chosen).expanduser()
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        path.chmod(0o700)  # made before this rule, or by a umask that shares it
    return Paths(path)


def resolve_db_url(url: str | None, paths: Paths) -> str:
    """An explicit URL wins, then the environment, then SQLite in the data directory."""
    if url:
        return url
    env = os.environ.get(ENV_DB_URL)
    if env:
        return env
    return f"sqlite:///{paths.default_db}"
