"""A double click or a second tab: the kabupaten's decision, the agency's acceptance and its
answer are written once, the second submit is told in words what already stands (never a 500,
never a second change in the kiosk's feed), and a refresh token brought twice at the same
moment gives one pair of tokens, not two."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable

import requests
from sqlalchemy import select

from kabupaten import people
from kabupaten.tables import changes
from tests.sync.conftest import ENROLMENT
from tests.sync.web_helpers import add_users, log_in, referral_at_kabupaten, token


def at_once(*calls: Callable[[], object]) -> list[object]:
    """Run the calls on their own threads, released together."""
    gate = threading.Barrier(len(calls))
    out: list[object] = [None] * len(calls)

    def run(i: int) -> None:
        gate.wait()
        out[i] = calls[i]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return out


def feed(upstream, ref, kind: str) -> list[dict]:
    with upstream.store.engine.connect() as c:
        rows = c.execute(select(changes.c.body).where(changes.c.entity_id == str(ref))).all()
    return [b for b in (json.loads(r.body) for r in rows) if b["kind"] == kind]


def audited(upstream, ref, action: str) -> int:
    rows = people.audit_rows(upstream.store.engine)
    return sum(1 for r in rows if r["subject_id"] == str(ref) and r["action"] == action)


def tabs(app, name: str, n: int = 2):
    """``n`` browsers logged in as ``name``, each with its form token."""
    out = []
    for _ in range(n):
        client = app.test_client()
        log_in(client, name)
        out.append((client, token(client, "/web/")))
    return out


def test_two_managers_deciding_at_once_decide_once(upstream, gateway, office, kiosk, session):
    add_users(upstream.store)
    app = upstream.thread.server.app
    _case, ref = referral_at_kabupaten(gateway, office, kiosk)
    (a, ta), (b, tb) = tabs(app, "manajer")
    url = f"/web/rujukan/{ref}/putuskan"
    answers = at_once(
        lambda: a.post(url, data={"keputusan": "setuju", "csrf_token": ta}),
        lambda: b.post(url, data={"keputusan": "setuju", "csrf_token": tb}),
    )
    assert sorted(r.status_code for r in answers) == [302, 409]
    loser = next(r for r in answers if r.status_code == 409).get_data(as_text=True)
    assert "sudah diputuskan (disetujui)" in loser
    assert len(feed(upstream, ref, "approval_decision")) == 1
    assert audited(upstream, ref, "rujukan_diputuskan") == 1
    # A third click later, with another choice: still the first decision, in words.
    late = a.post(url, data={"keputusan": "tolak", "alasan": "x", "csrf_token": ta})
    assert late.status_code == 409 and "sudah diputuskan (disetujui)" in late.get_data(True)
    assert kiosk.run_once().pulled == 1


def test_the_agency_accepts_and_answers_once_from_two_tabs(upstream, gateway, office, kiosk):
    add_users(upstream.store)
    app = upstream.thread.server.app
    _case, ref = referral_at_kabupaten(gateway, office, kiosk)
    ((m, tm),) = tabs(app, "manajer", 1)
    m.post(f"/web/rujukan/{ref}/putuskan", data={"keputusan": "setuju", "csrf_token": tm})
    (a, ta), (b, tb) = tabs(app, "dinkes")
    accept = f"/web/rujukan/{ref}/terima"
    taken = at_once(
        lambda: a.post(accept, data={"csrf_token": ta}),
        lambda: b.post(accept, data={"csrf_token": tb}),
    )
    assert [r.status_code for r in taken] == [302, 302]  # both land on the case, no 500
    assert audited(upstream, ref, "rujukan_diterima") == 1
    answer = {"outcome": "dilayani", "served_on": "2026-08-20", "given": "Kartu PBI-JK"}
    url = f"/web/rujukan/{ref}/jawab"
    answers = at_once(
        lambda: a.post(url, data={**answer, "csrf_token": ta}),
        lambda: b.post(url, data={**answer, "given": "Obat", "csrf_token": tb}),
    )
    assert sorted(r.status_code for r in answers) == [302, 409]
    loser = next(r for r in answers if r.status_code == 409).get_data(as_text=True)
    assert "sudah dijawab" in loser
    assert len(feed(upstream, ref, "referral_answer")) == 1
    assert audited(upstream, ref, "rujukan_dijawab") == 1
    again = a.post(url, data={**answer, "csrf_token": ta})
    assert again.status_code == 409 and "sudah dijawab" in again.get_data(as_text=True)


def test_a_refresh_token_brought_twice_at_once_gives_one_pair(upstream):
    url = f"{upstream.url}/v1/token"
    for _ in range(8):  # a race: several rounds, each must give exactly one pair
        enrol = {"grant_type": "enrolment", "kiosk_id": "3324012001"}
        enrol["enrolment_code"] = ENROLMENT["3324012001"]
        first = requests.post(url, json=enrol, timeout=5).json()
        body = {"grant_type": "refresh_token", "refresh_token": first["refresh_token"]}

        def refresh(body: dict = body) -> requests.Response:
            return requests.post(url, json=body, timeout=10)

        answers = at_once(refresh, refresh, refresh)
        codes = sorted(r.status_code for r in answers)
        assert codes == [200, 401, 401], codes
        pair = next(r for r in answers if r.status_code == 200).json()
        # The one pair works; the token spent stays spent.
        probe = requests.get(
            f"{upstream.url}/v1/changes",
            headers={"Authorization": f"Bearer {pair['access_token']}"},
            timeout=5,
        )
        assert probe.status_code == 200
        assert requests.post(url, json=body, timeout=5).status_code == 401
