"""``python -m kabupaten serve --workers N`` (N > 1, Linux): gunicorn with N worker processes.

A kabupaten's 200–300 kiosks push and pull at once; one waitress process serves them on one
core (CPython's lock), so several processes are what uses a server's other cores. gunicorn's
threaded workers (``gthread``): each process has ``--threads`` threads and holds at most
``--connections`` connections. Bounds:

- ``timeout``: a worker whose main loop is silent this long (stuck) is killed and replaced;
  ``graceful_timeout``: on a restart or Ctrl+C, requests under way get this long to finish.
- ``keepalive``: an idle kept-alive connection is closed after this many seconds; a connection
  that sends no byte within 5 s is handed back to the worker's poller, holding no thread.
- ``limit_request_line`` / ``limit_request_fields`` / ``limit_request_field_size``: a request
  line longer than 4 KB, or more than 100 headers of 8 KB, is refused before the app runs.
- ``max_requests`` (with jitter): a worker is replaced after that many requests, so a slow leak
  never grows for months.

A client trickling its headers a byte at a time still holds one thread of one worker (gunicorn
sets no per-request deadline); on the internet, put nginx or Caddy in front (``--trusted-proxy``),
which reads a request whole before passing it on. Waitress (one process) stays the default and
the Windows server.

Each worker makes its own app and database engine after the fork (no connection is shared
between processes), and all sign web sessions with one key. What the workers do not share is
listed in docs/kabupaten.md ("Several workers"): the in-memory rate limits count per process.
"""

from __future__ import annotations

import os
import secrets
from typing import Any

from gunicorn.app.base import BaseApplication  # type: ignore[import-untyped]
from werkzeug.middleware.proxy_fix import ProxyFix

from kabupaten.store import Store

TIMEOUT = 30
GRACEFUL_TIMEOUT = 20
KEEPALIVE = 5
MAX_REQUESTS = 20_000


def gunicorn_options(args: Any, url: str) -> dict[str, Any]:
    """gunicorn's settings from ``serve``'s options (gunicorn's own names)."""
    options: dict[str, Any] = {
        "bind": f"{args.host}:{args.port}",
        "workers": args.workers,
        "worker_class": "gthread",
        "threads": args.threads,
        "worker_connections": args.connections,
        "timeout": TIMEOUT,
        "graceful_timeout": GRACEFUL_TIMEOUT,
        "keepalive": min(KEEPALIVE, args.channel_timeout),
        "limit_request_line": 4094,
        "limit_request_fields": 100,
        "limit_request_field_size": 8190,
        "max_requests": MAX_REQUESTS,
        "max_requests_jitter": MAX_REQUESTS // 10,
        "accesslog": None,  # no access log: a DTKS lookup's path holds a NIK
        "errorlog": "-",
        "loglevel": "warning",
        "proc_name": "kabupaten",
        "preload_app": False,  # the engine is made in each worker, after the fork
    }
    if args.trusted_proxy:  # X-Forwarded-Proto from nginx/Caddy only
        options["forwarded_allow_ips"] = args.trusted_proxy
    return options


def behind(app: Any, proxy: str) -> None:
    """The client's address from X-Forwarded-For, but only on requests the trusted proxy
    passed on (gunicorn itself leaves REMOTE_ADDR alone): a stranger reaching the port directly
    cannot name another address to dodge the per-address limits."""
    plain = app.wsgi_app
    fixed = ProxyFix(plain, x_for=1, x_proto=1)

    def wsgi(environ: dict[str, Any], start: Any) -> Any:
        return (fixed if environ.get("REMOTE_ADDR") == proxy else plain)(environ, start)

    app.wsgi_app = wsgi


class Workers(BaseApplication):  # type: ignore[misc]
    """gunicorn run from our own command line, not from gunicorn's."""

    def __init__(self, url: str, options: dict[str, Any], proxy: str | None = None) -> None:
        self.url = url
        self.proxy = proxy
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        """Called in each worker process after the fork."""
        from kabupaten.server import create_app

        app = create_app(Store(self.url, create=False), {})
        if self.proxy:
            behind(app, self.proxy)
        return app


def run(args: Any, url: str) -> None:
    # The web sessions' and CSRF tokens' signing key must be one for all workers: without
    # KABUPATEN_SECRET_KEY each worker would draw its own, and a log-in made on one would be
    # refused by the next (a restart still logs everyone out, as with one process).
    os.environ.setdefault("KABUPATEN_SECRET_KEY", secrets.token_hex(32))
    Workers(url, gunicorn_options(args, url), args.trusted_proxy).run()
