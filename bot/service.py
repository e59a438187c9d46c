"""The running Siaga: engine, keys, program and catalogue, and one method to handle a message.

Every channel adapter calls Siaga.handle(incoming) and renders the replies it returns. Each call
is one transaction; one user's messages are handled one at a time, in order.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.crypto import NikVault
from bot.db.aio import AsyncEngine
from bot.db.engine import busy, make_engine, storage_full, unavailable
from bot.db.migrate import upgrade
from bot.db.store import SqlStore
from bot.i18n import Catalogue
from bot.keys import open_vault
from bot.logs import install_masking
from bot.metrics import Metrics
from bot.program_loader import load_program
from bot.receipts import ReplyLedger
from domain.program import Program
from handlers import router
from handlers.messages import Incoming, Outgoing, Reply
from handlers.ports import Context
from handlers.ports import Settings as HandlerSettings

log = logging.getLogger("siaga")
Clock = Callable[[], datetime]


def utcnow() -> datetime:
    return datetime.now(UTC)


REPLY_RETENTION = timedelta(days=2)  # settled replies kept this long (they hold answers)


class Unavailable(Exception):
    """The database could not take an update; `reason` names a locale message."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


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


class Siaga:
    def __init__(
        self, settings: Settings, engine: AsyncEngine, vault: NikVault, program: Program,
        catalogue: Catalogue, clock: Clock = utcnow,
    ) -> None:  # fmt: skip
        self.settings = settings
        # Every "now" of the service comes from here, so tests (and replays) set the time.
        self.clock = clock
        self.engine = engine
        self.vault = vault
        self.program = program
        self.catalogue = catalogue
        self.tz = ZoneInfo(settings.timezone)
        self.locks = UserLocks()
        self.metrics = Metrics()
        self.replies = ReplyLedger(self)
        self.storage_full_since: datetime | None = None  # for /readyz and /metrics
        self.handler_settings = HandlerSettings(
            privacy_notice_version=settings.privacy_notice_version,
            draft_retention_days=settings.draft_retention_days,
            admins=settings.admin_ids(),
            invite_days=settings.invite_days,
            quota_period=settings.quota_period,
            telegram_bot_username=settings.telegram_bot_username,
        )

    @asynccontextmanager
    async def store(self) -> AsyncIterator[SqlStore]:
        """One unit of work. Commits only when the use case calls commit()."""
        async with self.engine.connect() as conn:
            await conn.begin()
            yield SqlStore(conn, self.vault, self.handler_settings.admins)

    def context(self, store: SqlStore, now: datetime | None = None) -> Context:
        now = now or self.clock()
        return Context(
            store=store, program=self.program, settings=self.handler_settings, now=now,
            today=now.astimezone(self.tz).date(), random_bytes=os.urandom,
            render=self.catalogue.render,
            chart=_chart,
        )  # fmt: skip

    async def handle(self, msg: Incoming) -> Outgoing:
        """Raises Unavailable when the database cannot take the update (down, or its disk
        full): nothing was recorded, and the channel says so (a webhook answers 503, so the
        platform delivers the update again)."""
        started = time.perf_counter()
        async with self.locks.hold((msg.user.channel, msg.user.external_id)):
            for attempt in range(3):
                try:
                    async with self.store() as store:
                        out = await router.handle(self.context(store), msg)
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
                    return Outgoing("id", [Reply.of("error-generic")])
        self.storage_full_since = None  # a write went through
        elapsed = time.perf_counter() - started
        # a replayed update is answered with nothing: counted apart
        self.metrics.observe(msg.user.channel, "ok" if out.replies else "duplicate", elapsed)
        log.debug("handled %s update in %.1f ms", msg.user.channel, elapsed * 1e3)
        return out

    def _unavailable(self, exc: Exception) -> Unavailable:
        if storage_full(exc):
            if self.storage_full_since is None:
                self.storage_full_since = self.clock()
            where = (
                "the database server" if self.settings.database_url else str(self.settings.data_dir)
            )
            log.critical("storage full: nothing can be saved until space is freed on %s", where)
            return Unavailable("storage-full")
        log.error("database unreachable (%s): updates are refused until it is back",
                  type(exc).__name__)  # fmt: skip
        return Unavailable("database-down")

    async def purge_stale_drafts(self) -> int:
        now = self.clock()
        cutoff = now - timedelta(days=self.settings.draft_retention_days)
        async with self.store() as store:
            n = await store.purge_stale_drafts(cutoff)
            await store.purge_settled_replies(now - REPLY_RETENTION)
            await store.commit()
        return n

    async def close(self) -> None:
        await self.replies.close()
        await self.engine.dispose()


def _chart(stats: object) -> bytes:
    from bot.chart import render_chart  # matplotlib only when someone asks for a chart

    return render_chart(stats)


async def build(settings: Settings, clock: Clock = utcnow) -> Siaga:
    """Composition root for every command that talks to people."""
    install_masking()
    if not settings.database_url:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.effective_database_url())
    await upgrade(engine)
    try:
        vault = await open_vault(settings, engine, clock())
    except BaseException:
        await engine.dispose()
        raise
    siaga = Siaga(
        settings, engine, vault, load_program(settings.program_file),
        Catalogue(settings.locales_dir, vault.open), clock,
    )  # fmt: skip
    async with siaga.store() as store:
        if await store.sync_admins(siaga.clock()):
            await store.commit()
    return siaga
