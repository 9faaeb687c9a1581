"""Unsaved walk-in forms kept on disk, so a crash or a closed window loses nothing.

A draft holds a citizen's NIK and complaint, so the file is sealed (kiosk/sealing.py: the key
is not in the file's folder's database) and readable by its owner only.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from kiosk.sealing import Sealer, SealError


class DraftStore:
    """One sealed file per officer; written atomically (temp file + rename)."""

    def __init__(self, folder: Path | None, username: str, sealer: Sealer | None = None):
        self.path = folder / f"pendaftaran-{username}.draft" if folder else None
        self.sealer = sealer

    def save(self, state: dict[str, Any]) -> None:
        if self.path is None or self.sealer is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(self.sealer.seal(json.dumps(state, ensure_ascii=False)))
        os.replace(tmp, self.path)

    def load(self) -> dict[str, Any] | None:
        if self.path is None or self.sealer is None or not self.path.exists():
            return None
        try:
            data = json.loads(self.sealer.open(self.path.read_text(encoding="ascii")))
        except (OSError, ValueError, SealError):
            return None
        return data if isinstance(data, dict) else None

    def clear(self) -> None:
        if self.path is not None and self.path.exists():
            self.path.unlink()
        if self.path is not None:  # a clear-text draft left by an older version
            self.path.with_suffix(".json").unlink(missing_ok=True)
