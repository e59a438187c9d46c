"""Long polling: getUpdates in a loop that nothing but a stop request ends."""

from __future__ import annotations

import asyncio
import logging

from aiogram.exceptions import TelegramAPIError, TelegramRetryAfter

from bot.db.engine import unavailable
from bot.telegram.adapter import TelegramChannel

log = logging.getLogger("siaga.telegram")


async def run_polling(
    channel: TelegramChannel, stop: asyncio.Event, poll_seconds: int = 25
) -> None:
    offset: int | None = None
    delay = 1.0
    while not stop.is_set():
        try:
            updates = await channel.bot.get_updates(
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
        tasks = [task for u in updates if (task := channel.dispatch(u)) is not None]
        # Confirm a batch (the next offset) only once it is handled: a crash before that means
        # Telegram sends it again, and update ids recorded in the database skip what was done.
        results = await asyncio.gather(*tasks, return_exceptions=True)
        refused = [r for r in results if isinstance(r, Exception) and unavailable(r)]
        for r in results:
            if isinstance(r, Exception) and not unavailable(r):
                log.error("an update failed and is skipped: %s", type(r).__name__)
        if refused:
            # The database could not take them: confirm nothing, ask again after a pause.
            # Updates of this batch that did go through are skipped by their recorded ids.
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30)
            continue
        if updates:
            offset = updates[-1].update_id + 1
    await channel.drain()
