"""Drain the outbox to the kabupaten and pull statuses back: one pass per :meth:`run_once`.

* Batches adapt: start at 50 items, halve on a timeout or 413, grow by half after each
  success (to 500). The size learnt is kept in the sync state, so the next pass (or the next
  ``puskesos sync --once`` process) starts where this one ended. A batch's Idempotency-Key is
  committed before the first attempt; a batch interrupted by a crash is resent with the same
  key and the same bytes.
* A batch's answer may keep silent only as long as the link's measured pace says
  (:mod:`sync.pace`): a held or slow answer is left early and the same bytes go again on a
  fresh connection; only a silence of the client's whole read timeout makes batches smaller.
* 401: refresh the token once and resend the same bytes; a failed refresh pauses sync (the
  queue is kept, nothing quarantined) until the kiosk is enrolled again.
* Transient failures (offline, a cut connection, timeout, 5xx, 429/503, an untrustworthy
  reply) are retried within the pass, the same bytes after a short wait, up to
  :data:`IN_PASS_RETRIES` in a row: on a village link that cuts one request in five, a pass
  keeps draining instead of ending at its first cut (7 operations a second became hundreds).
  Only a link that fails that many times running ends the pass; :class:`Backoff` then says
  when to try again (exponential, full jitter, capped at 15 minutes, never giving up;
  ``Retry-After`` honoured), its count kept across passes too. "Sync now" tries
  immediately.
* Pull: changes after the saved cursor, applied with the new cursor in one transaction;
  an unknown cursor means starting again from the beginning.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import Any, TypeVar

from kiosk.audit_chain import Anchor, upstream_head
from kiosk.clock import Clock
from kiosk.context import Gateway
from kiosk.errors import ValidationError
from kiosk.formatting import desimal
from kiosk.sealing import SealError
from kiosk.services import outbox
from kiosk.services.upstream_reference import DATASETS, apply_reference
from sync.client import (
    CursorUnknown,
    Malformed,
    NeedsEnrolment,
    Offline,
    ProbeTimedOut,
    PushTimedOut,
    Refused,
    ServerBusy,
    TimedOut,
    TooLarge,
    Unauthorised,
    UpstreamClient,
    UpstreamError,
)
from sync.pace import Pace

START, MIN, MAX = 50, 1, 500
T = TypeVar("T")
SKEW_WARNING_SECONDS = 300
IN_PASS_RETRIES = 6  # transient failures in a row before a pass gives up
IN_PASS_WAIT = (0.2, 4.0)  # first and longest wait between them, seconds
# A connection cut on a link that answers (a village's mobile data drops single connections
# all the time) is retried after the first wait this many times before the waits grow: the
# retry sends the same key, so it is safe, and growing waits after each cut of a burst
# (0.2 + 0.4 + 0.8 + 1.6 s) were a tenth of a hostile link's drain time.
CUTS_AT_FIRST_WAIT = 3
REFERENCE_EVERY = 3600  # seconds between looks at the kabupaten's catalogue and holidays
REFERENCE_WORDS = {
    "programmes": "Katalog program",
    "holidays": "Daftar hari libur",
    "profile": "Profil daerah",
}


class Backoff:
    """Exponential backoff with full jitter (AWS's recommendation), capped, no retry limit."""

    def __init__(self, base: float = 2.0, cap: float = 900.0, rng: random.Random | None = None):
        self.base, self.cap, self.failures = base, cap, 0
        self.rng = rng or random.Random()

    def success(self) -> None:
        self.failures = 0

    def next_delay(self, retry_after: float | None = None) -> float:
        self.failures += 1
        delay = self.rng.uniform(0, min(self.cap, self.base * 2**self.failures))
        return max(delay, retry_after or 0.0)


@dataclass
class SyncReport:
    sent: int = 0
    conflicts: int = 0
    quarantined: int = 0
    pulled: int = 0
    resent_after_restore: int = 0
    error: str = ""
    retries: int = 0  # transient failures retried within the pass
    paused: bool = False  # needs enrolment: no automatic retry
    next_delay: float = 0.0
    skew_seconds: float | None = None
    notes: list[str] = field(default_factory=list)
    attention: int = 0  # all items quarantined so far, not only in this pass

    @property
    def ok(self) -> bool:
        return not self.error


FOREIGN_KEY_MESSAGE = (
    "Token sinkronisasi terkunci dengan kunci komputer lain (folder data berbeda). Daftarkan "
    "ulang kios ini (puskesos sync --enrol) atau salin berkas kunci.key dari komputer itu."
)


class SyncEngine:
    def __init__(
        self,
        gateway: Gateway,
        client: UpstreamClient,
        clock: Clock | None = None,
        backoff: Backoff | None = None,
    ):
        self.gateway, self.client = gateway, client
        self.clock = clock or Clock()
        self.backoff = backoff or Backoff()
        self.batch_size = START
        self.pace = Pace(client.timeout)
        self.sleep = time.sleep  # tests replace it

    def _load_learnt(self) -> None:
        """The batch size and failure count an earlier pass (or process) ended with."""
        size, failures = self.gateway.call(
            lambda s: (outbox.get_state(s, "batch_size"), outbox.get_state(s, "backoff_failures"))
        )
        if size.isdigit():
            self.batch_size = max(MIN, min(MAX, int(size)))
        if failures.isdigit():
            self.backoff.failures = int(failures)

    # --- tokens ----------------------------------------------------------------------------

    def enrol(self, kiosk_id: str, code: str, attempts: int = 5) -> None:
        """Enrol, retrying a dropped or slow link with backoff (a refused code is final)."""
        for attempt in range(attempts):
            try:
                tokens = self.client.enrol(kiosk_id, code)
                break
            except (Offline, TimedOut, ServerBusy, Malformed) as exc:
                if attempt == attempts - 1:
                    raise
                self.sleep(min(IN_PASS_WAIT[1], max(exc.retry_after or 0, 0.5 * 2**attempt)))
        self._save_tokens(tokens)
        self.gateway.call(lambda s: outbox.set_state(s, "kiosk_id", kiosk_id))

    def _save_tokens(self, tokens: dict[str, object]) -> None:
        access, refresh = str(tokens["access_token"]), str(tokens["refresh_token"])
        self.gateway.call(outbox.save_tokens, access, refresh)

    def _refresh(self) -> None:
        token = self.gateway.call(lambda s: outbox.get_secret(s, "refresh_token"))
        if not token:
            raise NeedsEnrolment()
        self._save_tokens(self.client.refresh(token))

    def _authorised(self, call: Callable[[], T]) -> T:
        """Run ``call`` once; on 401 refresh the token once and run it again (same bytes)."""
        try:
            return call()
        except Unauthorised:
            self._refresh()
            return call()

    def dtks_lookup(self, nik: str) -> dict[str, Any]:
        """The kabupaten's answer for one NIK (the counter's online check); an expired token
        is refreshed once, as for a push."""
        return self._authorised(partial(self.client.dtks_lookup, nik))

    # --- one pass --------------------------------------------------------------------------

    def run_once(self) -> SyncReport:
        report = SyncReport()
        self._load_learnt()
        try:
            self._pass(report)
        except NeedsEnrolment as exc:
            report.error, report.paused = exc.message, True
        except SealError:
            report.error, report.paused = FOREIGN_KEY_MESSAGE, True
        except Unauthorised:
            report.error, report.paused = NeedsEnrolment.message, True
        except UpstreamError as exc:
            report.error = type(exc).message
            report.next_delay = self.backoff.next_delay(exc.retry_after)
        else:
            self.backoff.success()
        self._record(report)
        return report

    def _pass(self, report: SyncReport) -> None:
        try:
            probe = self.client.probe()
        except TimedOut as exc:  # before anything was sent: nothing to make smaller
            raise ProbeTimedOut(exc.detail) from exc
        report.skew_seconds = self._skew(probe.server_time)
        if report.skew_seconds is not None and abs(report.skew_seconds) > SKEW_WARNING_SECONDS:
            report.notes.append(
                f"Jam komputer ini berbeda {desimal(abs(report.skew_seconds) / 3600)} jam dari jam "
                "server; perbaiki jam Windows/Linux. Urutan dan tenggat memakai jam server."
            )
        kiosk_id, access = self.gateway.call(
            lambda s: (outbox.get_state(s, "kiosk_id"), outbox.get_secret(s, "access_token"))
        )
        if not access:
            raise NeedsEnrolment()
        self.client.access_token = access
        if self.gateway.call(outbox.max_receipt) > probe.receipt_high_water:
            report.resent_after_restore = self.gateway.call(
                outbox.resend_above, probe.receipt_high_water
            )
            report.notes.append(
                f"Server kabupaten dipulihkan dari cadangan: {report.resent_after_restore} "
                "data dikirim ulang."
            )
        self._push(report, kiosk_id, probe.body_limit)
        self._send_audit_head(report)
        self._pull(report)
        self._pull_reference(report)

    def _push(self, report: SyncReport, kiosk_id: str, body_limit: int) -> None:
        failures = 0  # transient failures in a row, within this pass
        tried: set[str] = set()  # batches sent before: their answer may come from the store
        while True:
            batch = self.gateway.call(outbox.claim_batch, self.batch_size)  # key committed now
            if batch is None:
                return
            body = self.client.batch_body(batch.key, kiosk_id, batch.items)
            if len(body) > body_limit and len(batch.items) > 1:
                self._shrink(batch.key, "melebihi batas ukuran server")
                continue
            op_ids = [i["op_id"] for i in batch.items]
            deadline, began = self.pace.deadline(len(op_ids)), time.monotonic()
            try:
                results = self._authorised(
                    partial(self.client.push, batch.key, body, op_ids, deadline)
                )
            except (TooLarge, Refused) as exc:
                # Sending the same bytes again cannot help: split until the item at fault is
                # alone, then keep it aside (quarantine) and let the rest flow.
                if len(batch.items) == 1:
                    reason = (
                        "terlalu besar untuk server" if isinstance(exc, TooLarge) else exc.detail
                    )
                    self.gateway.call(outbox.quarantine_batch, batch.key, reason)
                    report.quarantined += 1
                    continue
                self._shrink(batch.key, exc.message)
                continue
            except (TimedOut, Offline, ServerBusy, Malformed) as exc:
                failures += 1
                tried.add(batch.key)
                again = isinstance(exc, TimedOut) and self.pace.missed(deadline)
                if isinstance(exc, TimedOut) and not again:
                    self._shrink(batch.key, PushTimedOut.message)  # smaller on a slow link
                else:
                    # Keep the batch as it is: the retry sends the same key and the same bytes.
                    self.gateway.call(outbox.note_failure, batch.key, exc.message)
                if failures >= IN_PASS_RETRIES:
                    if isinstance(exc, TimedOut):
                        raise PushTimedOut(exc.detail) from exc
                    raise
                report.retries += 1
                cut = isinstance(exc, Offline) or again
                self.sleep(self._in_pass_wait(failures, exc.retry_after, cut))
                continue
            failures = 0
            took, first = time.monotonic() - began, batch.key not in tried
            if self.pace.answered(len(op_ids), took, first):
                self.client.fresh_connection()  # a slow connection: the next one is new
            applied = self.gateway.call(outbox.apply_results, batch.key, results)
            report.sent += applied.sent
            report.conflicts += applied.conflicts
            report.quarantined += applied.quarantined
            self._learn(min(MAX, self.batch_size + max(1, self.batch_size // 2)))
            if applied.retry and not applied.sent:
                return  # the server asked for later; do not spin

    def _send_audit_head(self, report: SyncReport) -> None:
        """The audit chain's head to the kabupaten, which keeps it where this database cannot
        rewrite it (contract 1.1). A refusal means the trail was cut or rewritten since the
        last acknowledged head: a note for the officer, the data still flows."""
        try:
            last = self._authorised(self.client.audit_head)
            head = self.gateway.call(upstream_head, last["seq"] if last else None)
            ok, held = self._authorised(partial(self.client.send_audit_head, head))
        except (Offline, TimedOut, ServerBusy, Malformed) as exc:
            report.notes.append(f"Kepala jejak audit belum terkirim: {exc.message}")
            return
        if not ok and held is not None:
            report.notes.append(
                "Kabupaten menolak kepala jejak audit kios ini: rantai tidak menyambung dengan "
                f"kepala no. {held['seq']} yang diterimanya sebelumnya. Jejak audit mungkin "
                "dipotong atau ditulis ulang; jalankan 'puskesos audit verify'."
            )

    def acknowledged_head(self) -> Anchor | None:
        """The last audit head the kabupaten acknowledged (``audit verify`` compares with it);
        None when it holds none."""
        access = self.gateway.call(lambda s: outbox.get_secret(s, "access_token"))
        if not access:
            raise NeedsEnrolment()
        self.client.access_token = access
        last = self._authorised(self.client.audit_head)
        return Anchor(int(last["seq"]), str(last["hash"])) if last else None

    @staticmethod
    def _in_pass_wait(failures: int, retry_after: float | None, cut: bool = False) -> float:
        """Short and growing (0.2, 0.4, 0.8 ... 4 s), or what the server asked for if it asked
        for no more than the longest in-pass wait (a longer Retry-After ends the pass). After
        a cut connection (``cut``) the first waits stay short (0.2, 0.2, 0.2, 0.4 ...)."""
        first, longest = IN_PASS_WAIT
        grown = failures - 1 - (CUTS_AT_FIRST_WAIT - 1 if cut else 0)
        wait = min(longest, first * 2 ** max(0, grown))
        if retry_after is not None:
            if retry_after > longest:
                raise ServerBusy("server meminta menunggu", retry_after=retry_after)
            wait = max(wait, float(retry_after))
        return float(wait)

    def _learn(self, size: int) -> None:
        if size != self.batch_size:
            self.batch_size = size
            self.gateway.call(lambda s: outbox.set_state(s, "batch_size", str(size)))

    def _shrink(self, key: str, reason: str) -> None:
        self._learn(max(MIN, self.batch_size // 2))
        self.gateway.call(outbox.release_batch, key, reason)

    def _pull(self, report: SyncReport) -> None:
        cursor = self.gateway.call(lambda s: outbox.get_state(s, "pull_cursor"))
        while True:
            try:
                changes, next_cursor, more = self._authorised(partial(self.client.changes, cursor))
            except CursorUnknown:
                if not cursor:
                    raise Malformed("cursor kosong ditolak") from None
                cursor = ""
                report.notes.append(CursorUnknown.message)
                continue
            if more and (next_cursor == cursor or not changes):
                # "More" without moving on would spin forever: a server that lies.
                raise Malformed("server meminta unduh lagi tanpa maju")
            report.pulled += self.gateway.call(outbox.apply_changes, changes, next_cursor)
            cursor = next_cursor
            if not more:
                return

    def _pull_reference(self, report: SyncReport) -> None:
        """The kabupaten's programme catalogue and holidays, at most once an hour. The pass's
        own work is done by now: a failure here is a note, and the office keeps what it has."""
        now = self.clock.now()
        last = self.gateway.call(lambda s: outbox.get_state(s, "reference_checked_at"))
        try:
            # A clock set back (a negative age) must not stop the looks for as long.
            if last and 0 <= (now - datetime.fromisoformat(last)).total_seconds() < REFERENCE_EVERY:
                return
        except ValueError:
            pass  # an unreadable stamp: check now
        for dataset in DATASETS:
            try:
                data = self.client.reference(dataset)
                if data is None:
                    continue
                changed = self.gateway.call(
                    apply_reference, dataset, str(data["version"]), list(data["items"])
                )
            except UpstreamError as exc:
                report.notes.append(f"{REFERENCE_WORDS[dataset]} belum diperbarui: {exc.message}")
                return
            except ValidationError as exc:
                report.notes.append(
                    f"{REFERENCE_WORDS[dataset]} dari kabupaten ditolak ({exc}); yang lama tetap "
                    "dipakai. Beri tahu pengelola SLRT kabupaten."
                )
                continue
            if changed:
                report.notes.append(
                    f"{REFERENCE_WORDS[dataset]} diperbarui dari kabupaten "
                    f"(versi {data['version']}, {changed} berubah)."
                )
        stamp = now.isoformat()
        self.gateway.call(lambda s: outbox.set_state(s, "reference_checked_at", stamp))

    def _skew(self, server_time: str) -> float | None:
        try:
            server = datetime.fromisoformat(server_time)
        except ValueError:
            return None
        if server.tzinfo is None:
            server = server.replace(tzinfo=UTC)
        return (self.clock.now() - server).total_seconds()

    def _record(self, report: SyncReport) -> None:
        now = self.clock.now().isoformat()
        report.attention = self.gateway.call(
            outbox.record_pass,
            now,
            report.ok,
            report.error,
            report.skew_seconds,
            self.backoff.failures,
        )


def engine_for(gateway: Gateway, clock: Clock | None = None, timeout: float = 15.0) -> SyncEngine:
    """The engine for this kiosk's configured server (``PUSKESOS_UPSTREAM_CA``: a CA file)."""
    url = gateway.call(lambda s: outbox.get_state(s, "upstream_url"))
    if not url:
        raise NeedsEnrolment("alamat server belum diatur")
    client = UpstreamClient(url, timeout=timeout, ca_file=os.environ.get("PUSKESOS_UPSTREAM_CA"))
    return SyncEngine(gateway, client, clock)
