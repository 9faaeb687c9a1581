"""Data-update proposals (usulan pemutakhiran data): a DTKS person died, moved, split or merged
a household, had a NIK or name corrected, or is no longer poor; reviewed by the supervisor

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-26 17:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kiosk.models.base

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    when = kiosk.models.base.UTCDateTime()
    op.create_table(
        "data_update_proposal",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("nik", sa.String(16), nullable=True),
        sa.Column("no_kk", sa.String(16), nullable=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("documents", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("proposed_by", sa.Uuid(), nullable=False),
        sa.Column("proposed_at", when, nullable=False),
        sa.Column("reviewed_by", sa.Uuid(), nullable=True),
        sa.Column("reviewed_at", when, nullable=True),
        sa.Column("review_note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name="fk_data_update_proposal_person_id_person"
        ),
        sa.ForeignKeyConstraint(
            ["proposed_by"], ["officer.id"], name="fk_data_update_proposal_proposed_by_officer"
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by"], ["officer.id"], name="fk_data_update_proposal_reviewed_by_officer"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_data_update_proposal"),
    )
    op.create_index("ix_data_update_proposal_nik", "data_update_proposal", ["nik"])
    op.create_index("ix_data_update_proposal_proposed_at", "data_update_proposal", ["proposed_at"])


def downgrade() -> None:
    op.drop_table("data_update_proposal")
