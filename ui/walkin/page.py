"""The front-office walk-in: find (with ticket) → register if new → capture → receipt.

At most four screens; focus always lands where the officer types next, and the capture form
is kept as a draft on disk until it is saved.
"""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kiosk.services.actor import Actor
from kiosk.services.dtks_check import DtksResult
from kiosk.services.dtks_online import check_with_kabupaten
from kiosk.services.lookup import Hit
from kiosk.services.people import PersonView
from kiosk.services.tickets import TicketView
from kiosk.services.walk_in import WalkInResult
from ui.env import UiEnv
from ui.i18n import translate
from ui.ops import Op
from ui.walkin.capture_step import CaptureStep
from ui.walkin.drafts import DraftStore
from ui.walkin.find_step import FindStep
from ui.walkin.receipt_step import ReceiptStep
from ui.walkin.register_step import RegisterStep


class WalkInPage(QWidget):
    """Composes the steps and carries the visit's state between them."""

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.env, self.actor = env, actor
        self.setObjectName("walkin_page")
        self.ticket: TicketView | None = None
        # (person id, name, NIK, No. KK): what capture and its draft need
        self.person: tuple[uuid.UUID, str, str | None, str | None] | None = None
        self.drafts = DraftStore(env.drafts_dir, actor.username, env.sealer)
        self.find_step = FindStep(env, actor)
        self.register = RegisterStep(env, actor)
        self.capture = CaptureStep(env, actor)
        self.receipt = ReceiptStep(env, actor)
        self.stack = QStackedWidget()
        for step in (self.find_step, self.register, self.capture, self.receipt):
            self.stack.addWidget(step)
        self.draft_bar = QWidget()
        bar = QHBoxLayout(self.draft_bar)
        bar.addWidget(QLabel(translate("page", "Ada isian pendaftaran yang belum disimpan.")))
        restore = QPushButton(translate("page", "&Pulihkan isian"))
        restore.clicked.connect(self.on_restore_draft)
        drop = QPushButton(translate("page", "Buang"))
        drop.clicked.connect(self.on_drop_draft)
        bar.addWidget(restore)
        bar.addWidget(drop)
        self.draft_bar.setVisible(self.drafts.load() is not None)
        layout = QVBoxLayout(self)
        layout.addWidget(self.draft_bar)
        layout.addWidget(self.stack)

        self.find_step.ticket_issued.connect(self.on_ticket)
        self.find_step.chosen.connect(self.on_chosen)
        self.find_step.new_person.connect(lambda: self.start_register(None))
        self.register.registered.connect(self.on_registered)
        self.register.changed.connect(self.on_register_changed)
        self.register.back.connect(self.show_find)
        self.capture.back.connect(self.show_find)
        self.capture.changed.connect(self.on_capture_changed)
        self.capture.saved.connect(self.on_saved)
        self.receipt.next_citizen.connect(self.on_next)
        self.capture.clear()
        self.show_find()

    def show_find(self) -> None:
        self.stack.setCurrentWidget(self.find_step)
        self.find_step.query.setFocus()

    def start_focus(self) -> None:
        """Ctrl+2 (and unlocking) lands where the step on screen starts: the search box, the
        first empty field of the registration, or the capture."""
        current = self.stack.currentWidget()
        if current is self.find_step:
            self.find_step.query.setFocus()
        elif current is self.capture:
            self.capture.combos["category"].setFocus()
        elif current is self.register:
            self.register.start_focus()

    def on_ticket(self, ticket: TicketView) -> None:
        self.ticket = ticket

    def on_chosen(self, hit: Hit) -> None:
        if hit.person_id is not None:
            self.go_capture(hit.person_id, hit.name, hit.nik, hit.no_kk)
        else:
            self.start_register(hit)

    def start_register(self, hit: Hit | None) -> None:
        self.register.start(hit.dtks if hit else None, "" if hit else self.find_step.query.text())
        self.stack.setCurrentWidget(self.register)

    def on_registered(self, person: PersonView) -> None:
        self.drafts.clear()
        self.go_capture(person.id, person.name, person.nik, person.no_kk)

    def go_capture(
        self, person_id: uuid.UUID, name: str, nik: str | None, no_kk: str | None
    ) -> None:
        self.person = (person_id, name, nik, no_kk)
        self.check_dtks(nik, no_kk).success(self._show_capture).failure(
            self.find_step.show_failure
        ).run()

    def check_dtks(self, nik: str | None, no_kk: str | None) -> Op[DtksResult]:
        """The snapshot, and the kabupaten within two seconds, on the network's threads (the
        database's thread stays free for the other counters' work)."""
        ctx = self.env.gateway.ctx
        return self.env.device(
            self, check_with_kabupaten, ctx, self.actor, nik, no_kk, self.env.online
        )

    def _show_capture(self, dtks: DtksResult) -> None:
        assert self.person is not None
        ticket = self.ticket
        self.capture.start(
            self.person[0],
            self.person[1],
            ticket.id if ticket else None,
            dtks,
            "datang",
            ticket.access_codes if ticket else (),
        )
        self.stack.setCurrentWidget(self.capture)
        self.capture.combos["category"].setFocus()

    def on_capture_changed(self) -> None:
        if self.person is None or self.stack.currentWidget() is not self.capture:
            return
        self.drafts.save(
            {
                "person_id": str(self.person[0]),
                "name": self.person[1],
                "nik": self.person[2],
                "no_kk": self.person[3],
                "ticket_id": str(self.capture.ticket_id) if self.capture.ticket_id else None,
                "capture": self.capture.state(),
            }
        )

    def on_register_changed(self) -> None:
        self.drafts.save(
            {
                "stage": "register",
                "register": self.register.state(),
                "ticket_id": str(self.ticket.id) if self.ticket else None,
            }
        )

    def on_restore_draft(self) -> None:
        draft = self.drafts.load()
        self.draft_bar.hide()
        if not draft:
            return
        if draft.get("stage") == "register":
            self.register.start(None)
            self.register.restore(draft.get("register", {}))
            self.stack.setCurrentWidget(self.register)
            self.register.edits["name"].setFocus()
            return
        self.person = (
            uuid.UUID(draft["person_id"]),
            draft["name"],
            draft.get("nik"),
            draft.get("no_kk"),
        )
        ticket_id = uuid.UUID(draft["ticket_id"]) if draft.get("ticket_id") else None
        state = draft.get("capture", {})

        def show(dtks: DtksResult) -> None:
            assert self.person is not None
            self.capture.start(
                self.person[0], self.person[1], ticket_id, dtks, state.get("channel", "datang")
            )
            self.capture.restore(state)
            self.stack.setCurrentWidget(self.capture)
            self.capture.description.setFocus()

        self.check_dtks(self.person[2], self.person[3]).success(show).failure(
            self.find_step.show_failure
        ).run()

    def on_drop_draft(self) -> None:
        self.drafts.clear()
        self.draft_bar.hide()

    def on_saved(self, result: WalkInResult) -> None:
        self.drafts.clear()
        self.stack.setCurrentWidget(self.receipt)
        self.receipt.show_result(result)

    def on_next(self) -> None:
        self.ticket, self.person = None, None
        self.capture.clear()
        self.find_step.reset()
        self.show_find()
