"""Review before upstream and escalation (issue #32): the case's review state, how far it was
escalated and to whom, and the supervisor's note on a returned pre-list proposal

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05 19:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("service_case") as batch:
        batch.add_column(sa.Column("review_state", sa.String(20), nullable=True))
        batch.add_column(
            sa.Column("escalation_level", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("escalated_to", sa.String(20), nullable=True))
    with op.batch_alter_table("prelist_proposal") as batch:
        batch.add_column(sa.Column("review_note", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("prelist_proposal") as batch:
        batch.drop_column("review_note")
    with op.batch_alter_table("service_case") as batch:
        batch.drop_column("escalated_to")
        batch.drop_column("escalation_level")
        batch.drop_column("review_state")
