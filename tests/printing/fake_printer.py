"""A network thermal printer on 127.0.0.1 that answers status queries and can misbehave.

Modes: ``ok`` (paper present), ``paper_out``, ``silent`` (never answers a status query),
``drop`` (closes the connection right after accepting), ``stall`` (accepts, never reads, so
the sender's buffer fills), ``hangup`` (reads the first bytes, then closes without the rest).
"""

from __future__ import annotations

import contextlib
import socket
import threading

STATUS_QUERY = b"\x10\x04\x04"
PAPER_OK = b"\x12"
PAPER_OUT = b"\x72"  # bits 5 and 6: paper end


class FakePrinter:
    def __init__(self, mode: str = "ok"):
        self.mode = mode
        self.received = bytearray()
        self.connections = 0
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if mode == "stall":
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.port = self.sock.getsockname()[1]
        self._stop = threading.Event()
        self._held: list[socket.socket] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def uri(self) -> str:
        return f"net:127.0.0.1:{self.port}"

    def _serve(self) -> None:
        self.sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            if self.mode == "drop":
                conn.close()
                continue
            if self.mode == "stall":
                self._held.append(conn)
                continue
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(2)
            if self.mode == "hangup":
                with contextlib.suppress(OSError):
                    conn.recv(64)
                return
            while True:
                try:
                    chunk = conn.recv(65536)
                except OSError:
                    return
                if not chunk:
                    return
                if STATUS_QUERY in chunk:  # a query, not print data
                    if self.mode in ("ok", "paper_out"):
                        conn.sendall(PAPER_OK if self.mode == "ok" else PAPER_OUT)
                    chunk = chunk.replace(STATUS_QUERY, b"")
                self.received.extend(chunk)

    def wait_for(self, size: int, timeout: float = 3.0) -> bytes:
        import time

        end = time.monotonic() + timeout
        while len(self.received) < size and time.monotonic() < end:
            time.sleep(0.02)
        return bytes(self.received)

    def close(self) -> None:
        self._stop.set()
        self.thread.join(1)
        for c in self._held:
            c.close()
        self.sock.close()
