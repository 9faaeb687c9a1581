"""The sentence the display board says when a ticket is called.

Text-to-speech engines read "A123" as letters and digits ("a satu dua tiga"), so the sentence
is built here, in words, the way a person at the counter would call it:
"Nomor antrian A, seratus dua puluh tiga, silakan ke loket satu". The template is a setting;
the same sentence is shown on screen for visitors who cannot hear it.
"""

from __future__ import annotations

import re

DEFAULT_TEMPLATE = "Nomor antrian {huruf}, {angka}, silakan ke {loket}"
_LABEL = re.compile(r"^\s*([A-Za-z]*)\s*0*(\d+)\s*$")


def number_words(n: int) -> str:
    """Indonesian words for ``n`` ("seratus dua puluh tiga")."""
    from num2words import num2words  # loaded with the board, not with the window

    return str(num2words(n, lang="id"))


def spoken_counter(counter_label: str) -> str:
    """ "Loket 2" -> "loket dua": digits become words, the rest is kept."""
    return re.sub(r"\d+", lambda m: number_words(int(m.group())), counter_label).lower()


def announcement(label: str, counter_label: str, template: str = DEFAULT_TEMPLATE) -> str:
    """The call for ticket ``label`` to ``counter_label``; a bad template falls back safely."""
    m = _LABEL.match(label)
    letter, number = (m.group(1).upper(), int(m.group(2))) if m else ("", 0)
    values = {
        "huruf": letter,
        "angka": number_words(number) if m else label,
        "nomor": label,
        "loket": spoken_counter(counter_label),
    }
    try:
        text = (template or DEFAULT_TEMPLATE).format(**values)
    except (KeyError, IndexError, ValueError):
        text = DEFAULT_TEMPLATE.format(**values)
    return re.sub(r"\s+,", ",", re.sub(r"\s{2,}", " ", text)).strip(" ,")
