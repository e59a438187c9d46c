"""Long polling: getUpdates in a loop that nothing but a stop request ends."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramRetryAfter
from aiogram.types import Update

log = logging.getLogger("siaga.telegram")

# Handles a batch; False when the database could not take some of it (confirm nothing).
Feed = Callable[[Sequence[Update]], Awaitable[bool]]


async def run_polling(bot: Bot, feed: Feed, stop: asyncio.Event, poll_seconds: int = 25) -> None:
    """Until `stop`: a stop request ends a long poll or a pause at once (a batch being
    handled is finished first, then confirmed), so the service exits in well under 5 s."""
    offset: int | None = None
    delay = 1.0
    while not stop.is_set():
        try:
            updates = await _unless_stopped(stop, bot.get_updates(
                offset=offset, timeout=poll_seconds, allowed_updates=["message", "callback_query"]
            ))  # fmt: skip
            delay = 1.0
        except TelegramRetryAfter as exc:
            await _pause(stop, exc.retry_after)
            continue
        except (TimeoutError, TelegramAPIError, OSError) as exc:
            log.warning("getUpdates failed (%s), retrying in %.0fs", type(exc).__name__, delay)
            await _pause(stop, delay)
            delay = min(delay * 2, 60)
            continue
        if updates is None:  # stopped while waiting: nothing was taken, nothing to confirm
            return
        # Confirm a batch (the next offset) only once it is handled: a crash before that means
        # Telegram sends it again, and update ids recorded in the database skip what was done.
        if not await feed(updates):
            # The database could not take them: confirm nothing, ask again after a pause.
            # Updates of this batch that did go through are skipped by their recorded ids.
            await _pause(stop, delay)
            delay = min(delay * 2, 30)
            continue
        if updates:
            offset = updates[-1].update_id + 1


async def _unless_stopped(
    stop: asyncio.Event, call: Awaitable[list[Update]]
) -> list[Update] | None:
    """The call's result, or None when `stop` comes first (the call is cancelled)."""
    task = asyncio.ensure_future(call)
    stopped = asyncio.ensure_future(stop.wait())
    await asyncio.wait({task, stopped}, return_when=asyncio.FIRST_COMPLETED)
    if task.done():
        stopped.cancel()
        return task.result()
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError, TelegramAPIError, OSError):
        await task
    return None


async def _pause(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)
