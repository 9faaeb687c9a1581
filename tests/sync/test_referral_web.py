"""A referral decided on the kabupaten's web page and answered by the agency reaches the kiosk
through the changes feed: the referral's status, the case's history, the referral letter and
the citizen's status letter. The inbox puts the oldest due first and marks what is late."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kabupaten import people
from kabupaten import web as web_module
from kiosk import case_rules as rules
from kiosk.models import Referral
from kiosk.roles import Role
from kiosk.services import approval_inbox as inbox
from kiosk.services import approvals as ap
from kiosk.services import referrals
from kiosk.services.case_views import case_detail
from kiosk.services.documents import issue_letter
from printing.receipts import PdfDocuments
from tests.backoffice.helpers import MONDAY
from tests.backoffice.test_letters import text
from tests.sync.web_helpers import add_users, log_in, referral_at_kabupaten, token


@pytest.fixture
def web(upstream):
    add_users(upstream.store)
    return upstream.thread.server.app


def decide(client, ref, choice: str, reason: str = ""):
    return client.post(
        f"/web/rujukan/{ref}/putuskan",
        data={"keputusan": choice, "alasan": reason, "csrf_token": token(client, "/web/")},
    )


def test_approved_on_the_web_reaches_the_kiosk_and_the_letter_prints(
    web, gateway, office, kiosk, upstream, session
):
    case, ref = referral_at_kabupaten(gateway, office, kiosk)
    manager = web.test_client()
    log_in(manager, "manajer")
    page = manager.get(f"/web/rujukan/{ref}").get_data(as_text=True)
    assert "Butuh PBI-JK segera" in page and "PKH tahap 3 belum cair" in page  # what to decide on
    assert decide(manager, ref, "setuju").status_code == 302
    assert f"/web/rujukan/{ref}" not in manager.get("/web/").get_data(as_text=True)
    assert kiosk.run_once().pulled == 1
    session.expire_all()
    assert session.get(Referral, ref).status == "disetujui"
    view = gateway.call(case_detail, office[Role.BACK_OFFICE], case.case_id)
    assert view.status == rules.REFERRED
    assert any(e.source == "kabupaten" for e in view.timeline)
    bo = office[Role.BACK_OFFICE]
    pdf = gateway.call(issue_letter, bo, "surat_rujukan", ref, PdfDocuments(), MONDAY)
    assert "Dinas Kesehatan kabupaten" in text(pdf)
    audit = [r for r in people.audit_rows(upstream.store.engine) if r["subject_id"] == str(ref)]
    assert [(r["username"], r["action"]) for r in audit] == [("manajer", "rujukan_diputuskan")]


@pytest.mark.parametrize(
    ("choice", "said", "status"),
    [
        ("tolak", "Rujukan ditolak kabupaten", "ditolak"),
        ("kembalikan", "Dikembalikan untuk dilengkapi", "dikembalikan"),
    ],
)
def test_rejected_or_returned_goes_back_to_the_officer_with_the_reason(
    web, gateway, office, kiosk, session, choice, said, status
):
    case, ref = referral_at_kabupaten(gateway, office, kiosk)
    manager = web.test_client()
    log_in(manager, "manajer")
    assert decide(manager, ref, choice).status_code == 302  # no reason: not decided
    assert f"/web/rujukan/{ref}" in manager.get("/web/").get_data(as_text=True)
    decide(manager, ref, choice, "Bukan wewenang Dinkes")
    assert kiosk.run_once().pulled == 1
    session.expire_all()
    assert session.get(Referral, ref).status == status  # a rejection cannot be resubmitted
    view = gateway.call(case_detail, office[Role.BACK_OFFICE], case.case_id)
    kabupaten = [e for e in view.timeline if e.source == "kabupaten"]
    assert any(said in e.label and "Bukan wewenang Dinkes" in e.note for e in kabupaten)


def test_the_inbox_puts_the_oldest_due_first_and_marks_the_late(
    web, gateway, office, kiosk, monkeypatch
):
    first = referral_at_kabupaten(gateway, office, kiosk)[1]
    second = referral_at_kabupaten(gateway, office, kiosk, destination="bpjs")[1]
    manager = web.test_client()
    log_in(manager, "manajer")
    page = manager.get("/web/").get_data(as_text=True)
    assert page.index(str(first)) < page.index(str(second)) and "Terlambat" not in page
    later = web_module.today() + timedelta(days=14)  # past five working days, holidays or not
    monkeypatch.setattr(web_module, "today", lambda: later)
    assert manager.get("/web/").get_data(as_text=True).count(">Terlambat<") == 2


def test_the_agency_answer_reaches_the_timeline_and_the_status_letter(
    web, gateway, office, kiosk, session
):
    case, ref = referral_at_kabupaten(gateway, office, kiosk)
    manager, agency = web.test_client(), web.test_client()
    log_in(manager, "manajer")
    log_in(agency, "dinkes")
    decide(manager, ref, "setuju")
    form = {"csrf_token": token(agency, "/web/")}
    assert agency.post(f"/web/rujukan/{ref}/terima", data=form).status_code == 302
    empty = agency.post(f"/web/rujukan/{ref}/jawab", data={**form, "outcome": "dilayani"})
    assert empty.status_code == 302  # no date, nothing given: asked again, not saved
    agency.post(
        f"/web/rujukan/{ref}/jawab",
        data={**form, "outcome": "dilayani", "served_on": "2026-08-20", "given": "Kartu PBI-JK"},
    )
    assert kiosk.run_once().pulled == 2  # the decision and the answer
    view = gateway.call(case_detail, office[Role.BACK_OFFICE], case.case_id)
    assert any("Kartu PBI-JK" in e.note and e.source == "kabupaten" for e in view.timeline)
    bo = office[Role.BACK_OFFICE]
    pdf = gateway.call(
        issue_letter, bo, "surat_pemberitahuan", case.case_id, PdfDocuments(), MONDAY
    )
    assert "Dilayani instansi tujuan pada 20-08-2026: Kartu PBI-JK" in text(pdf)
    # The same answer delivered again changes nothing.
    assert kiosk.run_once().pulled == 0


def test_returned_for_more_information_is_completed_and_goes_up_again(
    web, gateway, office, kiosk, session
):
    case, ref = referral_at_kabupaten(gateway, office, kiosk)
    manager = web.test_client()
    log_in(manager, "manajer")
    decide(manager, ref, "kembalikan", "Lampirkan surat keterangan dokter")
    assert kiosk.run_once().pulled == 1
    bo = office[Role.BACK_OFFICE]
    view = gateway.call(case_detail, bo, case.case_id)
    returned = [e for e in view.timeline if e.kind == "dikembalikan_dilengkapi"]
    assert [e.label for e in returned] == ["Dikembalikan untuk dilengkapi: Diproses"]
    assert "Lampirkan surat keterangan dokter" in returned[0].note
    assert session.get(Referral, ref).status == "dikembalikan"
    # The back office completes it; the office's own steps approve it again; it goes up.
    gateway.call(referrals.resubmit_referral, bo, ref, "Butuh PBI-JK; surat dokter dilampirkan")
    for officer in (office[Role.COORDINATOR], office[Role.SUPERVISOR]):
        step = gateway.call(inbox.pending_approvals, officer)[0].step_id
        gateway.call(ap.vote, officer, step, ap.APPROVE)
    assert kiosk.run_once().ok
    page = manager.get(f"/web/rujukan/{ref}").get_data(as_text=True)
    assert "surat dokter dilampirkan" in page and "Keputusan putaran 1" in page
    assert "Lampirkan surat keterangan dokter" in page  # what was asked the first time
    assert f"/web/rujukan/{ref}" in manager.get("/web/").get_data(as_text=True)
    assert decide(manager, ref, "setuju").status_code == 302
    assert kiosk.run_once().pulled == 1
    session.expire_all()
    assert session.get(Referral, ref).status == "disetujui"
    assert gateway.call(case_detail, bo, case.case_id).status == rules.REFERRED
