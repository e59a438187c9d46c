"""Alembic environment: runs on the connection bot.db.migrate hands over (sync or async)."""

from __future__ import annotations

from alembic import context

from bot.db.schema import add_postgresql_options, metadata

add_postgresql_options()  # the schema as PostgreSQL sees it too (see bot/db/schema.py)

config = context.config
connection = config.attributes.get("connection")

if connection is None:  # pragma: no cover - only for `alembic revision --autogenerate` by hand
    from sqlalchemy import create_engine

    url = config.get_main_option("sqlalchemy.url") or "sqlite:///data/autogen.db"
    with create_engine(url).connect() as conn:
        context.configure(connection=conn, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
