"""Alembic migrations applied on start (and by `siaga db upgrade`).

Alembic itself (about 11 MB of imports) is loaded only when the database is behind: on the
common start the check is one query against alembic_version.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text

from bot.db.aio import AsyncEngine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0019"  # the newest revision in migrations/versions (a test keeps the two in step)


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


# The child's database URL goes by the environment, not the command line (a PostgreSQL URL
# holds its password, and a command line is readable by every user of the machine).
_URL_VAR = "SIAGA_MIGRATE_URL"


async def upgrade_apart(engine: AsyncEngine) -> None:
    """The same upgrade, in a child process: a webhook worker that starts on a database behind
    the code never holds Alembic and its migrations (about 11 MB; DESIGN rule 7)."""
    if await current(engine) == HEAD:
        return
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.db.migrate", stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE, env={**os.environ, _URL_VAR: engine.url},
    )  # fmt: skip
    _, err = await child.communicate()
    if child.returncode != 0:
        tail = err.decode(errors="replace").strip().splitlines()[-1:] or ["(no output)"]
        raise RuntimeError(f"the schema upgrade failed: {tail[0]}")


async def _upgrade_here(url: str) -> None:
    from bot.db.engine import make_engine

    engine = make_engine(url)
    try:
        await upgrade(engine)
    finally:
        await engine.dispose()


async def current(engine: AsyncEngine) -> str | None:
    async with engine.connect() as conn:
        version: str | None = await conn.run_sync(_current)
        return version


if __name__ == "__main__":  # the child of upgrade_apart
    asyncio.run(_upgrade_here(os.environ[_URL_VAR]))
