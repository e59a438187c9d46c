"""Handling one update: the conversation's use case in one transaction, one person's updates
one at a time and in order. A bug rolls back and says so; a database that cannot take the
update raises Unavailable (nothing was recorded: the channel's platform delivers it again)."""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.db.engine import busy, storage_full, unavailable
from bot.db.store import SqlStore
from bot.db.unit import Database
from bot.i18n import Catalogue
from bot.metrics import Metrics
from domain.program import Program
from handlers import router
from handlers.messages import Incoming, Outgoing, Reply
from handlers.ports import Context, NoReader, Reader
from handlers.ports import Settings as HandlerSettings

log = logging.getLogger("siaga")
Clock = Callable[[], datetime]
REPLY_RETENTION = timedelta(days=2)  # settled replies kept this long (they hold answers)
ACCOUNT_MARKS_KEPT = timedelta(days=2)  # the daily limits look back one day
# Notices, decisions, news templates: kept a month after they went (a reviewer's card names a
# resident), and a message waits a month at most for someone outside WhatsApp's window
# (review of the issue-26 fixes, finding 3)
NOTICES_KEPT = timedelta(days=30)
WAITING_KEPT = timedelta(days=30)


class Unavailable(Exception):
    """The database could not take an update; `reason` names a locale message."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Waited:
    """A message that waited for its person to write again (outside WhatsApp's window): its
    outbox row is the receipt; `pieces` of its platform messages went before it waited."""

    out: Outgoing
    pieces: int = 0
    recipient: int = 0  # the person's id (a refused file's sender is found from it)


@dataclass(frozen=True)
class Handled:
    """An update's outcome: the replies, and what waited for the person, to go first."""

    out: Outgoing
    waited: tuple[Waited, ...] = ()


class UserLocks:
    """One asyncio lock per user with an update in hand, so one person's updates are handled
    in order. A lock lives only while someone holds or waits for it: memory follows the
    updates in flight, not everyone ever seen (an LRU of 10,000 idle locks took 2.5 MB)."""

    def __init__(self) -> None:
        self._locks: dict[tuple[str, str], tuple[asyncio.Lock, list[int]]] = {}

    @asynccontextmanager
    async def hold(self, key: tuple[str, str]) -> AsyncIterator[None]:
        entry = self._locks.get(key)
        if entry is None:
            entry = self._locks[key] = (asyncio.Lock(), [0])
        lock, users = entry
        users[0] += 1
        try:
            async with lock:
                yield
        finally:
            users[0] -= 1
            if not users[0]:
                del self._locks[key]

    def __len__(self) -> int:
        return len(self._locks)


def _chart(stats: object) -> bytes:
    from bot.chart import render_chart  # matplotlib only when someone asks for a chart

    return render_chart(stats)


class Conversations:
    """The use cases' surroundings (program, settings, the time, the words) and the one
    method that runs an update through them."""

    def __init__(
        self, db: Database, program: Program, catalogue: Catalogue, settings: HandlerSettings,
        clock: Clock, timezone: str, metrics: Metrics, where: str = "the database",
        reader: Reader | None = None,
    ) -> None:  # fmt: skip
        self.db = db
        self.program = program
        self.catalogue = catalogue
        self.settings = settings
        self.clock = clock  # every "now" of a use case: tests (and replays) set the time
        self.tz = ZoneInfo(timezone)
        self.metrics = metrics
        self.where = where  # named in the log when storage is full
        self.locks = UserLocks()
        self.storage_full_since: datetime | None = None  # for /readyz and /metrics
        self.reader: Reader = reader or NoReader()

    def context(self, store: SqlStore, now: datetime | None = None) -> Context:
        now = now or self.clock()
        return Context(
            store=store, program=self.program, settings=self.settings, now=now,
            today=now.astimezone(self.tz).date(), random_bytes=os.urandom,
            render=self.catalogue.render, chart=_chart, tz=self.tz, reader=self.reader,
        )  # fmt: skip

    async def handle(self, msg: Incoming) -> Outgoing:
        return (await self.take(msg)).out

    async def take(self, msg: Incoming) -> Handled:
        started = time.perf_counter()
        async with self.locks.hold((msg.user.channel, msg.user.external_id)):
            for attempt in range(3):
                try:
                    async with self.db.store() as store:
                        out = await router.handle(self.context(store), msg)
                        released = store.released
                    break
                except Exception as exc:
                    if unavailable(exc):
                        # A dropped connection: try again a moment later. Not a full disk (it
                        # will not be better in 100 ms), nor a lock already waited for to its
                        # limit: three more waits made "30 s, then 503" take minutes.
                        if attempt < 2 and not storage_full(exc) and not busy(exc):
                            log.warning("database busy, retrying: %s", type(exc).__name__)
                            await asyncio.sleep(0.05 * (attempt + 1))
                            continue
                        self.metrics.observe(msg.user.channel, "unavailable",
                                             time.perf_counter() - started)  # fmt: skip
                        raise self._unavailable(exc) from exc
                    # A bug must not kill the conversation: the transaction was rolled back,
                    # so the person is still at the same question; say so and log it.
                    log.exception("update from %s failed; rolled back", msg.user.channel)
                    self.metrics.observe(msg.user.channel, "error", time.perf_counter() - started)
                    return Handled(Outgoing("id", [Reply.of("error-generic")]))
        self.storage_full_since = None  # a write went through
        elapsed = time.perf_counter() - started
        # a replayed update is answered with nothing: counted apart
        self.metrics.observe(msg.user.channel, "ok" if out.replies or released else "duplicate",
                             elapsed)  # fmt: skip
        log.debug("handled %s update in %.1f ms", msg.user.channel, elapsed * 1e3)
        waited = tuple(
            Waited(Outgoing(out.locale, [Reply.from_json(r) for r in row.payload], row.id),
                   int(row.pieces or 0), int(row.person_id))
            for row in released
        )  # fmt: skip
        return Handled(out, waited)

    def _unavailable(self, exc: Exception) -> Unavailable:
        if storage_full(exc):
            if self.storage_full_since is None:
                self.storage_full_since = self.clock()
            log.critical("storage full: nothing can be saved until space is freed on %s",
                         self.where)  # fmt: skip
            return Unavailable("storage-full")
        log.error("database unreachable (%s): updates are refused until it is back",
                  type(exc).__name__)  # fmt: skip
        return Unavailable("database-down")

    async def purge_stale_drafts(self, draft_retention_days: int) -> int:
        now = self.clock()
        async with self.db.store() as store:
            n = await store.purge_stale_drafts(now - timedelta(days=draft_retention_days))
            await store.purge_settled_replies(now - REPLY_RETENTION)
            keep = timedelta(days=self.program.handover.closed_keep_days)
            await store.close_idle_tickets(now - keep, now)
            await store.purge_closed_tickets(now - keep)
            await store.cancel_old_waits(now - WAITING_KEPT)  # before: cancelled ones go now
            await store.purge_settled_messages(now - NOTICES_KEPT)
            await store.purge_account_marks(now - ACCOUNT_MARKS_KEPT)
            await store.purge_uploads(now)
            await store.commit()
        return n
