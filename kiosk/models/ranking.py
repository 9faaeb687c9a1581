"""A ranked list of candidates kept for the village meeting: who made it, the supervisor's
review (four eyes), and the decision the musyawarah desa took for each household.

The rows are a copy of the ranking as it was reviewed: the snapshot and the counter's records
change later, and the meeting must decide on the list the supervisor saw.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.models.base import Base, UuidPk


class RankingList(UuidPk, Base):
    """One ranking submitted for review: diajukan, disetujui / ditolak, then diputuskan."""

    __tablename__ = "ranking_list"

    programme_code: Mapped[str] = mapped_column(String(30))
    quota: Mapped[int]
    weights: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(12), default="diajukan")
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("officer.id"))
    created_at: Mapped[datetime] = mapped_column(index=True)
    reviewed_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("officer.id"))
    reviewed_at: Mapped[datetime | None]
    review_note: Mapped[str] = mapped_column(Text, default="")
    meeting_on: Mapped[date | None]  # the musyawarah desa's day
    meeting_ref: Mapped[str] = mapped_column(String(60), default="")  # berita acara number
    decided_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("officer.id"))
    decided_at: Mapped[datetime | None]


class RankingEntry(UuidPk, Base):
    """One household on a list: its rank and reasons (or why it was left out), and later the
    meeting's decision for it."""

    __tablename__ = "ranking_entry"

    list_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ranking_list.id"), index=True)
    position: Mapped[int]  # rank for the ranked; after them, the excluded in their order
    rank: Mapped[int | None]  # None: excluded
    household_key: Mapped[str] = mapped_column(String(40))
    no_kk: Mapped[str] = mapped_column(String(16), default="")
    head: Mapped[str] = mapped_column(String(120), default="")
    nik: Mapped[str] = mapped_column(String(16), default="")
    decile: Mapped[int | None]
    score: Mapped[float | None] = mapped_column(Float)
    reasons: Mapped[str] = mapped_column(Text, default="")
    within_quota: Mapped[bool] = mapped_column(default=False)
    excluded_reason: Mapped[str] = mapped_column(Text, default="")
    decision: Mapped[str] = mapped_column(String(20), default="")  # ditetapkan, cadangan, ...
    decision_note: Mapped[str] = mapped_column(Text, default="")
