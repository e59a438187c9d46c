"""Runs the jobs the capabilities declare (handlers/table.py): daily ones at their local hour
(Asia/Jakarta), weekly ones at the slot a setting names, and the rest on every tick. Last runs
are stored, so a restart changes nothing and a day missed during downtime is caught up once.
Each job runs in a unit of work of its own; nothing here knows what a job does."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from bot import periodic
from bot.delivery.handling import Conversations
from handlers.core.capability import Job

log = logging.getLogger("siaga.scheduler")


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def last_weekly_slot(spec: str, now: datetime, tz: object) -> datetime | None:
    """The latest moment ≤ now matching "<weekday> HH:MM" in the city's time zone."""
    if spec == "off":
        return None
    day, _, clock = spec.partition(" ")
    hour, minute = (int(x) for x in clock.split(":"))
    local = now.astimezone(tz)  # type: ignore[arg-type]
    back = (local.weekday() - WEEKDAYS.index(day)) % 7
    slot = (local - timedelta(days=back)).replace(hour=hour, minute=minute, second=0,
                                                  microsecond=0)  # fmt: skip
    if slot > local:
        slot -= timedelta(days=7)
    return slot.astimezone(UTC)


class Scheduler:
    def __init__(self, conversations: Conversations, settings: object) -> None:
        """`settings`: where a weekly job's slot is read, by the setting's name, at each tick."""
        self.conversations = conversations
        self.settings = settings
        jobs = conversations.registry.jobs.values()
        # the jobs at a time of day or week first, then those of every tick (in the table's
        # order within each): a reminder due now goes before the round of tickets
        timed = [j for j in jobs if j.hour is not None or j.weekly is not None]
        self.jobs = (*timed, *(j for j in jobs if j not in timed))

    async def _due(self, job: Job, now: datetime) -> bool:
        """A daily or weekly job whose slot has come and that has not run in it yet."""
        tz = self.conversations.tz
        if job.hour is not None:
            local = now.astimezone(tz)
            if local.hour < job.hour:
                return False
            last = await self.conversations.last_run(job.name)
            return last is None or last.astimezone(tz).date() < local.date()
        spec = str(getattr(self.settings, job.weekly or "", "off"))
        slot = last_weekly_slot(spec, now, tz)
        if slot is None:
            return False
        last = await self.conversations.last_run(job.name)
        # one run per slot: a week of downtime still sends one reminder, not several
        return last is None or last < slot

    async def _run(self, job: Job, now: datetime) -> Any:
        async with self.conversations.unit(now=now) as ctx:
            done = await job.run(ctx)
        if done:
            log.info("%s: %s", job.name, done)
        return done

    async def tick(self, now: datetime | None = None) -> list[str]:
        """Run whatever is due; returns the names of the jobs that ran (a job run every tick
        counts when it did something, by the names it returns, or by its own)."""
        now = now or self.conversations.clock()
        ran: list[str] = []
        for job in self.jobs:
            if job.hour is None and job.weekly is None:
                done = await self._run(job, now)
                ran += done if isinstance(done, list) else [job.name] if done else []
            elif await self._due(job, now):
                await self._run(job, now)
                await self.conversations.mark_run(job.name, now)
                ran.append(job.name)
        return ran

    async def run(self, stop: asyncio.Event, every: float = 60.0) -> None:
        await periodic.every(every, stop, self.tick, log, "a scheduled job")
