"""The number a print job is for (a ticket's A001, a receipt's tracking number), so the
Printer page can show it and an officer can find the slip to reprint

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 16:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("print_job") as batch:
        batch.add_column(sa.Column("reference", sa.String(40), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("print_job") as batch:
        batch.drop_column("reference")
