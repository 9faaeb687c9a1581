"""Alembic environment: metadata from the models, connection from the caller's engine.

SQLite needs care for a village laptop full of records: batch mode recreates a table to alter
it, and with foreign keys ON dropping a referenced table fails. So foreign keys are switched off
for the migration (outside any transaction, as SQLite requires), checked with
``foreign_key_check`` afterwards, and temporary tables left by an interrupted earlier attempt are
removed first.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, text

import kiosk.models  # noqa: F401 - registers every table on Base.metadata
from kiosk.models.base import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # plain `alembic` command line during development
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///dev.sqlite3")

with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        leftovers = (
            connection.execute(
                text(
                    "SELECT name FROM sqlite_master WHERE type='table'"
                    " AND name LIKE '\\_alembic\\_tmp\\_%' ESCAPE '\\'"
                )
            )
            .scalars()
            .all()
        )
        for name in leftovers:
            connection.exec_driver_sql(f'DROP TABLE "{name}"')
        connection.commit()
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=sqlite,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
    if sqlite:
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        if broken:
            raise RuntimeError(f"foreign keys broken after migration: {broken[:5]}")
