"""Long polling: getUpdates in a loop that nothing but a stop request ends."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramRetryAfter
from aiogram.types import Update

log = logging.getLogger("siaga.telegram")

# Handles a batch; False when the database could not take some of it (confirm nothing).
Feed = Callable[[Sequence[Update]], Awaitable[bool]]


async def run_polling(bot: Bot, feed: Feed, stop: asyncio.Event, poll_seconds: int = 25) -> None:
    offset: int | None = None
    delay = 1.0
    while not stop.is_set():
        try:
            updates = await bot.get_updates(
                offset=offset, timeout=poll_seconds, allowed_updates=["message", "callback_query"]
            )
            delay = 1.0
        except TelegramRetryAfter as exc:
            await asyncio.sleep(exc.retry_after)
            continue
        except (TimeoutError, TelegramAPIError, OSError) as exc:
            log.warning("getUpdates failed (%s), retrying in %.0fs", type(exc).__name__, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 60)
            continue
        # Confirm a batch (the next offset) only once it is handled: a crash before that means
        # Telegram sends it again, and update ids recorded in the database skip what was done.
        if not await feed(updates):
            # The database could not take them: confirm nothing, ask again after a pause.
            # Updates of this batch that did go through are skipped by their recorded ids.
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30)
            continue
        if updates:
            offset = updates[-1].update_id + 1
