"""Ticket queries of the Store ("Tanya petugas"). Mixed into SqlStore; same transaction rules:
nothing here commits. Holding a ticket is one conditional UPDATE, so two officers pressing
"Balas" at once cannot both hold it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update

from bot.db import schema as t
from bot.db.aio import AsyncConnection
from bot.db.rows import record
from handlers.records import Ticket, TicketStatus

_t = t.tickets
LIVE = (TicketStatus.OPEN.value, TicketStatus.HELD.value)


def _ticket(row: Any) -> Ticket:
    return record(Ticket, row, status=TicketStatus(row.status), messages=list(row.messages))


class TicketQueries:
    conn: AsyncConnection

    async def open_ticket(
        self, person_id: int, kelurahan_code: str | None, text: str, now: datetime
    ) -> int:
        message = {"from": "citizen", "text": text, "at": now.isoformat()}
        row = insert(_t).values(
            person_id=person_id, kelurahan_code=kelurahan_code, status=TicketStatus.OPEN.value,
            messages=[message], created_at=now,
        )  # fmt: skip
        return int((await self.conn.execute(row.returning(_t.c.id))).scalar_one())

    async def ticket(self, ticket_id: int) -> Ticket | None:
        row = (await self.conn.execute(select(_t).where(_t.c.id == ticket_id))).first()
        return _ticket(row) if row else None

    async def live_ticket_of(self, person_id: int) -> Ticket | None:
        """The citizen's question still open or being answered, if any."""
        q = select(_t).where(_t.c.person_id == person_id, _t.c.status.in_(LIVE))
        row = (await self.conn.execute(q.order_by(_t.c.id.desc()).limit(1))).first()
        return _ticket(row) if row else None

    async def hold_ticket(self, ticket_id: int, officer_id: int) -> bool:
        """Take the ticket for this officer: only an open one, or one they already hold."""
        q = (
            update(_t)
            .where(_t.c.id == ticket_id)
            .where((_t.c.status == TicketStatus.OPEN.value) | (_t.c.held_by == officer_id))
            .where(_t.c.status != TicketStatus.CLOSED.value)
            .values(status=TicketStatus.HELD.value, held_by=officer_id)
        )
        return await self.conn.write(q, {}) == 1

    async def add_ticket_message(
        self, ticket: Ticket, sender: str, text: str, now: datetime
    ) -> None:
        ticket.messages.append({"from": sender, "text": text, "at": now.isoformat()})
        values: dict[str, Any] = {"messages": ticket.messages}
        if sender == "officer" and ticket.answered_at is None:
            values["answered_at"] = ticket.answered_at = now
        await self.conn.execute(update(_t).where(_t.c.id == ticket.id).values(**values))

    async def close_ticket(self, ticket_id: int, now: datetime) -> bool:
        q = (
            update(_t)
            .where(_t.c.id == ticket_id, _t.c.status.in_(LIVE))
            .values(status=TicketStatus.CLOSED.value, closed_at=now)
        )
        return await self.conn.write(q, {}) == 1

    async def rate_ticket(self, ticket_id: int, person_id: int, rating: int) -> bool:
        q = (
            update(_t)
            .where(_t.c.id == ticket_id, _t.c.person_id == person_id)
            .where(_t.c.status == TicketStatus.CLOSED.value)
            .values(rating=rating)
        )
        return await self.conn.write(q, {}) == 1

    async def live_tickets(self, kelurahan_code: str | None, limit: int = 10) -> list[Ticket]:
        """Questions waiting or being answered, oldest first: one kelurahan's, or all (None)."""
        q = select(_t).where(_t.c.status.in_(LIVE))
        if kelurahan_code is not None:
            q = q.where(_t.c.kelurahan_code == kelurahan_code)
        rows = await self.conn.execute(q.order_by(_t.c.id).limit(limit))
        return [_ticket(r) for r in rows]

    async def ticket_figures(self) -> list[Any]:
        """(status, created, answered, rating) of every ticket, for the statistics."""
        q = select(_t.c.status, _t.c.created_at, _t.c.answered_at, _t.c.rating)
        return list((await self.conn.execute(q)).all())
