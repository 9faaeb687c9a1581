"""Text that survives a cheap thermal printer's code page, laid out in its columns."""

from __future__ import annotations

import textwrap
import unicodedata

_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\u00a0": " ",
        "\u2022": "*",
        "\u00b7": "-",
    }
)


def printable(text: str) -> str:
    """Fold to plain ASCII: curly quotes and dashes straightened, accents dropped (é → e).

    Cheap 58 mm printers ship with PC437 and profiles that lie about other code pages; plain
    ASCII prints the same everywhere, and Indonesian needs nothing beyond it.
    """
    text = text.translate(_TYPOGRAPHY)
    folded = unicodedata.normalize("NFKD", text)
    out = "".join(c for c in folded if not unicodedata.combining(c))
    return out.encode("ascii", "replace").decode("ascii")


def wrap(text: str, width: int) -> list[str]:
    """Word-wrap ``text`` to ``width`` columns; keeps explicit line breaks."""
    lines: list[str] = []
    for para in printable(text).splitlines() or [""]:
        lines.extend(textwrap.wrap(para, width) or [""])
    return lines


def two_columns(left: str, right: str, width: int) -> str:
    """``left ....... right`` on one line (label and value)."""
    left, right = printable(left), printable(right)
    space = width - len(left) - len(right)
    if space < 1:
        return f"{left}\n{right.rjust(width)}"
    return left + " " * space + right
