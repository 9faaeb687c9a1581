"""Programme participation decided by a musyawarah desa: the berita acara it comes from, and
the No. KK of a household the counter has not registered yet (found when it is)

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05 17:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("programme_participation") as batch:
        batch.add_column(sa.Column("source_ref", sa.String(60), nullable=False, server_default=""))
        batch.add_column(sa.Column("no_kk", sa.String(16), nullable=True))
    op.create_index("ix_programme_participation_no_kk", "programme_participation", ["no_kk"])


def downgrade() -> None:
    op.drop_index("ix_programme_participation_no_kk", "programme_participation")
    with op.batch_alter_table("programme_participation") as batch:
        batch.drop_column("no_kk")
        batch.drop_column("source_ref")
