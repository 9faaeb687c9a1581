"""A citizen's rights over their data (UU 27/2022): everything held, consent withdrawn,
identity erased after the office's retention period."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select, update

from kiosk import case_rules as rules
from kiosk.clock import Clock
from kiosk.errors import NotFound, PermissionDenied, ValidationError
from kiosk.models import Case, Complaint, OutboxOperation, Person, Site
from kiosk.roles import Role
from kiosk.services import person_rights as rights
from kiosk.services import referrals
from kiosk.services.cases import move_case
from kiosk.services.dossier import person_dossier
from kiosk.services.setup import get_site
from printing.documents import Header
from printing.dossier import person_dossier_pdf
from tests.backoffice.helpers import MONDAY, open_case


def _nik_of(session, case_id) -> str:
    case = session.get(Case, case_id)
    return session.get(Person, case.person_id).nik


def test_the_dossier_holds_everything_and_reads_as_a_pdf(gateway, office, session):
    case = open_case(gateway, office)
    nik = _nik_of(session, case.case_id)
    with pytest.raises(PermissionDenied):
        gateway.call(person_dossier, office[Role.FRONT_OFFICE], nik)
    dossier = gateway.call(person_dossier, office.admin, nik, MONDAY)
    data = dossier.as_json()
    titles = [s["title"] for s in data["sections"]]
    assert titles[:1] == ["Data pendaftaran"] and "Persetujuan" in titles
    cases = next(s for s in data["sections"] if s["title"] == "Kasus dan keluhan")["rows"]
    assert [c["nomor lacak"] for c in cases] == [case.tracking_number]
    assert cases[0]["uraian"] == "PKH tahap 3 belum cair"
    consent = next(s for s in data["sections"] if s["title"] == "Persetujuan")["rows"]
    assert consent[0]["tujuan"] == "Layanan" and consent[0]["dicabut"] == "-"
    # words, not codes: the status and sector as the citizen reads them
    assert cases[0]["status"] == "Diterima" and cases[0]["jenis"] == "Pengaduan"
    assert cases[0]["sektor"] != "sosial" and "Sosial" in cases[0]["sektor"]
    site = gateway.call(get_site)
    pdf = person_dossier_pdf(Header(site, "DP-1", date(2026, 8, 10)), dossier, invariant=True)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert case.tracking_number in text and dossier.name in text and nik in text
    assert "PKH tahap 3 belum cair" in text


def test_a_withdrawn_consent_blocks_referral_until_given_again(gateway, office, session):
    case = open_case(gateway, office, sector="kesehatan")
    nik = _nik_of(session, case.case_id)
    bo = office[Role.BACK_OFFICE]
    gateway.call(move_case, bo, case.case_id, rules.REVIEW)
    assert gateway.call(rights.withdraw_consent, office[Role.FRONT_OFFICE], nik, "lisan") == 1
    with pytest.raises(ValidationError) as refused:
        gateway.call(referrals.refer_case, bo, case.case_id, "dinkes", "Butuh PBI", "", True)
    assert refused.value.code == "persetujuan_dicabut"
    told = session.scalars(
        select(OutboxOperation).where(OutboxOperation.op_type == "persetujuan_dicabut")
    ).all()
    assert len(told) == 1 and told[0].payload["purposes"] == ["layanan"]
    gateway.call(rights.give_consent, office[Role.FRONT_OFFICE], nik, "rujukan")
    gateway.call(referrals.refer_case, bo, case.case_id, "dinkes", "Butuh PBI", "", True)


def test_erasure_waits_for_the_retention_period_then_anonymises(gateway, office, session):
    case = open_case(gateway, office)  # a visit on 10 August 2026
    nik = _nik_of(session, case.case_id)
    view = gateway.call(rights.request_erasure, office.admin, nik, "permintaan tertulis", MONDAY)
    assert not view.erased_now and view.due_on == date(2031, 8, 10)
    assert gateway.call(rights.erase_due, MONDAY) == 0
    # the kabupaten has received the registration and the case
    session.execute(update(OutboxOperation).values(state="sent"))
    session.execute(update(Case).values(decision=f"Dibantu; NIK {nik} dicek ulang"))
    session.commit()
    later = Clock(frozen=datetime(2031, 8, 10, 5, 0, tzinfo=UTC))
    assert gateway.call(rights.erase_due, later) == 1
    session.expire_all()
    person = session.get(Person, session.get(Case, case.case_id).person_id)
    assert person.nik is None and person.name == rights.ERASED_NAME and person.phone == ""
    assert person.birth_date == date(1990, 1, 1) and person.sex == "P"  # still countable
    complaint = session.scalars(select(Complaint).where(Complaint.case_id == case.case_id)).one()
    assert complaint.description == rights.ERASED_TEXT
    assert session.get(Case, case.case_id).decision == rights.ERASED_TEXT
    assert session.scalar(select(func.count()).select_from(Case)) == 1
    erased = session.scalars(
        select(OutboxOperation).where(OutboxOperation.op_type == "identitas_dihapus")
    ).all()
    assert [str(o.entity_id) for o in erased] == [str(person.id)]
    # what was already delivered no longer names the person here either
    sent_before = [o for o in session.scalars(select(OutboxOperation)) if o.state == "sent"]
    assert sent_before and all(nik not in repr(o.payload) for o in sent_before)


def test_erasure_is_immediate_when_the_office_keeps_nothing_longer(gateway, office, session):
    session.scalars(select(Site)).one().retention_years = 0
    session.commit()
    case = open_case(gateway, office)
    nik = _nik_of(session, case.case_id)
    view = gateway.call(rights.request_erasure, office.admin, nik, "permintaan", MONDAY)
    assert view.erased_now
    with pytest.raises(NotFound):  # the NIK no longer names anyone
        gateway.call(rights.request_erasure, office.admin, nik, "lagi", MONDAY)


def test_an_erasure_reaches_operations_still_waiting_and_leaves_a_ledger_of_ids_only(
    ctx, gateway, office, session
):
    from kiosk.erasure import read_ledger
    from kiosk.services.people import PersonInput, register_person

    session.scalars(select(Site)).one().retention_years = 0
    session.commit()
    nik, kk, name = "3324015708900023", "3324010101007777", "Warsini Handayani"
    person = gateway.call(
        register_person,
        office[Role.FRONT_OFFICE],
        PersonInput(
            name=name,
            nik=nik,
            no_kk=kk,
            birth_place="Weleri",
            birth_date=date(1990, 8, 17),
            sex="P",
            address="Dukuh Sidomulyo",
        ),
    )
    from kiosk.models import DataUpdateProposal, PpksRecord

    session.add_all(  # lists that copied the NIK, No. KK and name
        [
            DataUpdateProposal(
                nik=nik,
                no_kk=kk,
                name=name,
                kind="koreksi_nama",
                new_value=name + "h",
                proposed_by=office.admin.id,
                proposed_at=datetime.now(UTC),
            ),
            PpksRecord(
                subject="orang",
                person_id=person.id,
                ppks_type="lansia_terlantar",
                source="kunjungan",
                recorded_on=date(2026, 8, 10),
                recorded_by=office.admin.id,
                note=f"{name} tinggal sendiri",
            ),
        ]
    )
    session.commit()
    # nothing has been sent yet: the registration and the household wait in the outbox
    assert gateway.call(rights.request_erasure, office.admin, nik, "permintaan").erased_now
    session.expire_all()
    ops = {o.op_type: o for o in session.scalars(select(OutboxOperation))}
    waiting = repr([o.payload for o in ops.values()])
    for word in (nik, kk, name, "Weleri", "1990-08-17", "Sidomulyo"):
        assert word not in waiting
    assert ops["warga_didaftarkan"].state == "pending"  # still goes upstream, without them
    assert ops["warga_didaftarkan"].payload["birth_date"] == "1990-01-01"
    assert ops["keluarga_didaftarkan"].payload["no_kk"] is None
    assert set(ops["identitas_dihapus"].payload) == {"person_id", "erased_at", "household_id"}
    copies = repr(
        [(d.nik, d.no_kk, d.name, d.new_value) for d in session.scalars(select(DataUpdateProposal))]
        + [r.note for r in session.scalars(select(PpksRecord))]
    )
    assert nik not in copies and kk not in copies and name not in copies
    ledger = read_ledger(ctx.paths.data_dir)
    assert [e["person_id"] for e in ledger] == [str(person.id)]
    raw = (ctx.paths.data_dir / "penghapusan.jsonl").read_text()
    assert nik not in raw and name not in raw and kk not in raw
