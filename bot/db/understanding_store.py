"""Messages kept for the reader to learn from (issue 27, point 7). Mixed into SqlStore; nothing
here commits. Only masked text reaches this table (handlers.learning masks it first); a
person's rows go with them (ON DELETE CASCADE, and forget_person says so outright)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, delete, func, insert, or_, select, update

from bot.db import schema as t
from bot.db.aio import AsyncConnection
from bot.db.rows import record
from handlers.understanding import NO_READING, Unclear

_u = t.unclear_messages


def _unclear(row: Any) -> Unclear:
    return record(Unclear, row)


def _waiting(place: str | None, reading: str | None) -> Any:
    terms: list[Any] = [_u.c.label.is_(None)]
    if place:
        terms.append(_u.c.place == place)
    if reading == NO_READING:
        terms.append(or_(_u.c.reading.is_(None), _u.c.reading == "none"))
    elif reading:
        terms.append(_u.c.reading == reading)
    return and_(*terms)


class LearningQueries:
    conn: AsyncConnection

    async def add_unclear(
        self, *, person_id: int, channel: str, place: str, lang: str, text: str,
        reading: str | None, confidence: float | None, chosen: str | None, now: datetime,
    ) -> None:  # fmt: skip
        await self.conn.execute(insert(_u).values(
            person_id=person_id, channel=channel, place=place, lang=lang, text=text,
            reading=reading, confidence=confidence, chosen=chosen, created_at=now,
        ))  # fmt: skip

    async def unclear_count(self, person_id: int, since: datetime | None = None) -> int:
        """How many of a person's messages are kept (since a moment, if given)."""
        q = select(func.count()).select_from(_u).where(_u.c.person_id == person_id)
        if since is not None:
            q = q.where(_u.c.created_at >= since)
        return int((await self.conn.execute(q)).scalar_one())

    async def unclear_waiting(
        self, place: str | None, reading: str | None, offset: int, limit: int
    ) -> tuple[list[Unclear], int]:
        """Unlabelled messages, newest first, one page; and how many there are in all."""
        where = _waiting(place, reading)
        rows = await self.conn.execute(
            select(_u).where(where).order_by(_u.c.id.desc()).offset(offset).limit(limit)
        )
        total = await self.conn.execute(select(func.count()).select_from(_u).where(where))
        return [_unclear(r) for r in rows], int(total.scalar_one())

    async def unclear_readings(self) -> list[str | None]:
        """What was read from the unlabelled messages (None: nothing), for the page's filter."""
        q = select(_u.c.reading).where(_u.c.label.is_(None)).distinct()
        return sorted((r[0] for r in await self.conn.execute(q)), key=lambda r: r or "")

    async def unclear_message(self, message_id: int) -> Unclear | None:
        row = (await self.conn.execute(select(_u).where(_u.c.id == message_id))).first()
        return _unclear(row) if row else None

    async def label_unclear(
        self, message_id: int, label: str, lang: str, officer_id: int | None, now: datetime
    ) -> bool:
        """Label a message not labelled yet (two officers at once: the first one wins)."""
        q = (
            update(_u)
            .where(_u.c.id == message_id, _u.c.label.is_(None))
            .values(label=label, lang=lang, labelled_by=officer_id, labelled_at=now)
        )
        return int((await self.conn.execute(q)).rowcount or 0) == 1

    async def drop_unclear(self, message_id: int) -> bool:
        q = delete(_u).where(_u.c.id == message_id, _u.c.label.is_(None))
        return int((await self.conn.execute(q)).rowcount or 0) == 1

    async def labelled_unclear(self, since: datetime | None) -> list[Unclear]:
        q = select(_u).where(_u.c.label.is_not(None)).order_by(_u.c.id)
        if since is not None:
            q = q.where(_u.c.created_at >= since)
        return [_unclear(r) for r in await self.conn.execute(q)]

    async def labelled_count(self) -> int:
        q = select(func.count()).select_from(_u).where(_u.c.label.is_not(None))
        return int((await self.conn.execute(q)).scalar_one())

    async def purge_unclear(self, cutoff: datetime) -> int:
        """Kept 90 days, labelled or not: the corpus export is what lasts (issue 27)."""
        res = await self.conn.execute(delete(_u).where(_u.c.created_at < cutoff))
        return int(res.rowcount or 0)

    async def forget_unclear(self, person_id: int) -> None:
        await self.conn.execute(delete(_u).where(_u.c.person_id == person_id))
