"""Settling the outbox rows that keep conversation replies (kind "reply").

A reply row is written "sending" in the update's own transaction; the adapter sends the replies
straight away and reports here how it went. Reports are written in one batched UPDATE a few
times a second rather than one transaction per reply: a crash before the write leaves the rows
"sending", and the sender sends them again after its lease (at least once, never lost).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.db import outbox
from bot.outcomes import Delivery, row_status

if TYPE_CHECKING:
    from bot.service import Siaga

log = logging.getLogger("siaga.receipts")

RETRY_AFTER = timedelta(seconds=30)


class ReplyLedger:
    def __init__(self, siaga: Siaga, every: float = 0.2) -> None:
        self.siaga = siaga
        self.every = every
        self._done: list[dict[str, object]] = []
        self._flusher: asyncio.Task[None] | None = None

    def settle(self, receipt: int | None, outcome: str) -> None:
        """How sending a kept reply went (a Delivery outcome)."""
        if receipt is None:
            return
        now = self.siaga.clock()
        self._done.append({
            "rid": receipt, "st": row_status(outcome).value,
            "at": now if outcome == Delivery.SENT else None,
            "next": now + RETRY_AFTER if outcome == Delivery.RETRY else now,
        })  # fmt: skip
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._later())

    async def _later(self) -> None:
        # Until nothing is left: a report made while a write is under way goes in the next,
        # not at some later settle() (or, were none to come, resent after the lease).
        while self._done:
            await asyncio.sleep(self.every)
            try:
                await self.flush()
            except Exception:  # the rows stay "sending"; the sender settles them after its lease
                log.exception("could not record sent replies")
                return

    async def flush(self) -> None:
        rows, self._done = self._done, []
        if rows:
            async with self.siaga.store() as store:
                await outbox.settle(store.conn, rows)
                await store.commit()

    async def close(self) -> None:
        if self._flusher is not None:  # let a write under way finish: cancelling it
            await self._flusher  # would leave its rows "sending" and resent after the lease
        with contextlib.suppress(Exception):
            await self.flush()
