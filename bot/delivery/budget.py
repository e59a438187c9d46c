"""The daily budget of people a channel with a window may reach outside it (WhatsApp's
messaging tier: 250, 2,000, 10,000 … distinct people a day reached by a template)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.db import outbox
from bot.db.unit import Database

DAY = timedelta(hours=24)


class ReachBudget:
    def __init__(
        self, db: Database, channel: str, daily: int, clock: Callable[[], datetime]
    ) -> None:
        self.db = db
        self.channel = channel
        self.daily = daily
        self.clock = clock
        # people reached by this process, not yet written by the sender (it writes in batches)
        self._reached: dict[int, datetime] = {}
        self._lock = asyncio.Lock()

    async def take(self, person_id: int) -> float:
        """Take this person's place in the day's budget: 0 when taken (or already theirs),
        else the seconds until a place frees up. Check and take are one step: sends run
        concurrently."""
        async with self._lock:
            now = self.clock()
            since = now - DAY
            self._reached = {p: at for p, at in self._reached.items() if at >= since}
            async with self.db.store() as store:
                firsts = await outbox.first_template_reach(store.conn, self.channel, since, now)
            for pid, at in self._reached.items():
                firsts[pid] = min(firsts.get(pid, at), at)
            if person_id in firsts or len(firsts) < self.daily:
                self._reached.setdefault(person_id, now)
                return 0.0
            oldest = min(firsts.values())
            return float(max((oldest + DAY - now).total_seconds(), 60.0))
