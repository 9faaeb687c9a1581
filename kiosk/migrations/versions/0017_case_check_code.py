"""A case's check code for the public status page: the receipt's QR links to it with the code,
since tracking numbers are sequential and could be guessed

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("service_case") as batch:
        batch.add_column(sa.Column("check_code", sa.String(12), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("service_case") as batch:
        batch.drop_column("check_code")
