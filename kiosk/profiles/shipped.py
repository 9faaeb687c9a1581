"""The profiles shipped with the kiosk: one per seed regulation and the neutral default."""

from __future__ import annotations

import json
from functools import cache

from kiosk.profiles.document import PROFILE_DIR, Profile

DEFAULT = "umum"  # the neutral default: the kiosk's own reading, every value an office's choice


@cache
def shipped() -> dict[str, Profile]:
    """Shipped profiles by name (a broken file is a packaging fault: it raises)."""
    found = {}
    for path in sorted(PROFILE_DIR.glob("*.json")):
        if path.name != "schema.json":
            profile = Profile.parse(json.loads(path.read_text(encoding="utf-8")))
            found[profile.name] = profile
    return found


def default_profile() -> Profile:
    return shipped()[DEFAULT]
