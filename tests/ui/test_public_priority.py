"""Why someone came is never shown in public: the slip, the door screen, the board and the
voice say only "Prioritas"; the kind (a victim of violence, a disability …) is the officers'."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from kiosk.clock import Clock
from kiosk.roles import Role
from kiosk.services import queue_calls as q
from kiosk.services.reference import choices
from kiosk.services.setup import get_site
from kiosk.services.tickets import door_priorities, issue_ticket
from kiosk.speech import announcement
from printing.decode import decode
from printing.receipts import EscposThermal
from tests.ui.test_self_service import screen  # noqa: F401  (the door screen fixture)
from ui.app import build_env
from ui.board import BoardWindow
from ui.ops import SyncExecutor

SHOTS = Path(os.environ.get("PUSKESOS_SHOTS", "/tmp"))


def _reasons(gateway) -> list[tuple[str, list[str]]]:
    """Each priority kind and the words that would give it away."""
    return [
        (c.code, [c.label.lower(), c.code.replace("_", " ")])
        for c in gateway.call(choices, "prioritas")
    ]


def _visible_text(root: QWidget) -> str:
    """What a person in the waiting room can read (or a screen reader says) on ``root``."""
    parts = []
    for w in [root, *root.findChildren(QWidget)]:
        if w.isVisible():
            if isinstance(w, QLabel | QAbstractButton):
                parts.append(w.text())
            parts.append(w.accessibleName())
    return " ".join(parts).lower().replace("\n", " ")


def test_the_slip_says_priority_and_never_the_kind(gateway, office):
    fo = office[Role.FRONT_OFFICE]
    site = gateway.call(get_site)
    for code, words in _reasons(gateway):
        ticket = gateway.call(issue_ticket, fo, "pengaduan", code)
        out = decode(EscposThermal().ticket(site, ticket, 80, Clock()).payload)
        assert out.find("PRIORITAS").invert, code
        assert not [w for w in words if w in out.text.lower()], (code, out.text)
        assert ticket.priority_label  # the officers still see the kind


def test_the_door_screen_offers_no_sensitive_kind(qtbot, screen, gateway):  # noqa: F811
    window = screen()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P)
    offered = _visible_text(window)
    assert "korban" not in offered  # pressing it in the waiting room would tell everyone
    assert "prioritas lain (sampaikan kepada petugas)" in offered  # the private way instead
    kinds = gateway.call(choices, "prioritas")
    assert "korban_kekerasan" in [k.code for k in kinds]  # the officers still record it
    assert "korban_kekerasan" not in [k.code for k in door_priorities(kinds)]


def test_the_door_screen_shows_priority_and_never_the_kind(qtbot, screen, gateway):  # noqa: F811
    window = screen()
    door = {c.code for c in door_priorities(gateway.call(choices, "prioritas"))}
    for i, (code, words) in enumerate(r for r in _reasons(gateway) if r[0] in door):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P)
        qtbot.keyClick(QApplication.focusWidget(), getattr(Qt.Key, f"Key_{i + 1}"))
        chosen = window.hint.text().lower()  # the menu lists the kinds; the choice is not said
        assert not [w for w in words if w in chosen], (code, chosen)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)
        assert window.stack.currentWidget() is window.done_page
        shown = _visible_text(window)
        assert "prioritas" in shown and not [w for w in words if w in shown], (code, shown)
        if code == "lainnya":  # what a victim of violence takes at the door
            window.grab().save(str(SHOTS / "door_screen_victim.png"))
        window.timer.timeout.emit()


def test_the_board_and_its_voice_never_say_the_kind(qtbot, ctx, settings, gateway, office):
    settings.set("voice_engine", "tidak_terpasang")  # no voice: the sentences still queue
    env = build_env(ctx, settings=settings, executor=SyncExecutor())
    board = BoardWindow(env)
    qtbot.addWidget(board)
    board.resize(1024, 600)
    board.show()
    board.refresh()  # the first look: nothing called yet
    fo, bo = office[Role.FRONT_OFFICE], office[Role.BACK_OFFICE]
    for code, words in _reasons(gateway):
        gateway.call(issue_ticket, fo, "layanan", code)
        called = gateway.call(q.call_next, bo, "loket_1", None)
        board.refresh()
        QApplication.processEvents()  # new counter labels show on the next turn of the loop
        shown = _visible_text(board)
        assert called.label.lower() in shown
        assert not [w for w in words if w in shown], (code, shown)
        if code == "korban_kekerasan":
            board.grab().save(str(SHOTS / "board_victim.png"))
        gateway.call(q.finish, bo, called.ticket_id)
    voice = board.announcer
    said = [s for s in (voice._current, *voice._queue) if s]  # what the voice says, in order
    assert len(said) == len(_reasons(gateway))
    for code, words in _reasons(gateway):
        assert not [w for s in said for w in words if w in s.lower()], (code, said)
    assert said[0] == announcement("B001", "Loket 1")
