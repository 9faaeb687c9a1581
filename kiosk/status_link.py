"""The receipt's QR: a link to the kabupaten's public status page, with a check code.

Tracking numbers are sequential, so a link holding only the number would let anyone read every
case's status in turn. Each case gets a short check code drawn from :mod:`secrets` when it is
recorded; it goes upstream with the case and is printed only inside the QR. Without a kabupaten
server (not enrolled) the QR holds the bare number, as before; a QR read back at the counter
gives its number either way.
"""

from __future__ import annotations

import re
import secrets
from urllib.parse import quote

# No 0/O, 1/I/L: read aloud over the phone if it must be. 31 symbols, 8 of them: 40 bits.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 8
_LINK = re.compile(r"/status/([^/?#]+)")


def new_check_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def status_link(base_url: str | None, tracking_number: str, check_code: str | None) -> str:
    """What the QR holds: the status page's address, or the number alone."""
    if not base_url or not check_code:
        return tracking_number
    return f"{base_url.rstrip('/')}/status/{quote(tracking_number, safe='')}?k={check_code}"


def number_from_scan(text: str) -> str:
    """The tracking number in a scanned QR (a status link or the number itself)."""
    found = _LINK.search(text)
    return found.group(1) if found else text
