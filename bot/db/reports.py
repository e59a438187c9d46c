"""Read-only queries for the Dinas: the approved list for BPJS, and the audit trail."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select

from bot.db import schema as t
from bot.db.aio import AsyncConnection


async def approved(conn: AsyncConnection, kelurahan_code: str | None) -> list[Any]:
    """Approved nominations by kelurahan, then in the order they were decided."""
    n = t.nominations
    q = select(n).where(n.c.status == "approved")
    if kelurahan_code:
        q = q.where(n.c.kelurahan_code == kelurahan_code)
    return list(await conn.execute(q.order_by(n.c.kelurahan_code, n.c.decided_at, n.c.id)))


async def audit_trail(
    conn: AsyncConnection, nomination_id: int | None, person: int | None, limit: int
) -> list[Any]:
    """The newest audit rows, of one nomination and/or one person (as actor or subject)."""
    a = t.audit_log
    q = select(a).order_by(a.c.id.desc()).limit(limit)
    if nomination_id is not None:
        q = q.where(a.c.nomination_id == nomination_id)
    if person is not None:
        q = q.where(or_(a.c.actor == person, a.c.subject == person))
    return list(await conn.execute(q))
