"""Regional profiles: the office's chosen regulation as data, and the profile each case and
approval step was started under (so a later switch never rewrites a decision)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Everything decided before profiles followed the kiosk's own reading: the neutral default.
DEFAULT = "umum@1"


def upgrade() -> None:
    op.create_table(
        "regional_profile",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("name", sa.String(32), nullable=False),
        sa.Column("version", sa.String(20), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(12), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_regional_profile"),
    )
    for table in ("site", "service_case", "approval_step"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("profile", sa.String(64), nullable=False, server_default=DEFAULT)
            )
    # Letters printed "Kepala Desa" even for a kelurahan (7th digit of the code 1): its head
    # is the Lurah. An office that wrote its own title keeps it.
    op.execute(
        "UPDATE site SET head_title = 'Lurah' "
        "WHERE substr(village_code, 7, 1) = '1' AND head_title = 'Kepala Desa'"
    )


def downgrade() -> None:
    for table in ("approval_step", "service_case", "site"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("profile")
    op.drop_table("regional_profile")
