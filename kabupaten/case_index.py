"""Cases by tracking number, referrals by case: what the citizen's status page looks up.

The status page is public and answers every scan of a receipt's QR; reading every operation
the kiosks ever sent for each request would grow with the kabupaten's history (and make the
page a cheap way to load the server). Each accepted ``kasus_dicatat`` and ``rujukan_dibuat``
adds one row here in the batch's own transaction, so the page reads a handful of rows through
indexes. The migration that made the table (k0004) filled it from the operations already held.
"""

from __future__ import annotations

import hmac
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection, Engine

from kabupaten.tables import case_index

CASE, REFERRAL = "kasus", "rujukan"
INDEXED = {"kasus_dicatat": CASE, "rujukan_dibuat": REFERRAL}


def row_for(office: str, item: dict[str, Any]) -> dict[str, str] | None:
    """The index row an accepted operation adds, or None."""
    kind = INDEXED.get(str(item.get("op_type")))
    payload = item.get("payload")
    if kind is None or not isinstance(payload, dict):
        return None
    entity = str(item["entity_id"])
    return {
        "entity_id": entity,
        "kind": kind,
        "office": office,
        "case_id": entity if kind == CASE else str(payload.get("case_id") or "")[:36],
        "tracking_number": str(payload.get("tracking_number") or "")[:40],
        "check_code": str(payload.get("check_code") or "")[:40],
    }


def add(c: Connection, office: str, item: dict[str, Any]) -> None:
    row = row_for(office, item)
    if (
        row is not None
        and c.execute(
            select(case_index.c.entity_id).where(case_index.c.entity_id == row["entity_id"])
        ).first()
        is None
    ):
        c.execute(insert(case_index).values(**row))


def find_case(engine: Engine, number: str, code: str) -> tuple[str, str] | None:
    """``(case_id, office)`` of the case whose number AND check code match; None otherwise
    (another office's case with the same number can neither hide nor stand in for it)."""
    with engine.connect() as c:
        rows = c.execute(
            select(case_index.c.entity_id, case_index.c.office, case_index.c.check_code).where(
                case_index.c.tracking_number == number, case_index.c.kind == CASE
            )
        ).all()
    for row in rows:
        if row.check_code and hmac.compare_digest(row.check_code.encode(), code.encode()):
            return str(row.entity_id), str(row.office)
    return None


def referrals_of(engine: Engine, case_id: str, office: str) -> list[str]:
    with engine.connect() as c:
        return [
            str(r)
            for r in c.execute(
                select(case_index.c.entity_id).where(
                    case_index.c.case_id == case_id,
                    case_index.c.kind == REFERRAL,
                    case_index.c.office == office,
                )
            ).scalars()
        ]
