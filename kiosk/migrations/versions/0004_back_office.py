"""Back office: a ticket's place in line, case event order, referral request and round, product text and round

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 11:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kiosk.models.base

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("queue_ticket", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("queued_at", kiosk.models.base.UTCDateTime(timezone=True), nullable=True)
        )
    op.execute("UPDATE queue_ticket SET queued_at = issued_at WHERE queued_at IS NULL")
    with op.batch_alter_table("case_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("position", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.add_column(sa.Column("request", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("round", sa.Integer(), nullable=False, server_default="1"))
    with op.batch_alter_table("service_product", schema=None) as batch_op:
        batch_op.add_column(sa.Column("statement", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("purpose", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("round", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("service_product", schema=None) as batch_op:
        batch_op.drop_column("round")
        batch_op.drop_column("purpose")
        batch_op.drop_column("statement")
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_column("round")
        batch_op.drop_column("request")
    with op.batch_alter_table("case_event", schema=None) as batch_op:
        batch_op.drop_column("position")
    with op.batch_alter_table("queue_ticket", schema=None) as batch_op:
        batch_op.drop_column("queued_at")
