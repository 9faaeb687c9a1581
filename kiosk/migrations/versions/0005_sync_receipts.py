"""Sync: the server's receipt per operation, and the kabupaten changes already applied

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 12:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kiosk.models.base

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox_operation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("receipt", sa.Integer(), nullable=True))
    op.create_table(
        "upstream_change",
        sa.Column("change_id", sa.String(length=40), nullable=False),
        sa.Column("applied_at", kiosk.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("change_id", name=op.f("pk_upstream_change")),
    )


def downgrade() -> None:
    op.drop_table("upstream_change")
    with op.batch_alter_table("outbox_operation", schema=None) as batch_op:
        batch_op.drop_column("receipt")
