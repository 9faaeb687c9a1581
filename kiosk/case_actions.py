"""Which actions a case offers, decided once in the core; the window only draws them.

The same rules the services enforce (``case_rules.can_move``, the statuses of referrals and
products, the officer's permissions) choose the buttons, so the window can neither offer a
move the service refuses nor hide one it allows.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Set
from typing import NamedTuple

from kiosk import case_rules as rules
from kiosk.case_rules import PRINTABLE_PRODUCT, CaseStatus, ProductStatus, ReferralStatus
from kiosk.depok_stages import DONE
from kiosk.roles import Perm


class CaseAction(NamedTuple):
    """One thing the officer can do now: a key the window binds, words, and what it is about
    (a referral or product id; None for the case itself)."""

    key: str
    label: str
    subject_id: uuid.UUID | None = None


class Subject(NamedTuple):
    id: uuid.UUID
    status: str


# key -> (the permission it needs, its words)
ACTIONS: dict[str, tuple[Perm, str]] = {
    "review": (Perm.WORK_CASE, "Mulai telaah"),
    "work": (Perm.WORK_CASE, "Proses"),
    "resolve": (Perm.WORK_CASE, "Ajukan penyelesaian"),
    "refer": (Perm.DRAFT_REFERRAL, "Rujuk"),
    "product": (Perm.WORK_CASE, "Produk layanan"),
    "resubmit": (Perm.DRAFT_REFERRAL, "Ajukan ulang rujukan"),
    "sign": (Perm.WORK_CASE, "Catat tanda tangan"),
    "hand_over": (Perm.WORK_CASE, "Serahkan produk"),
    "print_product": (Perm.PRINT, "Cetak produk layanan"),
    "reject": (Perm.WORK_CASE, "Tidak dapat dipenuhi"),
    "notice": (Perm.WORK_CASE, "Catat pemberitahuan ke warga"),
    "print_status": (Perm.PRINT, "Cetak surat pemberitahuan"),
    "print_referral": (Perm.PRINT, "Cetak surat rujukan"),
    "close": (Perm.WORK_CASE, "Tutup kasus"),
    "reopen": (Perm.WORK_CASE, "Buka kembali"),
    "note": (Perm.WORK_CASE, "Catatan analisis"),
    "stage": (Perm.WORK_CASE, "Tahapan Depok"),
    "add_households": (Perm.WORK_CASE, "Tambah keluarga terdampak"),
}


def _offered(
    status: str,
    referrals: Iterable[Subject],
    products: Iterable[Subject],
    stage: str | None = None,
    community: bool = False,
) -> list[tuple[str, uuid.UUID | None]]:
    s = status
    out: list[tuple[str, uuid.UUID | None]] = []
    if rules.can_move(s, CaseStatus.REVIEW):
        out.append(("review", None))
    if s == CaseStatus.REVIEW and rules.can_move(s, CaseStatus.IN_PROGRESS):
        out.append(("work", None))
    submittable = rules.can_move(s, CaseStatus.AWAITING, by_engine=True)
    if submittable:
        out += [("resolve", None), ("refer", None), ("product", None)]
    referrals, products = list(referrals), list(products)
    if submittable and any(r.status == ReferralStatus.RETURNED for r in referrals):
        out.append(("resubmit", None))  # the service's own rule: returned, and submittable
    for p in products:
        if p.status == ProductStatus.APPROVED:
            out.append(("sign", p.id))
        if p.status == ProductStatus.SIGNED:
            out.append(("hand_over", p.id))
        if p.status in PRINTABLE_PRODUCT:
            out.append(("print_product", p.id))
    if rules.can_move(s, CaseStatus.REJECTED):
        out.append(("reject", None))
    if s in rules.DECIDED:
        out += [("notice", None), ("print_status", None)]
    out += [("print_referral", r.id) for r in referrals if r.status == ReferralStatus.APPROVED]
    if rules.can_move(s, CaseStatus.CLOSED):
        out.append(("close", None))
    if rules.can_move(s, CaseStatus.IN_PROGRESS) and s != CaseStatus.REVIEW:
        out.append(("reopen", None))
    if s in rules.OPEN and stage != DONE:
        out.append(("stage", None))  # the service's rule: open, procedure not complete
    if s in rules.OPEN and community:
        out.append(("add_households", None))
    out.append(("note", None))
    return out


def available_actions(
    status: str,
    referrals: Iterable[Subject],
    products: Iterable[Subject],
    held: Set[Perm],
    stage: str | None = None,
    community: bool = False,
) -> tuple[CaseAction, ...]:
    """What an officer holding ``held`` may do to a case in ``status`` now, in button order."""
    return tuple(
        CaseAction(key, ACTIONS[key][1], subject)
        for key, subject in _offered(status, referrals, products, stage, community)
        if ACTIONS[key][0] in held
    )
