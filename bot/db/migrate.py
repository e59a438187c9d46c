"""Alembic migrations applied on start (and by `siaga db upgrade`).

Alembic itself (about 11 MB of imports) is loaded only when the database is behind: on the
common start the check is one query against alembic_version.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text

from bot.db.aio import AsyncEngine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0018"  # the newest revision in migrations/versions (a test keeps the two in step)


def alembic_config(connection: Any = None) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def script_head() -> str | None:
    from alembic.script import ScriptDirectory

    head: str | None = ScriptDirectory.from_config(alembic_config()).get_current_head()
    return head


def _current(connection: Any) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return str(row[0]) if row else None


def _upgrade(connection: Any) -> None:
    if _current(connection) == HEAD:
        return
    from alembic import command

    command.upgrade(alembic_config(connection), "head")


async def upgrade(engine: AsyncEngine) -> None:
    if await current(engine) == HEAD:
        return
    if engine.dialect.name != "sqlite":
        async with engine.begin() as conn:
            await conn.run_sync(_upgrade)
        return
    # SQLite rebuilds a table to change it; with foreign keys on, dropping the old copy would
    # cascade into every table that refers to it. SQLite's documented procedure: foreign keys
    # off for the connection that migrates, then check them before the commit.
    from bot.db.engine import make_engine

    migrating = make_engine(engine.url, foreign_keys=False)
    try:
        async with migrating.begin() as conn:
            await conn.run_sync(_upgrade)
            broken = (await conn.exec_driver_sql("PRAGMA foreign_key_check")).all()
            if broken:
                raise RuntimeError(f"migration left {len(broken)} broken references")
    finally:
        await migrating.dispose()


async def current(engine: AsyncEngine) -> str | None:
    async with engine.connect() as conn:
        version: str | None = await conn.run_sync(_current)
        return version
