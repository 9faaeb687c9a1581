"""Calling the queue at this counter: next, recall, serve, finish, no-show, skip, transfer.

Keyboard first: F5 next, F6 recall, F7 serve, F8 finish, F9 no-show. The counter this laptop
stands for is a setting; the public board (a second window) says each call aloud.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.changes import Kind
from kiosk.formatting import desimal
from kiosk.services import queue_calls as q
from kiosk.services.actor import Actor
from kiosk.services.reference import Choice, choices
from ui.board import open_board
from ui.env import UiEnv
from ui.forms import NO_CHOICE, add_field, chosen, show_error
from ui.i18n import translate
from ui.ops import Op
from ui.pages.base import Page
from ui.row_model import RowTableModel


class TransferDialog(QDialog):
    """Where the visitor goes next: another service, another counter, or both."""

    def __init__(self, services: list[Choice], counters: list[Choice], parent: QWidget):
        super().__init__(parent)
        self.setWindowTitle(translate("queue_calls", "Alihkan antrian"))
        form = QFormLayout(self)
        self.service = QComboBox()
        self.service.addItem(translate("queue_calls", "(layanan tetap)"), NO_CHOICE)
        for c in services:
            self.service.addItem(c.label, c.code)
        self.counter = QComboBox()
        self.counter.addItem(translate("queue_calls", "(loket mana saja)"), NO_CHOICE)
        for c in counters:
            self.counter.addItem(c.label, c.code)
        add_field(
            form, translate("queue_calls", "&Layanan tujuan"), self.service, "transfer_service"
        )
        add_field(form, translate("queue_calls", "L&oket tujuan"), self.counter, "transfer_counter")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("queue_calls", "Alihkan")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("queue_calls", "Batal")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class QueueCallPage(Page):
    """The line as it is now: tickets issued at the counter or the door, and calls from
    other computers (read every 5 seconds while the page is on screen)."""

    shows = frozenset({Kind.TICKETS})

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(env, actor, "queue_page", parent)
        self.state: q.QueueState | None = None
        self.services: list[Choice] = []
        self.counters: list[Choice] = []
        self.priority_labels: dict[str, str] = {}
        self.need_labels: dict[str, str] = {}

        top = self._top()
        self.current = QLabel(translate("queue_calls", "Belum ada nomor di loket ini."))
        self.current.setObjectName("current_ticket")
        self.current.setProperty("role", "title")
        self.current.setAccessibleName(translate("queue_calls", "Nomor di loket ini"))
        self.info = QLabel("")
        self.info.setObjectName("queue_info")

        row = self._buttons()
        recall_absent = self._tables()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.current)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.info)
        waiting_label = QLabel(
            translate("queue_calls", "Me&nunggu (prioritas dulu, lalu yang paling lama):")
        )
        waiting_label.setWordWrap(True)
        waiting_label.setBuddy(self.waiting)
        layout.addWidget(waiting_label)
        layout.addWidget(self.waiting, 3)
        absent_label = QLabel(translate("queue_calls", "T&idak hadir (dapat dipanggil ulang):"))
        absent_label.setWordWrap(True)
        absent_label.setBuddy(self.absent)
        layout.addWidget(absent_label)
        layout.addWidget(self.absent, 1)
        layout.addWidget(recall_absent)

        self.timer = QTimer(self)
        self.timer.setInterval(5000)
        self.timer.timeout.connect(self.on_tick)
        self.env.op(self, self._lists).success(self._got_lists).failure(self._failed).run()

    def _top(self) -> QHBoxLayout:
        """The title, which counter this computer is, and the board's button."""
        title = self.title_label(translate("queue_calls", "Panggilan antrian"))
        self.counter = QComboBox()
        self.counter.setObjectName("counter")
        self.counter.setAccessibleName(translate("queue_calls", "Loket komputer ini"))
        self.counter.currentIndexChanged.connect(self._counter_changed)
        top = QHBoxLayout()
        label = QLabel(translate("queue_calls", "&Loket ini:"))
        label.setBuddy(self.counter)
        top.addWidget(title)
        top.addStretch()
        top.addWidget(label)
        top.addWidget(self.counter)
        board = QPushButton(translate("queue_calls", "Buka &papan antrian"))
        board.setObjectName("open_board")
        board.clicked.connect(self.open_board)
        top.addWidget(board)
        return top

    def _buttons(self) -> QGridLayout:
        """The call buttons with their function keys."""
        self.buttons: dict[str, QPushButton] = {}
        row = QGridLayout()  # two rows of four: seven buttons in one row overflow at 1024 px
        for key, text, shortcut, slot in (
            (
                "next",
                translate("queue_calls", "Panggil &berikutnya (F5)"),
                Qt.Key.Key_F5,
                self.call_next,
            ),
            ("recall", translate("queue_calls", "Panggil &ulang (F6)"), Qt.Key.Key_F6, self.recall),
            ("serve", translate("queue_calls", "&Mulai layani (F7)"), Qt.Key.Key_F7, self.serve),
            ("finish", translate("queue_calls", "&Selesai (F8)"), Qt.Key.Key_F8, self.finish),
            ("no_show", translate("queue_calls", "&Tidak hadir (F9)"), Qt.Key.Key_F9, self.no_show),
            ("skip", translate("queue_calls", "Le&wati"), None, self.skip),
            ("transfer", translate("queue_calls", "&Alihkan…"), None, self.transfer),
        ):
            button = QPushButton(text)
            button.setObjectName(f"queue_{key}")
            button.clicked.connect(slot)
            row.addWidget(button, len(self.buttons) // 4, len(self.buttons) % 4)
            self.buttons[key] = button
            if shortcut is not None:
                QShortcut(QKeySequence(shortcut), self, slot)
        return row

    def _tables(self) -> QPushButton:
        """Waiting and absent numbers; returns the button that recalls an absent one."""
        self.waiting_model: RowTableModel[q.CallView] = RowTableModel(
            (
                translate("queue_calls", "Nomor"),
                translate("queue_calls", "Layanan"),
                translate("queue_calls", "Prioritas"),
                translate("queue_calls", "Diambil"),
                translate("queue_calls", "Loket tujuan"),
            ),
            self._cells,
            self,
        )
        # Number, service, priority and counter show whole; the time taken gives way.
        self.waiting, self.waiting_columns = self.make_table(
            self.waiting_model,
            "waiting_table",
            translate("queue_calls", "Nomor yang menunggu"),
            (0, 1, 2, 4),
            wrap=(1, 4),
        )
        self.absent_model: RowTableModel[q.CallView] = RowTableModel(
            (
                translate("queue_calls", "Nomor"),
                translate("queue_calls", "Layanan"),
                translate("queue_calls", "Prioritas"),
                translate("queue_calls", "Diambil"),
                translate("queue_calls", "Loket"),
            ),
            self._cells,
            self,
        )
        self.absent, self.absent_columns = self.make_table(
            self.absent_model,
            "absent_table",
            translate("queue_calls", "Nomor yang tidak hadir"),
            (0, 1, 2, 4),
            wrap=(1, 4),
        )
        recall_absent = QPushButton(translate("queue_calls", "Panggil ulang yang dipilih"))
        recall_absent.setToolTip(
            translate("queue_calls", "Panggil ulang nomor tidak hadir yang dipilih")
        )
        recall_absent.setObjectName("recall_absent")
        recall_absent.clicked.connect(self.recall_absent)
        return recall_absent

    # --- data ------------------------------------------------------------------------------

    @staticmethod
    def _lists(session: Any) -> tuple[list[Choice], ...]:
        return (
            choices(session, "layanan_antrian"),
            choices(session, "loket"),
            choices(session, "prioritas"),
            choices(session, "kebutuhan_akses"),
        )

    def _got_lists(self, lists: tuple[list[Choice], ...]) -> None:
        self.services, self.counters, priorities, needs = lists
        self.priority_labels = {c.code: c.label for c in priorities}
        self.need_labels = {c.code: c.label for c in needs}
        mine = str(self.env.settings.get("counter"))
        self.counter.blockSignals(True)
        for c in self.counters:
            self.counter.addItem(c.label, c.code)
        index = max(0, self.counter.findData(mine))
        self.counter.setCurrentIndex(index)
        self.counter.blockSignals(False)
        self.load()
        self.timer.start()

    def counter_code(self) -> str:
        return str(chosen(self.counter) or "")

    def _counter_changed(self, _index: int) -> None:
        self.env.settings.set("counter", self.counter_code())
        self.load()

    def _service_label(self, code: str) -> str:
        return next((c.label for c in self.services if c.code == code), code)

    def _cells(self, v: q.CallView) -> tuple[str, ...]:
        counters = {c.code: c.label for c in self.counters}
        return (
            v.label,
            self._service_label(v.service_code),
            " - ".join(
                ([self.priority_labels.get(v.priority, v.priority)] if v.priority else [])
                + [self.need_labels.get(c, c) for c in v.access_needs.split(",") if c]
            ),
            self.env.clock.local(v.issued_at).strftime("%H.%M"),
            counters.get(v.counter or "", "-"),
        )

    def reading(self) -> Op[q.QueueState]:
        return self.env.op(self, q.queue_state, self.actor, None, self.env.clock)

    def on_tick(self) -> None:
        """Other computers call too: read the line again if it is on screen, else when it is
        next shown."""
        if self.isVisible():
            self.load()
        else:
            self.stale = True

    def loaded(self, state: q.QueueState) -> None:
        self.state = state
        self.waiting_model.set_rows(state.waiting)
        self.absent_model.set_rows(state.no_shows)
        mine = self.mine()
        if mine is None:
            self.current.setText(translate("queue_calls", "Belum ada nomor di loket ini."))
        else:
            status = q.STATUS_LABELS.get(mine.status, mine.status)
            self.current.setText(f"{mine.label} - {status}")
        self.current.setAccessibleDescription(self.current.text())
        parts = [translate("queue_calls", "{0} menunggu").format(len(state.waiting))]
        if state.mean_wait_minutes is not None:
            parts.append(
                translate("queue_calls", "rata-rata tunggu {0} menit").format(
                    desimal(state.mean_wait_minutes)
                )
            )
        if state.mean_service_minutes is not None:
            parts.append(
                translate("queue_calls", "rata-rata layanan {0} menit").format(
                    desimal(state.mean_service_minutes)
                )
            )
        self.info.setText("; ".join(parts) + ".")
        busy = mine is not None
        self.buttons["next"].setEnabled(not busy)
        for key in ("recall", "no_show", "skip"):
            self.buttons[key].setEnabled(mine is not None and mine.status == q.CALLED)
        self.buttons["serve"].setEnabled(mine is not None and mine.status == q.CALLED)
        self.buttons["finish"].setEnabled(busy)
        self.buttons["transfer"].setEnabled(busy)

    def mine(self) -> q.CallView | None:
        if self.state is None:
            return None
        return self.state.current.get(self.counter_code())

    # --- actions ---------------------------------------------------------------------------

    def _act(self, service: Any, *args: Any) -> None:
        show_error(self.error, "")
        self.env.op(self, service, self.actor, *args).success(lambda _r: self.load()).failure(
            self._fail
        ).run()

    def _fail(self, exc: Exception) -> None:
        """An action failed: say why and show the line as it now is (another counter may
        have moved the ticket)."""
        self._failed(exc)
        QTimer.singleShot(0, self.load)

    def call_next(self) -> None:
        show_error(self.error, "")
        self.env.op(
            self, q.call_next, self.actor, self.counter_code(), None, self.env.clock
        ).success(self._called).failure(self._fail).run()

    def _called(self, view: q.CallView | None) -> None:
        if view is None:
            show_error(self.error, translate("queue_calls", "Tidak ada nomor yang menunggu."))
        self.load()

    def _with_mine(self, service: Any, *extra: Any) -> None:
        mine = self.mine()
        if mine is None:
            show_error(
                self.error,
                translate("queue_calls", "Belum ada nomor di loket ini. Tekan F5 untuk memanggil."),
            )
            return
        self._act(service, mine.ticket_id, *extra)

    def recall(self) -> None:
        self._with_mine(q.recall, None, self.env.clock)

    def serve(self) -> None:
        self._with_mine(q.start_serving, self.env.clock)

    def finish(self) -> None:
        self._with_mine(q.finish, self.env.clock)

    def no_show(self) -> None:
        self._with_mine(q.mark_no_show, self.env.clock)

    def skip(self) -> None:
        self._with_mine(q.skip, self.env.clock)

    def transfer(self) -> None:
        if self.mine() is None:
            show_error(self.error, translate("queue_calls", "Belum ada nomor di loket ini."))
            return
        dialog = TransferDialog(self.services, self.counters, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._with_mine(q.transfer, chosen(dialog.service), chosen(dialog.counter), self.env.clock)

    def recall_absent(self) -> None:
        rows = self.absent.selectionModel().selectedRows()
        if not rows:
            show_error(
                self.error,
                translate("queue_calls", "Pilih dulu nomor yang tidak hadir di daftar bawah."),
            )
            return
        ticket = self.absent_model.row(rows[0].row())
        self._act(q.recall, ticket.ticket_id, self.counter_code(), self.env.clock)

    def open_board(self) -> None:
        board = open_board(self.env, self.window())
        self.window().activateWindow()  # the officer keeps typing here
        if board.announcer.voice_error and not self.env.told_no_voice:
            self.env.told_no_voice = True  # said once per program run
            show_error(
                self.error,
                translate(
                    "queue_calls",
                    "Papan tampil tanpa suara ({0}). Nomor tetap tampil besar di papan. Cara "
                    "memasang suara: halaman Tampilan.",
                ).format(board.announcer.voice_error),
            )
