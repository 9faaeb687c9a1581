"""Two offices on one kabupaten server: each token reads and writes only its own office's
records, batch answers, changes and audit heads (contract 1.2, "Tenancy").

A real server on 127.0.0.1, spoken to over HTTP with each office's own token. What was probed
on the server before: kiosk B read every kiosk's status changes, wrote to kiosk A's person
record, and its case status at version 999 on A's case was accepted (A's real updates then
came back as conflicts)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import requests
from sqlalchemy import select

from kabupaten.tables import operations
from tests.sync.conftest import ENROLMENT

A, B = list(ENROLMENT)
NOW = "2026-12-01T08:00:00+00:00"


def token(url: str, office: str) -> dict[str, str]:
    body = {"grant_type": "enrolment", "kiosk_id": office, "enrolment_code": ENROLMENT[office]}
    r = requests.post(f"{url}/v1/token", json=body, timeout=5)
    r.raise_for_status()
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def op(entity_type: str, entity_id: str, op_type: str, **payload: Any) -> dict[str, Any]:
    return {
        "op_id": str(uuid.uuid4()),
        "entity_type": entity_type,
        "entity_id": entity_id,
        "op_type": op_type,
        "schema_version": 1,
        "created_at": NOW,
        "payload": payload,
    }


def push(url: str, auth: dict[str, str], *items: dict[str, Any], key: str = "") -> list[dict]:
    key = key or uuid.uuid4().hex
    r = requests.post(
        f"{url}/v1/batches",
        json={"batch_id": key, "kiosk_id": "x", "items": list(items)},
        headers={**auth, "Idempotency-Key": key},
        timeout=10,
    )
    assert r.status_code == 200, r.text
    return r.json()["results"]


@pytest.fixture
def two(upstream):
    """Office A has recorded a person and a case about them; B is enrolled too."""
    url = upstream.url
    a, b = token(url, A), token(url, B)
    person, case = str(uuid.uuid4()), str(uuid.uuid4())
    results = push(
        url,
        a,
        op("person", person, "warga_dicatat", name="Siti"),
        op("case", case, "kasus_dicatat", tracking_number="T-1", person_id=person),
    )
    assert [r["status"] for r in results] == ["accepted", "accepted"]
    return url, a, b, person, case


def test_another_office_cannot_write_to_a_record_it_does_not_own(two, upstream):
    url, a, b, person, case = two
    results = push(
        url,
        b,
        op("person", person, "warga_diubah", name="Bukan Siti"),
        op("case", case, "kasus_status", status="selesai", version=999),
        op("case", str(uuid.uuid4()), "kasus_dicatat", tracking_number="T-9", person_id=person),
        op("person", str(uuid.uuid4()), "identitas_dihapus", person_id=person, erased_at=NOW),
    )
    assert [r["status"] for r in results] == ["rejected"] * 4
    assert all("kantor lain" in r["detail"] and r["receipt"] is None for r in results)
    # Nothing of B's reached A's records: A's own next status is accepted, not a conflict,
    # and A's person is not erased.
    (mine,) = push(url, a, op("case", case, "kasus_status", status="diproses", version=1))
    assert mine["status"] == "accepted"
    stored = {o["entity_id"]: o for o in upstream.store.operations() if o["entity_id"] == person}
    assert '"Siti"' in stored[person]["body"]
    assert {o["kiosk_id"] for o in upstream.store.operations()} == {A}


def test_an_op_id_of_another_office_is_rejected_not_counted_as_delivered(two, upstream):
    url, _a, b, _person, _case = two
    theirs = upstream.store.operations()[0]["op_id"]
    mine = op("case", str(uuid.uuid4()), "kasus_dicatat", tracking_number="T-2")
    mine["op_id"] = theirs
    (result,) = push(url, b, mine)
    assert result["status"] == "rejected" and result["receipt"] is None


def test_a_batch_key_is_the_office_s_own(two):
    """B's batch under a key A already used is B's batch: stored and answered for B (no 422,
    and never A's results)."""
    url, a, b, _person, _case = two
    key = uuid.uuid4().hex
    first = push(
        url, a, op("case", str(uuid.uuid4()), "kasus_dicatat", tracking_number="A"), key=key
    )
    item = op("case", str(uuid.uuid4()), "kasus_dicatat", tracking_number="B")
    second = push(url, b, item, key=key)
    assert second[0]["op_id"] == item["op_id"] != first[0]["op_id"]
    assert second[0]["status"] == "accepted"


def test_changes_reach_only_the_office_that_owns_the_record(two, upstream):
    url, a, b, _person, case = two
    upstream.add_change(kind="case_status", entity_id=case, status="diproses")
    seen_a = requests.get(f"{url}/v1/changes", headers=a, timeout=5).json()
    seen_b = requests.get(f"{url}/v1/changes", headers=b, timeout=5).json()
    assert [c["entity_id"] for c in seen_a["changes"]] == [case]
    assert seen_b["changes"] == [] and not seen_b["has_more"]
    # A's cursor names A's change: it is not a place in B's list.
    stolen = requests.get(
        f"{url}/v1/changes", params={"cursor": seen_a["next_cursor"]}, headers=b, timeout=5
    )
    assert stolen.status_code == 410


def test_audit_heads_are_kept_per_office(two):
    url, a, b, _person, _case = two
    head_a = {"seq": 5, "hash": "a" * 64}
    assert requests.post(f"{url}/v1/audit-heads", json=head_a, headers=a, timeout=5).ok
    assert requests.get(f"{url}/v1/audit-heads", headers=b, timeout=5).status_code == 404
    # B's first head starts B's own chain; it neither continues nor breaks A's.
    head_b = {"seq": 1, "hash": "b" * 64}
    assert requests.post(f"{url}/v1/audit-heads", json=head_b, headers=b, timeout=5).ok
    last_a = requests.get(f"{url}/v1/audit-heads", headers=a, timeout=5).json()
    assert (last_a["seq"], last_a["hash"]) == (5, "a" * 64)


def test_shared_kabupaten_data_answers_every_office_alike(two, upstream):
    """The DTKS and the reference lists are the kabupaten's, not an office's records."""
    url, a, b, _person, _case = two
    upstream.store.load_dtks([{"nik": "3324015708900003", "decile": 2}], "2026-10-31")
    upstream.store.set_reference("villages", "1", [{"code": A}, {"code": B}])
    for auth in (a, b):
        assert requests.get(f"{url}/v1/dtks/3324015708900003", headers=auth, timeout=5).json()[
            "found"
        ]
        assert len(requests.get(f"{url}/v1/reference/villages", timeout=5).json()["items"]) == 2
    assert requests.get(f"{url}/v1/dtks/3324015708900003", timeout=5).status_code == 401


def test_an_erasure_blanks_the_words_about_the_person_on_the_server(two, upstream):
    """Notes, status moves and referrals of the person's case name them in free text; the
    server keeps their ids and codes, never the words (B's own case stays untouched)."""
    url, a, b, person, case = two
    referral = str(uuid.uuid4())
    push(
        url,
        a,
        op("case", case, "kasus_catatan", tracking_number="T-1", note="Siti dipukul suami", at=NOW),
        op("case", case, "kasus_status", to="ditelaah", note="Siti takut pulang", version=2),
        op("referral", referral, "rujukan_dibuat", case_id=case, reason="Siti perlu visum"),
    )
    other = str(uuid.uuid4())
    push(url, b, op("case", other, "kasus_catatan", tracking_number="T-2", note="Siti lain"))
    erased = op("person", str(uuid.uuid4()), "identitas_dihapus", person_id=person, erased_at=NOW)
    assert [r["status"] for r in push(url, a, erased)] == ["accepted"]
    with upstream.store.engine.connect() as c:
        bodies = {
            office: repr(
                c.execute(select(operations.c.body).where(operations.c.kiosk_id == office)).all()
            )
            for office in (A, B)
        }
    assert "Siti" not in bodies[A] and "dihapus atas permintaan warga" in bodies[A]
    assert "Siti lain" in bodies[B]


def test_another_office_cannot_move_a_referral_s_steps(two, upstream):
    """Approval messages name their referral by id: were B's accepted, it would rewrite the
    reason the letter prints and raise the round (undoing the kabupaten's approval). The server
    refuses it at the door; its reading of the steps also looks only at the sending office's."""
    from datetime import date

    from kabupaten import casework

    url, a, b, _person, case = two
    referral = str(uuid.uuid4())
    push(url, a, op("referral", referral, "rujukan_dibuat", case_id=case, reason="Perlu obat"))
    forged = op(
        "approval",
        str(uuid.uuid4()),
        "persetujuan_diajukan",
        subject_id=referral,
        subject_type="rujukan",
        round=5,
        reason="Diganti kantor lain",
    )
    assert push(url, b, forged)[0]["status"] == "rejected"
    (ref,) = [
        r
        for r in casework.referrals(upstream.store, date(2026, 12, 1))
        if r.referral_id == referral
    ]
    assert ref.reason == "Perlu obat" and ref.round == 1
