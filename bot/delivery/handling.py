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
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.db import jobs
from bot.db.engine import busy, storage_full, unavailable
from bot.db.store import SqlStore
from bot.db.unit import Database
from bot.i18n import Catalogue
from bot.metrics import Metrics
from domain.program import Program
from handlers.core import router
from handlers.core.capability import Context, Registry
from handlers.core.capability import Settings as HandlerSettings
from handlers.core.messages import Incoming, Outgoing, Reply
from handlers.core.reader import NoReader, Reader

log = logging.getLogger("siaga")
Clock = Callable[[], datetime]


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
    """The use cases' surroundings (program, settings, the time, the words, the table of
    capabilities), the one method that runs an update through them, and a unit of work for
    the other doors (the console's pages, the commands, the scheduled jobs)."""

    def __init__(
        self, db: Database, program: Program, catalogue: Catalogue, settings: HandlerSettings,
        clock: Clock, timezone: str, metrics: Metrics, registry: Registry,
        where: str = "the database", reader: Reader | None = None,
    ) -> None:  # fmt: skip
        self.db = db
        self.registry = registry
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

    def context(self, store: SqlStore, now: datetime | None = None) -> Context[SqlStore]:
        now = now or self.clock()
        return Context(
            store=store, program=self.program, settings=self.settings, now=now,
            today=now.astimezone(self.tz).date(), random_bytes=os.urandom,
            render=self.catalogue.render, chart=_chart, tz=self.tz, capabilities=self.registry,
            reader=self.reader,
        )  # fmt: skip

    @asynccontextmanager
    async def unit(
        self, via: str = "", now: datetime | None = None
    ) -> AsyncIterator[Context[SqlStore]]:
        """One unit of work for a door other than a chat update: the use cases it calls see
        the context, never the tables; `via` ("via console") goes into its audit rows. It
        commits when the block ends (a page that refuses still keeps what it learnt: an
        idle session ended); an exception rolls it all back."""
        async with self.db.store() as store:
            store.via = via
            yield self.context(store, now)
            await store.commit()

    async def last_run(self, job: str) -> datetime | None:
        async with self.db.store() as store:
            when: datetime | None = await jobs.last_run(store.conn, job)
        return when

    async def mark_run(self, job: str, now: datetime) -> None:
        async with self.db.store() as store:
            await jobs.mark_run(store.conn, job, now)
            await store.commit()

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
