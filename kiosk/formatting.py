"""Numbers and dates as Indonesians write them: 20.000, 5,2, 3 Desember 2026.

One module, backed by Babel's CLDR data for ``id_ID`` rather than hand-made replacements, so
the screen, the paper and the command line agree (the Qt pages may use QLocale, which reads the
same CLDR rules).
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "id_ID"


def angka(value: int | float) -> str:
    """A count with thousands dots: ``20.000``."""
    return format_decimal(value, format="#,##0", locale=LOCALE)


def desimal(value: float, places: int = 1) -> str:
    """A decimal with a comma: ``5,2``."""
    pattern = "#,##0." + "0" * places if places else "#,##0"
    return format_decimal(value, format=pattern, locale=LOCALE)


def tanggal_panjang(day: date, with_weekday: bool = False) -> str:
    """``3 Desember 2026``, or ``Kamis, 3 Desember 2026``."""
    return format_date(day, format="EEEE, d MMMM y" if with_weekday else "d MMMM y", locale=LOCALE)
