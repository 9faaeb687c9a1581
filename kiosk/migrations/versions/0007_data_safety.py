"""Data safety: a hash-chained audit, one household per No. KK, erasure, backup settings

- ``audit_entry`` gets ``seq``, ``prev_hash`` and ``hash``; existing entries are chained in the
  order they were written (time, then id), and ``audit_head`` holds the chain's end.
- ``household.no_kk`` becomes unique. Households that two counters created for the same card
  are merged into the oldest one first: every person, membership, visit, case, complaint, need
  and participation row is moved to it, so no member is lost. Empty numbers become NULL.
- ``person.erased_at`` and ``person.erasure_due_on``, ``site.backup_mirror`` and ``site.retention_years``.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 09:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kiosk.models.base
from kiosk.audit_chain import GENESIS, entry_hash

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every table with a household_id column (the merge moves their rows to the kept household).
HOUSEHOLD_REFS = (
    "person",
    "household_membership",
    "visit",
    "service_case",
    "complaint",
    "programme_need",
    "programme_participation",
    "prelist_proposal",
)


def _chain_existing(conn: sa.Connection) -> None:
    audit = sa.table(
        "audit_entry",
        sa.column("id", sa.Uuid()),
        sa.column("at", kiosk.models.base.UTCDateTime()),
        sa.column("officer_id", sa.Uuid()),
        sa.column("action", sa.String()),
        sa.column("entity_type", sa.String()),
        sa.column("entity_id", sa.String()),
        sa.column("detail", sa.JSON()),
        sa.column("seq", sa.Integer()),
        sa.column("prev_hash", sa.String()),
        sa.column("hash", sa.String()),
    )
    rows = conn.execute(
        sa.select(
            audit.c.id,
            audit.c.at,
            audit.c.officer_id,
            audit.c.action,
            audit.c.entity_type,
            audit.c.entity_id,
            audit.c.detail,
        ).order_by(audit.c.at, audit.c.id)
    ).all()
    prev, seq = GENESIS, 0
    for r in rows:
        seq += 1
        digest = entry_hash(
            seq, r.at, r.officer_id, r.action, r.entity_type, r.entity_id, r.detail, prev
        )
        conn.execute(
            audit.update()
            .where(audit.c.id == r.id)
            .values(seq=seq, prev_hash=prev, hash=digest)
        )
        prev = digest
    conn.execute(
        sa.text("INSERT INTO audit_head (id, seq, hash) VALUES (1, :seq, :hash)"),
        {"seq": seq, "hash": prev},
    )


def _merge_households(conn: sa.Connection) -> None:
    conn.execute(sa.text("UPDATE household SET no_kk = NULL WHERE no_kk = ''"))
    dupes = conn.execute(
        sa.text("SELECT no_kk FROM household WHERE no_kk IS NOT NULL GROUP BY no_kk HAVING COUNT(*) > 1")
    ).scalars()
    inspector = sa.inspect(conn)
    present = set(inspector.get_table_names())
    for no_kk in list(dupes):
        ids = conn.execute(
            sa.text("SELECT id FROM household WHERE no_kk = :kk ORDER BY created_at, id"),
            {"kk": no_kk},
        ).scalars().all()
        keep, others = ids[0], ids[1:]
        for table in HOUSEHOLD_REFS:
            if table not in present:
                continue
            columns = {c["name"] for c in inspector.get_columns(table)}
            if "household_id" not in columns:
                continue
            for other in others:
                conn.execute(
                    sa.text(f'UPDATE "{table}" SET household_id = :keep WHERE household_id = :o'),
                    {"keep": keep, "o": other},
                )
        for other in others:
            conn.execute(
                sa.text(
                    "UPDATE household SET head_person_id = COALESCE("
                    "(SELECT head_person_id FROM household WHERE id = :keep), "
                    "(SELECT head_person_id FROM household WHERE id = :o)) WHERE id = :keep"
                ),
                {"keep": keep, "o": other},
            )
            conn.execute(sa.text("DELETE FROM household WHERE id = :o"), {"o": other})


def upgrade() -> None:
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
    conn = op.get_bind()
    _chain_existing(conn)
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f("uq_audit_entry_seq"), ["seq"])

    _merge_households(conn)
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_household_no_kk"))
        batch_op.create_index(batch_op.f("ix_household_no_kk"), ["no_kk"], unique=True)

    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("erased_at", kiosk.models.base.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("erasure_due_on", sa.Date(), nullable=True))
    with op.batch_alter_table("site", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("backup_mirror", sa.String(length=400), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("retention_years", sa.Integer(), nullable=False, server_default="5")
        )


def downgrade() -> None:
    with op.batch_alter_table("site", schema=None) as batch_op:
        batch_op.drop_column("retention_years")
        batch_op.drop_column("backup_mirror")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("erasure_due_on")
        batch_op.drop_column("erased_at")
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_household_no_kk"))
        batch_op.create_index(batch_op.f("ix_household_no_kk"), ["no_kk"], unique=False)
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_audit_entry_seq"), type_="unique")
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("seq")
    op.drop_table("audit_head")
