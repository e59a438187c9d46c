"""The officers' desk for residents' questions (issue 30 item 1): the console's list of
questions waiting and held, and each asker's latest nomination. Mixed into SqlStore; nothing
here commits. Implements handlers/desk/port.py."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, insert, select

from bot.db import schema as t
from bot.db.aio import AsyncConnection
from bot.db.rows import record
from bot.db.tickets import LIVE
from domain.nomination import NominationStatus
from handlers.records import Nomination, Ticket, TicketStatus

_t = t.tickets
_n = t.nominations
_m = t.ticket_media
_f = t.desk_files
DESK_ORIGIN = "konsol"  # a file uploaded on the web console: its bytes are in desk_files


class DeskQueries:
    conn: AsyncConnection

    async def desk_tickets(
        self, kelurahan_code: str | None, statuses: Sequence[str], limit: int = 200
    ) -> list[Ticket]:
        """Questions in `statuses` (open, held), oldest first: one kelurahan's, or all."""
        wanted = [s for s in statuses if s in LIVE]
        q = select(_t).where(_t.c.status.in_(wanted))
        if kelurahan_code is not None:
            q = q.where(_t.c.kelurahan_code == kelurahan_code)
        rows = await self.conn.execute(q.order_by(_t.c.created_at, _t.c.id).limit(limit))
        return [record(Ticket, r, status=TicketStatus(r.status), messages=list(r.messages))
                for r in rows]  # fmt: skip

    async def latest_nominations(self, person_ids: Sequence[int]) -> dict[int, Nomination]:
        """Each person's latest nomination (by id), for those who have one: one query for a
        whole page of questions."""
        if not person_ids:
            return {}
        last = (
            select(func.max(_n.c.id))
            .where(_n.c.person_id.in_(list(set(person_ids))))
            .group_by(_n.c.person_id)
        )
        rows = await self.conn.execute(select(_n).where(_n.c.id.in_(last)))
        found = [record(Nomination, r, answers=r.answers or {}, reasons=r.reasons or [],
                        status=NominationStatus(r.status)) for r in rows]  # fmt: skip
        return {n.person_id: n for n in found if n.person_id is not None}

    async def keep_desk_file(self, ticket_id: int, ref: str, data: bytes) -> bool:
        """The bytes of a file an officer uploaded, for the ticket_media row the answer just
        kept under `ref`; False when there is no such row (nothing was sent)."""
        media_id = await self.conn.scalar(
            select(_m.c.id).where(
                _m.c.ticket_id == ticket_id, _m.c.origin == DESK_ORIGIN, _m.c.ref == ref
            )
        )
        if media_id is None:
            return False
        await self.conn.execute(insert(_f).values(media_id=media_id, data=data))
        return True

    async def desk_file(self, media_id: int) -> bytes | None:
        """An uploaded file's bytes, while the ticket_media row naming it is kept."""
        found = await self.conn.scalar(select(_f.c.data).where(_f.c.media_id == media_id))
        return bytes(found) if found is not None else None
