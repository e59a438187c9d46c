"""One outbox sender at a time (review of the issue-26 fixes, finding 10). A sender settles a
broadcast row claimed before it started as "unconfirmed" at once (item 17: the one that
claimed it is gone). With two workers on one PostgreSQL (SIAGA_BACKGROUND is on by default),
or an old worker still draining in a rolling restart, the new sender did that to the live
one's rows in flight. Now the sender holds a session advisory lock; a second one waits and
takes over when the first stops."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from bot.app import App
from bot.channels.port import PLAIN, Delivered, Delivery, Envelope
from bot.channels.telegram.adapter import LIMITS
from bot.db import schema as t
from bot.delivery.sender import RateLimit
from handlers.core.messages import Outgoing, Reply, UserRef
from tests.conftest import postgres_only

PACE = RateLimit(per_second=50, per_chat_interval=0.0)


class Held:
    """A channel whose sends wait until let go: a request in flight, as long as we like."""

    name = "telegram"
    limits = LIMITS

    def __init__(self, open_: bool = False) -> None:
        self.entered, self.go, self.sent = asyncio.Event(), asyncio.Event(), 0
        if open_:
            self.go.set()

    def parse(self, raw: Any) -> Any:
        raise NotImplementedError

    async def deliver(self, to: str, out: Outgoing, how: Envelope = PLAIN) -> Delivered:
        self.entered.set()
        await self.go.wait()
        self.sent += 1
        return Delivered(Delivery.SENT, f"m{self.sent}", pieces=1)

    async def fetch(self, media: Any, max_bytes: int) -> bytes | None:
        return None

    async def acknowledge(self, item: Any, answered: bool) -> None:
        return None

    async def close(self) -> None:
        return None


async def _broadcast_to(siaga: App, chat: str) -> None:
    async with siaga.store() as store:
        now = siaga.clock()
        person = await store.person(UserRef("telegram", chat), "", now)
        await store.enqueue(person, [Reply.of("help")], now, "broadcast")
        await store.commit()


async def _statuses(siaga: App) -> list[str]:
    async with siaga.store() as store:
        rows = await store.conn.execute(select(t.outbox.c.status).order_by(t.outbox.c.id))
        return [r.status for r in rows]


@postgres_only("two workers' senders are two PostgreSQL sessions")
async def test_a_second_sender_waits_and_takes_over_when_the_first_stops(siaga: App) -> None:
    now = [datetime(2026, 12, 2, 3, 0, tzinfo=UTC)]  # 10.00 WIB: not the quiet hours
    siaga.clock = lambda: now[0]
    await _broadcast_to(siaga, "5001")
    first, second = Held(), Held(open_=True)
    stop_first, stop_second = asyncio.Event(), asyncio.Event()
    running = asyncio.create_task(siaga.sender({"telegram": first}, PACE).run(stop_first, 0.05))
    await asyncio.wait_for(first.entered.wait(), 10)  # claimed, the request in flight
    now[0] += timedelta(seconds=5)
    waiting = asyncio.create_task(siaga.sender({"telegram": second}, PACE).run(stop_second, 0.05))
    await asyncio.sleep(1.0)  # several rounds of the second sender
    assert await _statuses(siaga) == ["sending"]  # before: "unconfirmed", though in flight
    await _broadcast_to(siaga, "5002")
    await asyncio.sleep(0.3)
    assert second.sent == 0  # it waits: only one sender sends
    stop_first.set()
    first.go.set()
    await asyncio.wait_for(running, 10)
    for _ in range(100):  # the second takes over
        if await _statuses(siaga) == ["sent", "sent"]:
            break
        await asyncio.sleep(0.1)
    assert await _statuses(siaga) == ["sent", "sent"]
    assert (first.sent, second.sent) == (1, 1)
    stop_second.set()
    await asyncio.wait_for(waiting, 10)
