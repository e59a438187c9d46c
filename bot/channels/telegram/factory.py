"""Construction of the aiogram Bot and the webhook secret (composition root helpers)."""

from __future__ import annotations

import os
import secrets
from typing import Any

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.methods import Response
from aiogram.types import Message

from bot.config import Settings


class MissingToken(Exception):
    pass


# aiogram reads each answer of the Bot API as Response[<what the method returns>], a pydantic
# generic model parametrised on the call; pydantic keeps parametrised models only weakly, so
# under load the garbage collector drops them and a later reply builds the validator again
# (20 rebuilds in 600 updates, 1 ms per update on average: issue 28's profile). Held here for
# the life of the process, each is built once. Only the calls still made through aiogram
# (files: Message; the command list: bool); the replies' calls go through bot_api.py.
_HELD: list[Any] = []


def make_bot(settings: Settings) -> Bot:
    token = settings.telegram_token.get_secret_value()
    if not token:
        raise MissingToken("SIAGA_TELEGRAM_TOKEN is not set")
    if not _HELD:
        _HELD.extend((Response[Message], Response[bool]))
    session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    return Bot(token=token, session=session)


def webhook_secret(settings: Settings, create: bool = False) -> str:
    """From settings, else from the data dir (generated once by `telegram set-webhook`)."""
    given = settings.telegram_webhook_secret.get_secret_value()
    if given:
        return given
    path = settings.webhook_secret_path()
    if path.exists():
        return path.read_text().strip()
    if not create:
        return ""
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(32)  # Telegram allows A-Z a-z 0-9 _ - up to 256 chars
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(value)
    return value
