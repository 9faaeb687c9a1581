"""Access needs of disabled visitors (Empat Lawang art. 7 (2) e and 9 (5): a disability guide
at the counter).

The needs are a reference list (``kebutuhan_akses``: wheelchair, sign language, reading help,
a companion). Each carries a short guide for the officer. The shipped guide can be replaced
by the office's own words (``panduan_lokal``), which a reload of the shipped lists keeps. The
ticket, the visit and the case store the codes, so the caller, the front office and the back
office each know how to serve the visitor.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.errors import NotFound, ValidationError
from kiosk.messages import _
from kiosk.models import ReferenceItem
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.journal import audit
from kiosk.services.reference import choices
from kiosk.services.registry import action

ACCESS_LIST = "kebutuhan_akses"
PRIORITY = "disabilitas"  # the ticket's priority when the visitor has an access need
GUIDE_MAX = 600


@dataclass(frozen=True)
class AccessNeed:
    code: str
    label: str
    guide: str  # the office's words if it wrote its own, else the shipped guide


def access_needs(session: Session) -> list[AccessNeed]:
    """The needs and their guides, in display order (any officer may read them)."""
    return [
        AccessNeed(
            c.code, c.label, str(c.extra.get("panduan_lokal") or c.extra.get("panduan") or "")
        )
        for c in choices(session, ACCESS_LIST)
    ]


def checked_needs(session: Session, codes: Iterable[str]) -> str:
    """The codes as stored (comma-separated, in list order); an unknown code is refused."""
    wanted = {c.strip() for c in codes if c and c.strip()}
    known = [n.code for n in access_needs(session)]
    unknown = wanted - set(known)
    if unknown:
        raise ValidationError(_("Kebutuhan akses tidak dikenal."), field="access_needs")
    return ",".join(code for code in known if code in wanted)


def needs_of(stored: str | None, needs: Iterable[AccessNeed]) -> tuple[AccessNeed, ...]:
    """The needs a stored value names (unknown codes, e.g. a since-removed item, are kept as
    their code so nothing is silently dropped)."""
    by_code = {n.code: n for n in needs}
    return tuple(
        by_code.get(code, AccessNeed(code, code, "")) for code in (stored or "").split(",") if code
    )


@action(Perm.MANAGE_REFERENCE, label="Mengubah panduan layanan untuk kebutuhan akses")
def set_access_guide(session: Session, actor: Actor, code: str, text: str) -> AccessNeed:
    """The office's own guide for one need; empty text goes back to the shipped guide."""
    item = session.scalars(
        select(ReferenceItem).where(
            ReferenceItem.list_name == ACCESS_LIST, ReferenceItem.code == code
        )
    ).first()
    if item is None:
        raise NotFound(_("Kebutuhan akses itu tidak ada di daftar."))
    text = " ".join(text.split())
    if len(text) > GUIDE_MAX:
        raise ValidationError(
            _("Panduan paling panjang {0} huruf: tulis yang singkat.").format(GUIDE_MAX),
            field="guide",
        )
    extra = dict(item.extra or {})
    if text:
        extra["panduan_lokal"] = text
    else:
        extra.pop("panduan_lokal", None)
    item.extra = extra
    audit(session, actor.id, "panduan_akses_diubah", "reference_item", item.id, {"kode": code})
    return next(n for n in access_needs(session) if n.code == code)
