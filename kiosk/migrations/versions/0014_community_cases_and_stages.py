"""A case about a person, a family or a community, with the affected households attached;
Depok's stages on a case (the stage and its due day)

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-26 19:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("service_case") as batch:
        batch.add_column(
            sa.Column("subject", sa.String(10), nullable=False, server_default="orang")
        )
        batch.add_column(
            sa.Column("community", sa.String(200), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("stage", sa.String(20), nullable=True))
        batch.add_column(sa.Column("stage_due_on", sa.Date(), nullable=True))
    op.create_table(
        "case_household",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("no_kk", sa.String(16), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=True),
        sa.Column("head", sa.String(120), nullable=False),
        sa.Column("added_by", sa.Uuid(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["service_case.id"], name="fk_case_household_case_id_service_case"
        ),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name="fk_case_household_household_id_household"
        ),
        sa.ForeignKeyConstraint(
            ["added_by"], ["officer.id"], name="fk_case_household_added_by_officer"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_case_household"),
        sa.UniqueConstraint("case_id", "no_kk", name="uq_case_household_case_id"),
    )
    op.create_index("ix_case_household_case_id", "case_household", ["case_id"])


def downgrade() -> None:
    op.drop_table("case_household")
    with op.batch_alter_table("service_case") as batch:
        for column in ("stage_due_on", "stage", "community", "subject"):
            batch.drop_column(column)
