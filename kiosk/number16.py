"""The 16-digit numbers (NIK and No. KK): one parser and one rule table.

The counter's checks (``kiosk.identity``), both DTKS import roads, the searches and the window
all read a number through :func:`parse`, so a number typed at the counter and the same number
read from a file get the same answer. Each caller words the problem for its own reader (a
verdict for the officer, a rejection reason in the import report) from :class:`Problem`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

LENGTH = 16
ZERO_SERIAL = "0000"  # no NIK or No. KK has it; a spreadsheet that rounded the number does
SCIENTIFIC = re.compile(r"^\s*\d(?:[.,]\d+)?\s*[eE]\s*\+?\s*\d+\s*$")  # 3,32402E+15
# Spaces, dots and dashes as officers group the digits; Excel's leading apostrophe.
SEPARATORS = re.compile(r"[\s.\-']")
# The common case that needs no parsing (fullmatch): the bulk import checks whole columns
# against it and parses only the cells it does not match.
CLEAN = re.compile(r"[0-9]{12}(?!0000)[0-9]{4}")


class Problem(StrEnum):
    """What can be wrong with a number, in the order the rules are tried."""

    EMPTY = "kosong"
    SCIENTIFIC = "notasi_ilmiah"
    NOT_DIGITS = "bukan_angka"
    LENGTH = "panjang"
    ZERO_SERIAL = "nomor_urut"


@dataclass(frozen=True, slots=True)
class Parsed:
    """``digits`` holds the 16 digits whenever the number has their shape, even with a zero
    serial (a search may still look for it; a check refuses it)."""

    text: str
    digits: str | None
    problem: Problem | None
    length: int  # how many characters were left after the separators went

    @property
    def ok(self) -> bool:
        return self.problem is None


def ascii_digits(text: str) -> bool:
    """Only 0-9: ``str.isdigit`` also accepts "²" and Arabic-Indic digits (see
    :func:`western_digits`, which turns the latter into 0-9 first)."""
    return text.isascii() and text.isdigit()


def western_digits(text: str) -> str:
    """``text`` with every decimal digit of another script (Arabic-Indic ٣٣٢٤, Persian ۳۳۲۴,
    full-width ３３２４ from a phone keyboard set to Arabic or Japanese) written as 0-9. They
    are the same number; refusing them asked the officer to retype what was right. Superscripts
    ("³") are not decimal digits and stay, to be refused."""
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(c)) if not c.isascii() and c.isdecimal() else c for c in text
    )


def parse(raw: str) -> Parsed:
    """Read a NIK or No. KK as typed or as a spreadsheet wrote it."""
    text = western_digits(raw.strip())
    if len(text) == LENGTH and text.isascii() and text.isdigit():  # as typed, most of the time
        zero = text[12:] == ZERO_SERIAL
        return Parsed(text, text, Problem.ZERO_SERIAL if zero else None, LENGTH)
    if not text:
        return Parsed(text, None, Problem.EMPTY, 0)
    if SCIENTIFIC.match(text):
        return Parsed(text, None, Problem.SCIENTIFIC, 0)
    digits = SEPARATORS.sub("", text)
    if not ascii_digits(digits):
        return Parsed(text, None, Problem.NOT_DIGITS, len(digits))
    if len(digits) != LENGTH:
        return Parsed(text, None, Problem.LENGTH, len(digits))
    if digits[12:] == ZERO_SERIAL:
        return Parsed(text, digits, Problem.ZERO_SERIAL, LENGTH)
    return Parsed(text, digits, None, LENGTH)


def digits16(raw: str) -> str | None:
    """The 16 digits a search names, or None for a name (a query is never refused)."""
    return parse(raw).digits


def typed_digits(raw: str) -> str | None:
    """The digits of something that is all digits and separators, however many (the window
    puts them in the NIK box, not the name box); None for a name."""
    digits = SEPARATORS.sub("", western_digits(raw.strip()))
    return digits if digits and ascii_digits(digits) else None
