"""The long-running services, composed: Telegram polling, or the HTTP app under uvicorn; each
with the outbox sender and the daily scheduler beside it, all stopped together."""

from __future__ import annotations

import asyncio
import contextlib
import signal

from bot.config import Settings
from bot.progress import BroadcastProgress
from bot.scheduler import Scheduler
from bot.sender import Channel, OutboxSender, QuietHours, RateLimit
from bot.service import Siaga, build
from bot.telegram.adapter import TelegramChannel
from bot.telegram.factory import MissingToken, make_bot, webhook_secret
from bot.whatsapp.adapter import WhatsAppChannel
from bot.whatsapp.client import WhatsAppClient


def make_sender(siaga: Siaga, channels: dict[str, Channel]) -> OutboxSender:
    s = siaga.settings
    # WhatsApp: about 80 messages/s per number; one message per user every 6 s (pair rate)
    whatsapp = RateLimit(per_second=s.whatsapp_rate, per_chat_interval=6.0)
    return OutboxSender(
        siaga, channels, RateLimit(per_second=s.telegram_rate),
        quiet=QuietHours(s.quiet_hours_start, s.quiet_hours_end, s.timezone),
        lease=s.outbox_lease_seconds, limits={"whatsapp": whatsapp},
    )  # fmt: skip


def make_whatsapp(siaga: Siaga) -> WhatsAppChannel | None:
    s = siaga.settings
    token = s.whatsapp_token.get_secret_value()
    if not (token and s.whatsapp_phone_number_id and s.whatsapp_app_secret.get_secret_value()):
        return None
    client = WhatsAppClient(s.whatsapp_api_url, s.whatsapp_api_version,
                            s.whatsapp_phone_number_id, token)  # fmt: skip
    return WhatsAppChannel(siaga, client, s.whatsapp_template, s.whatsapp_template_language,
                           s.whatsapp_daily_budget)  # fmt: skip


def _background(
    siaga: Siaga, channel: TelegramChannel | None, stop: asyncio.Event,
    whatsapp: WhatsAppChannel | None = None,
) -> list[asyncio.Task[None]]:  # fmt: skip
    if not siaga.settings.background:
        return []  # another worker sends and schedules
    tasks = [asyncio.create_task(Scheduler(siaga).run(stop))]
    channels: dict[str, Channel] = {}
    if channel is not None:
        channels["telegram"] = channel
    if whatsapp is not None:
        channels["whatsapp"] = whatsapp
    if channels:
        sender = make_sender(siaga, channels)
        tasks.append(asyncio.create_task(sender.run(stop)))
        tasks.append(asyncio.create_task(BroadcastProgress(siaga, sender, channels).run(stop)))
    return tasks


async def run_polling_service(settings: Settings) -> None:
    """`siaga telegram`: raises MissingToken before touching anything when no token is set."""
    from bot.telegram.polling import run_polling

    bot = make_bot(settings)
    siaga = await build(settings)
    channel = TelegramChannel(siaga, bot)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    background = _background(siaga, channel, stop)
    try:
        await bot.delete_webhook()  # polling and a webhook cannot both be active
        await channel.set_commands()
        await run_polling(channel, stop)
    finally:
        stop.set()
        await asyncio.gather(*background, return_exceptions=True)
        await bot.session.close()
        await siaga.close()


async def run_http_service(settings: Settings, host: str, port: int) -> None:
    """`siaga serve`: the Telegram webhook and health; without a token the webhook says 401."""
    import uvicorn

    from bot.web import create_app

    siaga = await build(settings)
    channel = None
    with contextlib.suppress(MissingToken):
        channel = TelegramChannel(siaga, make_bot(settings))
        await channel.set_commands()
    whatsapp = make_whatsapp(siaga)
    app = create_app(
        siaga, channel, webhook_secret(settings), whatsapp,
        settings.whatsapp_app_secret.get_secret_value(),
        settings.whatsapp_verify_token.get_secret_value(),
    )  # fmt: skip
    stop = asyncio.Event()
    background = _background(siaga, channel, stop, whatsapp)
    config = uvicorn.Config(app, host=host, port=port, log_config=None, access_log=False)
    try:
        await uvicorn.Server(config).serve()
    finally:
        stop.set()
        await asyncio.gather(*background, return_exceptions=True)
        if channel is not None:
            await channel.drain()
            await channel.bot.session.close()
        if whatsapp is not None:
            await whatsapp.drain()
            await whatsapp.client.close()
        await siaga.close()
