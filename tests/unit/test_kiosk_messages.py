"""The core's messages to the officer are marked with kiosk.messages._ where their rule lives,
and resources/i18n/kiosk.pot (the catalogue a translator opens) lists every one of them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tools import i18n

ROOT = Path(__file__).resolve().parents[2]
# What the officer is told; NotPlain (the Arrow road's own signal to fall back) is never shown.
REFUSALS = re.compile(
    r"(Error|NotFound|Conflict|PermissionDenied|Rejected|PossibleDuplicate|"
    r"NeedsConfirmation|StorageFull|ImportCancelled)$"
)


def _words(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(_words(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _words(node.left) or _words(node.right)
    return False


def unmarked(path: Path, root: Path = ROOT) -> list[str]:
    """Refusals raised with their words written in place instead of inside ``_()``."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and node.args:
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            if REFUSALS.search(name) and _words(node.args[0]):
                out.append(f"{path.relative_to(root)}:{node.lineno} {name}")
    return out


def test_every_refusal_of_the_core_is_marked():
    found = [
        line
        for p in sorted((ROOT / "kiosk").rglob("*.py"))
        if "migrations" not in p.parts
        for line in unmarked(p)
    ]
    assert found == [], "wrap the message in _() from kiosk.messages:\n" + "\n".join(found)


def test_the_checker_sees_a_bare_message(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text(
        'raise ValidationError("Pilih program.")\nraise NotFound(f"Kasus {n} hilang")\n'
        'raise Conflict(_("Sudah."))\nraise Conflict(f"{n}")\n',
        encoding="utf-8",
    )
    found = [line.split()[-1] for line in unmarked(probe, tmp_path)]
    assert found == ["ValidationError", "NotFound"]


def test_the_catalogue_is_current():
    assert i18n.POT.read_text(encoding="utf-8") == i18n.pot_text(), (
        "run: uv run python -m tools.i18n kiosk"
    )
    assert len(i18n.kiosk_messages()) > 150
