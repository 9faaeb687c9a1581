"""The programme catalogue as form options (any officer may read it)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.models import Programme
from kiosk.services.reference import Choice


def programme_list(session: Session) -> list[Choice]:
    rows = session.scalars(select(Programme).where(Programme.active).order_by(Programme.code))
    return [Choice(p.code, p.name, {"level": p.level, "unit": p.unit}) for p in rows]
