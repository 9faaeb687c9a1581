"""person.name_key: spelling-tolerant search key, backfilled for every existing person

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 09:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from kiosk.names import name_key

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("name_key", sa.String(length=120), nullable=False, server_default="")
        )
        batch_op.create_index(batch_op.f("ix_person_name_key"), ["name_key"], unique=False)
    person = sa.table("person", sa.column("id", sa.Uuid()), sa.column("name", sa.String),
                      sa.column("name_key", sa.String))
    bind = op.get_bind()
    rows = bind.execute(sa.select(person.c.id, person.c.name)).all()
    for row in rows:
        bind.execute(
            person.update().where(person.c.id == row.id).values(name_key=name_key(row.name))
        )


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_name_key"))
        batch_op.drop_column("name_key")
