"""Service-level queries of the Store (issue 30 item 2; handlers/service/port.py). Mixed into
SqlStore; read only. Each returns the matters settled since a moment and all those not
settled yet: the rest belong to earlier periods and are never read."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select

from bot.db import schema as t
from bot.db.aio import AsyncConnection
from bot.db.rows import aware
from domain.claims import OPEN, ClaimStatus
from domain.nomination import WAITING_FOR_LURAH, NominationStatus
from domain.service_levels import ClaimTimes, QuestionTimes, ReviewTimes
from handlers.handover import TicketStatus

_t, _n, _c = t.tickets, t.nominations, t.claims
LIVE = (TicketStatus.OPEN.value, TicketStatus.HELD.value)


def _must(value: datetime | None) -> datetime:
    found = aware(value)
    assert found is not None
    return found


class ServiceQueries:
    conn: AsyncConnection

    async def question_times(self, since: datetime) -> list[QuestionTimes]:
        q = select(_t.c.kelurahan_code, _t.c.held_by, _t.c.created_at, _t.c.answered_at,
                   _t.c.closed_at, _t.c.rating).where(or_(
            _t.c.status.in_(LIVE), _t.c.closed_at >= since, _t.c.answered_at >= since,
        ))  # fmt: skip
        return [
            QuestionTimes(r.kelurahan_code, r.held_by if r.answered_at is not None else None,
                          _must(r.created_at), aware(r.answered_at), aware(r.closed_at), r.rating)
            for r in await self.conn.execute(q)
        ]  # fmt: skip

    async def review_times(self, since: datetime) -> list[ReviewTimes]:
        # A wait-listed nomination was decided (approved with no place left) when it was
        # moved; it keeps no decided_at, so its last update stands for it.
        waitlisted = NominationStatus.WAITLISTED.value
        q = select(_n.c.kelurahan_code, _n.c.decided_by, _n.c.created_at, _n.c.decided_at,
                   _n.c.updated_at, _n.c.status).where(or_(
            _n.c.status.in_(WAITING_FOR_LURAH), _n.c.decided_at >= since,
            (_n.c.status == waitlisted) & (_n.c.updated_at >= since),
        ))  # fmt: skip
        out = []
        for r in await self.conn.execute(q):
            decided = aware(r.decided_at)
            if decided is None and r.status == waitlisted:
                decided = aware(r.updated_at)
            out.append(ReviewTimes(r.kelurahan_code, r.decided_by, _must(r.created_at), decided,
                                   r.status in WAITING_FOR_LURAH))  # fmt: skip
        return out

    async def claim_times(self, since: datetime) -> list[ClaimTimes]:
        open_ = [s.value for s in OPEN]
        q = select(_c.c.kelurahan_code, _c.c.created_at, _c.c.due_on, _c.c.status,
                   _c.c.paid_at, _c.c.updated_at).where(or_(
            _c.c.status.in_(open_), _c.c.updated_at >= since,
        ))  # fmt: skip
        out = []
        for r in await self.conn.execute(q):
            finished = None
            if r.status == ClaimStatus.PAID.value:
                finished = aware(r.paid_at) or aware(r.updated_at)
            elif r.status == ClaimStatus.REFUSED.value:
                finished = aware(r.updated_at)
            out.append(ClaimTimes(r.kelurahan_code, _must(r.created_at), r.due_on, finished))
        return out
