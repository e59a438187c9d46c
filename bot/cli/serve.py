"""The long-running services, wired from the composition root: Telegram polling, or the HTTP
app under uvicorn; each with the outbox sender, the broadcast progress and the daily scheduler
beside it, all stopped together."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import signal
from dataclasses import dataclass
from typing import Any

from bot.app import App, build
from bot.channels.port import Channel
from bot.channels.telegram.factory import MissingToken, make_bot, webhook_secret
from bot.config import Settings


def _background(
    app: App, channels: dict[str, Channel], stop: asyncio.Event
) -> list[asyncio.Task[None]]:
    if not app.settings.background:
        return []  # another worker sends and schedules
    tasks = [asyncio.create_task(app.scheduler().run(stop))]
    if channels:
        sender = app.sender(channels)
        tasks.append(asyncio.create_task(sender.run(stop)))
        tasks.append(asyncio.create_task(app.progress(sender, channels).run(stop)))
    return tasks


async def run_polling_service(settings: Settings) -> None:
    """`siaga telegram`: raises MissingToken before touching anything when no token is set."""
    from bot.channels.telegram.polling import run_polling

    bot = make_bot(settings)
    app = await build(settings)
    channel = app.telegram(bot)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    background = _background(app, {channel.name: channel}, stop)
    try:
        await bot.delete_webhook()  # polling and a webhook cannot both be active
        await channel.set_commands()
        await run_polling(bot, lambda updates: app.dispatcher.take_batch(channel, updates), stop)
    finally:
        stop.set()
        await asyncio.gather(*background, return_exceptions=True)
        await app.close()
        await channel.close()


# What a `siaga serve` process runs (issue 28 point 3). `all`, the default, is everything in
# one process; a deployment may split it: webhook workers (as many as the load needs, on
# PostgreSQL), one console worker, one jobs worker (the scheduler, the outbox sender and the
# broadcasts' progress; it answers /healthz and /metrics too).
ROLES = ("all", "webhook", "console", "jobs")


@dataclass
class Service:
    app: App
    web: Any
    channels: dict[str, Channel]
    background: bool


async def http_service(settings: Settings, role: str = "all") -> Service:
    """The parts a `siaga serve` process of this role runs, built (not yet running)."""
    assert role in ROLES, role
    app = await build(settings, migrate_apart=True)
    channels: dict[str, Channel] = {}
    telegram = None
    with contextlib.suppress(MissingToken):
        telegram = app.telegram(make_bot(settings))
        if role in ("all", "webhook"):
            await telegram.set_commands()
        channels[telegram.name] = telegram
    whatsapp = app.whatsapp()
    if whatsapp is not None:
        channels[whatsapp.name] = whatsapp
    webhooks = role in ("all", "webhook")
    web = app.web(telegram if webhooks else None, webhook_secret(settings) if webhooks else "",
                  whatsapp if webhooks else None, console=role in ("all", "console"))  # fmt: skip
    return Service(app, web, channels, background=role in ("all", "jobs"))


async def run_http_service(settings: Settings, host: str, port: int, role: str = "all") -> None:
    """`siaga serve`: the webhooks and health; without a token the Telegram webhook says 401."""
    import uvicorn

    service = await http_service(settings, role)
    app, channels = service.app, service.channels
    stop = asyncio.Event()
    background = _background(app, channels, stop) if service.background else []
    config = uvicorn.Config(service.web, host=host, port=port, log_config=None,
                            access_log=False)  # fmt: skip
    # What start-up built (modules, the program, the catalogue, compiled statements) lives as
    # long as the process: out of the collector's way, a full collection under load walks only
    # what the updates made (Python's documented gc.freeze() use).
    gc.collect()
    gc.freeze()
    try:
        await uvicorn.Server(config).serve()
    finally:
        stop.set()
        await asyncio.gather(*background, return_exceptions=True)
        await app.close()
        for channel in channels.values():
            await channel.close()
