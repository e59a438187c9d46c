"""The outbound sender: drains the outbox (messages to people other than the one writing:
notices about a nomination, broadcasts, reminders) within each channel's rate limits.

Telegram allows about 30 messages a second per bot and one a second per chat; a 429 says how
long to wait, and then the whole bot waits. Each row goes pending → sending → a final status:

- the claim ("sending") is committed *before* the request leaves, the result right after;
- a row found still "sending" after a crash (its claim older than the lease) is uncertain: the
  platform may have accepted it. A broadcast row is then marked "unconfirmed" and not sent
  again (nobody gets the same broadcast twice); a notice about one's own nomination goes back
  to pending (a rare duplicate is better than a citizen never hearing of a decision).

The claim is a conditional UPDATE (status still pending), so two senders never take one row.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple, Protocol
from zoneinfo import ZoneInfo

from bot.db import outbox
from bot.db.rows import aware
from bot.outcomes import Delivery
from bot.service import Siaga
from handlers.messages import Outgoing, Reply
from handlers.records import OutboxStatus

log = logging.getLogger("siaga.sender")
MAX_ATTEMPTS = 8


class Delivered(NamedTuple):
    status: str  # one of Delivery's values
    message_id: str | None = None
    retry_after: float = 0.0  # the platform asked everyone to wait this long (429)
    error: str = ""
    defer: float = 0.0  # not now and not a failure (a daily budget): try again in this long
    template: bool = False  # went, or must go next time, as the approved template (WhatsApp)


class RowInfo(NamedTuple):
    """What a channel may need to know about an outbox row beyond its words."""

    person_id: int
    kind: str  # notice | broadcast
    template: bool
    last_inbound_at: datetime | None


class Channel(Protocol):
    """What the sender needs from a channel adapter."""

    async def deliver(
        self, external_id: str, out: Outgoing, info: RowInfo | None = None
    ) -> Delivered: ...

    async def show(
        self, external_id: str, message_id: str | None, out: Outgoing, final: bool = False
    ) -> str | None:
        """Send a message, or edit it when message_id is given; returns its id."""
        ...


@dataclass
class RateLimit:
    # Just under Telegram's "about 30 a second": arrival jitter must not cross the line.
    per_second: float = 29.0
    per_chat_interval: float = 1.0
    in_flight: int = 32  # requests awaiting an answer at once


@dataclass(frozen=True)
class QuietHours:
    """Broadcasts wait between start and end (local hours); notices are not held back."""

    start: int = 21
    end: int = 6
    tz: str = "Asia/Jakarta"

    def active(self, now: datetime) -> bool:
        if self.start == self.end:
            return False
        hour = now.astimezone(ZoneInfo(self.tz)).hour
        if self.start < self.end:
            return self.start <= hour < self.end
        return hour >= self.start or hour < self.end

    def ends_after(self, now: datetime) -> datetime:
        local = now.astimezone(ZoneInfo(self.tz))
        end = local.replace(hour=self.end, minute=0, second=0, microsecond=0)
        if end <= local:
            end += timedelta(days=1)
        return end.astimezone(UTC)


class OutboxSender:
    def __init__(
        self, siaga: Siaga, channels: dict[str, Channel], limit: RateLimit | None = None,
        quiet: QuietHours | None = None, lease: float = 120.0,
        clock: Callable[[], datetime] | None = None, limits: dict[str, RateLimit] | None = None,
    ) -> None:  # fmt: skip
        self.siaga = siaga
        self.channels = channels
        self.limit = limit or RateLimit()
        self.limits = limits or {}  # per channel; the others use `limit`
        self._slots: dict[str, float] = {}
        self._window: dict[str, collections.deque[float]] = {}  # when the last requests left
        self.quiet = quiet
        self.lease = lease
        self.clock = clock or siaga.clock
        self._last_chat: dict[tuple[str, str], float] = {}
        self._paused_until = 0.0
        self._results: list[dict[str, Any]] = []
        self._flushed = 0.0
        self._blocked: list[int] = []
        self._gate = asyncio.Semaphore(self.limit.in_flight)
        self._tasks: set[asyncio.Task[None]] = set()
        self.sent = 0  # rows accepted by a platform since start (for the benchmark)

    # --- reading ------------------------------------------------------------------------------
    def quiet_now(self) -> bool:
        return self.quiet is not None and self.quiet.active(self.clock())

    async def due(self, limit: int = 200) -> list[Any]:
        async with self.siaga.store() as store:
            return await outbox.due(
                store.conn, self.clock(), list(self.channels), self.quiet_now(), limit
            )

    # --- writing ------------------------------------------------------------------------------
    async def recover(self) -> None:
        """Settle rows a crashed sender left "sending", and broadcast rows to people who have
        opted out since the broadcast was queued."""
        async with self.siaga.store() as store:
            await outbox.recover(store.conn, self.clock() - timedelta(seconds=self.lease))
            await store.commit()

    async def _claim(self, row_id: int) -> bool:
        """Take one row: one conditional UPDATE, committed on its own before the send."""
        async with self.siaga.store() as store:
            taken = await outbox.claim(store.conn, row_id, self.clock())
            await store.commit()
        if len(self._results) >= 50 or time.monotonic() - self._flushed > 0.25:
            await self.flush()
        return taken

    async def flush(self) -> None:
        """Write finished rows' outcomes, in batches: a crash before this leaves them
        "sending", which recover() settles without sending a broadcast twice."""
        self._flushed = time.monotonic()
        if self._results or self._blocked:
            results, self._results = self._results, []
            blocked, self._blocked = self._blocked, []
            async with self.siaga.store() as store:
                await outbox.write_results(store.conn, results, blocked)
                await store.commit()

    # --- pacing -------------------------------------------------------------------------------
    def _limit(self, channel: str) -> RateLimit:
        return self.limits.get(channel, self.limit)

    def _chat_ready(self, key: tuple[str, str]) -> bool:
        last = self._last_chat.get(key)
        return last is None or time.monotonic() - last >= self._limit(key[0]).per_chat_interval

    async def _take_slot(self, channel: str) -> None:
        # Evenly spaced slots per channel. A send that fell behind may catch up by one slot
        # only: more would let a late slot and the next second's land in one second and
        # cross the platform's limit (the margin is the rate kept just under it).
        limit = self._limit(channel)
        interval = 1.0 / limit.per_second
        now = time.monotonic()
        slot = max(self._slots.get(channel, 0.0), now - interval, self._paused_until)
        # And never more than per_second in any one second, counted when requests leave:
        # a stall followed by a catch-up must not bunch them.
        sent = self._window.setdefault(channel, collections.deque())
        most = max(1, int(limit.per_second))
        if len(sent) >= most:
            slot = max(slot, sent[-most] + 1.0)
        self._slots[channel] = slot + interval
        if slot > now:
            await asyncio.sleep(slot - now)
        while len(sent) >= most:  # the caller appends the time its request leaves
            sent.popleft()

    def _forget_old_chats(self) -> None:
        longest = max([self.limit, *self.limits.values()], key=lambda x: x.per_chat_interval)
        horizon = time.monotonic() - longest.per_chat_interval
        for key in [k for k, at in self._last_chat.items() if at < horizon]:
            del self._last_chat[key]

    # --- sending ------------------------------------------------------------------------------
    async def _send(self, row: Any) -> None:
        try:
            out = Outgoing(row.locale, [Reply.from_json(r) for r in row.payload])
            info = RowInfo(row.person_id, row.kind, bool(row.template),
                           aware(row.last_inbound_at))  # fmt: skip
            result = await self.channels[row.channel].deliver(row.external_id, out, info)
        except Exception as exc:  # a bug must not stop the sender: count it as a failure
            log.exception("delivery crashed for outbox row %s", row.id)
            result = Delivered(Delivery.RETRY, error=type(exc).__name__)
        finally:
            self._gate.release()
        attempts = row.attempts + (0 if result.defer else 1)
        status = result.status
        if status == Delivery.RETRY and attempts >= MAX_ATTEMPTS:
            status = Delivery.FAILED
        now = self.clock()
        wait = 0.0
        if result.defer:
            status, wait = OutboxStatus.PENDING, result.defer
        elif status == Delivery.RETRY and result.template and not row.template:
            status = OutboxStatus.PENDING  # outside WhatsApp's window: the template goes at once
        elif status == Delivery.RETRY:  # back off 2, 4, 8 … seconds, at most 10 minutes
            status, wait = OutboxStatus.PENDING, max(result.retry_after, min(2.0**attempts, 600.0))
        if result.retry_after:
            self._paused_until = max(self._paused_until, time.monotonic() + result.retry_after)
        if status == Delivery.SENT:
            self.sent += 1
        elif status == Delivery.BLOCKED:
            self._blocked.append(row.id)
        self._results.append({
            "rid": row.id, "st": status, "n": attempts,
            "at": now if status == Delivery.SENT else None,
            "next": now + timedelta(seconds=wait), "err": result.error[:500] or None,
            "mid": result.message_id, "tpl": bool(result.template or row.template),
        })  # fmt: skip

    async def send_once(self) -> int:
        """Send what is due now; returns how many rows were sent off."""
        await self.recover()
        rows = await self.due()
        handled = 0
        for row in rows:
            key = (row.channel, row.external_id)
            if not self._chat_ready(key):
                continue  # this chat had a message less than a second ago: next round
            if row.kind == "broadcast" and self.quiet_now():
                break
            await self._gate.acquire()
            # The slot first, then the claim right before the request: a row claimed is one
            # a crash leaves "unconfirmed" (not sent again), so nothing waits in between. A
            # slow claim cannot bunch requests: _take_slot counts when they actually left.
            await self._take_slot(row.channel)
            if not await self._claim(row.id):
                self._gate.release()
                # cancelled, or another sender took it: no request left, so the slot is
                # given back and the next row is tried at once (two senders in step would
                # otherwise reach each row together, and the later one would never win one)
                self._slots[row.channel] -= 1.0 / self._limit(row.channel).per_second
                continue
            self._window[row.channel].append(time.monotonic())
            self._last_chat[key] = time.monotonic()
            task = asyncio.create_task(self._send(row))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            handled += 1
        if self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)
        await self.flush()
        self._forget_old_chats()
        return handled

    async def run(
        self, stop: asyncio.Event, idle: float = 1.0,
        on_round: Callable[[], Awaitable[None]] | None = None,
    ) -> None:  # fmt: skip
        while not stop.is_set():
            try:
                handled = await self.send_once()
                if on_round is not None:
                    await on_round()
            except Exception:
                log.exception("outbox sender error; continuing")
                handled = 0
            if not handled:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=idle)
