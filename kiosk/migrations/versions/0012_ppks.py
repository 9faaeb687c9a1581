"""PPKS records (Depok art. 2, 18, 25): a person, a family or a community in need of social
welfare services, by Kemensos type, with the date, the source and the officer

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-26 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "ppks_record",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("subject", sa.String(10), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("household_id", sa.Uuid(), nullable=True),
        sa.Column("community", sa.String(200), nullable=False),
        sa.Column("members", sa.Integer(), nullable=True),
        sa.Column("ppks_type", sa.String(40), nullable=False),
        sa.Column("source", sa.String(30), nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.Uuid(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name="fk_ppks_record_person_id_person"),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name="fk_ppks_record_household_id_household"
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"], ["officer.id"], name="fk_ppks_record_recorded_by_officer"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_ppks_record"),
    )
    op.create_index("ix_ppks_record_person_id", "ppks_record", ["person_id"])
    op.create_index("ix_ppks_record_recorded_on", "ppks_record", ["recorded_on"])


def downgrade() -> None:
    op.drop_table("ppks_record")
