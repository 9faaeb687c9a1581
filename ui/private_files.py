"""Writing an export: whole or not at all, and readable by the officer's account only when it
names people."""

from __future__ import annotations

import os
from pathlib import Path


def write_whole(target: Path, data: bytes, private: bool = True) -> Path:
    """Write ``data`` beside ``target`` and rename it over: never a half-written file under the
    real name. ``private``: owner-only (0600) on POSIX, from the moment the file exists (not
    readable by others for the time it takes to write)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    mode = 0o600 if private else 0o644
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        if os.name == "posix":
            partial.chmod(mode)  # a .part left by an earlier attempt keeps its old mode
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target
