"""The shell's pages in menu order, as classes: key, label, the permission that shows it.

Importing this imports every page's module: ui/first_paint.py's loader does so on its worker
thread behind the painted log-in form, never on the window's thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from kiosk.roles import Perm
from kiosk.services.actor import Actor
from ui.env import UiEnv
from ui.i18n import QT_TRANSLATE_NOOP
from ui.pages.about import AboutPage
from ui.pages.access_guides import AccessGuidesPage
from ui.pages.approvals import ApprovalsPage
from ui.pages.audit import AuditPage
from ui.pages.backups import BackupPage
from ui.pages.case_status import CaseStatusPage
from ui.pages.cases import CasesPage
from ui.pages.data_updates import DataUpdatesPage
from ui.pages.display import DisplayPage
from ui.pages.dtks_import import DtksImportPage
from ui.pages.home import HomePage
from ui.pages.officers import OfficersPage
from ui.pages.papan import PapanPage
from ui.pages.person import PersonPage
from ui.pages.person_rights import PersonRightsPage
from ui.pages.ppks import PpksPage
from ui.pages.prelist import PrelistPage
from ui.pages.printer import PrinterPage
from ui.pages.profiles import ProfilesPage
from ui.pages.programme_info import ProgrammeInfoPage
from ui.pages.programmes import ProgrammesPage
from ui.pages.queue_calls import QueueCallPage
from ui.pages.ranking import RankingPage
from ui.pages.sync_page import SyncPage
from ui.walkin.page import WalkInPage

__all__ = ["PAGES", "AboutPage", "DisplayPage", "HomePage"]

# A page class of the table takes (env, actor); home, display and about are built by the shell.
PageClass = Callable[[UiEnv, Actor], QWidget]
PAGES: list[tuple[str, str, Perm | None, PageClass]] = [
    (
        "front",
        QT_TRANSLATE_NOOP("shell", "Antrian dan pendaftaran"),
        Perm.CAPTURE_COMPLAINT,
        WalkInPage,
    ),
    ("queue", QT_TRANSLATE_NOOP("shell", "Panggilan antrian"), Perm.CALL_QUEUE, QueueCallPage),
    ("status", QT_TRANSLATE_NOOP("shell", "Cek status"), Perm.VIEW_CASE, CaseStatusPage),
    ("cases", QT_TRANSLATE_NOOP("shell", "Kasus"), Perm.WORK_CASE, CasesPage),
    ("person", QT_TRANSLATE_NOOP("shell", "Profil warga"), Perm.CHECK_DTKS, PersonPage),
    ("approvals", QT_TRANSLATE_NOOP("shell", "Persetujuan"), None, ApprovalsPage),
    ("sync", QT_TRANSLATE_NOOP("shell", "Sinkronisasi"), Perm.RUN_SYNC, SyncPage),
    ("officers", QT_TRANSLATE_NOOP("shell", "Petugas"), Perm.MANAGE_OFFICERS, OfficersPage),
    ("dtks", QT_TRANSLATE_NOOP("shell", "Data DTKS"), Perm.IMPORT_DTKS, DtksImportPage),
    ("printer", QT_TRANSLATE_NOOP("shell", "Printer"), Perm.PRINT, PrinterPage),
    ("backup", QT_TRANSLATE_NOOP("shell", "Cadangan data"), Perm.MANAGE_BACKUP, BackupPage),
    ("audit", QT_TRANSLATE_NOOP("shell", "Jejak audit"), Perm.VIEW_AUDIT, AuditPage),
    ("rights", QT_TRANSLATE_NOOP("shell", "Hak data warga"), Perm.EXPORT_PERSON, PersonRightsPage),
    ("prelist", QT_TRANSLATE_NOOP("shell", "Usulan DTKS"), Perm.VIEW_REPORTS, PrelistPage),
    ("papan", QT_TRANSLATE_NOOP("shell", "Papan visual"), Perm.VIEW_REPORTS, PapanPage),
    ("ppks", QT_TRANSLATE_NOOP("shell", "PPKS"), Perm.REGISTER_PERSON, PpksPage),
    ("updates", QT_TRANSLATE_NOOP("shell", "Pemutakhiran"), Perm.VIEW_CASE, DataUpdatesPage),
    ("ranking", QT_TRANSLATE_NOOP("shell", "Peringkat calon"), Perm.VIEW_REPORTS, RankingPage),
    ("programme_info", QT_TRANSLATE_NOOP("shell", "Program bantuan"), None, ProgrammeInfoPage),
    (
        "programmes",
        QT_TRANSLATE_NOOP("shell", "Katalog program"),
        Perm.MANAGE_REFERENCE,
        ProgrammesPage,
    ),
    (
        "akses",
        QT_TRANSLATE_NOOP("shell", "Panduan disabilitas"),
        Perm.MANAGE_REFERENCE,
        AccessGuidesPage,
    ),
    ("profil", QT_TRANSLATE_NOOP("shell", "Profil daerah"), Perm.MANAGE_SITE, ProfilesPage),
]
