"""Programme criteria as data (Balangan art. 9, Barito Selatan art. 10: the manager keeps the
programme catalogue and its beneficiary criteria): ``programme.rules`` and whether the office
wrote them (``rules_by_office``, kept when the shipped catalogue is loaded again)

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-26 17:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("programme") as batch:
        batch.add_column(sa.Column("rules", sa.JSON(), nullable=False, server_default="{}"))
        batch.add_column(
            sa.Column("rules_by_office", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("programme") as batch:
        batch.drop_column("rules_by_office")
        batch.drop_column("rules")
