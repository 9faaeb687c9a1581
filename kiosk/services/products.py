"""Service products (Empat Lawang art. 13): a letter drafted, approved along the product chain
of the case's regional profile, signed by the village or kelurahan head and handed over."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.orm import Session

from kiosk.case_rules import ProductStatus
from kiosk.clock import Clock
from kiosk.errors import Conflict, ValidationError
from kiosk.messages import _
from kiosk.models import CaseEvent, ServiceProduct
from kiosk.profiles import case_profile
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.approvals import PRODUCT, load_product, submit, submittable
from kiosk.services.cases import load_case
from kiosk.services.journal import record
from kiosk.services.reference import choices
from kiosk.services.registry import action


@action(Perm.WORK_CASE, label="Menyusun produk layanan (surat keterangan)")
def draft_product(
    session: Session,
    actor: Actor,
    case_id: uuid.UUID,
    product_code: str,
    statement: str,
    purpose: str,
    clock: Clock | None = None,
) -> uuid.UUID:
    """Draft a letter (SKTM, DTKS statement …) and submit it for approval (the profile's
    product chain)."""
    products = {c.code: c.label for c in choices(session, "produk_layanan")}
    if product_code not in products:
        raise ValidationError(_("Pilih jenis produk layanan."), field="product")
    if not statement.strip():
        raise ValidationError(_("Tuliskan isi keterangan."), field="statement")
    if not purpose.strip():
        raise ValidationError(_("Tuliskan keperluan surat ini."), field="purpose")
    case_ = load_case(session, case_id)
    submittable(case_)
    now = (clock or Clock()).now()
    product = ServiceProduct(
        id=uuid.uuid4(),
        case_id=case_.id,
        product_code=product_code,
        statement=statement.strip(),
        purpose=purpose.strip(),
        status=ProductStatus.SUBMITTED,
        drafted_by=actor.id,
    )
    session.add(product)
    session.flush()
    record(
        session,
        actor.id,
        "produk_layanan_draf",
        "service_product",
        product.id,
        payload={
            "case_id": case_.id,
            "product": product_code,
            "statement": product.statement,
            "purpose": product.purpose,
        },
        detail={"product": product_code},
    )
    submit(
        session,
        actor.id,
        case_,
        PRODUCT,
        product.id,
        case_profile(session, case_).product_steps(),
        products[product_code],
        now,
    )
    return product.id


@action(Perm.WORK_CASE, label="Mencatat tanda tangan produk layanan")
def sign_product(
    session: Session,
    actor: Actor,
    product_id: uuid.UUID,
    signer_name: str,
    clock: Clock | None = None,
) -> None:
    """Record who signed the approved letter (the village head or another official)."""
    product = load_product(session, product_id)
    if product.status != ProductStatus.APPROVED:
        raise Conflict(_("Produk layanan harus disetujui koordinator sebelum ditandatangani."))
    if not signer_name.strip():
        raise ValidationError(_("Tuliskan nama pejabat yang menandatangani."), field="signer")
    now = (clock or Clock()).now()
    product.status, product.signed_by_name, product.signed_at = (
        ProductStatus.SIGNED,
        signer_name.strip(),
        now,
    )
    _product_event(
        session, actor, product, ProductStatus.SIGNED, f"oleh {product.signed_by_name}", now
    )


@action(Perm.WORK_CASE, label="Mencatat penyerahan produk layanan")
def hand_over_product(
    session: Session, actor: Actor, product_id: uuid.UUID, clock: Clock | None = None
) -> None:
    """The applicant received the signed letter."""
    product = load_product(session, product_id)
    if product.status != ProductStatus.SIGNED:
        raise Conflict(_("Produk layanan harus ditandatangani sebelum diserahkan."))
    now = (clock or Clock()).now()
    product.status, product.handed_over_at = ProductStatus.HANDED_OVER, now
    _product_event(session, actor, product, ProductStatus.HANDED_OVER, "kepada pemohon", now)


def _product_event(
    session: Session, actor: Actor, product: ServiceProduct, status: str, note: str, now: datetime
) -> None:
    session.add(
        CaseEvent(
            case_id=product.case_id,
            kind="produk",
            at=now,
            officer_id=actor.id,
            note=f"{product.product_code}: {status} {note}".strip(),
        )
    )
    record(
        session,
        actor.id,
        "produk_layanan_status",
        "service_product",
        product.id,
        payload={"status": status, "signed_by": product.signed_by_name, "at": now},
        detail={"status": status},
    )
