"""Unsaved walk-in forms kept on disk, so a crash or a closed window loses nothing."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


class DraftStore:
    """One JSON file per officer; written atomically (temp file + rename)."""

    def __init__(self, folder: Path | None, username: str):
        self.path = folder / f"pendaftaran-{username}.json" if folder else None

    def save(self, state: dict[str, Any]) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)

    def load(self) -> dict[str, Any] | None:
        if self.path is None or not self.path.exists():
            return None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def clear(self) -> None:
        if self.path is not None and self.path.exists():
            self.path.unlink()
