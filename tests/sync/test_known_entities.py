"""Every kind of record the kiosk sends upstream is one the server files.

The server refused ``entity_type ppks tidak dikenal`` (and the same for ranking lists and, until
recently, data-update proposals): the kiosk quarantined each one, so a PPKS recorded at the
counter never reached the kabupaten. The kiosk's kinds are read from its services' own calls to
``journal.record`` with a payload (the one way a change is queued upstream), so a new kind that
the server does not know fails here, not in a village.
"""

from __future__ import annotations

import ast
from pathlib import Path

from kabupaten.store import KNOWN_ENTITIES

ROOT = Path(__file__).resolve().parents[2]


def _queued_kinds() -> dict[str, str]:
    kinds: dict[str, str] = {}
    for path in (ROOT / "kiosk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            args = node.args
            if name != "record" or len(args) < 5 or not isinstance(args[3], ast.Constant):
                continue
            payload = args[5] if len(args) > 5 else None
            payload = payload or next((k.value for k in node.keywords if k.arg == "payload"), None)
            if payload is not None and not (
                isinstance(payload, ast.Constant) and payload.value is None
            ):
                kinds[str(args[3].value)] = str(path.relative_to(ROOT))
    return kinds


def test_the_scan_finds_the_kinds_it_should():
    kinds = _queued_kinds()
    assert {"case", "person", "referral", "ppks"} <= set(kinds)


def test_the_server_files_every_kind_the_kiosk_sends():
    unknown = {k: where for k, where in _queued_kinds().items() if k not in KNOWN_ENTITIES}
    assert unknown == {}
