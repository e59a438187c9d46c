"""When each scheduled job last ran, so schedules survive restarts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select, update

from bot.db import schema as t
from bot.db.aio import AsyncConnection
from bot.db.rows import aware


async def last_run(conn: AsyncConnection, name: str) -> datetime | None:
    q = select(t.job_runs.c.last_run_at).where(t.job_runs.c.name == name)
    return aware((await conn.execute(q)).scalar_one_or_none())


async def mark_run(conn: AsyncConnection, name: str, now: datetime) -> None:
    j = t.job_runs
    res = await conn.execute(update(j).where(j.c.name == name).values(last_run_at=now))
    if res.rowcount == 0:
        await conn.execute(insert(j).values(name=name, last_run_at=now))
