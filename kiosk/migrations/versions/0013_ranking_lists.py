"""Ranking lists kept for the village meeting: the supervisor's review and the musyawarah
desa's decision per household

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-26 19:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "ranking_list",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("programme_code", sa.String(30), nullable=False),
        sa.Column("quota", sa.Integer(), nullable=False),
        sa.Column("weights", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewed_by", sa.Uuid(), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("review_note", sa.Text(), nullable=False),
        sa.Column("meeting_on", sa.Date(), nullable=True),
        sa.Column("meeting_ref", sa.String(60), nullable=False),
        sa.Column("decided_by", sa.Uuid(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"], ["officer.id"], name="fk_ranking_list_created_by_officer"
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by"], ["officer.id"], name="fk_ranking_list_reviewed_by_officer"
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["officer.id"], name="fk_ranking_list_decided_by_officer"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_ranking_list"),
    )
    op.create_index("ix_ranking_list_created_at", "ranking_list", ["created_at"])
    op.create_table(
        "ranking_entry",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("list_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("household_key", sa.String(40), nullable=False),
        sa.Column("no_kk", sa.String(16), nullable=False),
        sa.Column("head", sa.String(120), nullable=False),
        sa.Column("nik", sa.String(16), nullable=False),
        sa.Column("decile", sa.Integer(), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("within_quota", sa.Boolean(), nullable=False),
        sa.Column("excluded_reason", sa.Text(), nullable=False),
        sa.Column("decision", sa.String(20), nullable=False),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["list_id"], ["ranking_list.id"], name="fk_ranking_entry_list_id_ranking_list"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_ranking_entry"),
    )
    op.create_index("ix_ranking_entry_list_id", "ranking_entry", ["list_id"])


def downgrade() -> None:
    op.drop_table("ranking_entry")
    op.drop_table("ranking_list")
