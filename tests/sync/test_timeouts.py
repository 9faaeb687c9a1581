"""A timeout says what went unanswered: the probe (nothing sent, nothing made smaller) or a
batch (the next ones are smaller); both say the data is kept and what to do."""

from __future__ import annotations

import socket
import time

from kiosk.models import SyncState
from tests.sync.conftest import assert_exactly_once, drain, local_ops, make_engine


def test_a_probe_that_times_out_does_not_speak_of_smaller_batches(gateway, kiosk, session):
    silent = socket.socket()  # a server on 127.0.0.1 that takes the connection, never answers
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    try:
        host, port = silent.getsockname()
        engine = make_engine(gateway, f"http://{host}:{port}", timeout=0.3)
        report = engine.run_once()
    finally:
        silent.close()
    assert not report.ok
    assert "lebih kecil" not in report.error
    assert report.error.startswith(
        "Server kabupaten tidak menjawab pemeriksaan sambungan tepat waktu; belum ada data "
        "yang dikirim dan semuanya tetap tersimpan."
    )
    assert "periksa sambungan internet" in report.error
    assert session.get(SyncState, "batch_size") is None  # no batch was made smaller
    assert {o.state for o in local_ops(session)} == {"pending"}


def test_batches_that_time_out_say_the_next_ones_are_smaller(gateway, kiosk, upstream, session):
    upstream.faults(delay_after_commit=0.8, delay_times=8)
    slow = make_engine(gateway, upstream.url, timeout=0.3)
    report = slow.run_once()
    assert not report.ok
    assert report.error == (
        "Server kabupaten terlalu lama menjawab kiriman data; data tetap tersimpan dan akan "
        "dicoba lagi dengan kiriman lebih kecil."
    )
    assert int(session.get(SyncState, "batch_size").value) < 50
    time.sleep(2.0)
    drain(make_engine(gateway, upstream.url))
    assert_exactly_once(session, upstream)
