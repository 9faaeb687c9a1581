"""HTTP to the kabupaten server (resources/upstream/openapi.yaml) with requests.

Every reply is checked before anything is believed: a 200 that is not the expected JSON (a
captive portal's login page, a truncated body, another batch's id, a missing item) raises
:class:`Malformed`, and the caller marks nothing as sent. TLS is always verified (a kabupaten
with its own certificate authority gives its CA file, never ``verify=False``).
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from typing import Any, cast

import requests

from resources.upstream import contract

# A village link either connects within a few seconds or not at all; a reply can take longer
# (the server stores the batch first). A dead link is then noticed in 3 s, not 15.
CONNECT_TIMEOUT = 3.0


class UpstreamError(Exception):
    """Base of what the sync engine handles; ``message`` is Indonesian for the officer."""

    message = "Server kabupaten tidak dapat dihubungi."

    def __init__(self, detail: str = "", retry_after: float | None = None):
        super().__init__(detail or self.message)
        self.detail = detail
        self.retry_after = retry_after


class Offline(UpstreamError):
    message = "Tidak ada sambungan ke server kabupaten; data tetap tersimpan dan akan dikirim."


class TimedOut(UpstreamError):
    message = (
        "Server kabupaten terlalu lama menjawab; data tetap tersimpan dan sinkronisasi dicoba "
        "lagi otomatis. Bila terus begini, periksa sambungan internet."
    )


class ProbeTimedOut(TimedOut):
    """The first question of a pass (is the server there, what does it accept) went
    unanswered: nothing was sent, so nothing is made smaller."""

    message = (
        "Server kabupaten tidak menjawab pemeriksaan sambungan tepat waktu; belum ada data yang "
        "dikirim dan semuanya tetap tersimpan. Sinkronisasi dicoba lagi otomatis; bila terus "
        "begini, periksa sambungan internet atau tanyakan ke pengelola SLRT kabupaten."
    )


class PushTimedOut(TimedOut):
    """A batch went unanswered: the next batches are smaller (a slow link)."""

    message = (
        "Server kabupaten terlalu lama menjawab kiriman data; data tetap tersimpan dan akan "
        "dicoba lagi dengan kiriman lebih kecil."
    )


class ServerBusy(UpstreamError):
    message = "Server kabupaten sedang sibuk atau bermasalah; akan dicoba lagi."


class Malformed(UpstreamError):
    message = (
        "Jawaban server tidak dapat dipercaya (mungkin halaman login Wi-Fi atau jawaban "
        "terpotong); tidak ada yang ditandai terkirim."
    )


class Unauthorised(UpstreamError):
    message = "Token tidak berlaku."


class TooLarge(UpstreamError):
    message = "Kiriman terlalu besar untuk server; dikirim dalam bagian lebih kecil."


class Refused(UpstreamError):
    """The server refused the whole batch as not what the contract says (400, 422): the same
    bytes would be refused again, so the batch is split until the item at fault is alone."""

    message = "Server menolak kiriman ini; bagian yang ditolak disimpan untuk diperiksa."


class NeedsEnrolment(UpstreamError):
    message = (
        "Kios ini belum terdaftar di server kabupaten (atau pendaftarannya dicabut). "
        "Minta kode pendaftaran ke pengelola SLRT kabupaten."
    )


class EnrolmentRefused(NeedsEnrolment):
    message = (
        "Kode pendaftaran salah, atau kode kantor kios ini tidak dikenal server kabupaten. "
        "Periksa keduanya dengan pengelola SLRT kabupaten, lalu daftarkan lagi."
    )


class TooManyAttempts(UpstreamError):
    message = (
        "Terlalu banyak percobaan pendaftaran yang ditolak; server menunggu sebentar. "
        "Periksa kode pendaftaran, tunggu 10 menit, lalu coba lagi."
    )


class CursorUnknown(UpstreamError):
    message = "Server tidak mengenal posisi unduhan; status diunduh ulang dari awal."


@dataclass(frozen=True)
class Probe:
    server_time: str
    body_limit: int
    schema_versions: list[int]
    receipt_high_water: int


def _json(response: requests.Response, schema: str) -> Any:
    """The reply's JSON, if it is what the contract's ``schema`` says; else :class:`Malformed`
    (a checked exception the engine handles, not an ``assert`` that ``python -O`` drops)."""
    if "json" not in response.headers.get("Content-Type", ""):
        raise Malformed("bukan JSON")
    try:
        data = response.json()
    except ValueError as exc:
        raise Malformed("JSON rusak") from exc
    problem = contract.problem(schema, data)
    if problem:
        raise Malformed(f"tidak sesuai kontrak ({schema}: {problem})")
    return data


class UpstreamClient:
    def __init__(
        self,
        base_url: str,
        timeout: float = 15.0,
        ca_file: str | None = None,
        session: requests.Session | None = None,
    ):
        self.base = base_url.rstrip("/")
        self.timeout = timeout
        self.http = session or requests.Session()
        self.http.verify = ca_file or True
        self.http.headers["User-Agent"] = "puskesos-kiosk/1"
        self.access_token = ""
        # Batches go gzipped once the probe said the server takes them (contract 1.2); an
        # older server gets the plain JSON it always did.
        self.gzip_batches = False

    def _request(
        self, method: str, path: str, read_timeout: float | None = None, **kw: Any
    ) -> requests.Response:
        read = min(self.timeout, read_timeout) if read_timeout else self.timeout
        try:
            response = self.http.request(
                method, self.base + path, timeout=(CONNECT_TIMEOUT, read), **kw
            )
        except requests.Timeout as exc:
            raise TimedOut(str(exc)) from exc
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as exc:
            raise Offline(str(exc)) from exc
        code = response.status_code
        if code == 401:
            raise Unauthorised()
        if code == 413:
            raise TooLarge()
        if code in (429, 503) or code >= 500:
            retry_after = response.headers.get("Retry-After")
            try:
                wait = float(retry_after) if retry_after else None
            except ValueError:
                wait = None
            raise ServerBusy(f"HTTP {code}", retry_after=wait)
        return response

    def probe(self) -> Probe:
        data = _json(self._request("GET", "/v1/probe"), "Probe")
        self.gzip_batches = "gzip" in data.get("request_encodings", [])
        return Probe(
            data["server_time"],
            data["body_limit"],
            list(data["schema_versions"]),
            data["receipt_high_water"],
        )

    def _tokens(self, body: dict[str, str]) -> dict[str, Any]:
        try:
            response = self._request("POST", "/v1/token", json=body)
        except Unauthorised as exc:
            raise NeedsEnrolment() from exc
        if response.status_code != 200:
            raise NeedsEnrolment(f"HTTP {response.status_code}")
        data = _json(response, "Tokens")
        if not data["access_token"]:
            raise Malformed("token kosong")
        self.access_token = str(data["access_token"])
        return cast(dict[str, Any], data)

    def enrol(self, kiosk_id: str, code: str) -> dict[str, Any]:
        """Tokens for this kiosk; a refused code or too many refusals say so in words."""
        body = {"grant_type": "enrolment", "kiosk_id": kiosk_id, "enrolment_code": code}
        try:
            return self._tokens(body)
        except NeedsEnrolment as exc:
            raise EnrolmentRefused(exc.detail) from exc
        except ServerBusy as exc:
            if exc.detail == "HTTP 429":
                raise TooManyAttempts(exc.detail, retry_after=exc.retry_after) from exc
            raise

    def refresh(self, refresh_token: str) -> dict[str, Any]:
        return self._tokens({"grant_type": "refresh_token", "refresh_token": refresh_token})

    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}

    @staticmethod
    def batch_body(key: str, kiosk_id: str, items: list[dict[str, Any]]) -> bytes:
        """Deterministic bytes: a retry sends exactly what the first attempt sent."""
        return json.dumps(
            {"batch_id": key, "kiosk_id": kiosk_id, "items": items},
            sort_keys=True,
            separators=(",", ":"),
        ).encode()

    def fresh_connection(self) -> None:
        """Drop the kept-alive connections: the next request opens a new one. A village link's
        slowness is often one connection's (its route, its NAT binding), not the whole link's."""
        self.http.close()  # the session's pools are emptied; the session stays usable

    def push(
        self, key: str, body: bytes, op_ids: list[str], read_timeout: float | None = None
    ) -> dict[str, dict[str, Any]]:
        """Send one batch; return the result per op_id, only if the answer is whole. The
        bytes are gzipped (mtime 0: a retry sends the same bytes) when the server takes it.
        ``read_timeout`` (at most the client's own) is how long the answer may keep silent."""
        headers = {**self._auth(), "Idempotency-Key": key, "Content-Type": "application/json"}
        if self.gzip_batches:
            body = gzip.compress(body, compresslevel=6, mtime=0)
            headers["Content-Encoding"] = "gzip"
        response = self._request("POST", "/v1/batches", read_timeout, data=body, headers=headers)
        if response.status_code in (400, 422):
            try:
                reason = str(response.json().get("error", ""))[:200]
            except (ValueError, AttributeError):
                reason = ""
            raise Refused(f"HTTP {response.status_code}: {reason or 'ditolak'}")
        if response.status_code != 200:
            raise ServerBusy(f"HTTP {response.status_code}")
        data = _json(response, "BatchResult")
        if data["batch_id"] != key:
            raise Malformed("jawaban untuk kiriman lain")
        by_id = {r["op_id"]: r for r in data["results"]}
        missing = [i for i in op_ids if i not in by_id]
        if missing:
            raise Malformed(f"{len(missing)} item tanpa hasil")
        return by_id

    def changes(self, cursor: str, limit: int = 1000) -> tuple[list[dict[str, Any]], str, bool]:
        params = {"limit": str(limit)}
        if cursor:
            params["cursor"] = cursor
        response = self._request("GET", "/v1/changes", params=params, headers=self._auth())
        if response.status_code == 410:
            raise CursorUnknown()
        if response.status_code != 200:
            raise ServerBusy(f"HTTP {response.status_code}")
        data = _json(response, "Changes")
        return data["changes"], data["next_cursor"], data["has_more"]

    def dtks_lookup(self, nik: str) -> dict[str, Any]:
        """The kabupaten's current answer for one NIK (the snapshot answers when offline)."""
        response = self._request("GET", f"/v1/dtks/{nik}", headers=self._auth())
        if response.status_code != 200:
            raise ServerBusy(f"HTTP {response.status_code}")
        return cast(dict[str, Any], _json(response, "DtksAnswer"))

    def reference(self, dataset: str) -> dict[str, Any] | None:
        """A reference data set (programmes, villages, holidays, profile) with its version; None
        when the kabupaten has not published it (404)."""
        response = self._request("GET", f"/v1/reference/{dataset}")
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise ServerBusy(f"HTTP {response.status_code}")
        return cast(dict[str, Any], _json(response, "Reference"))

    def audit_head(self) -> dict[str, Any] | None:
        """The last audit-chain head the server acknowledged for this kiosk (contract 1.1);
        None when it has none yet, or is an older server without the route."""
        response = self._request("GET", "/v1/audit-heads", headers=self._auth())
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise ServerBusy(f"HTTP {response.status_code}")
        return cast(dict[str, Any], _json(response, "AuditHeadAck"))

    def send_audit_head(self, head: dict[str, Any]) -> tuple[bool, dict[str, Any] | None]:
        """Send the chain's head: (True, the acknowledgment), (False, the head the server still
        holds as last acknowledged) when refused, (False, None) from an older server."""
        response = self._request("POST", "/v1/audit-heads", json=head, headers=self._auth())
        if response.status_code == 404:
            return False, None
        if response.status_code == 409:
            return False, cast(dict[str, Any], _json(response, "AuditHeadRefused")["acknowledged"])
        if response.status_code != 200:
            raise Malformed(f"kepala jejak audit: HTTP {response.status_code}")
        return True, cast(dict[str, Any], _json(response, "AuditHeadAck"))
