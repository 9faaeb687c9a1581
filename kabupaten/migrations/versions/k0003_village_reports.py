"""Reports the villages send: the newest version per office and period, and its counts packed
for the kabupaten's papan

Revision ID: k0003
Revises: k0002
Create Date: 2026-12-05 19:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "k0003"
down_revision: str | None = "k0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "village_reports",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("office", sa.String(length=40), nullable=False),
        sa.Column("period", sa.String(length=12), nullable=False),
        sa.Column("first_day", sa.String(length=10), nullable=False),
        sa.Column("after_day", sa.String(length=10), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("village_code", sa.String(length=16), nullable=False),
        sa.Column("village_name", sa.String(length=120), nullable=False),
        sa.Column("district_name", sa.String(length=120), nullable=False),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("received_at", sa.String(length=40), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("flows", sa.LargeBinary(), nullable=False),
        sa.Column("stocks", sa.LargeBinary(), nullable=False),
        sa.Column("flow_totals", sa.LargeBinary(), nullable=False),
        sa.Column("stock_totals", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("office", "period", name="uq_village_reports_office"),
    )
    op.create_table(
        "report_cell_keys",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("indicator", sa.String(length=40), nullable=False),
        sa.Column("dimension", sa.String(length=20), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "indicator", "dimension", "key", "sex", name="uq_report_cell_keys_cell"
        ),
    )


def downgrade() -> None:
    op.drop_table("report_cell_keys")
    op.drop_table("village_reports")
