"""The back office's letters: referral, status (to the citizen) and service product.

Each is numbered, rendered and stored in one transaction, like the receipt, so a failed render
leaves no gap in the numbering and every issued letter can be reprinted and verified.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from kiosk.clock import Clock
from kiosk.context import Gateway
from kiosk.services.actor import Actor
from kiosk.services.letters import (
    CaseLetter,
    product_facts,
    referral_letter_facts,
    status_letter_facts,
)
from kiosk.services.print_jobs import next_document_number, store_document
from kiosk.services.setup import SiteView, get_site
from printing import documents as d


def _person(f: CaseLetter) -> d.PersonFacts:
    p = f.party
    return d.PersonFacts(p.name, p.nik, p.no_kk, p.birth, p.sex, p.address, p.phone)


def _coordinator(site: SiteView, f: CaseLetter) -> d.Signer:
    """The coordinator who approved signs; the village head when nobody is recorded."""
    for role, name, day in f.approvals:
        if role.startswith("Koordinator"):
            return d.Signer(f"Koordinator {site.name}", name, f"disetujui {day}")
    return d.Signer(f"Kepala Desa {site.village_name}", site.head_name or "")


def referral_pdf(site: SiteView, f: CaseLetter, number: str, clock: Clock) -> bytes:
    facts = d.ReferralFacts(
        f.tracking_number,
        f.destination,
        "",
        f.reason,
        f.request,
        f.consent,
        tuple(d.Signer(role, name, f"disetujui {day}") for role, name, day in f.approvals),
    )
    header = d.Header(site, number, clock.today(), f.provisional)
    return d.referral_letter(header, _person(f), facts, _coordinator(site, f))


def status_pdf(site: SiteView, f: CaseLetter, number: str, clock: Clock) -> bytes:
    contact = f"Pertanyaan: sebutkan nomor lacak {f.tracking_number} di loket {site.name}."
    facts = d.OutcomeFacts(f.tracking_number, f.subject, f.outcome, f.explanation, contact)
    header = d.Header(site, number, clock.today(), f.provisional)
    return d.status_letter(header, _person(f), facts, _coordinator(site, f))


def product_pdf(site: SiteView, f: CaseLetter, number: str, clock: Clock) -> bytes:
    facts = d.ServiceProductFacts(
        f.product_title, f.statement, f.purpose, f.drafted_by, f.approved_by
    )
    signer = d.Signer(f"Kepala Desa {site.village_name}", f.signer_name or site.head_name)
    header = d.Header(site, number, clock.today(), f.provisional)
    return d.service_product(header, _person(f), facts, signer)


_KINDS = {
    "surat_rujukan": (referral_letter_facts, referral_pdf, "referral"),
    "surat_pemberitahuan": (status_letter_facts, status_pdf, "case"),
    "produk_layanan": (product_facts, product_pdf, "service_product"),
}


def issue_letter(
    gateway: Gateway, actor: Actor, kind: str, subject_id: uuid.UUID, clock: Clock
) -> bytes:
    """Number, render and store one of the three letters; returns the PDF."""
    gather, render, subject_type = _KINDS[kind]

    def issue(session: Session) -> bytes:
        facts = gather(session, actor, subject_id)
        site = get_site(session)
        assert site is not None
        number = next_document_number(session, kind, clock)
        pdf = render(site, facts, number, clock)
        store_document(
            session, actor, kind, number, subject_type, facts.subject_id, pdf, facts.provisional
        )
        return pdf

    return gateway.call(issue)
