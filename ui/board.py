"""The public queue board: a second window for a TV, with the call said aloud.

It shows numbers, never names: the current number per counter, large, and the last five calls.
Each new call is announced with a chime and the sentence said twice; calls wait their turn so
they never overlap, and the sentence is shown on screen for visitors who cannot hear it.

The board reads the database itself (every second, off the UI thread), so a call made on
another machine sharing the PostgreSQL database is announced too. It follows the screens: when
a second screen is plugged in it goes there full screen; when that screen goes, it comes back
as a normal window.
"""

from __future__ import annotations

from collections import deque
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from kiosk.services.queue_calls import BoardState, board_state
from kiosk.speech import DEFAULT_TEMPLATE, announcement
from ui.env import UiEnv
from ui.forms import clear_layout
from ui.i18n import translate

CHIME = Path(__file__).resolve().parent.parent / "resources" / "sounds" / "chime.wav"
CHIME_MS = 1200  # the chime's length: the sentence starts after it
PAUSE_MS = 400  # between the two sayings, and before the next call
SILENT_SAY_MS = 2500  # without a voice, how long a call keeps the caption before the next
TIMES = 2

try:  # QtTextToSpeech and QtMultimedia need PySide6-Addons and, on Linux, libpulse
    from PySide6.QtMultimedia import QSoundEffect
    from PySide6.QtTextToSpeech import QTextToSpeech
except ImportError:  # pragma: no cover - depends on the machine
    # The board then shows calls without a voice; the names stay defined so it can say so.
    QTextToSpeech = None  # type: ignore[assignment,misc]  # a class, or None on such a machine
    QSoundEffect = None  # type: ignore[assignment,misc]  # a class, or None on such a machine


class Announcer(QObject):
    """Chime, then the sentence twice; one call at a time, in the order they came."""

    started = Signal(str)  # a call begins (caption shows it)
    finished = Signal(str)

    def __init__(self, engine: str = "", volume: int = 80, parent: QObject | None = None):
        super().__init__(parent)
        self._queue: deque[str] = deque()
        self._current: str | None = None
        self._left = 0
        self.said: list[str] = []  # every sentence passed to the voice, in order
        self.voice_error = ""
        self._tts: Any = None
        if QTextToSpeech is not None and engine and engine not in QTextToSpeech.availableEngines():
            self.voice_error = translate("board", "mesin suara '{0}' tidak terpasang").format(
                engine
            )
        elif QTextToSpeech is not None:
            tts = QTextToSpeech(engine) if engine else QTextToSpeech()
            if tts.state() == QTextToSpeech.State.Error:
                self.voice_error = tts.errorString() or translate(
                    "board", "mesin suara tidak tersedia"
                )
            else:
                self._tts = tts
                indonesian = [loc for loc in tts.availableLocales() if loc.name().startswith("id")]
                if indonesian:
                    tts.setLocale(indonesian[0])
                tts.setVolume(max(0, min(100, volume)) / 100)
                tts.stateChanged.connect(self._on_voice_state)
        else:
            self.voice_error = translate("board", "modul suara Qt tidak terpasang")
        self._chime: Any = None
        if QSoundEffect is not None and CHIME.exists():
            self._chime = QSoundEffect(self)
            self._chime.setSource(QUrl.fromLocalFile(str(CHIME)))
            self._chime.setVolume(max(0, min(100, volume)) / 100)
        self.chime_ms, self.pause_ms = CHIME_MS, PAUSE_MS
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._speak)

    @property
    def busy(self) -> bool:
        return self._current is not None

    def pending(self) -> int:
        return len(self._queue) + (1 if self._current else 0)

    def announce(self, text: str) -> None:
        self._queue.append(text)
        if self._current is None:
            self._next()

    def _next(self) -> None:
        if not self._queue:
            return
        self._current = self._queue.popleft()
        self._left = TIMES
        self.started.emit(self._current)
        if self._chime is not None:
            self._chime.play()
        self._timer.start(self.chime_ms)

    def _speak(self) -> None:
        if self._current is None:
            return
        if self._left <= 0:
            done, self._current = self._current, None
            self.finished.emit(done)
            self._next()
            return
        self._left -= 1
        self.said.append(self._current)
        if self._tts is not None:
            self._tts.say(self._current)
        else:  # no voice: keep the caption up for a while, then carry on
            self._timer.start(SILENT_SAY_MS)

    def _on_voice_state(self, state: Any) -> None:
        if state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
            # A short pause between the two sayings and before the next call.
            self._timer.start(self.pause_ms)


class BoardWindow(QWidget):
    """The second-screen board. Keyboard: F11 full screen, Esc leaves full screen."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.env = env
        self.setObjectName("board")
        self.setWindowTitle(translate("board", "Papan antrian"))
        self.setAccessibleName(translate("board", "Papan antrian"))
        s = env.settings
        self.announcer = Announcer(
            str(s.get("voice_engine")), int(s.get("voice_volume")), parent=self
        )
        self.announcer.started.connect(self._caption)
        self._seen: set[tuple[str, str, datetime]] | None = None
        self.officer_screen: QScreen | None = None  # where the officer's window is
        self._polling = False

        title = QLabel(translate("board", "NOMOR ANTRIAN"))
        title.setObjectName("board_title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grid = QGridLayout()
        self.counters: dict[str, QLabel] = {}
        self.caption = QLabel("")
        self.caption.setObjectName("board_caption")
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setAccessibleName(translate("board", "Panggilan terakhir"))
        self.recent = QLabel("")
        self.recent.setObjectName("board_recent")
        self.recent.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.recent.setAccessibleName(translate("board", "Lima panggilan terakhir"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(self.grid, 3)
        layout.addWidget(self.caption, 1)
        layout.addWidget(QLabel(translate("board", "Panggilan terakhir:")))
        layout.addWidget(self.recent, 1)
        # A TV across a waiting room: never take the keyboard from the officer's window.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus, True)
        self._scale()
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, self._toggle_full)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.showNormal)

        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(1000)
        self.poll_timer.timeout.connect(self.refresh)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._on_screens_changed)
            app.screenRemoved.connect(self._on_screens_changed)

    # --- screens ---------------------------------------------------------------------------

    def target_screen(self) -> QScreen | None:
        """A screen other than the one the officer's window is on, if there is one."""
        screens = QGuiApplication.screens()
        officer = self.officer_screen
        if officer not in screens:
            officer = QGuiApplication.primaryScreen()
        others = [s for s in screens if s is not officer]
        return others[0] if others else None

    def place(self) -> None:
        target = self.target_screen()
        if target is not None:
            self.setScreen(target)
            self.setGeometry(target.geometry())
            self.showFullScreen()
        else:
            self.showNormal()
            self.resize(960, 540)

    def _on_screens_changed(self, _screen: QScreen) -> None:
        if self.isVisible():
            # Let Qt finish moving windows off a removed screen first.
            QTimer.singleShot(0, self.place)

    def _scale(self) -> None:
        """Sizes follow the board's height: the called number is a fifth of it (at least the
        eighth a waiting room needs to read it from the back), on a 1080-line TV 216 px."""
        h = max(self.height(), 300)
        self.number_px = h // 5
        self.setStyleSheet(
            "#board { background: #0b1f3a; }"
            "#board QLabel { color: #ffffff; background: #0b1f3a; border: none;"
            f" font-size: {h // 30}px; }}"
            f"#board_title {{ font-size: {h // 20}px; font-weight: bold; }}"
            "#board QLabel[role='number'] { font-weight: bold; color: #ffd54f;"
            f" font-size: {self.number_px}px; }}"
            f"#board QLabel[role='counter'] {{ font-size: {h // 18}px; }}"
            f"#board_caption {{ font-size: {h // 20}px; color: #ffd54f; }}"
        )

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._scale()

    def _toggle_full(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def start(self) -> None:
        self.place()
        self.refresh()
        self.poll_timer.start()

    def closeEvent(self, event: Any) -> None:
        self.poll_timer.stop()
        super().closeEvent(event)

    # --- content ---------------------------------------------------------------------------

    def refresh(self) -> None:
        if self._polling:
            return
        self._polling = True
        self.env.op(self, board_state, self.env.clock).success(self.show_state).failure(
            self._failed
        ).run()

    def _failed(self, _exc: Exception) -> None:
        self._polling = False  # the next tick tries again; the board never shows an error

    def show_state(self, state: BoardState) -> None:
        self._polling = False
        self._fill_counters(state.current)
        self.recent.setText(
            "   ".join(
                translate("board", "{0} ke {1}").format(label, counter)
                for label, counter, _ in state.recent
            )
        )
        calls = {(label, counter, at) for label, counter, at in state.recent}
        if self._seen is None:  # first look: old calls are not said again
            self._seen = calls
            return
        new = sorted(calls - self._seen, key=lambda c: c[2])
        self._seen |= calls
        template = str(self.env.settings.get("voice_template")) or DEFAULT_TEMPLATE
        for label, counter, _ in new:
            self.announcer.announce(announcement(label, counter, template))

    def _fill_counters(self, current: dict[str, str]) -> None:
        if set(current) != set(self.counters) or not self.counters:
            clear_layout(self.grid)
            self.counters = {}
            for col, counter in enumerate(sorted(current) or ["-"]):
                head = QLabel(counter if current else translate("board", "Belum ada panggilan"))
                head.setProperty("role", "counter")
                head.setAlignment(Qt.AlignmentFlag.AlignCenter)
                number = QLabel("")
                number.setProperty("role", "number")
                number.setAlignment(Qt.AlignmentFlag.AlignCenter)
                self.grid.addWidget(head, 0, col)
                self.grid.addWidget(number, 1, col)
                if current:
                    self.counters[counter] = number
        for counter, label in current.items():
            self.counters[counter].setText(label)
            self.counters[counter].setAccessibleName(
                translate("board", "{0}: nomor {1}").format(counter, label)
            )

    def _caption(self, text: str) -> None:
        self.caption.setText(text)
        self.caption.setAccessibleDescription(text)


def open_board(env: UiEnv, officer_window: QWidget | None = None) -> BoardWindow:
    """Show the queue board (one per program run, kept on ``env``; it outlives log-outs and
    page changes), on another screen than the officer's when there is one."""
    if env.board is None:
        env.board = BoardWindow(env)
    board: BoardWindow = env.board
    if officer_window is not None:
        board.officer_screen = officer_window.screen()
    board.start()
    board.raise_()
    return board
