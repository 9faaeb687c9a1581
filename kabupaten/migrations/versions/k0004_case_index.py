"""Cases by tracking number and referrals by case for the status page; changes by entity

Revision ID: k0004
Revises: k0003
Create Date: 2026-12-05 19:30:00

The index is filled from the operations already held, so a status page opened after the
upgrade finds the cases sent before it.
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "k0004"
down_revision: str | None = "k0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    index = op.create_table(
        "case_index",
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("office", sa.String(length=40), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("tracking_number", sa.String(length=40), nullable=False),
        sa.Column("check_code", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("entity_id"),
    )
    op.create_index("ix_case_index_case_id", "case_index", ["case_id"])
    op.create_index("ix_case_index_tracking_number", "case_index", ["tracking_number"])
    op.create_index("ix_changes_entity_id", "changes", ["entity_id"])
    ops = sa.table(
        "operations",
        sa.column("kiosk_id", sa.String),
        sa.column("entity_id", sa.String),
        sa.column("op_type", sa.String),
        sa.column("outcome", sa.String),
        sa.column("body", sa.Text),
    )
    bind = op.get_bind()
    rows = []
    seen = set()
    for r in bind.execute(
        sa.select(ops.c.kiosk_id, ops.c.entity_id, ops.c.op_type, ops.c.body).where(
            ops.c.op_type.in_(["kasus_dicatat", "rujukan_dibuat"]), ops.c.outcome == "accepted"
        )
    ):
        payload = json.loads(r.body).get("payload") or {}
        if r.entity_id in seen or not isinstance(payload, dict):
            continue
        seen.add(r.entity_id)
        case = r.op_type == "kasus_dicatat"
        rows.append(
            {
                "entity_id": r.entity_id,
                "kind": "kasus" if case else "rujukan",
                "office": r.kiosk_id,
                "case_id": r.entity_id if case else str(payload.get("case_id") or "")[:36],
                "tracking_number": str(payload.get("tracking_number") or "")[:40],
                "check_code": str(payload.get("check_code") or "")[:40],
            }
        )
    if rows:
        op.bulk_insert(index, rows)


def downgrade() -> None:
    op.drop_index("ix_changes_entity_id", table_name="changes")
    op.drop_table("case_index")
