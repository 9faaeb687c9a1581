"""The back office's inbox: cases by desk, the full record, and the next steps for each.

Emergencies come first and are flagged; due dates count village working days and show as on
track, at risk or overdue. The buttons offered are the moves the rules allow from the case's
status; the services check again.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kiosk import case_rules as rules
from kiosk.case_actions import CaseAction
from kiosk.changes import Kind
from kiosk.clock import tanggal
from kiosk.services.actor import Actor
from kiosk.services.case_views import CaseView, case_detail
from kiosk.services.cases import CaseRow, add_note, case_inbox, move_case
from kiosk.services.documents import issue_letter
from kiosk.services.reference import Choice, choices
from ui import pdf_output, words
from ui.dialogs import Field, FormDialog
from ui.env import UiEnv
from ui.forms import NO_CHOICE, chosen, clear_layout, show_error
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.ops import Op
from ui.pages.base import Page
from ui.pages.case_community import CommunityActions
from ui.pages.case_dialogs import CaseDialogs
from ui.pages.case_html import case_html
from ui.row_model import RowTableModel

ALL = QT_TRANSLATE_NOOP("cases", "(semua)")


# The words on each button, with the Alt+letter the officer presses (the core decides which).
_TEXTS = {
    "review": QT_TRANSLATE_NOOP("cases", "Mulai t&elaah"),
    "work": QT_TRANSLATE_NOOP("cases", "&Proses"),
    "resolve": QT_TRANSLATE_NOOP("cases", "Ajukan pe&nyelesaian…"),
    "refer": QT_TRANSLATE_NOOP("cases", "&Rujuk…"),
    "product": QT_TRANSLATE_NOOP("cases", "Produk la&yanan…"),
    "resubmit": QT_TRANSLATE_NOOP("cases", "Ajukan &ulang rujukan…"),
    "sign": QT_TRANSLATE_NOOP("cases", "Catat tanda tan&gan…"),
    "hand_over": QT_TRANSLATE_NOOP("cases", "Serahkan produk"),
    "print_product": QT_TRANSLATE_NOOP("cases", "Cetak produk layanan"),
    "reject": QT_TRANSLATE_NOOP("cases", "Tidak dapat &dipenuhi…"),
    "notice": QT_TRANSLATE_NOOP("cases", "Catat pemberitahuan ke &warga…"),
    "print_status": QT_TRANSLATE_NOOP("cases", "Cetak surat pemberitahuan"),
    "print_referral": QT_TRANSLATE_NOOP("cases", "Cetak surat rujukan"),
    "close": QT_TRANSLATE_NOOP("cases", "Tutup kasu&s"),
    "reopen": QT_TRANSLATE_NOOP("cases", "&Buka kembali…"),
    "note": QT_TRANSLATE_NOOP("cases", "Catatan ana&lisis…"),
    "stage": QT_TRANSLATE_NOOP("cases", "Ta&hapan Depok…"),
    "add_households": QT_TRANSLATE_NOOP("cases", "Tam&bah keluarga terdampak…"),
}


class CasesPage(Page):
    """Ctrl+F search, Enter opens the chosen case, F5 reloads; a case recorded or moved
    anywhere (the counter, an approval) is in the list when the page is next looked at."""

    shows = frozenset({Kind.CASES, Kind.REFERRALS, Kind.APPROVALS})

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(env, actor, "cases_page", parent)
        self.view: CaseView | None = None
        self.lists: dict[str, list[Choice]] = {}
        self.dialogs = CaseDialogs(self)  # the decisions' dialogs
        self.communities = CommunityActions(self)  # a community's case, its households

        title = self.title_label(translate("cases", "Kasus"))
        self.community = QPushButton(translate("cases", "Kasus k&omunitas baru…"))
        self.community.setObjectName("case_community")
        self.community.setToolTip(
            translate(
                "cases",
                "Satu kasus untuk satu komunitas (mis. warga terdampak banjir), "
                "keluarganya dilampirkan",
            )
        )
        self.community.clicked.connect(self.communities.open_community)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.community)
        filters = self._filters()
        self._list_and_detail()
        split = self._split(filters)
        self.done = QLabel()
        self.done.setObjectName("case_done")
        self.done.setWordWrap(True)
        self.done.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.done)
        layout.addWidget(split, 1)
        QShortcut(QKeySequence("Ctrl+F"), self, self.search.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.load)
        self.first_field = self.search
        self.env.op(self, self._load_lists).success(self._got_lists).failure(self._failed).run()

    def _filters(self) -> QGridLayout:
        """Desk, status, deadline and a search box above the list."""
        self.desk = QComboBox()
        self.desk.setObjectName("filter_desk")
        self.desk.setAccessibleName(translate("cases", "Saring menurut meja"))
        self.status = QComboBox()
        self.status.setObjectName("filter_status")
        self.status.setAccessibleName(translate("cases", "Saring menurut status"))
        self.status.addItem(translate("cases", ALL), NO_CHOICE)
        for code in rules.STATUS_LABELS:
            self.status.addItem(words.status(code), code)
        self.health = QComboBox()
        self.health.setObjectName("filter_health")
        self.health.setAccessibleName(translate("cases", "Saring menurut tenggat"))
        self.health.addItem(translate("cases", ALL), NO_CHOICE)
        for code in (rules.OVERDUE, rules.AT_RISK, rules.ON_TRACK):
            self.health.addItem(words.health(code), code)
        self.search = QLineEdit()
        self.search.setObjectName("case_search")
        self.search.setPlaceholderText(translate("cases", "Nomor lacak, NIK atau nama"))
        self.search.setAccessibleName(translate("cases", "Cari kasus"))
        self.search.returnPressed.connect(self.load)
        for combo in (self.desk, self.status, self.health):
            combo.currentIndexChanged.connect(lambda _i: self.load())
            # A long desk name must not widen the page past a laptop's screen.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        filters = QGridLayout()
        for i, (text, widget) in enumerate(
            (
                (translate("cases", "&Meja"), self.desk),
                (translate("cases", "S&tatus"), self.status),
                (translate("cases", "Tengg&at"), self.health),
                (translate("cases", "&Cari"), self.search),
            )
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            filters.addWidget(caption, i // 2, (i % 2) * 2)
            filters.addWidget(widget, i // 2, (i % 2) * 2 + 1)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        return filters

    def _list_and_detail(self) -> None:
        self.model: RowTableModel[CaseRow] = RowTableModel(
            (
                "",
                translate("cases", "Nomor lacak"),
                translate("cases", "Warga"),
                translate("cases", "Status"),
                translate("cases", "Tenggat"),
                translate("cases", "Batas"),
                translate("cases", "Meja"),
            ),
            self._cells,
            self,
        )
        # Number, citizen, status, deadline and desk show whole; the due date gives way.
        self.table, self.columns = self.make_table(
            self.model,
            "case_table",
            translate("cases", "Daftar kasus"),
            (0, 1, 2, 3, 4, 6),
            wrap=(2, 3, 4, 6),
        )
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.count = QLabel("")

        self.detail = QTextBrowser()
        self.detail.setObjectName("case_detail")
        self.detail.setAccessibleName(translate("cases", "Rincian kasus"))
        self.actions_box = QWidget()
        self.action_grid = QGridLayout(self.actions_box)
        self.buttons: dict[str, QPushButton] = {}

    def _split(self, filters: QGridLayout) -> QSplitter:
        """The list with its filters above, the case opened below it (the text, its actions
        beside it). The list keeps the window's whole width for its columns, and the case's
        pane is hidden until a case is opened: an empty pane takes no room."""
        left = QWidget()
        self.left_pane = left
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(filters)
        lv.addWidget(self.table, 1)
        lv.addWidget(self.count)
        right = QWidget()
        beside = QHBoxLayout()
        beside.addWidget(self.detail, 1)
        side = QVBoxLayout()
        side.addWidget(self.actions_box)
        side.addStretch(1)
        beside.addLayout(side)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addLayout(beside, 1)
        rv.addWidget(self.error)
        self.detail.setMinimumWidth(240)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(left)
        split.addWidget(right)
        self.right_pane = right
        right.hide()
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        self.split = split
        return split

    # --- loading ---------------------------------------------------------------------------

    @staticmethod
    def _load_lists(session: Any) -> dict[str, list[Choice]]:
        return {
            name: choices(session, name)
            for name in ("meja_layanan", "tujuan_rujukan", "produk_layanan", "cara_pemberitahuan")
        }

    def _got_lists(self, lists: dict[str, list[Choice]]) -> None:
        self.lists = lists
        self.desk.blockSignals(True)
        self.desk.addItem(translate("cases", ALL), NO_CHOICE)
        for c in lists["meja_layanan"]:
            self.desk.addItem(c.label, c.code)
        self.desk.blockSignals(False)
        self.load()

    def _cells(self, r: CaseRow) -> tuple[str, ...]:
        return (
            translate("cases", "DARURAT") if r.emergency and r.status in rules.OPEN else "",
            r.tracking_number,
            translate("cases", "(rahasia)") if r.sensitive else r.name,
            words.status(r.status),
            words.health(r.health),
            tanggal(r.due_on) if r.due_on else "-",
            r.desk_label,
        )

    def reading(self) -> Op[list[CaseRow]]:
        return self.env.op(
            self,
            case_inbox,
            self.actor,
            chosen(self.desk),
            chosen(self.status),
            chosen(self.health),
            self.search.text(),
            False,
            self.env.clock,
        )

    def loaded(self, rows: list[CaseRow]) -> None:
        keep = self.view.id if self.view else None
        self.model.set_rows(rows)
        self.count.setText(translate("cases", "{0} kasus.").format(len(rows)))
        for i, r in enumerate(rows):
            if r.id == keep:
                self.table.selectRow(i)
                break

    def _selected(self, _sel: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.open_case(self.model.row(rows[0].row()).id)

    def open_case(self, case_id: uuid.UUID) -> None:
        self.env.op(self, case_detail, self.actor, case_id, self.env.clock).success(
            self.show_case
        ).failure(self._failed).run()

    def show_case(self, view: CaseView) -> None:
        self.view = view
        show_error(self.error, "")
        self.detail.setHtml(case_html(view, self.env.clock))
        if self.right_pane.isHidden():  # the first case opened: the list gives room to it
            self.right_pane.show()
            whole = sum(self.split.sizes())
            self.split.setSizes([whole // 2, whole - whole // 2])
        self._build_actions(view)

    # --- actions ---------------------------------------------------------------------------

    def _build_actions(self, v: CaseView) -> None:
        clear_layout(self.action_grid)
        self.buttons = {}
        for a in v.actions:
            button = QPushButton(translate("cases", _TEXTS[a.key]))
            button.setObjectName(f"case_{a.key}")
            button.clicked.connect(self._slot(a))
            self.buttons[a.key] = button
        widest = max((b.sizeHint().width() for b in self.buttons.values()), default=0)
        # Beside the case's text: two buttons a row when there are many and the text keeps
        # half the width; one a row otherwise (large text): every button's words show.
        shown = self.parentWidget()  # the scroll area's viewport: the width the screen gives
        screen = shown.width() if shown is not None else self.width()
        many = len(self.buttons) > 4
        columns = 2 if many and 2 * (2 * widest + 24) <= screen else 1
        for i, button in enumerate(self.buttons.values()):
            self.action_grid.addWidget(button, i // columns, i % columns)

    def _slot(self, a: CaseAction) -> Callable[[], None]:
        """The window's handler for an action the core offers (it only asks and calls)."""
        subject = a.subject_id
        slots: dict[str, Callable[[], None]] = {
            "review": lambda: self.move_to(rules.REVIEW),
            "work": lambda: self.move_to(rules.IN_PROGRESS),
            "resolve": self.dialogs.propose_resolution,
            "refer": self.dialogs.refer,
            "product": self.dialogs.draft_product,
            "resubmit": self.dialogs.resubmit,
            "reject": lambda: self.move_to(rules.REJECTED),
            "notice": self.dialogs.notice,
            "close": lambda: self.move_to(rules.CLOSED),
            "reopen": lambda: self.move_to(rules.IN_PROGRESS),
            "note": self.note,
            "stage": self.communities.advance_stage,
            "add_households": self.communities.add_households,
        }
        if subject is not None:
            slots |= {
                "sign": partial(self.dialogs.sign, subject),
                "hand_over": partial(self.dialogs.hand_over, subject),
                "print_product": partial(self.print_letter, "produk_layanan", subject),
                "print_referral": partial(self.print_letter, "surat_rujukan", subject),
            }
        elif self.view is not None:
            slots["print_status"] = partial(self.print_letter, "surat_pemberitahuan", self.view.id)
        return slots[a.key]

    def widget(self) -> QWidget:
        """The page, as the parent of the dialogs its composed parts open."""
        return self

    def run_action(self, service: Any, *args: Any) -> None:
        """Run a case action, then show the case and the list as they now are."""
        assert self.view is not None
        case_id = self.view.id
        show_error(self.error, "")

        def refreshed(_result: object) -> None:
            self.open_case(case_id)
            self.load()

        self.env.op(self, service, self.actor, *args).success(refreshed).failure(self._failed).run()

    def move_to(self, to_status: str) -> None:
        assert self.view is not None
        note = ""
        if rules.needs_note(self.view.status, to_status):
            titles: dict[str, str] = {
                rules.REJECTED: translate("cases", "Tidak dapat dipenuhi"),
                rules.IN_PROGRESS: translate("cases", "Buka kembali kasus"),
            }
            title = titles.get(to_status, "Alasan")
            answer = FormDialog.ask(
                self,
                title,
                [Field("note", translate("cases", "&Alasan / keputusan"), "text")],
                translate("cases", "Simpan"),
            )
            if answer is None:
                return
            note = answer["note"]
        self.run_action(move_case, self.view.id, to_status, note, self.env.clock)

    def note(self) -> None:
        answer = FormDialog.ask(
            self,
            translate("cases", "Catatan analisis"),
            [Field("note", translate("cases", "&Catatan"), "text")],
            translate("cases", "Simpan catatan"),
        )
        if answer and self.view:
            self.run_action(add_note, self.view.id, answer["note"], self.env.clock)

    def print_letter(self, kind: str, subject_id: uuid.UUID) -> None:
        show_error(self.error, "")
        titles = {
            "surat_rujukan": translate("cases", "surat rujukan"),
            "surat_pemberitahuan": translate("cases", "surat pemberitahuan"),
            "produk_layanan": translate("cases", "produk layanan"),
        }
        self.env.op(
            self, issue_letter, self.actor, kind, subject_id, self.env.documents, self.env.clock
        ).success(lambda pdf: self._letter_ready(pdf, titles[kind])).failure(self._failed).run()

    def _letter_ready(self, pdf: bytes, title: str) -> None:
        self.last_pdf = pdf
        if self.view:
            self.open_case(self.view.id)
        pdf_output.print_with_dialog(self, pdf, title)
