"""Referral, status and service-product letters: numbered, stored, and saying the right things."""

import io

import pypdf
import pytest
from sqlalchemy import select

from kiosk import case_rules as rules
from kiosk.errors import Conflict
from kiosk.models import Person, PrintedDocument
from kiosk.roles import Role
from kiosk.services import approval_inbox as inbox
from kiosk.services import approvals as ap
from kiosk.services import products, referrals
from kiosk.services.cases import move_case
from kiosk.services.documents import issue_letter
from printing.receipts import PdfDocuments
from tests.backoffice.helpers import MONDAY, open_case


def text(pdf: bytes) -> str:
    return " ".join(
        " ".join((p.extract_text() or "").split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages
    )


def approve_all(gateway, office):
    for role in (Role.COORDINATOR, Role.SUPERVISOR):
        for p in gateway.call(inbox.pending_approvals, office[role]):
            gateway.call(ap.vote, office[role], p.step_id, ap.APPROVE)


def test_referral_letter_after_approvals_carries_full_nik_and_approvers(gateway, office, session):
    case = open_case(gateway, office)
    bo = office[Role.BACK_OFFICE]
    gateway.call(move_case, bo, case.case_id, rules.REVIEW)
    ref = gateway.call(
        referrals.refer_case,
        bo,
        case.case_id,
        "sekretariat_slrt",
        "Butuh keputusan TKSK",
        "Mohon verifikasi kelayakan PKH",
        True,
    )
    with pytest.raises(Conflict, match="setelah semua persetujuan"):
        gateway.call(issue_letter, bo, "surat_rujukan", ref, PdfDocuments(), MONDAY)
    approve_all(gateway, office)
    pdf = gateway.call(issue_letter, bo, "surat_rujukan", ref, PdfDocuments(), MONDAY)
    words = text(pdf)
    nik = session.scalars(select(Person.nik)).first()
    assert nik in words  # the agency needs the full NIK
    assert "Mohon verifikasi kelayakan PKH" in words and case.tracking_number in words
    assert "Petugas coordinator" in words and "Petugas supervisor" in words
    doc = session.scalars(select(PrintedDocument)).one()
    assert doc.kind == "surat_rujukan" and doc.number.startswith("RJK/") and doc.provisional


def test_status_letter_masks_nik_and_states_the_outcome(gateway, office, session):
    case = open_case(gateway, office)
    bo = office[Role.BACK_OFFICE]
    with pytest.raises(Conflict, match="punya hasil"):
        gateway.call(issue_letter, bo, "surat_pemberitahuan", case.case_id, PdfDocuments(), MONDAY)
    gateway.call(move_case, bo, case.case_id, rules.REJECTED, "Bukan kewenangan desa; ke Disdik")
    words = text(
        gateway.call(issue_letter, bo, "surat_pemberitahuan", case.case_id, PdfDocuments(), MONDAY)
    )
    nik = session.scalars(select(Person.nik)).first()
    assert nik not in words and case.nik_masked in words
    assert "Tidak dapat dipenuhi" in words and "Bukan kewenangan desa" in words


def test_service_product_document_names_the_signer(gateway, office):
    case = open_case(gateway, office)
    bo = office[Role.BACK_OFFICE]
    gateway.call(move_case, bo, case.case_id, rules.REVIEW)
    pid = gateway.call(
        products.draft_product, bo, case.case_id, "sktm", "Keluarga ini tidak mampu.", "berobat"
    )
    approve_all(gateway, office)
    gateway.call(products.sign_product, bo, pid, "Slamet")
    words = text(gateway.call(issue_letter, bo, "produk_layanan", pid, PdfDocuments(), MONDAY))
    assert "SURAT KETERANGAN TIDAK MAMPU" in words and "Slamet" in words and "berobat" in words
