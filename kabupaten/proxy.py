"""A TCP proxy on 127.0.0.1 that breaks the link the way village links break.

* ``reset_request``: the next N pushes are cut (TCP reset) before the server sees them;
* ``reset_response``: the next N pushes reach the server, which commits, and the answer is cut;
* ``slow``: every byte is throttled to ``bytes_per_second`` and a connection is reset at a
  random point with probability ``loss``;
* a hostile link, by chance per push (``hostile``): cut before the server sees it
  (``p_reset_request``), cut after it committed (``p_reset_response``), the answer held
  ``hold_seconds`` (``p_hold``); and by chance per connection, throttled (``p_slow``).

Faults target ``POST /v1/batches`` so the probe and pulls still pass unless ``slow`` is on.
"""

from __future__ import annotations

import contextlib
import random
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

PUSH = b"POST /v1/batches"


def _reset(sock: socket.socket) -> None:
    """Close with RST (SO_LINGER 0): the peer sees 'connection reset', not a clean end.

    The other direction's thread may be blocked in ``recv`` on this socket; while it is, the
    kernel keeps the socket open and no RST leaves (the client then waited out its whole read
    timeout: a reset reply cost 15 s instead of nothing). ``shutdown(SHUT_RD)`` wakes that
    ``recv`` first, so the close really ends the connection."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RD)
    sock.close()


@dataclass
class Plan:
    reset_request: int = 0
    reset_response: int = 0
    slow: bool = False
    bytes_per_second: int = 20_000
    loss: float = 0.0
    p_reset_request: float = 0.0
    p_reset_response: float = 0.0
    p_hold: float = 0.0
    hold_seconds: float = 5.0
    p_slow: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def hostile(self) -> None:
        """The link the issue measured: 20 % of pushes cut on the way in, 20 % on the way
        back, 10 % of answers held 5 s, one connection in ten slowed to 50 KB/s."""
        self.p_reset_request, self.p_reset_response, self.p_hold = 0.2, 0.2, 0.1
        self.hold_seconds, self.p_slow, self.bytes_per_second = 5.0, 0.1, 50_000

    def take(self, name: str) -> bool:
        with self.lock:
            left = getattr(self, name)
            if left > 0:
                setattr(self, name, left - 1)
                return True
            return False


class FaultProxy:
    def __init__(self, target_port: int, seed: int = 7):
        self.target = ("127.0.0.1", target_port)
        self.plan = Plan()
        self.rng = random.Random(seed)
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.cuts = 0
        self.holds = 0
        self.bytes_up = 0  # what crossed the link: requests, then answers (bench/sync_bytes.py)
        self.bytes_down = 0
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self._stop = True
        self.listener.close()

    def _accept(self) -> None:
        while not self._stop:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        try:
            server = socket.create_connection(self.target, timeout=30)
        except OSError:
            _reset(client)
            return
        state = {"cut_response": False, "dead": False, "hold": False}
        with self.plan.lock:
            slowed = self.plan.slow or self.rng.random() < self.plan.p_slow
        lossy = self.plan.slow and self.rng.random() < self.plan.loss
        cut_after = self.rng.randint(1, 4000) if lossy else -1
        moved = [0]

        def cut() -> None:
            if not state["dead"]:
                state["dead"] = True
                self.cuts += 1
                _reset(client)
                _reset(server)

        def send(dst: socket.socket, data: bytes) -> None:
            if slowed:
                for i in range(0, len(data), 512):
                    piece = data[i : i + 512]
                    time.sleep(len(piece) / self.plan.bytes_per_second)
                    moved[0] += len(piece)
                    if 0 <= cut_after <= moved[0]:
                        cut()
                        return
                    dst.sendall(piece)
            else:
                dst.sendall(data)

        def upstream() -> None:
            try:
                while not state["dead"]:
                    data = client.recv(65536)
                    if not data:
                        server.shutdown(socket.SHUT_WR)
                        return
                    if data.startswith(PUSH):
                        with self.plan.lock:
                            draw = self.rng.random(), self.rng.random(), self.rng.random()
                        if self.plan.take("reset_request") or draw[0] < self.plan.p_reset_request:
                            cut()
                            return
                        if self.plan.take("reset_response") or draw[1] < self.plan.p_reset_response:
                            state["cut_response"] = True
                        elif draw[2] < self.plan.p_hold:
                            state["hold"] = True
                    self.bytes_up += len(data)
                    send(server, data)
            except OSError:
                cut()

        def downstream() -> None:
            try:
                while not state["dead"]:
                    data = server.recv(65536)
                    if not data:
                        client.shutdown(socket.SHUT_WR)
                        return
                    if state["cut_response"]:
                        cut()  # the server has answered (so it committed); the client never hears
                        return
                    if state["hold"]:
                        state["hold"] = False
                        time.sleep(self.plan.hold_seconds)
                        self.holds += 1
                    self.bytes_down += len(data)
                    send(client, data)
            except OSError:
                cut()

        _both_ways(upstream, downstream, client, server)


def _both_ways(
    upstream: Callable[[], None],
    downstream: Callable[[], None],
    *sockets: socket.socket,
) -> None:
    """Run both directions until each ends, then close both sockets."""
    threads = [threading.Thread(target=f, daemon=True) for f in (upstream, downstream)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in sockets:
        with contextlib.suppress(OSError):
            s.close()
