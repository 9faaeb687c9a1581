"""Numbered documents: the A4 receipt and the back office's three letters.

Each is numbered, rendered and stored in one transaction, so a failed render leaves no gap in
the numbering and every issued document can be reprinted and verified. The renderer is passed
in (``kiosk.ports.DocumentRenderer``): the core never imports reportlab.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlalchemy.orm import Session

from kiosk.clock import Clock
from kiosk.errors import ValidationError
from kiosk.messages import _
from kiosk.ports import DocumentRenderer
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.letters import (
    CaseLetter,
    product_facts,
    referral_letter_facts,
    status_letter_facts,
)
from kiosk.services.print_jobs import next_document_number, store_document
from kiosk.services.registry import action
from kiosk.services.setup import require_site
from kiosk.services.walk_in import WalkInResult

Gather = Callable[[Session, Actor, uuid.UUID], CaseLetter]

# kind -> (the facts, read with the case's own permission; what the number is about)
LETTERS: dict[str, tuple[Gather, str]] = {
    "surat_rujukan": (referral_letter_facts, "referral"),
    "surat_pemberitahuan": (status_letter_facts, "case"),
    "produk_layanan": (product_facts, "service_product"),
}


@action(Perm.PRINT, label="Menerbitkan surat bernomor (rujukan, pemberitahuan, produk layanan)")
def issue_letter(
    session: Session,
    actor: Actor,
    kind: str,
    subject_id: uuid.UUID,
    render: DocumentRenderer,
    clock: Clock,
) -> bytes:
    """Number, render and store one of the three letters; returns the PDF."""
    if kind not in LETTERS:
        raise ValidationError(_("Jenis surat tidak dikenal."), field="kind")
    gather, subject_type = LETTERS[kind]
    facts = gather(session, actor, subject_id)
    site = require_site(session)
    number = next_document_number(session, kind, clock)
    pdf = render.letter(kind, site, facts, number, clock)
    store_document(
        session, actor, kind, number, subject_type, facts.subject_id, pdf, facts.provisional
    )
    return pdf


@action(Perm.PRINT, label="Menerbitkan tanda terima A4 bernomor")
def issue_receipt_pdf(
    session: Session, actor: Actor, result: WalkInResult, render: DocumentRenderer, clock: Clock
) -> bytes:
    """Number, render and store the A4 receipt (no gap in the numbering)."""
    site = require_site(session)
    number = next_document_number(session, "tanda_terima", clock)
    pdf = render.receipt(site, result, number, actor.full_name, clock)
    store_document(
        session, actor, "tanda_terima", number, "case", result.case_id, pdf, result.provisional
    )
    return pdf
