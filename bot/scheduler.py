"""Daily jobs at a local hour (Asia/Jakarta): the reviewers' digests, coverage reminders, the
purge of stale drafts and of the messages kept to teach the reader. Last runs are stored, so
a restart changes nothing and a day missed during downtime is caught up once."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from bot import periodic
from bot.db import jobs
from bot.delivery.handling import Conversations
from domain.nomination import NominationStatus
from handlers import (
    broadcast,
    claims_watch,
    dinas,
    handover_watch,
    learning,
    review_deadline,
    reviewer_gaps,
)
from handlers.messages import Button, Msg, Reply
from handlers.records import Role
from handlers.service import levels

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
    def __init__(
        self, conversations: Conversations, quota_reminder: str, draft_retention_days: int,
        coverage_hour: int = 7, purge_hour: int = 2, service_summary: str = "off",
    ) -> None:  # fmt: skip
        self.conversations = conversations
        self.service_summary = service_summary
        self.coverage_hour = coverage_hour
        self.purge_hour = purge_hour
        self.quota_reminder = quota_reminder
        self.draft_retention_days = draft_retention_days

    async def _last_run(self, name: str) -> datetime | None:
        async with self.conversations.db.store() as store:
            return await jobs.last_run(store.conn, name)

    async def _mark(self, name: str, now: datetime) -> None:
        async with self.conversations.db.store() as store:
            await jobs.mark_run(store.conn, name, now)
            await store.commit()

    async def _daily(
        self, name: str, hour: int, now: datetime, job: Callable[[], Awaitable[object]]
    ) -> bool:
        local = now.astimezone(self.conversations.tz)
        if local.hour < hour:
            return False
        last = await self._last_run(name)
        if last is not None and last.astimezone(self.conversations.tz).date() >= local.date():
            return False
        await job()
        await self._mark(name, now)
        return True

    async def tick(self, now: datetime | None = None) -> list[str]:
        """Run whatever is due; returns the names of the jobs that ran."""
        now = now or self.conversations.clock()
        ran = []
        # Monday's summary first: the morning's own alerts (a kelurahan without a reviewer,
        # late reviews, overdue claims) come after it and stay the latest message
        if await self._weekly("service_summary", self.service_summary, now, self._summary):
            ran.append("service_summary")
        purge = functools.partial(self.conversations.purge_stale_drafts, self.draft_retention_days)
        if await self._daily("purge_drafts", self.purge_hour, now, purge):
            ran.append("purge_drafts")
        if await self._daily("purge_learning", self.purge_hour, now, lambda: self._forget(now)):
            ran.append("purge_learning")
        if await self._daily("coverage", self.coverage_hour, now, lambda: self._coverage(now)):
            ran.append("coverage")
        if await self._daily("reviewer_gaps", self.coverage_hour, now, lambda: self._gaps(now)):
            ran.append("reviewer_gaps")
        if await self._daily("review_late", self.coverage_hour, now, lambda: self._late(now)):
            ran.append("review_late")
        if await self._daily("claims", self.coverage_hour, now, lambda: self._claims(now)):
            ran.append("claims")
        slot = last_weekly_slot(self.quota_reminder, now, self.conversations.tz)
        if slot is not None:
            last = await self._last_run("quota_reminder")
            # one run per slot: a week of downtime still sends one reminder, not several
            if last is None or last < slot:
                await self._quota_reminder(now)
                await self._mark("quota_reminder", now)
                ran.append("quota_reminder")
        if await self._tickets(now):
            ran.append("tickets")
        async with self.conversations.db.store() as store:
            reviewers = [
                p for p in await store.people_with_role(Role.LURAH) if p.digest_hour is not None
            ]
        for r in reviewers:
            assert r.digest_hour is not None
            job = functools.partial(self._digest, r.id, now)
            if await self._daily(f"digest:{r.id}", r.digest_hour, now, job):
                ran.append(f"digest:{r.id}")
        return ran

    async def _weekly(
        self, name: str, spec: str, now: datetime, job: Callable[[datetime], Awaitable[object]]
    ) -> bool:
        """One run per weekly slot: a week of downtime still runs it once, not once per slot."""
        slot = last_weekly_slot(spec, now, self.conversations.tz)
        if slot is None:
            return False
        last = await self._last_run(name)
        if last is not None and last >= slot:
            return False
        await job(now)
        await self._mark(name, now)
        return True

    async def _summary(self, now: datetime) -> None:
        """Monday's service levels of the week before, to the Dinas (issue 30 item 2)."""
        async with self.conversations.db.store() as store:
            sent = await levels.weekly_summary(self.conversations.context(store, now))
            await store.commit()
        log.info("service summary queued for %d admins", sent)

    async def _forget(self, now: datetime) -> None:
        """Messages kept to teach the reader go after 90 days (issue 27)."""
        async with self.conversations.db.store() as store:
            gone = await learning.purge(self.conversations.context(store, now))
            await store.commit()
        if gone:
            log.info("purged %d kept messages", gone)

    async def _gaps(self, now: datetime) -> None:
        async with self.conversations.db.store() as store:
            await reviewer_gaps.daily_alert(self.conversations.context(store, now))
            await store.commit()

    async def _claims(self, now: datetime) -> None:
        async with self.conversations.db.store() as store:
            done = await claims_watch.tend(self.conversations.context(store, now))
            await store.commit()
        log.info("claims: %s", done)

    async def _late(self, now: datetime) -> None:
        async with self.conversations.db.store() as store:
            await review_deadline.remind(self.conversations.context(store, now))
            await store.commit()

    async def _tickets(self, now: datetime) -> bool:
        """Every tick: quiet officers let go, overdue questions to the Dinas, old media
        references forgotten."""
        async with self.conversations.db.store() as store:
            done = await handover_watch.tend(self.conversations.context(store, now))
            await store.commit()
        if any(done.values()):
            log.info("tickets: %s", done)
        return any(done.values())

    async def _coverage(self, now: datetime) -> None:
        async with self.conversations.db.store() as store:
            await dinas.coverage_reminders(self.conversations.context(store, now))
            await store.commit()

    async def _quota_reminder(self, now: datetime) -> None:
        async with self.conversations.db.store() as store:
            queued = await broadcast.quota_reminder(self.conversations.context(store, now))
            await store.commit()
        log.info("quota reminder queued for %d reviewers", queued)

    async def _digest(self, person_id: int, now: datetime) -> None:
        async with self.conversations.db.store() as store:
            person = await store.person_by_id(person_id)
            if person is None or person.kelurahan_code is None:
                return
            waiting = await store.queue(person.kelurahan_code, (NominationStatus.PENDING,))
            if waiting:
                kel = self.conversations.program.regions.kelurahan_by_code(person.kelurahan_code)
                note = Reply(
                    (
                        Msg(
                            "lurah-digest",
                            {"count": len(waiting), "kelurahan": kel.name if kel else ""},
                        ),
                    ),
                    (Button(Msg("btn-queue"), "n|queue"),),
                )
                await store.enqueue(person, [note], now)
            await store.commit()

    async def run(self, stop: asyncio.Event, every: float = 60.0) -> None:
        await periodic.every(every, stop, self.tick, log, "a scheduled job")
