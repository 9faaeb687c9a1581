"""One proposal per change: a data-update proposal that repeats one already made is refused.

A second death proposal for someone already approved as dead would go upstream and be counted
twice in the papan; so would the same change proposed again while the first still waits for the
supervisor. The refusal names the proposal that exists (its day and number, as ``puskesos
pemutakhiran list`` and the page show them) and what to do instead.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.clock import Clock
from kiosk.errors import Conflict
from kiosk.messages import _
from kiosk.models import DataUpdateProposal

PROPOSED, APPROVED, REJECTED = "diajukan", "disetujui", "ditolak"
FINAL = {"meninggal"}  # once approved, no other change of the person can follow


def _day(p: DataUpdateProposal, clock: Clock) -> str:
    return clock.local(p.proposed_at).strftime("%d-%m-%Y")


def refuse_repeat(
    session: Session, nik: str, kind: str, new_value: str, labels: dict[str, str], clock: Clock
) -> None:
    """Refuse when the person is approved as dead, or the same change waits or was approved."""
    earlier = session.scalars(
        select(DataUpdateProposal)
        .where(DataUpdateProposal.nik == nik, DataUpdateProposal.status != REJECTED)
        .order_by(DataUpdateProposal.proposed_at)
    ).all()
    for p in earlier:
        if p.status == APPROVED and p.kind in FINAL:
            raise Conflict(
                _(
                    "Warga dengan NIK ini sudah disetujui '{0}' (usulan {1}, nomor {2}); usulan "
                    "lain untuknya tidak dapat diajukan. Bila data itu keliru, hubungi "
                    "supervisor."
                ).format(labels.get(p.kind, p.kind), _day(p, clock), p.id),
                field="kind",
            )
    for p in earlier:
        if p.kind != kind:
            continue
        if p.status == PROPOSED:
            raise Conflict(
                _(
                    "Usulan '{0}' untuk NIK ini sudah diajukan {1} (nomor {2}) dan masih "
                    "menunggu supervisor. Tunggu keputusannya; bila usulan itu keliru, minta "
                    "supervisor menolaknya lalu usulkan lagi."
                ).format(labels.get(kind, kind), _day(p, clock), p.id),
                field="kind",
            )
        if p.new_value.strip().casefold() == new_value.strip().casefold():
            raise Conflict(
                _(
                    "Usulan '{0}' yang sama untuk NIK ini sudah disetujui (usulan {1}, nomor "
                    "{2}) dan sudah dikirim ke kabupaten; tidak perlu diusulkan lagi."
                ).format(labels.get(kind, kind), _day(p, clock), p.id),
                field="kind",
            )
