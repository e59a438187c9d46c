"""The admin's live progress message for each running broadcast: sent, failed, left and when
it should be done, edited in place at most every few seconds and only when it changed. A
broadcast with nothing left is marked done here."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from bot import periodic
from bot.channels.port import Channel, Delivery, Envelope
from bot.db.unit import Database
from bot.delivery.sender import OutboxSender
from handlers import broadcasts as broadcast
from handlers.core.messages import Outgoing

log = logging.getLogger("siaga.progress")


class BroadcastProgress:
    def __init__(
        self, db: Database, sender: OutboxSender, channels: dict[str, Channel], *,
        clock: Callable[[], datetime], timezone: str, daily_budget: int,
    ) -> None:  # fmt: skip
        self.db = db
        self.sender = sender
        self.channels = channels
        self.clock = clock
        self.tz = ZoneInfo(timezone)
        self.daily_budget = daily_budget  # people a template may reach a day (WhatsApp)

    async def tick(self) -> None:
        async with self.db.store() as store:
            running = await store.broadcasts(active_only=True, limit=50)
            targets = await store.progress_targets([b.id for b in running])
            locales = {}
            for *_, admin_id in targets.values():
                person = await store.person_by_id(admin_id) if admin_id is not None else None
                locales[admin_id] = person.locale if person else "id"
        now = self.clock()
        quiet = self.sender.quiet
        until = quiet.resumes_at(now) if quiet is not None else None
        for b in running:
            left = sum(b.counts.get(s, 0) for s in broadcast.LEFT)
            finished = left == 0
            channel, external_id, message_id, last_text, admin_id = targets[b.id]
            values: dict[str, object] = {}
            if finished:
                values = {"status": "done", "finished_at": now}
                b = replace(b, status="done")
            sink = self.channels.get(channel or "")
            if sink is not None and external_id:
                reply = broadcast.progress(
                    b, self.sender.per_second(channel or ""), until, self.daily_budget
                )
                locale = locales.get(admin_id, "id")
                text = repr(reply.to_json())
                if text != last_text:
                    try:
                        mid = await self._show(sink, external_id, message_id,
                                               Outgoing(locale, [reply]), finished)  # fmt: skip
                    except Exception:
                        log.exception("progress message for broadcast %s failed", b.id)
                    else:
                        values.update(progress_message_id=mid, progress_text=text, progress_at=now)
            if values:
                async with self.db.store() as store:
                    await store.update_broadcast(b.id, values)
                    await store.commit()

    @staticmethod
    async def _show(
        sink: Channel, to: str, message_id: str | None, out: Outgoing, final: bool
    ) -> str | None:
        """Edited in place where the channel can; elsewhere sent when the broadcast starts
        and when it ends, not every few seconds."""
        if message_id is not None and not sink.limits.can_edit:
            if not final:
                return message_id
            await sink.deliver(to, out)
            return message_id
        result = await sink.deliver(to, out, Envelope(replace=message_id))
        if result.status != Delivery.SENT:  # a deleted message, say: the next edit tries again
            return message_id
        return result.message_id or message_id or "sent"

    async def run(self, stop: asyncio.Event, every: float = 3.0) -> None:
        await periodic.every(every, stop, self.tick, log, "broadcast progress")
