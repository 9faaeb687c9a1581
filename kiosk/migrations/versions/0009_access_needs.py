"""Access needs of disabled visitors (Empat Lawang art. 12): on the ticket, the visit and the
case, so the caller, the front office and the back office each know how to serve them

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("queue_ticket", "visit", "service_case")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("access_needs", sa.String(100), nullable=False, server_default="")
            )


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("access_needs")
