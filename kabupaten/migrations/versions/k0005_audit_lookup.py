"""An index for the log-in lockout: an account's wrong passwords in the last minutes

Revision ID: k0005
Revises: k0004
Create Date: 2026-12-05 23:00:00

The lockout was counted in each worker's memory (N workers, N times the tries); it is now
counted from ``web_audit``, which every worker writes, and this index keeps that a lookup.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "k0005"
down_revision: str | None = "k0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_web_audit_username_action_at", "web_audit", ["username", "action", "at"])


def downgrade() -> None:
    op.drop_index("ix_web_audit_username_action_at", table_name="web_audit")
