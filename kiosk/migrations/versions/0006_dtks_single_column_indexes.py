"""DTKS record indexes on the looked-up column alone

A snapshot is now swapped in whole (SQLite) or holds the table only briefly beside the one it
replaces (PostgreSQL), so leading every index with the 32-character snapshot id only doubled
the indexes' size and the time to build them after an import.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 14:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = {"ix_dtks_record_nik": "nik", "ix_dtks_record_no_kk": "no_kk"}
COLUMNS["ix_dtks_record_name_key"] = "name_key"


def upgrade() -> None:
    for name, column in COLUMNS.items():
        op.drop_index(name, table_name="dtks_record")
        op.create_index(name, "dtks_record", [column])


def downgrade() -> None:
    for name, column in COLUMNS.items():
        op.drop_index(name, table_name="dtks_record")
        op.create_index(name, "dtks_record", ["snapshot_id", column])
