"""Keep the English interface in step with the Indonesian source.

``uv run python -m tools.i18n update``  collects every translatable string of ui/ into
                                        resources/i18n/puskesos_en.ts (pyside6-lupdate; the
                                        translations already written are kept)
``uv run python -m tools.i18n release`` builds resources/i18n/puskesos_en.qm (pyside6-lrelease)
``uv run python -m tools.i18n check``   lists what is untranslated or has lost a {field}

Translate in Qt Linguist (``pyside6-linguist resources/i18n/puskesos_en.ts``) or in the XML.
The command line (ui/cli*.py) stays Indonesian, like kiosk/'s messages.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "puskesos_en.ts"
QM = TS.with_suffix(".qm")
FIELD = re.compile(r"\{[^{}]*\}")


def ui_sources() -> list[Path]:
    """Every module of the window (not the command line)."""
    return sorted(p for p in (ROOT / "ui").rglob("*.py") if not p.name.startswith("cli"))


def tool(name: str) -> str:
    """The PySide6 tool beside this interpreter (the project's environment)."""
    found = Path(sys.executable).with_name(name)
    return str(found) if found.exists() else name


def update() -> None:
    files = [str(p.relative_to(ROOT)) for p in ui_sources()]
    args = ["-source-language", "id_ID", "-target-language", "en", "-no-obsolete"]
    subprocess.run(
        [tool("pyside6-lupdate"), *files, *args, "-locations", "none", "-ts", str(TS)],
        cwd=ROOT,
        check=True,
    )


def release(target: Path = QM) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(target)], cwd=ROOT, check=True)


def problems(ts: Path = TS) -> list[str]:
    """Messages without an English text, or whose {fields} differ from the source's."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            node = message.find("translation")
            text = node.text if node is not None else None
            if node is None or node.get("type") in ("unfinished", "vanished", "obsolete"):
                out.append(f"{name}: not translated: {source!r}")
            elif sorted(FIELD.findall(source)) != sorted(FIELD.findall(text or "")):
                out.append(f"{name}: fields differ: {source!r} -> {text!r}")
    return out


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "release":
        release()
    found = problems()
    for line in found:
        print(line)
    return 1 if found and command == "check" else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
