"""Words for the kabupaten's papan: the kiosk's own (its fixed words and its shipped reference
lists), so a code reads the same at the counter and at the kabupaten; kecamatan names from the
Kemendagri region list the kiosk ships."""

from __future__ import annotations

import json
from functools import cache

from kiosk.regions import RESOURCES, region_book
from kiosk.reports.dimensions import DIMENSIONS, UNKNOWN
from kiosk.reports.panels import STATUS_WORDS


@cache
def _lists() -> dict[str, dict[str, str]]:
    found = json.loads((RESOURCES / "reference" / "lists.json").read_text(encoding="utf-8"))
    out = {name: {i["code"]: i["label"] for i in items} for name, items in found["lists"].items()}
    catalogue = json.loads((RESOURCES / "reference" / "programmes.json").read_text("utf-8"))
    out["program"] = {p["code"]: p["code"] for p in catalogue["programmes"]}
    out["status"] = {str(k): v for k, v in STATUS_WORDS.items()}
    return out


@cache
def dimension_words(dimension: str) -> dict[str, str]:
    """Stored value -> words for one disaggregation."""
    dim = DIMENSIONS[dimension]
    words = {UNKNOWN: "Tidak diketahui"}
    words.update(_lists().get(dim.reference or "", {}))
    words.update(dim.fixed or {})
    return words


def kecamatan_name(code: str) -> str:
    """``Kec. Kaliwungu (332401)``; the code alone when the list does not know it."""
    found = region_book().district(code) if code.isdigit() and len(code) == 6 else None
    return f"Kec. {found.name.title()} ({code})" if found else code
