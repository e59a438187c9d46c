"""Run a job every few seconds until asked to stop; a failed round is logged and the next one
comes as usual (a background task that died would stop reminders or progress silently)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable


async def every(
    seconds: float, stop: asyncio.Event, job: Callable[[], Awaitable[object]], log: logging.Logger,
    what: str,
) -> None:  # fmt: skip
    while not stop.is_set():
        try:
            await job()
        except Exception:
            log.exception("%s failed; trying again", what)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=seconds)
