"""The people side: accounts with their roles, the audit of their decisions, agencies' answers

Revision ID: k0002
Revises: k0001
Create Date: 2026-12-05 17:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "k0002"
down_revision: str | None = "k0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "web_users",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=30), nullable=False),
        sa.Column("kecamatan", sa.String(length=400), nullable=False),
        sa.Column("destination", sa.String(length=40), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("username"),
    )
    op.create_table(
        "web_audit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("subject_id", sa.String(length=36), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "agency_answers",
        sa.Column("referral_id", sa.String(length=36), nullable=False),
        sa.Column("accepted_by", sa.String(length=60), nullable=False),
        sa.Column("accepted_at", sa.String(length=40), nullable=False),
        sa.Column("outcome", sa.String(length=12), nullable=False),
        sa.Column("served_on", sa.String(length=10), nullable=False),
        sa.Column("given", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("answered_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("referral_id"),
    )


def downgrade() -> None:
    op.drop_table("agency_answers")
    op.drop_table("web_audit")
    op.drop_table("web_users")
