"""visit.dtks_status: room for "tidak_terdaftar" (PostgreSQL enforces the length)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 10:55:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.alter_column("dtks_status", existing_type=sa.String(length=12),
                              type_=sa.String(length=20), existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.alter_column("dtks_status", existing_type=sa.String(length=20),
                              type_=sa.String(length=12), existing_nullable=False)
