"""Settling outbox rows after the fact: replies the delivery path sent at once (kind "reply"),
and what a platform later reports about a message (WhatsApp's delivery statuses).

A reply row is written "sending" in the update's own transaction; the replies are sent
straight away and reported here. Reports are written in one batched UPDATE a few times a
second rather than one transaction per reply: a crash before the write leaves the rows
"sending", and the sender sends them again after its lease (at least once, never lost).

A write that fails (the database away for a moment) is tried again, with backoff, until the
lease: past it the sender takes the rows over anyway. Giving up after one failure left
delivered rows "sending", and the lease sent them a second time, two minutes late, out of
order and with stale buttons (issue 26 item 15).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from bot.channels.port import Delivery, Report
from bot.db import outbox
from bot.db.rows import aware
from bot.db.unit import Database
from bot.delivery.news import news_for
from bot.delivery.policy import row_status
from handlers.core.records import OutboxStatus

log = logging.getLogger("siaga.delivery")

RETRY_AFTER = timedelta(seconds=30)
LONGEST_PAUSE = 5.0  # seconds between two tries of a failing write, at most
CLOSING_WAIT = 10.0  # seconds a shutdown waits for a failing write before it leaves it


class ReplyLedger:
    def __init__(
        self, db: Database, clock: Callable[[], datetime], every: float = 0.2,
        lease: float = 120.0,
    ) -> None:  # fmt: skip
        self.db = db
        self.clock = clock
        self.every = every
        self.lease = lease  # seconds: past it the sender sends a "sending" row again
        self._done: list[dict[str, object]] = []
        self._blocked: set[tuple[str, str]] = set()
        self._flusher: asyncio.Task[None] | None = None
        # when the oldest report not yet written was made (time.monotonic): the sender's
        # lease runs from about then, so giving up is counted from it too
        self._oldest: float | None = None

    def settle(
        self, receipt: int | None, outcome: str, user: tuple[str, str] | None = None,
        pieces: int = 0,
    ) -> None:  # fmt: skip
        """How sending a kept reply went (a Delivery outcome); `pieces`: its platform messages
        that went (a retry sends only the rest)."""
        if outcome == Delivery.BLOCKED and user is not None:
            self._blocked.add(user)
        if self._oldest is None and (receipt is not None or self._blocked):
            self._oldest = time.monotonic()
        if receipt is not None:
            now = self.clock()
            self._done.append({
                "rid": receipt, "st": row_status(outcome).value,
                "at": now if outcome == Delivery.SENT else None,
                "next": now + RETRY_AFTER if outcome == Delivery.RETRY else now, "pc": pieces,
            })  # fmt: skip
        if (self._done or self._blocked) and (self._flusher is None or self._flusher.done()):
            self._flusher = asyncio.create_task(self._later())

    async def _later(self) -> None:
        # Until nothing is left: a report made while a write is under way goes in the next,
        # not at some later settle() (or, were none to come, resent after the lease).
        # Given up once the oldest report is older than the lease, not a lease after the first
        # failed write: by then the sender may have taken the rows back, and a late "sent"
        # would settle a row it is sending again (review of issue 26, finding 15).
        pause = self.every
        while self._done or self._blocked:
            await asyncio.sleep(pause)
            try:
                await self.flush()
            except Exception as exc:  # kept: tried again once the database is back
                waited = time.monotonic() - (self._oldest or time.monotonic())
                if waited > self.lease:
                    log.error("could not record sent replies for %.0f s; the sender settles "
                              "them after its lease", waited)  # fmt: skip
                    self._done, self._blocked, self._oldest = [], set(), None
                    return
                log.warning("could not record sent replies yet (%s); trying again",
                            type(exc).__name__)  # fmt: skip
                pause = min(pause * 2, LONGEST_PAUSE)
            else:
                pause = self.every

    async def flush(self) -> None:
        rows, self._done = self._done, []
        blocked, self._blocked = self._blocked, set()
        if not (rows or blocked):
            return
        started = time.monotonic()
        try:
            async with self.db.store() as store:
                if rows:
                    await outbox.settle(store.conn, rows)
                for channel, external_id in blocked:
                    await outbox.mark_blocked(store.conn, channel, external_id)
                await store.commit()
        except BaseException:
            self._done[:0] = rows  # not written: kept for the next try, in order
            self._blocked |= blocked
            raise
        # written; reports made meanwhile are no older than this write
        self._oldest = started if (self._done or self._blocked) else None

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
                    elif report.outside_window and row.kind not in ("broadcast", "news"):
                        # any other message waits for the person to write; the news template
                        # tells them (issue 26 item 9). Held first: it takes the person's turn
                        # before this transaction touches their row. The report comes late:
                        # a message of theirs since the send reopened the window, and the row
                        # is then due again at once (review of issue 26, finding 7).
                        now = self.clock()
                        went = aware(row.went_at) or now
                        await outbox.hold(store.conn, row, now, went, news_for(row.payload),
                                          pieces=0)  # fmt: skip
                        del values["status"]
                await outbox.record_delivery(store.conn, row.id, values)
            await store.commit()

    async def close(self) -> None:
        if self._flusher is not None:  # let a write under way finish: cancelling it
            # would leave its rows "sending" and resent after the lease; a database still
            # away is not waited for long (the rows are then settled by the lease)
            with contextlib.suppress(TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(self._flusher, CLOSING_WAIT)
        with contextlib.suppress(Exception):
            await self.flush()
