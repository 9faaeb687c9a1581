"""What the core says to the officer, marked for a later translation.

Refusals and errors from kiosk/ stay Indonesian: they are data the office keeps (the audit
stores them, the kabupaten reads them) and the officer acts on. Each is written once, where
its rule lives, inside ``_()``; ``uv run python -m tools.i18n kiosk`` collects them all into
``resources/i18n/kiosk.pot``, the gettext catalogue a translator opens with any PO editor.
Values go in numbered fields, ``_("Program {0} tidak ada di katalog.").format(code)``, so a
translation can move them.

``_`` returns its text unchanged today; a translated kiosk would swap in gettext here.
"""

from __future__ import annotations


def _(text: str) -> str:
    """Mark ``text`` as a message of the core (see the module's docstring)."""
    return text
