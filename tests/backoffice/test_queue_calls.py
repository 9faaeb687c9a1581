"""Calling the queue at the counters: order, moves, events, times, the public board."""

import threading
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from kiosk.clock import Clock
from kiosk.context import Gateway
from kiosk.errors import Conflict, PermissionDenied
from kiosk.models import QueueEvent, QueueTicket
from kiosk.roles import Role
from kiosk.services import queue_calls as q
from kiosk.services.tickets import issue_ticket
from tests.backoffice.helpers import MONDAY


def at(minutes: int) -> Clock:
    return Clock(frozen=MONDAY.now() + timedelta(minutes=minutes))


def issue(gateway, office, service="pengaduan", priority=None, minute=0):
    return gateway.call(issue_ticket, office[Role.FRONT_OFFICE], service, priority, at(minute))


def test_priority_first_then_longest_wait(gateway, office):
    a1 = issue(gateway, office, minute=0)
    a2 = issue(gateway, office, minute=1)
    elder = issue(gateway, office, priority="lansia", minute=2)
    bo = office[Role.BACK_OFFICE]
    order = [gateway.call(q.call_next, bo, f"loket_{i}", None, at(5)).label for i in (1, 2, 3)]
    assert order == [elder.label, a1.label, a2.label]
    for t in (elder, a1, a2):
        gateway.call(q.finish, bo, t.id, at(6))
    assert gateway.call(q.call_next, bo, "loket_1", None, at(7)) is None  # nobody waiting


def test_the_people_ahead_on_a_ticket_are_those_really_called_before_it(gateway, office):
    """B002 said "11 orang" with one priority ticket ahead: each ticket's estimate counts
    exactly the tickets in line when it was taken that the counters then call first."""
    mix = [
        ("pengaduan", None),
        ("layanan", None),
        ("pengaduan", "lansia"),
        ("informasi", None),
        ("layanan", "korban_kekerasan"),
        ("pengaduan", None),
        ("layanan", "hamil"),
        ("informasi", None),
    ]
    tickets = [issue(gateway, office, s, p, minute=i) for i, (s, p) in enumerate(mix)]
    bo = office[Role.BACK_OFFICE]
    called = []
    while (view := gateway.call(q.call_next, bo, "loket_1", None, at(30))) is not None:
        called.append(view.label)
        gateway.call(q.finish, bo, view.ticket_id, at(30))
    assert called[:3] == ["A002", "B002", "B003"]  # the priority tickets, oldest first
    for i, t in enumerate(tickets):
        before = {x.label for x in tickets[:i]} & set(called[: called.index(t.label)])
        assert t.waiting_ahead == len(before), t.label
        assert t.estimated_wait_minutes == round(len(before) * 7.0)
    assert [t.waiting_ahead for t in tickets] == [0, 1, 0, 3, 1, 5, 2, 7]


def test_unknown_counter_and_busy_counter_are_refused(gateway, office):
    issue(gateway, office)
    issue(gateway, office, minute=1)
    bo = office[Role.BACK_OFFICE]
    with pytest.raises(Exception, match="Loket ini tidak dikenal"):
        gateway.call(q.call_next, bo, "loket_9", None, at(2))
    first = gateway.call(q.call_next, bo, "loket_1", None, at(2))
    with pytest.raises(Conflict, match=f"Nomor {first.label} masih di loket ini"):
        gateway.call(q.call_next, bo, "loket_1", None, at(3))


def test_no_show_recall_later_skip_transfer_and_finish(gateway, office, session):
    t1, t2, t3 = (issue(gateway, office, minute=m) for m in (0, 1, 2))
    fo, bo = office[Role.FRONT_OFFICE], office[Role.BACK_OFFICE]
    called = gateway.call(q.call_next, fo, "loket_1", None, at(5))
    assert called.label == t1.label
    gateway.call(q.mark_no_show, fo, called.ticket_id, at(7))
    # t2 next; skipping it sends it behind t3
    second = gateway.call(q.call_next, fo, "loket_1", None, at(8))
    assert second.label == t2.label
    gateway.call(q.skip, fo, second.ticket_id, at(9))
    third = gateway.call(q.call_next, fo, "loket_1", None, at(10))
    assert third.label == t3.label
    # transfer t3 to the back-office counter; it keeps its place and only loket_2 takes it
    gateway.call(q.start_serving, fo, third.ticket_id, at(11))
    gateway.call(q.transfer, fo, third.ticket_id, "layanan", "loket_2", at(12))
    assert gateway.call(q.call_next, fo, "loket_1", None, at(13)).label == t2.label
    moved = gateway.call(q.call_next, bo, "loket_2", None, at(13))
    assert (moved.label, moved.service_code) == (t3.label, "layanan")
    # the no-show came back: recalled to loket_3
    back = gateway.call(q.recall, bo, called.ticket_id, "loket_3", at(20))
    assert (back.status, back.counter) == ("dipanggil", "loket_3")
    gateway.call(q.start_serving, bo, moved.ticket_id, at(14))
    gateway.call(q.finish, bo, moved.ticket_id, at(24))
    with pytest.raises(Conflict, match="Selesai"):
        gateway.call(q.finish, bo, moved.ticket_id, at(25))
    kinds = session.scalars(
        select(QueueEvent.kind)
        .where(QueueEvent.ticket_id == moved.ticket_id)
        .order_by(QueueEvent.at)
    ).all()
    assert kinds == ["issued", "called", "serving", "transferred", "called", "serving", "ended"]
    state = gateway.call(q.queue_state, bo, None, at(30))
    assert [t.label for t in state.waiting] == []
    assert state.current["loket_3"].label == t1.label
    assert state.mean_wait_minutes is not None and state.mean_service_minutes is not None


def test_wait_and_service_times(gateway, office):
    t = issue(gateway, office, minute=0)
    bo = office[Role.BACK_OFFICE]
    gateway.call(q.call_next, bo, "loket_1", None, at(12))
    gateway.call(q.start_serving, bo, t.id, at(13))
    gateway.call(q.finish, bo, t.id, at(21))
    state = gateway.call(q.queue_state, bo, None, at(30))
    assert (state.mean_wait_minutes, state.mean_service_minutes) == (12.0, 8.0)


def test_board_shows_numbers_per_counter_and_last_five_calls_never_names(gateway, office):
    bo = office[Role.BACK_OFFICE]
    tickets = [issue(gateway, office, minute=m) for m in range(7)]
    for i, t in enumerate(tickets):
        gateway.call(q.call_next, bo, "loket_1", None, at(10 + i))
        gateway.call(q.finish, bo, t.id, at(10 + i))
    gateway.call(q.call_next, bo, "loket_2", None, at(30))  # nobody left: None
    board = gateway.call(q.board_state, at(31))
    assert [label for label, _, _ in board.recent] == [t.label for t in tickets[::-1][:5]]
    assert board.current == {}
    assert {counter for _, counter, _ in board.recent} == {"Loket 1"}


def test_front_office_calls_but_a_supervisor_does_not(gateway, office):
    issue(gateway, office)
    with pytest.raises(PermissionDenied):
        gateway.call(q.call_next, office[Role.SUPERVISOR], "loket_1", None, at(1))
    assert gateway.call(q.call_next, office[Role.FRONT_OFFICE], "loket_1", None, at(1))


def test_two_counters_pressing_next_together_never_get_the_same_ticket(ctx, gateway, office):
    for m in range(6):
        issue(gateway, office, minute=m)
    bo, fo = office[Role.BACK_OFFICE], office[Role.FRONT_OFFICE]
    got: list[str] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(3)

    def counter(actor, code):
        g = Gateway(ctx)
        barrier.wait()
        for _ in range(2):
            try:
                view = g.call(q.call_next, actor, code, None, at(10))
                got.append(view.label)
                g.call(q.finish, actor, view.ticket_id, at(10))
            except Exception as exc:
                if "locked" in str(exc):
                    continue
                errors.append(exc)

    threads = [
        threading.Thread(target=counter, args=(a, c))
        for a, c in ((bo, "loket_1"), (fo, "loket_2"), (bo, "loket_3"))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(got) == len(set(got)) >= 3


def test_queued_at_is_set_on_issue(gateway, office, session):
    t = issue(gateway, office)
    row = session.get(QueueTicket, t.id)
    assert row.queued_at == row.issued_at
    assert isinstance(row.queued_at, datetime) and row.queued_at.tzinfo is not None
