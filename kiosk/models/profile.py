"""Regional profiles the office has used, kept whole by ``name@version``."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.models.base import Base


class RegionalProfile(Base):
    """One profile document as applied (shipped or published by the kabupaten). Never
    rewritten: cases and approvals started under it keep pointing at it."""

    __tablename__ = "regional_profile"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)  # name@version
    name: Mapped[str] = mapped_column(String(32))
    version: Mapped[str] = mapped_column(String(20))
    body: Mapped[dict[str, Any]]
    source: Mapped[str] = mapped_column(String(12))  # bawaan / kabupaten
    loaded_at: Mapped[datetime]
