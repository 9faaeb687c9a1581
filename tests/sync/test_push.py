"""Pushing the outbox through the faults villages see; after each, exactly once on the server."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk import case_rules as rules
from kiosk.clock import Clock
from kiosk.models import Case, SyncState
from kiosk.roles import Role
from kiosk.services import cases as case_service
from sync.client import ServerBusy, UpstreamClient
from sync.engine import IN_PASS_RETRIES, SyncEngine
from tests.backoffice.helpers import open_case
from tests.sync.conftest import assert_exactly_once, drain, local_ops, make_engine


def test_clean_push_marks_cases_accepted_upstream(kiosk, upstream, session):
    report = kiosk.run_once()
    assert report.ok and report.sent == len(local_ops(session)) >= 20
    assert_exactly_once(session, upstream)
    session.expire_all()
    assert {c.upstream_state for c in session.scalars(select(Case))} == {"diterima"}


def test_server_500s_are_retried_within_the_pass(kiosk, upstream, session):
    """A few failures in a row: the pass waits a little and sends the same bytes again
    instead of ending (a village link's cuts used to end every pass)."""
    upstream.faults(counts={"batch_500": 3})
    first = kiosk.run_once()
    assert first.ok and first.retries == 3 and kiosk.slept == [0.2, 0.4, 0.8]
    assert_exactly_once(session, upstream)


def test_a_server_that_stays_broken_ends_the_pass_marking_nothing(kiosk, upstream, session):
    upstream.faults(counts={"batch_500": IN_PASS_RETRIES})
    first = kiosk.run_once()
    assert not first.ok and "bermasalah" in first.error and first.next_delay > 0
    assert first.retries == IN_PASS_RETRIES - 1
    assert [o for o in local_ops(session) if o.state == "sent"] == []
    drain(kiosk)
    assert_exactly_once(session, upstream)


def test_503_with_retry_after_is_honoured(kiosk, upstream):
    upstream.faults(counts={"batch_503": 1})
    report = kiosk.run_once()
    assert report.ok and report.retries == 1 and kiosk.slept == [1.0]  # Retry-After: 1
    with pytest.raises(ServerBusy) as longer:  # a longer wait than a pass waits: next pass
        SyncEngine._in_pass_wait(1, 120.0)
    assert longer.value.retry_after == 120.0


def test_timeout_after_the_server_committed(gateway, kiosk, upstream, session):
    upstream.faults(delay_after_commit=2.0, delay_times=1)
    slow = make_engine(gateway, upstream.url, timeout=0.5)
    slow.client.access_token = ""
    report = slow.run_once()
    assert report.ok and report.retries == 1  # halved, then sent again in the same pass
    assert session.get(SyncState, "batch_size").value == "37"  # 50 -> 25, then grown by half
    upstream.wait_quiet()  # the held answer has gone out
    drain(slow)
    assert_exactly_once(session, upstream)


@pytest.mark.parametrize("where", ["reset_request", "reset_response"])
def test_connection_reset_mid_request_and_mid_response(
    gateway, kiosk, upstream, proxy, session, where
):
    setattr(proxy.plan, where, 2)
    engine = make_engine(gateway, proxy.url)
    first = engine.run_once()
    assert first.ok and proxy.cuts == 2 and first.retries == 2  # the pass went on
    assert_exactly_once(session, upstream)
    if where == "reset_response":  # committed, answer lost, resent: counted once
        assert {o["op_id"] for o in upstream.store.operations()} == {
            str(o.op_id) for o in local_ops(session)
        }


def test_a_burst_of_cut_connections_is_retried_without_growing_waits(
    gateway, kiosk, upstream, proxy, session
):
    """Cuts are the village link's weather: the first three retries wait the first wait, and
    only a longer burst backs off (a server's 500s back off at once, as above)."""
    proxy.plan.reset_request = 4
    engine = make_engine(gateway, proxy.url)
    first = engine.run_once()
    assert first.ok and proxy.cuts == 4 and engine.slept == [0.2, 0.2, 0.2, 0.4]
    assert_exactly_once(session, upstream)


def test_duplicate_delivery_sequential_and_concurrent(kiosk, upstream, session):
    client = kiosk.client
    items = [
        {
            "op_id": str(o.op_id),
            "entity_type": o.entity_type,
            "entity_id": str(o.entity_id),
            "op_type": o.op_type,
            "schema_version": o.schema_version,
            "created_at": o.created_at.isoformat(),
            "payload": o.payload,
        }
        for o in local_ops(session)[:5]
    ]
    body = client.batch_body("kunci-1", "3324012001", items)
    ids = [i["op_id"] for i in items]
    first = client.push("kunci-1", body, ids)
    again = client.push("kunci-1", body, ids)  # the same key and bytes: the same answer
    assert first == again and {r["status"] for r in first.values()} == {"accepted"}
    other_key = client.batch_body("kunci-2", "3324012001", items)
    assert {r["status"] for r in client.push("kunci-2", other_key, ids).values()} == {"duplicate"}
    # the same new batch from two threads at once: one stores, both get the same answer
    fresh = [dict(i, op_id=i["op_id"][:-4] + "beef") for i in items]
    body3 = client.batch_body("kunci-3", "3324012001", fresh)
    answers: list[dict] = []

    def send() -> None:
        answers.append(_push(upstream.url, client.access_token, body3, [i["op_id"] for i in fresh]))

    threads = [threading.Thread(target=send) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(answers) == 4 and all(a == answers[0] for a in answers)
    stored = [o["op_id"] for o in upstream.store.operations()]
    assert len(stored) == len(set(stored)) == 10


def _push(url: str, token: str, body: bytes, ids: list[str]) -> dict:
    c = UpstreamClient(url)
    c.access_token = token
    return c.push("kunci-3", body, ids)


def test_token_expiry_mid_batch_refreshes_once_and_resends(kiosk, upstream, session):
    kiosk.batch_size = 4  # several batches in one pass; the token dies after the first
    upstream.faults(expire_after_batches=1)
    before = session.get(SyncState, "refresh_token").value
    report = kiosk.run_once()
    assert report.ok, report.error
    session.expire_all()
    assert session.get(SyncState, "refresh_token").value != before  # refreshed mid-pass
    assert_exactly_once(session, upstream)
    # and a token already dead when the pass starts
    upstream.faults(expire_tokens=True)
    assert kiosk.run_once().ok


def test_a_revoked_enrolment_pauses_without_quarantine(gateway, kiosk, upstream, session):
    upstream.faults(expire_tokens=True)
    upstream.store.engine.dispose()
    with upstream.store.engine.begin() as c:
        c.exec_driver_sql("DELETE FROM tokens")
    report = kiosk.run_once()
    assert report.paused and "belum terdaftar" in report.error
    assert {o.state for o in local_ops(session)} <= {"pending", "sending"}


def test_small_body_limit_413_shrinks_batches(kiosk, upstream, session):
    upstream.faults(body_limit=3000)
    drain(kiosk)
    assert kiosk.batch_size < 50
    assert_exactly_once(session, upstream)


@pytest.mark.parametrize(
    "fault", ["batch_html", "batch_truncate", "batch_wrong_id", "batch_drop_item"]
)
def test_malformed_replies_mark_nothing(gateway, office, kiosk, upstream, session, fault):
    upstream.faults(counts={fault: IN_PASS_RETRIES})  # every try of the pass lied
    report = kiosk.run_once()
    assert not report.ok and "tidak dapat dipercaya" in report.error
    assert [o for o in local_ops(session) if o.state == "sent"] == []
    drain(kiosk)
    assert_exactly_once(session, upstream)
    upstream.faults(counts={fault: 1})  # one lie among truths: retried within the pass
    open_case(gateway, office)
    again = kiosk.run_once()
    assert again.ok and again.retries == 1
    assert_exactly_once(session, upstream)


def test_one_invalid_item_is_quarantined_and_holds_back_only_its_record(
    gateway, office, kiosk, upstream, session
):
    bad = next(o for o in local_ops(session) if o.op_type == "kasus_dicatat")
    bad.schema_version = 99  # a version the server does not accept
    session.commit()
    report = kiosk.run_once()
    assert report.ok and report.quarantined == 1 and report.sent == len(local_ops(session)) - 1
    quarantined = [o for o in local_ops(session) if o.state == "quarantined"]
    assert [o.op_id for o in quarantined] == [bad.op_id]
    assert "schema_version 99" in quarantined[0].last_error
    # A later change to that case waits behind it; a change to another case still flows.
    other = next(
        o
        for o in local_ops(session)
        if o.op_type == "kasus_dicatat" and o.entity_id != bad.entity_id
    )
    bo = office[Role.BACK_OFFICE]
    gateway.call(case_service.move_case, bo, bad.entity_id, rules.REVIEW)
    gateway.call(case_service.move_case, bo, other.entity_id, rules.REVIEW)
    report = kiosk.run_once()
    assert report.ok and report.sent == 1
    held = [o for o in local_ops(session) if o.state == "pending"]
    assert [(o.entity_id, o.op_type) for o in held] == [(bad.entity_id, "kasus_status")]


def test_server_restored_from_an_older_backup_gets_everything_again(
    gateway, office, kiosk, upstream, session
):
    import shutil

    kiosk.run_once()
    backup = upstream.db_path.with_suffix(".backup")
    upstream.store.engine.dispose()
    shutil.copy(upstream.db_path, backup)
    for _ in range(5):
        open_case(gateway, office)
    kiosk.run_once()
    assert_exactly_once(session, upstream)
    # the kabupaten restores last night's backup: the last five cases are gone there
    upstream.thread.stop()
    upstream.store.engine.dispose()
    shutil.copy(backup, upstream.db_path)
    upstream.restart()
    kiosk.client.base = upstream.url
    report = kiosk.run_once()
    assert report.ok and report.resent_after_restore > 0
    assert any("cadangan" in n for n in report.notes)
    assert_exactly_once(session, upstream)


def test_slow_lossy_link(gateway, kiosk, upstream, proxy, session):
    proxy.plan.slow, proxy.plan.bytes_per_second, proxy.plan.loss = True, 400_000, 0.3
    engine = make_engine(gateway, proxy.url, timeout=5)
    drain(engine, passes=40)
    assert_exactly_once(session, upstream)


@pytest.mark.parametrize("hours", [36, -36])
def test_clock_skew_of_36_hours(gateway, kiosk, upstream, session, hours):
    skewed = Clock(frozen=Clock().now() + timedelta(hours=hours))
    engine = make_engine(gateway, upstream.url, clock=skewed)
    report = engine.run_once()
    assert report.ok, report.error
    assert abs(report.skew_seconds - hours * 3600) < 120
    assert any("Jam komputer" in n for n in report.notes)
    assert_exactly_once(session, upstream)


def test_kill_9_mid_batch_then_resume(ctx, kiosk, upstream, session, tmp_path):
    """A real ``puskesos sync --once`` process killed while the server holds the answer."""
    upstream.faults(delay_after_commit=4.0, delay_times=1)
    env = dict(os.environ, PUSKESOS_LOG="ERROR")
    cmd = [sys.executable, "-m", "ui.cli", "--db", ctx.url, "--data-dir", str(ctx.paths.data_dir)]
    cmd += ["sync", "--once", "--json"]
    proc = subprocess.Popen(
        cmd,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.time() + 20
    while not upstream.store.operations() and time.time() < deadline:
        time.sleep(0.05)
    assert upstream.store.operations(), "the batch never reached the server"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    states = {o.state for o in local_ops(session)}
    assert "sending" in states and "sent" not in states  # key kept, nothing believed
    upstream.wait_quiet()  # the answer the killed process waited for has gone out
    done = subprocess.run(
        cmd,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1])["ok"]
    assert_exactly_once(session, upstream)


def test_a_second_process_resumes_what_the_first_learnt(gateway, office, kiosk, upstream, session):
    """``puskesos sync --once`` is a new process each time: the batch size it learnt on a slow
    link and its count of failed passes come from the sync state, not from scratch."""
    upstream.faults(delay_after_commit=1.0, delay_times=1)
    first = make_engine(gateway, upstream.url, timeout=0.3)
    assert first.run_once().ok and first.batch_size == 37  # 50 -> 25 -> 37
    upstream.wait_quiet()
    second = make_engine(gateway, upstream.url)  # as a new process builds it
    assert second.batch_size == 50
    assert second.run_once().ok and second.batch_size == 37
    upstream.faults(counts={"batch_500": IN_PASS_RETRIES})
    open_case(gateway, office)
    assert not second.run_once().ok
    session.expire_all()
    assert session.get(SyncState, "backoff_failures").value == "1"
    third = make_engine(gateway, upstream.url)
    upstream.faults(counts={"batch_500": IN_PASS_RETRIES})
    assert not third.run_once().ok and third.backoff.failures == 2
    assert third.run_once().ok and third.backoff.failures == 0
    assert_exactly_once(session, upstream)


def test_enrolment_is_retried_over_a_dropped_link(gateway, upstream):
    from sync.client import Offline

    engine = make_engine(gateway, upstream.url)
    real, calls = engine.client.enrol, []

    def flaky(kiosk_id, code):
        calls.append(kiosk_id)
        if len(calls) < 3:
            raise Offline("koneksi terputus")
        return real(kiosk_id, code)

    engine.client.enrol = flaky
    engine.enrol("3324012001", "RAHASIA-UJI")
    assert len(calls) == 3 and engine.slept == [0.5, 1.0]
    engine.client.enrol = real
    with pytest.raises(Exception, match="Kode pendaftaran salah"):  # not retried
        engine.enrol("3324012001", "SALAH")


def test_a_batch_the_server_refuses_whole_is_split_to_the_item_at_fault(
    kiosk, upstream, session, monkeypatch
):
    """A 400 or 422 for the whole batch would come back for the same bytes forever: the
    engine halves the batch until the one item the server refuses is alone, quarantines it
    with the server's words, and sends everything else."""
    from sync.client import Refused

    bad = str(local_ops(session)[3].op_id)
    real = kiosk.client.push

    def push(key, body, ids, *deadline):
        if bad in ids:
            raise Refused("HTTP 400: badan permintaan bukan kiriman")
        return real(key, body, ids, *deadline)

    monkeypatch.setattr(kiosk.client, "push", push)
    report = kiosk.run_once()
    assert report.ok and report.quarantined == 1 and report.retries == 0
    (held,) = [o for o in local_ops(session) if o.state == "quarantined"]
    assert str(held.op_id) == bad and "bukan kiriman" in held.last_error
    assert_exactly_once(session, upstream, quarantined=1)
