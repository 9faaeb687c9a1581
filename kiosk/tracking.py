"""Tracking numbers as citizens hold them: read however they were written, shortened to read
out. Used by the status lookup and by the printed slips."""

from __future__ import annotations

import re


def normalise_tracking(text: str) -> str:
    """What an officer typed or a scanner read (the receipt's QR holds the tracking number),
    as letters and digits only: dashes, dots, spaces and case do not matter."""
    # A URL or "LACAK:…" from another kiosk version: the number is the last part.
    last = re.split(r"[/=:?#]", text.strip().upper().rstrip("/"))[-1]
    return re.sub(r"[^0-9A-Z]", "", last)


SHORT_FORM = re.compile(r"^\s*(\d{4})\s*[-. ]?\s*(\d{1,5})\s*$")


def short_tracking(number: str) -> str:
    """``2611-00012``: the month and serial, what a citizen reads out; the office is implied."""
    return "-".join(number.rsplit("-", 2)[-2:])
