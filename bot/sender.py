"""The outbound sender: drains the outbox (messages to people other than the one writing),
within each channel's rate limits, with retries.

Telegram allows about 30 messages a second per bot and one a second per chat; a 429 says how
long to wait. Rows are marked sent only after the platform accepted them; a failed row is
retried with backoff, then marked failed; a 403 marks the recipient blocked.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, update

from bot.db import schema as t
from bot.service import Siaga
from handlers.messages import Outgoing, Reply

log = logging.getLogger("siaga.sender")
MAX_ATTEMPTS = 8


class Delivery:
    SENT = "sent"
    BLOCKED = "blocked"
    RETRY = "retry"
    FAILED = "failed"


# A channel's delivery function: (external id, what to send) → one of Delivery's values.
Deliver = Callable[[str, Outgoing], Awaitable[str]]


@dataclass
class RateLimit:
    per_second: float = 30.0
    per_chat_interval: float = 1.0


class OutboxSender:
    def __init__(self, siaga: Siaga, channels: dict[str, Deliver], limit: RateLimit | None = None):
        self.siaga = siaga
        self.channels = channels
        self.limit = limit or RateLimit()
        self._last_chat: dict[tuple[str, str], float] = {}
        self._next_slot = 0.0

    async def _pace(self, key: tuple[str, str]) -> None:
        now = time.monotonic()
        wait_chat = self._last_chat.get(key, 0.0) + self.limit.per_chat_interval - now
        slot = max(self._next_slot, now)
        self._next_slot = slot + 1.0 / self.limit.per_second
        delay = max(wait_chat, slot - now, 0.0)
        if delay:
            await asyncio.sleep(delay)
        self._last_chat[key] = time.monotonic()

    async def due(self, limit: int = 100) -> list[Any]:
        o = t.outbox
        now = datetime.now(UTC)
        async with self.siaga.store() as store:
            q = (
                select(
                    o.c.id,
                    o.c.channel,
                    o.c.external_id,
                    o.c.payload,
                    o.c.attempts,
                    t.people.c.locale,
                )
                .join(t.people, t.people.c.id == o.c.person_id)
                .where(
                    o.c.status == "pending",
                    o.c.next_attempt_at <= now,
                    o.c.channel.in_(list(self.channels)),
                )
                .order_by(o.c.id)
                .limit(limit)
            )
            return list(await store.conn.execute(q))

    async def _mark(self, row_id: int, status: str, attempts: int, error: str = "") -> None:
        o = t.outbox
        now = datetime.now(UTC)
        values: dict[str, Any] = {"status": status, "attempts": attempts}
        if status == "sent":
            values["sent_at"] = now
        if status == "pending":  # a retry: back off 2, 4, 8 … seconds, at most 10 minutes
            values["next_attempt_at"] = now + timedelta(seconds=min(2**attempts, 600))
        if error:
            values["last_error"] = error[:500]
        async with self.siaga.store() as store:
            await store.conn.execute(update(o).where(o.c.id == row_id).values(**values))
            if status == "blocked":
                await store.conn.execute(
                    update(t.people)
                    .where(
                        t.people.c.id
                        == select(o.c.person_id).where(o.c.id == row_id).scalar_subquery()
                    )
                    .values(blocked=True)
                )
            await store.commit()

    async def send_once(self) -> int:
        """Send what is due now; returns how many rows were handled."""
        rows = await self.due()
        for row in rows:
            deliver = self.channels[row.channel]
            await self._pace((row.channel, row.external_id))
            out = Outgoing(row.locale, [Reply.from_json(r) for r in row.payload])
            try:
                result = await deliver(row.external_id, out)
            except Exception as exc:  # a bug must not stop the sender: count it as a failure
                log.exception("delivery crashed for outbox row %s", row.id)
                result, err = Delivery.RETRY, type(exc).__name__
            else:
                err = ""
            attempts = row.attempts + 1
            if result == Delivery.RETRY and attempts >= MAX_ATTEMPTS:
                result = Delivery.FAILED
            status = "pending" if result == Delivery.RETRY else result
            await self._mark(row.id, status, attempts, err)
        return len(rows)

    async def run(self, stop: asyncio.Event, idle: float = 1.0) -> None:
        while not stop.is_set():
            try:
                handled = await self.send_once()
            except Exception:
                log.exception("outbox sender error; continuing")
                handled = 0
            if not handled:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=idle)
