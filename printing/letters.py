"""The back office's letters as PDFs: referral, status (to the citizen) and service product.

Only rendering: ``kiosk.services.documents`` numbers and stores them in one transaction.
"""

from __future__ import annotations

from kiosk.clock import Clock
from kiosk.services.letters import CaseLetter
from kiosk.services.setup import SiteView
from printing import documents as d


def _person(f: CaseLetter) -> d.PersonFacts:
    p = f.party
    return d.PersonFacts(p.name, p.nik, p.no_kk, p.birth, p.sex, p.address, p.phone)


def _head(site: SiteView, name: str = "") -> d.Signer:
    """The head of the desa or kelurahan (``head_title``: Kepala Desa or Lurah)."""
    return d.Signer(f"{site.head_title} {site.village_name}", name or site.head_name or "")


def _coordinator(site: SiteView, f: CaseLetter) -> d.Signer:
    """The coordinator who approved signs, under the regulation's name for the post (Koordinator,
    Ketua …); the head of the desa or kelurahan when no coordinator decided."""
    for role, name, day in f.approvals:
        if f.coordinator_label and role == f.coordinator_label:
            return d.Signer(f"{role}, {site.name}", name, f"disetujui {day}")
    return _head(site)


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
    signer = _head(site, f.signer_name)
    header = d.Header(site, number, clock.today(), f.provisional)
    return d.service_product(header, _person(f), facts, signer)


_RENDERERS = {
    "surat_rujukan": referral_pdf,
    "surat_pemberitahuan": status_pdf,
    "produk_layanan": product_pdf,
}


def letter_pdf(kind: str, site: SiteView, facts: CaseLetter, number: str, clock: Clock) -> bytes:
    """One of the three letters as PDF bytes (numbered and stored by the core)."""
    return _RENDERERS[kind](site, facts, number, clock)
