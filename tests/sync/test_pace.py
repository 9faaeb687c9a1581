"""A held or slow answer is left early once the link's real pace is known, and the same bytes
go again on a fresh connection: the pass does not wait out the 15 s read timeout, and every
operation still arrives exactly once."""

from __future__ import annotations

import time

from kiosk.services.outbox import set_state
from sync.pace import Pace
from tests.sync.conftest import assert_exactly_once, make_engine


def _small_batches(gateway) -> None:
    gateway.call(lambda s: set_state(s, "batch_size", "5"))


def test_an_answer_held_5_s_is_left_early_and_the_same_batch_resent(
    gateway, kiosk, upstream, session
):
    engine = make_engine(gateway, upstream.url, timeout=15.0)
    _small_batches(gateway)
    real, keys = engine.client.push, []

    def push(key, body, ids, deadline=None):
        keys.append(key)
        answer = real(key, body, ids, deadline)
        if len(keys) == 1:  # the first answer came at the link's pace; hold the next one
            upstream.faults(delay_after_commit=5.0, delay_times=1)
        return answer

    engine.client.push = push
    began = time.monotonic()
    report = engine.run_once()
    took = time.monotonic() - began
    assert report.ok and report.retries == 1
    assert took < 4.5, f"waited {took:.1f} s for a held answer"
    assert keys[1] == keys[2]  # the same batch again (the server answers it from its store)
    upstream.wait_quiet()
    assert_exactly_once(session, upstream)


def test_a_slow_connection_is_left_for_a_fresh_one(gateway, kiosk, upstream, proxy, session):
    engine = make_engine(gateway, proxy.url, timeout=15.0)
    _small_batches(gateway)
    proxy.plan.bytes_per_second = 300  # a connection on a crawling route
    real, calls = engine.client.push, []

    def push(key, body, ids, deadline=None):
        calls.append(key)
        if len(calls) == 2:  # the second batch goes on a new connection, a slow one
            engine.client.http.close()
            proxy.plan.p_slow = 1.0
        try:
            return real(key, body, ids, deadline)
        finally:
            proxy.plan.p_slow = 0.0

    engine.client.push = push
    began = time.monotonic()
    report = engine.run_once()
    took = time.monotonic() - began
    assert report.ok and report.retries == 1 and calls[1] == calls[2]
    assert took < 6.0, f"waited {took:.1f} s on a slow connection"
    assert_exactly_once(session, upstream)


def test_deadlines_follow_the_best_first_answers_and_grow_after_a_miss():
    pace = Pace(ceiling=15.0)
    assert pace.deadline(100) == 15.0  # nothing measured yet: the client's own timeout
    assert not pace.answered(100, 0.5)  # 200 operations a second
    assert pace.deadline(100) == 0.75 + 2 * 0.5
    assert not pace.answered(100, 0.01, first=False)  # from the server's store: not learnt
    assert pace.deadline(100) == 0.75 + 2 * 0.5
    assert pace.missed(pace.deadline(100))  # shorter than the ceiling: send the same again
    assert pace.deadline(100) == 2 * (0.75 + 2 * 0.5)
    for _ in range(4):
        pace.missed(pace.deadline(100))
    assert pace.deadline(100) == 15.0 and not pace.missed(15.0)  # the link itself is slow
    assert pace.answered(100, 2.0)  # four times the best: a slow connection, drop it
    assert pace.deadline(100) == 0.75 + 2 * 0.5  # misses forgotten, the best still the best
