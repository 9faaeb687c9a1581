"""The kabupaten server's schema: offices (tokens, enrolment codes, owners), operations,
batch answers, changes, audit heads, DTKS and reference data

Revision ID: k0001
Revises:
Create Date: 2026-12-05 16:46:11.707823
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "k0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "audit_heads",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kiosk_id", sa.String(length=40), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("acknowledged", sa.Boolean(), nullable=False),
        sa.Column("received_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit_heads", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_heads_kiosk_id"), ["kiosk_id"], unique=False)

    op.create_table(
        "changes",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("change_id", sa.String(length=36), nullable=False),
        sa.Column("office", sa.String(length=40), nullable=True),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("change_id"),
    )
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_changes_office"), ["office"], unique=False)

    op.create_table(
        "dtks",
        sa.Column("nik", sa.String(length=16), nullable=False),
        sa.Column("decile", sa.Integer(), nullable=True),
        sa.Column("programmes", sa.String(length=200), nullable=False),
        sa.Column("snapshot_date", sa.String(length=10), nullable=False),
        sa.PrimaryKeyConstraint("nik"),
    )
    op.create_table(
        "enrolment_codes",
        sa.Column("office", sa.String(length=40), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.Column("used_at", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("office"),
    )
    op.create_table(
        "idempotency",
        sa.Column("kiosk_id", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("body_hash", sa.String(length=64), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("kiosk_id", "key"),
    )
    op.create_table(
        "operations",
        sa.Column("receipt", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("kiosk_id", sa.String(length=40), nullable=False),
        sa.Column("entity_type", sa.String(length=30), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("op_type", sa.String(length=40), nullable=False),
        sa.Column("schema_version", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=12), nullable=False),
        sa.Column("received_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("receipt"),
        sa.UniqueConstraint("op_id"),
    )
    with op.batch_alter_table("operations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_operations_entity_id"), ["entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_operations_kiosk_id"), ["kiosk_id"], unique=False)

    op.create_table(
        "owners",
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("office", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("entity_id"),
    )
    op.create_table(
        "reference",
        sa.Column("dataset", sa.String(length=20), nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("items", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("dataset"),
    )
    op.create_table(
        "tokens",
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("kiosk_id", sa.String(length=40), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("token"),
    )
    with op.batch_alter_table("tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tokens_kiosk_id"), ["kiosk_id"], unique=False)

    op.create_table(
        "versions",
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("entity_id"),
    )


def downgrade() -> None:

    op.drop_table("versions")
    with op.batch_alter_table("tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tokens_kiosk_id"))

    op.drop_table("tokens")
    op.drop_table("reference")
    op.drop_table("owners")
    with op.batch_alter_table("operations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_operations_kiosk_id"))
        batch_op.drop_index(batch_op.f("ix_operations_entity_id"))

    op.drop_table("operations")
    op.drop_table("idempotency")
    op.drop_table("enrolment_codes")
    op.drop_table("dtks")
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_changes_office"))

    op.drop_table("changes")
    with op.batch_alter_table("audit_heads", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_heads_kiosk_id"))

    op.drop_table("audit_heads")
