"""Alembic environment: metadata from the models, connection from the caller's engine."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import kiosk.models  # noqa: F401 - registers every table on Base.metadata
from kiosk.models.base import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # plain `alembic` command line during development
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///dev.sqlite3")

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
