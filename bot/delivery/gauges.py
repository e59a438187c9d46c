"""What /metrics reads from the database."""

from __future__ import annotations

from bot.db import outbox
from bot.db.rows import aware
from bot.delivery.handling import Conversations
from handlers.nominations import period_of

Samples = list[tuple[dict[str, str], float]]


async def database_gauges(siaga: Conversations) -> dict[str, Samples]:
    now = siaga.clock()
    async with siaga.db.store() as store:
        backlog = await outbox.backlog(store.conn)
        running = await outbox.running_broadcasts(store.conn)
        ctx = siaga.context(store, now)
        quota = await store.quota(period_of(ctx))
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
        out["siaga_quota_left"] = [({"period": period_of(ctx)}, float(quota[0] - quota[1]))]
    return out
