"""The outbound sender: drains the outbox (messages to people other than the one writing:
notices about a nomination, broadcasts, reminders) within each channel's rate limits.

Telegram allows about 30 messages a second per bot and one a second per chat; a 429 says how
long to wait, and then the whole bot waits. Each row goes pending → sending → a final status:

- the claim ("sending") is committed *before* the request leaves, the result right after;
- a row found still "sending" after a crash (its claim older than the lease) is uncertain: the
  platform may have accepted it. A broadcast row is then marked "unconfirmed" and not sent
  again (nobody gets the same broadcast twice); a notice about one's own nomination goes back
  to pending (a rare duplicate is better than a citizen never hearing of a decision). A
  broadcast row claimed before this sender started is settled at once (only one sender runs,
  `locks.SenderLock`: the one that claimed it is gone).
- on a channel with a window (WhatsApp: free-form messages only within 24 hours of the
  person's last message, known from the time stored when they last wrote, or from the
  platform's 131047), a broadcast goes as its approved template; any other message waits
  ("waiting") for the person to write again, and the first of a wait adds one "news" row,
  the approved utility template saying there is news (issue 26 item 9). The daily tier budget
  counts both templates.

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
from datetime import datetime, timedelta
from typing import Any

from bot.channels.port import Channel, Delivered, Delivery, Envelope
from bot.db import outbox
from bot.db.locks import SenderLock
from bot.db.rows import aware
from bot.db.unit import Database
from bot.delivery.budget import ReachBudget
from bot.delivery.media import MediaForwarder
from bot.delivery.news import news_for
from bot.delivery.policy import POLICY, RetryPolicy, row_status
from domain.quiet import QuietHours
from handlers.core.messages import Outgoing, Reply

log = logging.getLogger("siaga.sender")


@dataclass
class RateLimit:
    """A pace other than the channel's own (tests and benchmarks run faster than a platform)."""

    per_second: float = 29.0
    per_chat_interval: float = 1.0
    in_flight: int = 32  # requests awaiting an answer at once


class OutboxSender:
    def __init__(
        self, db: Database, channels: dict[str, Channel], limit: RateLimit | None = None,
        *, clock: Callable[[], datetime], quiet: QuietHours | None = None, lease: float = 120.0,
        limits: dict[str, RateLimit] | None = None, budgets: dict[str, ReachBudget] | None = None,
        policy: RetryPolicy = POLICY, media_max_bytes: int = 20 * 1024 * 1024,
    ) -> None:  # fmt: skip
        self.db = db
        self.channels = channels
        self.media = MediaForwarder(db, channels, media_max_bytes)
        self.started = clock()  # broadcast rows claimed before this were left by a dead sender
        # Each channel's pace is its own limits unless one is given here (tests, benchmarks).
        self.limits = {
            name: (limits or {}).get(name) or limit
            or RateLimit(c.limits.per_second, c.limits.per_chat_interval)
            for name, c in channels.items()
        }  # fmt: skip
        self.limit = limit or RateLimit()
        self.budgets = budgets or {}  # per channel with a window: people reached outside it
        self.policy = policy
        self._slots: dict[str, float] = {}
        self._window: dict[str, collections.deque[float]] = {}  # when the last requests left
        self.quiet = quiet
        self.lease = lease
        self.clock = clock
        self._last_chat: dict[tuple[str, str], float] = {}
        self._paused_until = 0.0
        self._results: list[dict[str, Any]] = []
        self._flushed = 0.0
        self._blocked: list[int] = []
        self._gate = asyncio.Semaphore(self.limit.in_flight)
        self._tasks: set[asyncio.Task[None]] = set()
        self.sent = 0  # rows accepted by a platform since start (for the benchmark)

    def per_second(self, channel: str) -> float:
        return self._limit(channel).per_second

    # --- reading ------------------------------------------------------------------------------
    def quiet_now(self) -> bool:
        return self.quiet is not None and self.quiet.active(self.clock())

    async def due(self, limit: int = 200) -> list[Any]:
        async with self.db.store() as store:
            return await outbox.due(
                store.conn, self.clock(), list(self.channels), self.quiet_now(), limit
            )

    # --- writing ------------------------------------------------------------------------------
    async def recover(self) -> None:
        """Settle rows a crashed sender left "sending", and broadcast rows to people who have
        opted out since the broadcast was queued."""
        async with self.db.store() as store:
            await outbox.recover(store.conn, self.clock() - timedelta(seconds=self.lease),
                                 self.started)  # fmt: skip
            await store.commit()

    async def _claim(self, row_id: int) -> bool:
        """Take one row: one conditional UPDATE, committed on its own before the send."""
        async with self.db.store() as store:
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
            try:
                async with self.db.store() as store:
                    await outbox.write_results(store.conn, results, blocked)
                    await store.commit()
            except BaseException:  # the database away: kept, written with the next batch
                self._results[:0], self._blocked[:0] = results, blocked
                raise

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
    def _closed(self, row: Any, now: datetime) -> bool:
        """Whether only an approved template may reach this row's person now: the channel
        has a window and their last message (as stored) is older than it, or never came."""
        window = self.channels[row.channel].limits.window
        if window is None:
            return False
        last = aware(row.last_inbound_at)
        return last is None or now - last > window

    def _waits(self, row: Any, now: datetime) -> bool:
        """A message other than a broadcast (which has its own template) or the news template
        itself, for someone outside the window: it waits for them to write."""
        return row.kind not in ("broadcast", "news") and not row.template and self._closed(row, now)

    async def _hold(self, row: Any, told_closed: bool, pieces: int) -> None:
        window = self.channels[row.channel].limits.window or timedelta(0)
        now = self.clock()
        async with self.db.store() as store:
            await outbox.hold(store.conn, row, now, now - window, news_for(row.payload),
                              told_closed=told_closed, pieces=pieces)  # fmt: skip
            await store.commit()

    async def _attempt(self, row: Any) -> tuple[Delivered, float, bool]:
        """One attempt: (its outcome, seconds to defer without counting an attempt, whether
        it went as a template)."""
        news = row.kind == "news"
        template = news or bool(row.template)
        if row.kind == "broadcast" and self._closed(row, self.clock()):
            template = True
        budget = self.budgets.get(row.channel)
        if template and budget is not None:
            wait = await budget.take(row.person_id)
            if wait:
                return Delivered(Delivery.RETRY, error="tier-budget"), wait, True
        channel = self.channels[row.channel]
        out = await self.media.resolve(
            channel, Outgoing(row.locale, [Reply.from_json(r) for r in row.payload])
        )
        how = Envelope(template=template and not news, news=news, skip=_went(row, template))
        result = await channel.deliver(row.external_id, out, how)
        return result, 0.0, template

    async def _send(self, row: Any) -> None:
        template = bool(row.template)
        defer = 0.0
        went = row.pieces  # of the form the row goes in (see _went)
        try:
            if self._waits(row, self.clock()):
                await self._hold(row, told_closed=False, pieces=row.pieces)
                return
            result, defer, template = await self._attempt(row)
            went = _went(row, template)
            if result.outside_window and row.kind not in ("broadcast", "news"):
                # the platform says the window is closed (the stored time said open)
                await self._hold(row, told_closed=True, pieces=row.pieces + result.pieces)
                return
        except Exception as exc:  # a bug must not stop the sender: count it as a failure
            log.exception("delivery crashed for outbox row %s", row.id)
            result = Delivered(Delivery.RETRY, error=type(exc).__name__)
        finally:
            self._gate.release()
        attempts = row.attempts + (0 if defer else 1)
        outcome = result.status
        pieces = went + result.pieces
        wait = 0.0
        if defer:  # not now and not a failure (the day's budget is spent)
            outcome, wait = Delivery.RETRY, defer
        elif result.outside_window and row.kind == "broadcast" and not template:
            # the template goes at once, whole: the free-form pieces that went are not it
            outcome, template, pieces = Delivery.RETRY, True, 0
        elif outcome == Delivery.RETRY and self.policy.gives_up(attempts):
            outcome = Delivery.FAILED
        elif outcome == Delivery.RETRY:
            wait = self.policy.wait(attempts, result)
        if result.retry_after:
            self._paused_until = max(self._paused_until, time.monotonic() + result.retry_after)
        if outcome == Delivery.SENT:
            self.sent += 1
        elif outcome == Delivery.BLOCKED:
            self._blocked.append(row.id)
        if result.unforwarded:
            try:
                await self.media.refused(row.person_id, result.unforwarded, self.clock())
            except Exception:  # best effort: the reader was told already
                log.exception("could not ask for a refused file again")
        now = self.clock()
        self._results.append({
            "rid": row.id, "st": row_status(outcome), "n": attempts,
            "at": now if outcome == Delivery.SENT else None,
            "next": now + timedelta(seconds=wait), "err": result.error[:500] or None,
            "mid": result.message_id, "tpl": template, "pc": pieces,
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
        lock, told = self.db.sender_lock(), False
        try:
            while not stop.is_set():
                try:
                    handled = 0
                    if await lock.held() or await self._take(lock):
                        told = False
                        handled = await self.send_once()
                        if on_round is not None:
                            await on_round()
                    elif not told:
                        log.info("another worker's outbox sender is running; this one takes "
                                 "over when it stops")  # fmt: skip
                        told = True
                except Exception:
                    log.exception("outbox sender error; continuing")
                    handled = 0
                if not handled:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(stop.wait(), timeout=idle)
        finally:
            await lock.release()

    async def _take(self, lock: SenderLock) -> bool:
        """The one sender's lock (review of issue 26, finding 10); rows claimed before it was
        taken were claimed by a sender that is gone now."""
        if not await lock.take():
            return False
        self.started = self.clock()
        return True


def _went(row: Any, template: bool) -> int:
    """The platform messages of this row that went already in the form it goes in now. A
    row's pieces count its free-form messages until it switches to the template (a broadcast
    whose retry falls outside the window), and the template then starts from none: taking
    the free-form pieces for it sent nothing and recorded the row as sent (review of issue
    26, finding 9)."""
    return row.pieces if template == bool(row.template) else 0
