"""The kabupaten SLRT server implementing resources/upstream/openapi.yaml.

Flask over :mod:`kabupaten.store`, served in production by waitress (``python -m kabupaten
serve``, see kabupaten/cli.py). It is also what the kiosk's integration tests run against on
127.0.0.1 (:class:`ServerThread`, a fresh SQLite file per test).

Faults can be switched on through ``POST /_admin/faults`` (only when the app is made for tests,
``admin=True``; otherwise every ``/_admin`` path is a 404): 500s, 503 with Retry-After, a
captive portal's HTML with 200, truncated JSON, a wrong batch id, a missing item, a small body
limit (413), a delay after commit (so the client times out after the server stored the batch),
short-lived tokens.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException
from werkzeug.serving import make_server

from kabupaten.audit_heads import audit_head_routes
from kabupaten.bodies import body_within, gzip_answer
from kabupaten.store import SCHEMA_VERSIONS, Store
from kabupaten.web import web_routes
from resources.upstream import contract

log = logging.getLogger("kabupaten")

API_VERSION = "1"


@dataclass
class Faults:
    """Switches for the tests; counts say how many requests a fault affects."""

    counts: dict[str, int] = field(default_factory=dict)
    body_limit: int = 2_000_000
    delay_after_commit: float = 0.0
    delay_times: int = 0
    token_ttl: float = 3600.0
    expire_after_batches: int = 0  # expire every access token after answering this many
    holding: int = 0  # committed answers being held back now
    lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, name: str) -> bool:
        with self.lock:
            left = self.counts.get(name, 0)
            if left <= 0:
                return False
            self.counts[name] = left - 1
            return True

    def hold(self) -> None:
        """Hold a committed answer ``delay_after_commit`` seconds, for ``delay_times`` answers:
        the client may time out now, as on a link that drops the reply."""
        with self.lock:
            if self.delay_times <= 0:
                return
            self.delay_times -= 1
            self.holding += 1
        try:
            time.sleep(self.delay_after_commit)
        finally:
            with self.lock:
                self.holding -= 1

    def quiet(self) -> bool:
        """No answer is held, nor will be: a test waits for this instead of a fixed sleep."""
        with self.lock:
            return self.delay_times <= 0 and self.holding == 0


class Refusals:
    """Refused enrolments per kiosk and per address over a sliding window: after ``LIMIT``
    in ``WINDOW`` seconds, either one waits (429 with Retry-After) before another try. A
    six-character code cannot be guessed at a few tries per ten minutes."""

    LIMIT = 5
    WINDOW = 600.0

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = {}

    def add(self, *who: str) -> None:
        now = time.monotonic()
        with self.lock:
            for key in who:
                self.times.setdefault(key, []).append(now)

    def wait(self, *who: str) -> int:
        """Seconds until ``who`` may try again; 0 now."""
        now = time.monotonic()
        longest = 0.0
        with self.lock:
            for key in who:
                recent = [t for t in self.times.get(key, []) if t > now - self.WINDOW]
                self.times[key] = recent
                if len(recent) >= self.LIMIT:
                    longest = max(longest, recent[-self.LIMIT] + self.WINDOW - now)
        return int(longest) + 1 if longest > 0 else 0


def _cursor(last: tuple[int, str]) -> str:
    return base64.urlsafe_b64encode(f"v1:{last[0]}:{last[1]}".encode()).decode()


def _position(cursor: str | None) -> tuple[int, str]:
    if not cursor:
        return 0, ""
    try:
        version, seq, change_id = base64.urlsafe_b64decode(cursor.encode()).decode().split(":")
        if version != "v1":
            raise ValueError
        return int(seq), change_id
    except (ValueError, UnicodeDecodeError) as exc:
        raise LookupError("cursor") from exc


def _kiosk_of(store: Store) -> str | None:
    """The kiosk a request's access token belongs to, or None."""
    auth = request.headers.get("Authorization", "")
    if not auth.startswith("Bearer "):
        return None
    return store.token_owner(auth[7:], "access")


def create_app(store: Store, enrolment: dict[str, str], admin: bool = False) -> Flask:
    """The reference server: the contract's routes, and with ``admin`` the test hooks."""
    app = Flask("kabupaten")
    app.after_request(gzip_answer)
    faults = Faults()
    app.config["faults"] = faults
    app.config["store"] = store
    _session_routes(app, store, faults, enrolment)
    _batch_routes(app, store, faults)
    _read_routes(app, store, faults)
    audit_head_routes(app, store, partial(_kiosk_of, store))  # contract 1.1
    web_routes(app, store)  # the people's pages and the citizen's status page
    if admin:
        _admin_routes(app, store, faults)
    return app


def _session_routes(app: Flask, store: Store, faults: Faults, enrolment: dict[str, str]) -> None:
    """Probe and tokens (enrolment with the kabupaten's code, then refresh)."""

    @app.get("/v1/probe")
    def probe() -> Response:
        return jsonify(
            api_version=API_VERSION,
            server_time=datetime.now(UTC).isoformat(),
            body_limit=faults.body_limit,
            schema_versions=list(SCHEMA_VERSIONS),
            receipt_high_water=store.receipt_high_water(),
            request_encodings=["gzip"],
        )

    refused = Refusals()

    @app.post("/v1/token")
    def token() -> Response | tuple[Response, int] | tuple[Response, int, dict[str, str]]:
        body = request.get_json(silent=True)
        problem = contract.problem("TokenRequest", body)
        if problem:
            return jsonify(error=f"permintaan token tidak sah: {problem}"), 400
        if body["grant_type"] == "enrolment":
            kiosk_id, address = body["kiosk_id"], request.remote_addr or ""
            wait = refused.wait(kiosk_id, address)
            if wait:
                return jsonify(error="terlalu banyak percobaan"), 429, {"Retry-After": str(wait)}
            expected = enrolment.get(kiosk_id)  # codes given to create_app (tests)
            given = body["enrolment_code"]
            fixed = expected is not None and hmac.compare_digest(expected.encode(), given.encode())
            if not (fixed or store.redeem_code(kiosk_id, given)):
                refused.add(kiosk_id, address)
                log.warning("pendaftaran ditolak: kios %r dari %s", kiosk_id[:40], address)
                return jsonify(error="kios tidak dikenal atau kode pendaftaran salah"), 401
            # A new enrolment of the office revokes every token it held before.
            return jsonify(store.issue_tokens(kiosk_id, faults.token_ttl, revoke=True))
        owner = store.use_refresh(body["refresh_token"])
        if owner is None:
            return jsonify(error="refresh token tidak berlaku"), 401
        return jsonify(store.issue_tokens(owner, faults.token_ttl))


def _batch_routes(app: Flask, store: Store, faults: Faults) -> None:
    """The kiosk's outbox arrives here, exactly once per Idempotency-Key."""

    def kiosk() -> str | None:
        return _kiosk_of(store)

    @app.post("/v1/batches")
    def batches() -> Response | tuple[Response, int] | tuple[str, int, dict[str, str]]:
        if faults.take("batch_503"):
            return jsonify(error="sibuk"), 503, {"Retry-After": "1"}  # type: ignore[return-value]
        if faults.take("batch_500"):
            return jsonify(error="kesalahan server"), 500
        # Token and size before a byte of the body is read: a stranger's 400 MB upload is
        # refused from its headers, and a chunked one is cut at the limit while streaming.
        owner = kiosk()
        if owner is None:
            return jsonify(error="token tidak berlaku"), 401
        try:
            raw = body_within(faults.body_limit)
        except ValueError as exc:
            return jsonify(error=f"badan permintaan tidak terbaca: {exc}"), 400
        if raw is None:
            return jsonify(error="terlalu besar", body_limit=faults.body_limit), 413
        key = request.headers.get("Idempotency-Key", "")
        try:
            batch = json.loads(raw)
        except ValueError:
            return jsonify(error="badan permintaan bukan JSON"), 400
        if not isinstance(batch, dict) or not isinstance(batch.get("items"), list):
            return jsonify(error="badan permintaan bukan kiriman (tanpa daftar items)"), 400
        if not key or batch.get("batch_id") != key:
            return jsonify(error="batch_id tidak sama dengan Idempotency-Key"), 400
        body_hash = hashlib.sha256(raw).hexdigest()
        try:
            answer = store.answer_batch(owner, key, body_hash, batch)
        except KeyError:
            return jsonify(error="Idempotency-Key dipakai untuk isi lain"), 422
        if faults.expire_after_batches > 0:
            faults.expire_after_batches -= 1
            if faults.expire_after_batches == 0:
                store.expire_access_tokens()  # the next batch of the same pass gets a 401
        faults.hold()
        return _answer(answer)

    def _answer(answer: str) -> Response:
        if faults.take("batch_html"):
            return Response("<html><body>Login Wi-Fi desa</body></html>", 200, mimetype="text/html")
        if faults.take("batch_truncate"):
            return Response(answer[: len(answer) // 2], 200, mimetype="application/json")
        if faults.take("batch_wrong_id"):
            data = json.loads(answer)
            data["batch_id"] = "lain-" + data["batch_id"]
            return jsonify(data)
        if faults.take("batch_drop_item"):
            data = json.loads(answer)
            data["results"] = data["results"][:-1]
            return jsonify(data)
        return Response(answer, 200, mimetype="application/json")


def _read_routes(app: Flask, store: Store, faults: Faults) -> None:
    """What the kiosk reads: changes since its cursor, the DTKS lookup, reference lists."""

    def kiosk() -> str | None:
        return _kiosk_of(store)

    @app.get("/v1/changes")
    def changes() -> Response | tuple[Response, int]:
        office = kiosk()
        if office is None:
            return jsonify(error="token tidak berlaku"), 401
        if faults.take("changes_500"):
            return jsonify(error="kesalahan server"), 500
        text = request.args.get("limit", "500")
        if not (text.isascii() and text.isdigit() and 1 <= int(text) <= 5000):
            return jsonify(error="limit harus bilangan bulat 1 sampai 5000"), 400
        try:
            seq, last_id = _position(request.args.get("cursor"))
            items, last, more = store.changes_after(office, seq, last_id, int(text))
        except LookupError:
            return jsonify(error="cursor tidak dikenal; unduh ulang dari awal"), 410
        if faults.take("changes_stuck"):  # a lying server: "more", but the same place
            cursor_back = request.args.get("cursor") or _cursor((0, ""))
            body = json.dumps({"changes": [], "next_cursor": cursor_back, "has_more": True})
            return Response(body, 200, mimetype="application/json")
        body = json.dumps({"changes": items, "next_cursor": _cursor(last), "has_more": more})
        if faults.take("changes_truncate"):
            body = body[: len(body) // 2]
        return Response(body, 200, mimetype="application/json")

    @app.get("/v1/dtks/<nik>")
    def dtks(nik: str) -> Response | tuple[Response, int]:
        if kiosk() is None:
            return jsonify(error="token tidak berlaku"), 401
        if not (nik.isdigit() and len(nik) == 16):
            return jsonify(error="NIK harus 16 angka"), 400
        answer = store.dtks_lookup(nik)
        if answer["snapshot_date"] is None:
            return jsonify(error="data DTKS kabupaten belum dimuat"), 503, {"Retry-After": "3600"}
        return jsonify(answer)

    @app.get("/v1/reference/<dataset>")
    def reference(dataset: str) -> Response | tuple[Response, int]:
        if dataset not in ("programmes", "villages", "holidays", "profile"):
            return jsonify(error="data tidak dikenal"), 404
        found = store.get_reference(dataset)
        if found is None:
            return jsonify(error="data belum dimuat di server"), 404
        return jsonify(found)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> tuple[Response, int]:
        """Werkzeug's own refusals (404, 405, 413 ...) in the contract's JSON, not HTML."""
        return jsonify(error=exc.description or exc.name), exc.code or 500


def _admin_routes(app: Flask, store: Store, faults: Faults) -> None:
    """Test hooks: faults to inject, changes and data to load, what arrived."""

    @app.post("/_admin/faults")
    def set_faults() -> Response:
        body = request.get_json(force=True)
        with faults.lock:
            faults.counts.update(body.get("counts", {}))
        faults.body_limit = int(body.get("body_limit", faults.body_limit))
        faults.delay_after_commit = float(body.get("delay_after_commit", faults.delay_after_commit))
        faults.delay_times = int(body.get("delay_times", faults.delay_times))
        faults.token_ttl = float(body.get("token_ttl", faults.token_ttl))
        faults.expire_after_batches = int(
            body.get("expire_after_batches", faults.expire_after_batches)
        )
        if body.get("expire_tokens"):
            store.expire_access_tokens()
        return jsonify(ok=True)

    @app.post("/_admin/changes")
    def add_changes() -> Response:
        body = request.get_json(force=True)
        if isinstance(body, list):
            return jsonify(added=store.add_changes(body))
        return jsonify(store.add_change(body))

    @app.post("/_admin/dtks")
    def load_dtks() -> Response:
        body = request.get_json(force=True)
        return jsonify(loaded=store.load_dtks(body["rows"], body["snapshot_date"]))

    @app.post("/_admin/reference/<dataset>")
    def set_reference(dataset: str) -> Response:
        body = request.get_json(force=True)
        store.set_reference(dataset, str(body["version"]), list(body["items"]))
        return jsonify(ok=True)

    @app.get("/_admin/operations")
    def list_operations() -> Response:
        return jsonify(store.operations())


class ServerThread:
    """Serve ``app`` on 127.0.0.1 in a background thread (tests, demos)."""

    def __init__(self, app: Flask, port: int = 0):
        self.server = make_server("127.0.0.1", port, app, threaded=True)
        self.port = self.server.server_port
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> ServerThread:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)
