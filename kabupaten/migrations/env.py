"""Alembic environment of the kabupaten server: its own tables (kabupaten/tables.py) and its own
version table, ``kabupaten_alembic_version``, so a database that also holds a kiosk's schema
(a trial on one PostgreSQL) never mixes the two histories."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from kabupaten.migrate import VERSION_TABLE
from kabupaten.tables import meta

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # plain `alembic` command line during development
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///kabupaten.db")

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=meta,
        version_table=VERSION_TABLE,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
