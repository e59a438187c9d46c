"""What /metrics reads from the database."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.db import schema as t
from bot.db.rows import aware
from bot.service import Siaga
from handlers import review

Samples = list[tuple[dict[str, str], float]]


async def database_gauges(siaga: Siaga) -> dict[str, Samples]:
    o, b = t.outbox, t.broadcasts
    now = siaga.clock()
    async with siaga.store() as store:
        backlog = (await store.conn.execute(
            select(o.c.channel, func.count(), func.min(o.c.created_at))
            .where(o.c.status.in_(("pending", "sending"))).group_by(o.c.channel)
        )).all()  # fmt: skip
        running = (await store.conn.execute(
            select(o.c.broadcast_id, o.c.status, func.count())
            .join(b, b.c.id == o.c.broadcast_id).where(b.c.status == "sending")
            .group_by(o.c.broadcast_id, o.c.status)
        )).all()  # fmt: skip
        ctx = siaga.context(store, now)
        quota = await store.quota(review.period_of(ctx))
    out: dict[str, Samples] = {
        "siaga_outbox_backlog": [({"channel": c}, float(n)) for c, n, _ in backlog],
        "siaga_outbox_oldest_seconds": [
            ({"channel": c}, (now - (aware(first) or now)).total_seconds())
            for c, _, first in backlog
        ],
        "siaga_broadcast_messages": [
            ({"broadcast": str(bid), "status": st}, float(n)) for bid, st, n in running
        ],
    }
    if quota is not None:
        out["siaga_quota_left"] = [({"period": review.period_of(ctx)}, float(quota[0] - quota[1]))]
    return out
