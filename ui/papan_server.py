"""``puskesos papan serve``: the papan visual for a browser or a TV on the office LAN.

Read-only: GET of the page and nothing else. The page is rebuilt from the database at most
once a minute (a TV reloading every five minutes costs nothing), by the account that started
the server, with counts under five hidden like the exported page.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

REBUILD_SECONDS = 60.0


class PapanCache:
    """The last page and when it was made; ``build`` runs again when it is older than a minute."""

    def __init__(self, build: Callable[[], str], max_age: float = REBUILD_SECONDS) -> None:
        self._build, self._max_age = build, max_age
        self._lock = threading.Lock()
        self._page: bytes | None = None
        self._made = 0.0

    def page(self) -> bytes:
        with self._lock:
            if self._page is None or time.monotonic() - self._made > self._max_age:
                self._page = self._build().encode("utf-8")
                self._made = time.monotonic()
            return self._page


def make_server(host: str, port: int, cache: PapanCache) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        server_version = "Puskesos-Papan"

        def do_GET(self) -> None:
            if self.path.split("?")[0] not in ("/", "/index.html"):
                self.send_error(HTTPStatus.NOT_FOUND, "Halaman tidak ada")
                return
            body = cache.page()
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
            )
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:
            self.send_error(HTTPStatus.METHOD_NOT_ALLOWED, "Papan visual hanya dapat dibaca")

        do_PUT = do_DELETE = do_PATCH = do_POST

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: a TV's reloads would fill the console; nothing personal is served."""

    return ThreadingHTTPServer((host, port), Handler)
