"""The public papan's kept numbers, one row per published quarter

Revision ID: k0006
Revises: k0005
Create Date: 2026-12-05 23:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "k0006"
down_revision: str | None = "k0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "public_boards",
        sa.Column("period", sa.String(length=12), nullable=False),
        sa.Column("made_at", sa.String(length=40), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("period"),
    )


def downgrade() -> None:
    op.drop_table("public_boards")
