"""Writing an export: whole or not at all, and readable by the officer's account only when it
names people."""

from __future__ import annotations

import os
from pathlib import Path


def write_whole(target: Path, data: bytes, private: bool = True) -> Path:
    """Write ``data`` beside ``target`` and rename it over: never a half-written file under the
    real name. ``private``: owner-only (0600) on POSIX."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(data)
    if os.name == "posix":
        partial.chmod(0o600 if private else 0o644)
    os.replace(partial, target)
    return target
