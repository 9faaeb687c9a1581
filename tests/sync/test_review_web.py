"""The supervisor's review on the kabupaten server (issue #32, "supervision where the supervisor
is"), kiosk and real server on 127.0.0.1: under Kendal (Perbup 36/2023 art. 20(4)-(5)) a
result waits, its messages held; the office asks the kabupaten; the supervisor of that
kecamatan approves or returns it on the web page; the decision comes back through the changes
feed and is applied like the window's review. Another kecamatan's supervisor sees nothing."""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import select

from kabupaten import people
from kiosk import case_rules as rules
from kiosk.models import Case, CaseEvent
from kiosk.roles import Role
from kiosk.services import approval_inbox as inbox
from kiosk.services import approvals as ap
from kiosk.services import resolutions
from kiosk.services.cases import move_case
from kiosk.services.profiles import use_profile
from tests.backoffice.helpers import open_case
from tests.sync.conftest import drain
from tests.sync.test_review_upstream import about, enrolled
from tests.sync.web_helpers import add_users, log_in, token


@pytest.fixture
def kendal(gateway, office, upstream):
    gateway.call(use_profile, office[Role.ADMIN], "kendal")
    add_users(upstream.store)
    return enrolled(gateway, office, upstream)


def waiting_result(gateway, office, engine, text: str = "Dibantu sembako desa"):
    """A result proposed by the back office, waiting for the supervisor, its ask sent up."""
    bo = office[Role.BACK_OFFICE]
    case = open_case(gateway, office)
    gateway.call(move_case, bo, case.case_id, rules.REVIEW)
    gateway.call(resolutions.propose_resolution, bo, case.case_id, text)
    drain(engine)
    return case


def request_of(upstream, case_id) -> str:
    [op] = [
        o
        for o in upstream.store.operations()
        if o["entity_id"] == str(case_id) and o["op_type"] == "tinjauan_diminta"
    ][-1:]
    return str(json.loads(op["body"])["payload"]["request_id"])


def client_of(upstream, name: str):
    client = upstream.thread.server.app.test_client()
    log_in(client, name)
    return client


def review(client, rid: str, choice: str, note: str = ""):
    return client.post(
        f"/web/tinjauan/{rid}/putuskan",
        data={"keputusan": choice, "catatan": note, "csrf_token": token(client, "/web/")},
    )


def history(session, case_id) -> list[tuple[str, str]]:
    session.expire_all()
    rows = session.scalars(
        select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.position)
    )
    return [(e.kind, e.note or "") for e in rows]


def test_the_kecamatan_supervisor_approves_on_the_web_and_the_case_goes_up(
    kendal, gateway, office, upstream, session
):
    case = waiting_result(gateway, office, kendal)
    assert about(upstream, case.case_id) == ["tinjauan_diminta"]  # only the ask
    rid = request_of(upstream, case.case_id)
    sup = client_of(upstream, "sup_sini")
    inbox_page = sup.get("/web/").get_data(as_text=True)
    assert f"/web/tinjauan/{rid}" in inbox_page and case.tracking_number in inbox_page
    page = sup.get(f"/web/tinjauan/{rid}").get_data(as_text=True)
    assert "Dibantu sembako desa" in page and "Sukamaju" in page
    assert "PKH tahap 3 belum cair" not in page  # no complaint words
    assert "3324********" in page  # the NIK masked
    assert review(sup, rid, "setuju").status_code == 302
    assert review(sup, rid, "setuju").status_code == 409  # a double submit: written once
    assert f"/web/tinjauan/{rid}" not in sup.get("/web/").get_data(as_text=True)
    drain(kendal)  # the decision comes down, the released messages wait for the next push
    drain(kendal)
    arrived = about(upstream, case.case_id)
    assert "kasus_dicatat" in arrived and arrived[-1] == "kasus_ditinjau"
    notes = [note for kind, note in history(session, case.case_id) if kind == "ditinjau"]
    assert len(notes) == 1 and "sup_sini" in notes[0]
    session.expire_all()
    assert session.get(Case, case.case_id).status == rules.RESOLVED
    audit = [
        r for r in people.audit_rows(upstream.store.engine) if r["subject_id"] == str(case.case_id)
    ]
    assert [(r["username"], r["action"]) for r in audit] == [("sup_sini", "tinjauan_diputuskan")]


def test_other_kecamatan_and_other_roles_cannot_see_or_decide(
    kendal, gateway, office, upstream, session
):
    case = waiting_result(gateway, office, kendal)
    rid = request_of(upstream, case.case_id)
    other = client_of(upstream, "sup_lain")
    assert f"/web/tinjauan/{rid}" not in other.get("/web/").get_data(as_text=True)
    assert other.get(f"/web/tinjauan/{rid}").status_code == 404
    assert review(other, rid, "setuju").status_code == 404
    for name in ("manajer", "kadis", "dinkes"):
        assert client_of(upstream, name).get(f"/web/tinjauan/{rid}").status_code == 403
    drain(kendal)
    assert about(upstream, case.case_id) == ["tinjauan_diminta"]  # still held


def test_returned_with_a_note_comes_back_to_the_back_office(
    kendal, gateway, office, upstream, session
):
    case = waiting_result(gateway, office, kendal)
    rid = request_of(upstream, case.case_id)
    sup = client_of(upstream, "sup_sini")
    assert review(sup, rid, "kembalikan").status_code == 302  # no note: not decided
    assert f"/web/tinjauan/{rid}" in sup.get("/web/").get_data(as_text=True)
    assert review(sup, rid, "kembalikan", "Tulis jumlah sembako").status_code == 302
    drain(kendal)
    drain(kendal)
    session.expire_all()
    stored = session.get(Case, case.case_id)
    assert stored.status == rules.IN_PROGRESS and stored.decision is None
    returned = [n for k, n in history(session, case.case_id) if k == "dikembalikan_dilengkapi"]
    assert (
        len(returned) == 1 and "Tulis jumlah sembako" in returned[0] and "sup_sini" in returned[0]
    )
    assert about(upstream, case.case_id) == ["tinjauan_diminta"]  # nothing else went up
    # Resubmitted: a new ask, in the supervisor's inbox again.
    gateway.call(resolutions.propose_resolution, office[Role.BACK_OFFICE], case.case_id, "10 kg")
    drain(kendal)
    again = request_of(upstream, case.case_id)
    assert again != rid and f"/web/tinjauan/{again}" in sup.get("/web/").get_data(as_text=True)


def test_reviewed_in_the_window_first_the_web_decision_is_refused_or_ignored(
    kendal, gateway, office, upstream, session
):
    first = waiting_result(gateway, office, kendal)
    second = waiting_result(gateway, office, kendal, "Dibantu beras")
    rid1, rid2 = request_of(upstream, first.case_id), request_of(upstream, second.case_id)
    window_sup = office[Role.SUPERVISOR]
    steps = {p.case_id: p.step_id for p in gateway.call(inbox.pending_approvals, window_sup)}
    gateway.call(ap.vote, window_sup, steps[first.case_id], ap.APPROVE)
    gateway.call(ap.vote, window_sup, steps[second.case_id], ap.REJECT, "Kurang data")
    sup = client_of(upstream, "sup_sini")
    assert review(sup, rid2, "setuju").status_code == 302  # before the office's news arrives
    drain(kendal)
    drain(kendal)
    # The office had returned the second: the web's approval is ignored, nothing released.
    session.expire_all()
    assert session.get(Case, second.case_id).status == rules.IN_PROGRESS
    assert about(upstream, second.case_id) == ["tinjauan_diminta", "tinjauan_selesai"]
    # The first was approved in the window: the page says so and takes no decision.
    page = sup.get(f"/web/tinjauan/{rid1}").get_data(as_text=True)
    assert "Sudah ditinjau di Puskesos" in page and "Simpan tinjauan" not in page
    assert review(sup, rid1, "setuju").status_code == 409
    assert f"/web/tinjauan/{rid1}" not in sup.get("/web/").get_data(as_text=True)


def test_an_erasure_upstream_blanks_the_ask(kendal, gateway, office, upstream, session):
    """The ask names the person by id only, so the person's erasure finds it and blanks its
    words and the masked NIK, even while the case itself has not come up."""
    case = waiting_result(gateway, office, kendal)
    [ask] = [o for o in upstream.store.operations() if o["op_type"] == "tinjauan_diminta"]
    person = json.loads(ask["body"])["payload"]["person_id"]
    erasure = {
        "op_id": str(uuid.uuid4()),
        "entity_type": "person",
        "entity_id": person,
        "op_type": "identitas_dihapus",
        "schema_version": 1,
        "created_at": "2026-12-05T10:00:00+00:00",
        "payload": {"person_id": person, "erased_at": "2026-12-05T10:00:00+00:00"},
    }
    upstream.store.ingest("hapus", "3324012001", "h", {"batch_id": "hapus", "items": [erasure]})
    rid = request_of(upstream, case.case_id)
    page = client_of(upstream, "sup_sini").get(f"/web/tinjauan/{rid}").get_data(as_text=True)
    assert "Dibantu sembako desa" not in page and "3324********" not in page
