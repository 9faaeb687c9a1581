"""The kabupaten's online DTKS lookup for the counter, never holding it more than its deadline.

``requests`` timeouts bound each wait for a byte, not the whole answer: a link that trickles a
byte a second would hold the counter for a minute. So the lookup runs in a thread of its own
and the counter waits for it at most ``deadline_s``; a late answer is dropped. After a failure
the lookup is not tried again for a minute (the counter would otherwise pay two seconds for
every visitor while the link is down); the snapshot answers meanwhile.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future
from datetime import date

from kiosk.clock import Clock
from kiosk.context import Gateway
from kiosk.services import outbox
from kiosk.services.dtks_check import OnlineAnswer
from sync.client import (
    Malformed,
    NeedsEnrolment,
    Offline,
    ServerBusy,
    TimedOut,
    Unauthorised,
    UpstreamError,
)
from sync.engine import SyncEngine, engine_for

QUIET_AFTER_FAILURE_S = 60.0
NOT_SET_UP = ""  # not enrolled: the snapshot is the answer, nothing to say at every visit
OFFLINE = "Server kabupaten tidak terjangkau; jawaban dari data DTKS lokal."
SLOW = "Server kabupaten tidak menjawab dalam {s} detik; jawaban dari data DTKS lokal."
RESTING = "Server kabupaten baru saja tidak terjangkau; jawaban dari data DTKS lokal."
BUSY = "Server kabupaten sibuk atau belum memuat DTKS; jawaban dari data DTKS lokal."
ODD = "Jawaban server kabupaten tidak dapat dibaca; jawaban dari data DTKS lokal."


class KabupatenRegister:
    """:class:`kiosk.ports.OnlineRegister` over the sync engine's client and tokens."""

    def __init__(self, gateway: Gateway, clock: Clock | None = None) -> None:
        self.gateway, self.clock = gateway, clock or Clock()
        self._engine: SyncEngine | None = None
        self._lock = threading.Lock()
        self._quiet_until = 0.0

    def _engine_now(self, deadline_s: float) -> SyncEngine:
        if self._engine is None:
            # a second past the counter's deadline: a link that holds every byte ends as "did
            # not answer in 2 s" (the wait below), never in a race with the read timeout's
            # "unreachable"; a late answer is dropped either way
            self._engine = engine_for(self.gateway, self.clock, timeout=deadline_s + 1.0)
        access = self.gateway.call(lambda s: outbox.get_secret(s, "access_token"))
        if not access:
            raise NeedsEnrolment()
        self._engine.client.access_token = access
        return self._engine

    def _ask(self, nik: str, deadline_s: float) -> OnlineAnswer | str:
        try:
            engine = self._engine_now(deadline_s)
            data = engine.dtks_lookup(nik)
        except (NeedsEnrolment, Unauthorised):
            return NOT_SET_UP
        except (Offline, TimedOut):
            return OFFLINE
        except ServerBusy:
            return BUSY
        except (Malformed, UpstreamError, ValueError, KeyError):
            return ODD
        return OnlineAnswer(
            bool(data["found"]),
            date.fromisoformat(str(data["snapshot_date"])),
            data.get("decile"),
            tuple(str(p) for p in data.get("programmes") or ()),
        )

    def lookup(self, nik: str, deadline_s: float) -> OnlineAnswer | str:
        """The answer within ``deadline_s`` seconds, or why there is none."""
        if time.monotonic() < self._quiet_until:
            return RESTING
        if not self._lock.acquire(blocking=False):  # another counter's lookup is under way
            return RESTING
        done: Future[OnlineAnswer | str] = Future()

        def work() -> None:
            try:
                done.set_result(self._ask(nik, deadline_s))
            except Exception as exc:
                done.set_result(f"{ODD} ({type(exc).__name__})")
            finally:
                self._lock.release()

        threading.Thread(target=work, name="dtks-online", daemon=True).start()
        try:
            answer = done.result(timeout=deadline_s)
        except TimeoutError:
            answer = SLOW.format(s=f"{deadline_s:g}".replace(".", ","))
        if not isinstance(answer, OnlineAnswer) and answer != NOT_SET_UP:
            self._quiet_until = time.monotonic() + QUIET_AFTER_FAILURE_S
        return answer
