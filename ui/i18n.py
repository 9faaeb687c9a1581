"""The interface's language. Indonesian is the source language: every user-visible string in
ui/ is written in Indonesian inside ``translate(context, text)`` (or marked with
``QT_TRANSLATE_NOOP`` where a table holds it), ``pyside6-lupdate`` collects them into
``resources/i18n/puskesos_en.ts``, and ``pyside6-lrelease`` builds the ``.qm`` the window loads
when the officer chooses English (*Tampilan* page). Messages from kiosk/ (refusals, the audit's
words) stay Indonesian: they are data the office keeps.

Text with values is written with numbered fields, ``translate("ctx", "Disimpan: {0}").format(x)``,
so a translation may put the value where its language wants it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from kiosk.regions import RESOURCES

if TYPE_CHECKING:  # the early log-in window imports this module: no database layer yet
    from kiosk.services.reference import Choice

I18N_DIR = RESOURCES / "i18n"
LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
SOURCE = "id"

_installed: list[QTranslator] = []  # kept alive: Qt holds translators by pointer only


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` without translating it now: for tables
    built at import, translated with :func:`translate` where they are shown."""
    return text


def translate(context: str, text: str) -> str:
    """``text`` (Indonesian) in the chosen language; unchanged when Indonesian is chosen or
    the translation is missing (the officer still reads a sentence, never a key)."""
    return QCoreApplication.translate(context, text)


def translated(context: str, options: tuple[Choice, ...]) -> tuple[Choice, ...]:
    """A table of choices marked with ``QT_TRANSLATE_NOOP``, in the chosen language now."""
    return tuple(replace(c, label=translate(context, c.label)) for c in options)


def qm_path(code: str) -> str:
    return str(I18N_DIR / f"puskesos_{code}.qm")


def qt_catalogue(code: str) -> str | None:
    """Qt's own catalogue for ``code`` (the print and file dialogs' buttons), from the
    translations PySide6 ships; None when it ships none (it has no Indonesian one as of
    PySide6 6.x: those dialogs then stay in Qt's English)."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    found = folder / f"qtbase_{code}.qm"
    return str(found) if found.is_file() else None


def _install(app: QCoreApplication, path: str) -> bool:
    translator = QTranslator(app)
    if not translator.load(path):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def apply_language(app: QCoreApplication, code: str) -> bool:
    """Use ``code`` from now on (widgets built afterwards show it), with Qt's own catalogue
    for it where one exists. False when the window's file is missing or unreadable: the
    interface stays Indonesian."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if code not in LANGUAGES:
        return False
    qt_own = qt_catalogue(code)
    if qt_own is not None:
        _install(app, qt_own)
    return code == SOURCE or _install(app, qm_path(code))
