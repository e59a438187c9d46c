"""Settling outbox rows after the fact: replies the delivery path sent at once (kind "reply"),
and what a platform later reports about a message (WhatsApp's delivery statuses).

A reply row is written "sending" in the update's own transaction; the replies are sent
straight away and reported here. Reports are written in one batched UPDATE a few times a
second rather than one transaction per reply: a crash before the write leaves the rows
"sending", and the sender sends them again after its lease (at least once, never lost).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from bot.channels.port import Delivery, Report
from bot.db import outbox
from bot.db.unit import Database
from bot.delivery.policy import row_status
from handlers.records import OutboxStatus

log = logging.getLogger("siaga.delivery")

RETRY_AFTER = timedelta(seconds=30)


class ReplyLedger:
    def __init__(self, db: Database, clock: Callable[[], datetime], every: float = 0.2) -> None:
        self.db = db
        self.clock = clock
        self.every = every
        self._done: list[dict[str, object]] = []
        self._blocked: set[tuple[str, str]] = set()
        self._flusher: asyncio.Task[None] | None = None

    def settle(
        self, receipt: int | None, outcome: str, user: tuple[str, str] | None = None
    ) -> None:
        """How sending a kept reply went (a Delivery outcome)."""
        if outcome == Delivery.BLOCKED and user is not None:
            self._blocked.add(user)
        if receipt is not None:
            now = self.clock()
            self._done.append({
                "rid": receipt, "st": row_status(outcome).value,
                "at": now if outcome == Delivery.SENT else None,
                "next": now + RETRY_AFTER if outcome == Delivery.RETRY else now,
            })  # fmt: skip
        if (self._done or self._blocked) and (self._flusher is None or self._flusher.done()):
            self._flusher = asyncio.create_task(self._later())

    async def _later(self) -> None:
        # Until nothing is left: a report made while a write is under way goes in the next,
        # not at some later settle() (or, were none to come, resent after the lease).
        while self._done or self._blocked:
            await asyncio.sleep(self.every)
            try:
                await self.flush()
            except Exception:  # the rows stay "sending"; the sender settles them after its lease
                log.exception("could not record sent replies")
                return

    async def flush(self) -> None:
        rows, self._done = self._done, []
        blocked, self._blocked = self._blocked, set()
        if rows or blocked:
            async with self.db.store() as store:
                if rows:
                    await outbox.settle(store.conn, rows)
                for channel, external_id in blocked:
                    await outbox.mark_blocked(store.conn, channel, external_id)
                await store.commit()

    async def record(self, reports: list[Report]) -> None:
        """sent / delivered / read / failed for messages we sent through the outbox."""
        if not reports:
            return
        async with self.db.store() as store:
            for report in reports:
                row = await outbox.by_provider_id(store.conn, report.message_id)
                if row is None:
                    continue
                values: dict[str, Any] = {"delivery": report.state}
                if report.state == "failed":
                    values.update(status=OutboxStatus.FAILED, last_error=report.error or "0")
                    if report.outside_window and row.kind == "broadcast" and not row.template:
                        # the window had closed after all: the approved template goes instead
                        values.update(status=OutboxStatus.PENDING, template=True,
                                      next_attempt_at=self.clock())  # fmt: skip
                await outbox.record_delivery(store.conn, row.id, values)
            await store.commit()

    async def close(self) -> None:
        if self._flusher is not None:  # let a write under way finish: cancelling it
            await self._flusher  # would leave its rows "sending" and resent after the lease
        with contextlib.suppress(Exception):
            await self.flush()
