"""Officers: a personal account for everyone, never a shared password."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.models.base import Base, Stamped, UuidPk


class Officer(UuidPk, Stamped, Base):
    """A person who logs in. Deactivated, never deleted: history points at them."""

    __tablename__ = "officer"

    username: Mapped[str] = mapped_column(String(40), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(200))
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]
    must_change_password: Mapped[bool] = mapped_column(default=False)
    phone: Mapped[str] = mapped_column(String(40), default="")

    roles: Mapped[list[OfficerRole]] = relationship(
        back_populates="officer", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def role_names(self) -> list[str]:
        return sorted(r.role for r in self.roles)


class OfficerRole(Base):
    """One of an officer's roles (a small office gives one person several)."""

    __tablename__ = "officer_role"

    officer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("officer.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(30), primary_key=True)

    officer: Mapped[Officer] = relationship(back_populates="roles")
