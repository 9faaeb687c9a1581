"""What the program is built from and under which licences: for the About page and the bundle.

Qt for Python (PySide6, shiboken6) is used under the LGPL-3.0: it is bundled as the shared
libraries it ships as, unmodified, and the licence texts travel with the program. The list of
every Python distribution it runs on is read from the installed metadata, or, in the bundle
(where that metadata is not kept), from the file written at build time.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIST_NAME = "third-party.txt"


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str


def licence_dirs() -> list[Path]:
    """Where the licence texts are: next to the bundle's files, or in the source tree."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return [Path(frozen) / "licences"]
    return [ROOT / "packaging" / "licences", ROOT / "build" / "licences"]


def _licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = (meta.get_all("License-Expression") or [""])[0]
    if expression:
        return str(expression)
    text = str((meta.get_all("License") or [""])[0]).strip()
    if text and len(text) < 80 and "\n" not in text:
        return text
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    return ", ".join(classifiers) or "lihat paketnya"


def _requirement_names(dist: metadata.Distribution) -> list[str]:
    names = []
    for req in dist.requires or []:
        if "extra ==" in req:
            continue  # optional parts not installed for the program itself
        match = re.match(r"[A-Za-z0-9._-]+", req)
        if match:
            names.append(match.group(0))
    return names


def installed(root: str = "puskesos-kiosk") -> list[Component]:
    """The program's runtime dependencies, all the way down, from the installed metadata."""
    seen: dict[str, Component] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = Component(dist.metadata["Name"], dist.version, _licence_of(dist))
        todo += _requirement_names(dist)
    return sorted(seen.values(), key=lambda c: c.name.lower())


def components() -> list[Component]:
    """The list written at build time when there is one, else the installed metadata."""
    for folder in licence_dirs():
        listed = folder / LIST_NAME
        if listed.is_file():
            rows = []
            for line in listed.read_text(encoding="utf-8").splitlines():
                parts = line.split("\t")
                if len(parts) == 3:
                    rows.append(Component(*parts))
            return rows
    return installed()


def texts() -> dict[str, str]:
    """The licence texts that travel with the program, by file name."""
    found: dict[str, str] = {}
    for folder in licence_dirs():
        if folder.is_dir():
            for path in sorted(folder.glob("*.txt")):
                if path.name != LIST_NAME:
                    found[path.name] = path.read_text(encoding="utf-8")
    return found


def write_list(folder: Path) -> Path:
    """``third-party.txt`` (name, version, licence; tab-separated) for the bundle."""
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / LIST_NAME
    lines = [f"{c.name}\t{c.version}\t{c.licence}" for c in installed()]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out
