"""Composition root: everything is built here, from settings, and handed to what needs it
(DESIGN rule 5). No other module reaches for the built whole; the commands in bot/cli wire
an App and run it, and tests build one the same way."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TextIO
from zoneinfo import ZoneInfo

from bot.channels.port import Channel
from bot.config import Settings
from bot.db.engine import make_engine
from bot.db.keys import KeyProblem as KeyProblem  # for the commands (said plainly)
from bot.db.keys import key_path as key_path  # for `siaga doctor`
from bot.db.keys import open_vault, rotate
from bot.db.migrate import HEAD, current, upgrade, upgrade_apart
from bot.db.store import SqlStore, audit_row
from bot.db.unit import Database
from bot.delivery.budget import ReachBudget
from bot.delivery.dispatcher import Dispatcher
from bot.delivery.handling import Conversations, Unavailable
from bot.delivery.ledger import ReplyLedger
from bot.delivery.media import MediaForwarder
from bot.delivery.progress import BroadcastProgress
from bot.delivery.sender import OutboxSender, RateLimit
from bot.i18n import Catalogue
from bot.logs import install_masking
from bot.metrics import Metrics
from bot.national_days import with_national_days
from bot.program_loader import ProgramFileError, load_program
from bot.reader.model import load_reader
from bot.scheduler import Scheduler
from domain.program import Program
from domain.quiet import QuietHours
from handlers.core.capability import Context, Registry
from handlers.core.capability import Settings as HandlerSettings
from handlers.core.messages import Incoming, Outgoing, Reply
from handlers.table import CAPABILITIES

if TYPE_CHECKING:  # aiogram and the HTTP stack load only for the commands that use them
    from aiogram import Bot

    from bot.channels.console import ConsoleChannel
    from bot.channels.telegram.adapter import TelegramChannel
    from bot.channels.whatsapp.adapter import WhatsAppChannel
    from bot.channels.whatsapp.client import WhatsAppClient

Clock = Callable[[], datetime]


def utcnow() -> datetime:
    return datetime.now(UTC)


class SettableClock:
    """The one clock every part reads. Set once here, it is set for all of them (a test, a
    replay), instead of each part holding a copy that a later change would miss."""

    def __init__(self, source: Clock) -> None:
        self.source = source

    def __call__(self) -> datetime:
        return self.source()


def load_settings() -> Settings:
    return Settings()


def load_catalogue(settings: Settings | None = None) -> Catalogue:
    settings = settings or load_settings()
    return Catalogue(settings.locales_dir)


def load_program_or_exit(settings: Settings | None = None) -> Program:
    settings = settings or load_settings()
    try:
        return load_program(settings.program_file)
    except ProgramFileError as exc:
        print(f"Berkas program tidak valid:\n{exc}", file=sys.stderr)
        raise SystemExit(2) from exc


def handler_settings(settings: Settings) -> HandlerSettings:
    return HandlerSettings(
        privacy_notice_version=settings.privacy_notice_version,
        draft_retention_days=settings.draft_retention_days,
        admins=settings.admin_ids(), invite_days=settings.invite_days,
        quota_period=settings.quota_period, telegram_bot_username=settings.telegram_bot_username,
        quiet=QuietHours(settings.quiet_hours_start, settings.quiet_hours_end, settings.timezone),
        console_url=settings.console_url.rstrip("/"), quota_reminder=settings.quota_reminder,
    )  # fmt: skip


@dataclass
class App:
    """What the composition root built. Its parts are handed to each other explicitly; the
    App itself only goes to the commands (and tests), which pick the parts they run."""

    settings: Settings
    time: SettableClock
    db: Database
    catalogue: Catalogue
    program: Program
    metrics: Metrics
    conversations: Conversations
    ledger: ReplyLedger
    dispatcher: Dispatcher
    budgets: dict[str, ReachBudget] = field(default_factory=dict)
    # the channels built so far (a forwarded file is fetched from the one it came from)
    channels: dict[str, Channel] = field(default_factory=dict)

    # --- the parts, by the names the commands use -----------------------------------------
    @property
    def clock(self) -> Clock:
        return self.time

    @clock.setter
    def clock(self, source: Clock) -> None:
        self.time.source = source

    @property
    def engine(self) -> Any:
        return self.db.engine

    @asynccontextmanager
    async def store(self) -> AsyncIterator[SqlStore]:
        async with self.db.store() as store:
            yield store

    def context(self, store: SqlStore, now: datetime | None = None) -> Context[SqlStore]:
        made: Context[SqlStore] = self.conversations.context(store, now)
        return made

    def unit(
        self, via: str = "", now: datetime | None = None
    ) -> AbstractAsyncContextManager[Context[SqlStore]]:
        """One unit of work for a command: its use cases see a context, never the tables."""
        return self.conversations.unit(via, now)

    async def handle(self, msg: Incoming) -> Outgoing:
        return await self.conversations.handle(msg)

    @property
    def tz(self) -> ZoneInfo:
        return self.conversations.tz

    async def keep_retention(self) -> dict[str, Any]:
        """Every capability's retention job, now (the terminal console runs no scheduler):
        drafts, tickets, uploads and unclear messages past their days. Returns what each did."""
        done: dict[str, Any] = {}
        for job in self.conversations.registry.jobs.values():
            if job.retention:
                async with self.unit() as ctx:
                    done[job.name] = await job.run(ctx)
        return done

    @property
    def replies(self) -> ReplyLedger:
        return self.ledger

    # --- channels -----------------------------------------------------------------------------
    def telegram(self, bot: Bot) -> TelegramChannel:
        from bot.channels.telegram.adapter import TelegramChannel

        channel = TelegramChannel(bot, self.catalogue, self.settings.telegram_rate)
        self.channels[channel.name] = channel
        return channel

    def whatsapp(self, client: WhatsAppClient | None = None) -> WhatsAppChannel | None:
        """The WhatsApp channel, or None when its token, number or app secret is not set."""
        from bot.channels.whatsapp.adapter import WhatsAppChannel
        from bot.channels.whatsapp.client import WhatsAppClient

        s = self.settings
        if client is None:
            token = s.whatsapp_token.get_secret_value()
            if not (token and s.whatsapp_phone_number_id
                    and s.whatsapp_app_secret.get_secret_value()):  # fmt: skip
                return None
            client = WhatsAppClient(s.whatsapp_api_url, s.whatsapp_api_version,
                                    s.whatsapp_phone_number_id, token)  # fmt: skip
        channel = WhatsAppChannel(client, self.catalogue, s.whatsapp_template,
                                  s.whatsapp_template_language, s.whatsapp_rate,
                                  s.whatsapp_news_template)  # fmt: skip
        self.budgets[channel.name] = ReachBudget(self.db, channel.name, s.whatsapp_daily_budget,
                                                 self.clock)  # fmt: skip
        self.channels[channel.name] = channel
        return channel

    def console(self, user_id: str, jsonl: bool, out: TextIO = sys.stdout) -> ConsoleChannel:
        from bot.channels.console import ConsoleChannel  # Rich loads only for the terminal

        return ConsoleChannel(self.catalogue, user_id, jsonl, self.settings.data_dir,
                              self.clock, out)  # fmt: skip

    async def say(self, console: ConsoleChannel, text: str) -> None:
        """A line typed at the console, handled and answered before the next prompt. With
        no platform to deliver it again, a database that cannot take it is said plainly."""
        try:
            await self.dispatcher.take(console, console.parse(text))
            await self.dispatcher.drain()
        except Unavailable as exc:  # nothing was saved; the console stays open
            error = Outgoing("id", [Reply.of(f"error-{exc.reason}")])
            await console.deliver(console.user.external_id, error)

    # --- what runs beside them ----------------------------------------------------------------
    def sender(
        self, channels: dict[str, Channel], limit: RateLimit | None = None, **options: Any
    ) -> OutboxSender:
        s = self.settings
        options.setdefault("quiet", QuietHours(s.quiet_hours_start, s.quiet_hours_end,
                                               s.timezone))  # fmt: skip
        options.setdefault("lease", s.outbox_lease_seconds)
        options.setdefault("clock", self.clock)
        options.setdefault("budgets", self.budgets)
        options.setdefault("media_max_bytes", self.program.handover.media.max_bytes)
        return OutboxSender(self.db, channels, limit, **options)

    def progress(self, sender: OutboxSender, channels: dict[str, Channel]) -> BroadcastProgress:
        s = self.settings
        return BroadcastProgress(
            self.db, sender, channels, clock=self.clock, timezone=s.timezone,
            daily_budget=s.whatsapp_daily_budget,
        )  # fmt: skip

    def scheduler(self) -> Scheduler:
        return Scheduler(self.conversations, self.settings)

    def web(
        self, telegram: TelegramChannel | None, telegram_secret: str = "",
        whatsapp: WhatsAppChannel | None = None, console: bool = True,
    ) -> Any:  # fmt: skip
        from bot.web.app import create_app

        s = self.settings
        return create_app(self.dispatcher, telegram, telegram_secret, whatsapp,
                          s.whatsapp_app_secret.get_secret_value(),
                          s.whatsapp_verify_token.get_secret_value(), self.schema,
                          console)  # fmt: skip

    async def schema(self) -> tuple[str | None, str]:
        """The schema version the database is at, and the one this code expects (/readyz)."""
        return await current(self.db.engine), HEAD

    async def close(self) -> None:
        await self.dispatcher.drain()
        await self.ledger.close()
        await self.db.dispose()


async def build(settings: Settings, clock: Clock = utcnow, migrate_apart: bool = False) -> App:
    """Everything that talks to people, built from settings; the schema brought up to date
    and the NIK key checked against the data before anything runs. `migrate_apart`: a
    long-running worker upgrades the schema in a child process, so Alembic never stays in it."""
    install_masking()
    if not settings.database_url:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    program = load_program(settings.program_file)
    engine = make_engine(settings.effective_database_url())
    # the national holidays are read in a child process (bot/national_days.py), beside the
    # schema's upgrade rather than after it
    calendar = asyncio.create_task(with_national_days(program, clock()))
    try:
        await (upgrade_apart(engine) if migrate_apart else upgrade(engine))
        vault = await open_vault(settings, engine, clock())
    except BaseException:
        calendar.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await calendar  # its child process ended before the loop closes
        await engine.dispose()
        raise
    clock = SettableClock(clock)
    hs = handler_settings(settings)
    db = Database(engine, vault, hs.admins)
    catalogue = Catalogue(settings.locales_dir, vault.open)
    program = await calendar
    metrics = Metrics()
    where = "the database server" if settings.database_url else str(settings.data_dir)
    conversations = Conversations(db, program, catalogue, hs, clock, settings.timezone, metrics,
                                  Registry(CAPABILITIES), where, load_reader())  # fmt: skip
    ledger = ReplyLedger(db, clock, lease=settings.outbox_lease_seconds)
    channels: dict[str, Channel] = {}  # filled as the commands build channels
    media = MediaForwarder(db, channels, program.handover.media.max_bytes)
    app = App(settings, clock, db, catalogue, program, metrics, conversations, ledger,
              Dispatcher(conversations, ledger, media=media), channels=channels)  # fmt: skip
    async with db.store() as store:
        if await store.sync_admins(clock()):
            await store.commit()
    return app


# --- the database, for the commands that look after it (`siaga db`, `doctor`, `rotate-key`) ---
# They reach the tables only through these: bot/db is the composition root's to open.
SCHEMA = HEAD  # the schema version this code expects


def database_exists(settings: Settings) -> bool:
    return bool(settings.database_url) or settings.sqlite_path().exists()


async def schema_version(settings: Settings) -> str | None:
    """The database's schema version (None: empty); raises when it cannot be reached."""
    engine = make_engine(settings.effective_database_url())
    try:
        found: str | None = await current(engine)
        return found
    finally:
        await engine.dispose()


async def upgrade_schema(settings: Settings) -> None:
    if not settings.database_url:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.effective_database_url())
    try:
        await upgrade(engine)
    finally:
        await engine.dispose()


async def check_key(settings: Settings) -> None:
    """The check Siaga makes at start, writing nothing: KeyProblem when the key does not
    open the NIKs stored (a current schema is assumed)."""
    engine = make_engine(settings.effective_database_url())
    try:
        await open_vault(settings, engine, utcnow(), create=False)
    finally:
        await engine.dispose()


async def rotate_key(settings: Settings, who: str) -> tuple[str, dict[str, int]]:
    """Every NIK sealed again with a new key in one transaction, audited; returns the new key
    (to show when it comes from SIAGA_NIK_KEY) and what was sealed again."""
    engine = make_engine(settings.effective_database_url())
    try:
        fresh, counts = await rotate(settings, engine, utcnow())
        async with engine.begin() as conn:
            await conn.execute(audit_row(action="key.rotated", now=utcnow(), after=counts,
                                         detail=who))  # fmt: skip
        return fresh, counts
    finally:
        await engine.dispose()
