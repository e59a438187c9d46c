"""Ticket queries of the Store ("Tanya petugas"). Mixed into SqlStore; same transaction rules:
nothing here commits. Holding a ticket is one conditional UPDATE, so two officers pressing
"Balas" at once cannot both hold it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import String, cast, delete, func, insert, select, update

from bot.crypto import NikVault
from bot.db import schema as t
from bot.db.aio import AsyncConnection
from bot.db.outbox import SETTLED_REPLY
from bot.db.rows import record
from domain.nomination import NominationStatus
from handlers.core.messages import Media, seal_numbers
from handlers.handover import DESK_ORIGIN, Ticket, TicketStatus
from handlers.nominations import Nomination

_t = t.tickets
_m = t.ticket_media
_f = t.desk_files
_n = t.nominations
LIVE = (TicketStatus.OPEN.value, TicketStatus.HELD.value)


def _ticket(row: Any) -> Ticket:
    return record(Ticket, row, status=TicketStatus(row.status), messages=list(row.messages))


class TicketQueries:
    conn: AsyncConnection
    vault: NikVault

    def seal_text(self, text: str) -> str:
        """Typed words with every long number (a NIK, a phone) sealed (issue 26). The one
        place ticket words are sealed: the use case seals them once and puts the same text in
        the ticket and in the officers' cards; the ticket methods below keep what they are
        given (sealing it again was a second pass over every message: review of issue 26,
        finding 14). tests/test_issue26_privacy.py finds no typed number in any table."""
        return seal_numbers(text, self.vault.seal)

    async def open_ticket(
        self, person_id: int, kelurahan_code: str | None, text: str, now: datetime,
        media: Media | None = None,
    ) -> int:  # fmt: skip
        said = _said("citizen", text, now, media)
        row = insert(_t).values(
            person_id=person_id, kelurahan_code=kelurahan_code, status=TicketStatus.OPEN.value,
            messages=[said], created_at=now, last_at=now,
        )  # fmt: skip
        return int((await self.conn.execute(row.returning(_t.c.id))).scalar_one())

    async def keep_media(self, ticket_id: int, media: Media, now: datetime) -> int:
        """Keep a platform's reference to forward it; returns the row the outbox names."""
        row = insert(_m).values(
            ticket_id=ticket_id, origin=media.origin, kind=media.kind, ref=media.ref[:512],
            mime=media.mime[:100], size=media.size, seconds=media.seconds, created_at=now,
        )  # fmt: skip
        return int((await self.conn.execute(row.returning(_m.c.id))).scalar_one())

    async def kept_media(self, media_id: int) -> Media | None:
        row = (await self.conn.execute(select(_m).where(_m.c.id == media_id))).first()
        if row is None:
            return None
        return Media(row.kind, row.ref, row.mime, row.size, row.seconds, row.origin)

    async def forget_media(self, *, ticket_id: int | None = None,
                           before: datetime | None = None) -> int:  # fmt: skip
        """Delete forwarded media references: one ticket's, or all kept since before `before`."""
        q = delete(_m)
        if ticket_id is not None:
            q = q.where(_m.c.ticket_id == ticket_id)
        if before is not None:
            q = q.where(_m.c.created_at < before)
        return await self.conn.write(q, {})

    async def media_sender(self, media_id: int, recipient: int) -> tuple[int, str, int] | None:
        """Who sent a forwarded file, seen from the person it was going to: (their person
        id, the file's kind, the ticket), or None when it cannot be told (the ticket is gone,
        or an officer's file to a resident whose ticket no officer holds any more). A file to
        the resident came from the officer holding the ticket; any other, from the resident."""
        row = (
            await self.conn.execute(
                select(_m.c.kind, _t.c.id, _t.c.person_id, _t.c.held_by)
                .join(_t, _t.c.id == _m.c.ticket_id)
                .where(_m.c.id == media_id)
            )
        ).first()
        if row is None:
            return None
        sender = row.held_by if row.person_id == recipient else row.person_id
        return None if sender is None else (int(sender), str(row.kind), int(row.id))

    async def media_count(self) -> int:
        return int((await self.conn.execute(select(func.count()).select_from(_m))).scalar_one())

    async def ticket(self, ticket_id: int) -> Ticket | None:
        row = (await self.conn.execute(select(_t).where(_t.c.id == ticket_id))).first()
        return _ticket(row) if row else None

    async def live_ticket_of(self, person_id: int) -> Ticket | None:
        """The citizen's question still open or being answered, if any."""
        q = select(_t).where(_t.c.person_id == person_id, _t.c.status.in_(LIVE))
        row = (await self.conn.execute(q.order_by(_t.c.id.desc()).limit(1))).first()
        return _ticket(row) if row else None

    async def hold_ticket(self, ticket_id: int, officer_id: int, now: datetime) -> bool:
        """Take the ticket for this officer: only an open one, or one they already hold.
        Taking it counts as a word: the quiet time runs from here, not from the question
        (a question that waited an hour was let go within the minute of being taken)."""
        q = (
            update(_t)
            .where(_t.c.id == ticket_id)
            .where((_t.c.status == TicketStatus.OPEN.value) | (_t.c.held_by == officer_id))
            .where(_t.c.status != TicketStatus.CLOSED.value)
            .values(status=TicketStatus.HELD.value, held_by=officer_id, last_at=now)
        )
        return await self.conn.write(q, {}) == 1

    async def held_count(self, officer_id: int) -> int:
        """How many questions this officer holds now (issue 30: at most a set number)."""
        q = select(func.count()).where(
            _t.c.held_by == officer_id, _t.c.status == TicketStatus.HELD.value
        )
        return int((await self.conn.execute(q)).scalar_one())

    async def add_ticket_message(
        self, ticket: Ticket, sender: str, text: str, now: datetime, media: Media | None = None
    ) -> None:
        ticket.messages.append(_said(sender, text, now, media))
        values: dict[str, Any] = {"messages": ticket.messages, "last_at": now}
        if sender == "officer" and ticket.answered_at is None:
            values["answered_at"] = ticket.answered_at = now
        await self.conn.execute(update(_t).where(_t.c.id == ticket.id).values(**values))

    async def close_ticket(self, ticket_id: int, now: datetime) -> bool:
        """Close a live ticket and forget the media it forwarded."""
        q = (
            update(_t)
            .where(_t.c.id == ticket_id, _t.c.status.in_(LIVE))
            .values(status=TicketStatus.CLOSED.value, closed_at=now)
        )
        closed = await self.conn.write(q, {}) == 1
        if closed:
            await self.forget_media(ticket_id=ticket_id)
        return closed

    async def release_ticket(self, ticket_id: int, officer_id: int) -> bool:
        """The officer went quiet: back to the queue, unless someone else holds it now."""
        q = (
            update(_t)
            .where(_t.c.id == ticket_id, _t.c.held_by == officer_id)
            .where(_t.c.status == TicketStatus.HELD.value)
            .values(status=TicketStatus.OPEN.value, held_by=None)
        )
        return await self.conn.write(q, {}) == 1

    async def quiet_tickets(self, since: datetime) -> list[Ticket]:
        """Tickets held with no word either way since `since`."""
        q = select(_t).where(_t.c.status == TicketStatus.HELD.value, _t.c.last_at < since)
        return [_ticket(r) for r in await self.conn.execute(q.order_by(_t.c.id).limit(100))]

    async def unanswered_tickets(self) -> list[Ticket]:
        """Open tickets no officer has answered and not yet sent on to the Dinas."""
        q = select(_t).where(
            _t.c.status == TicketStatus.OPEN.value, _t.c.answered_at.is_(None),
            _t.c.escalated_at.is_(None),
        )  # fmt: skip
        return [_ticket(r) for r in await self.conn.execute(q.order_by(_t.c.id).limit(200))]

    async def mark_escalated(self, ticket_id: int, now: datetime) -> bool:
        q = (
            update(_t)
            .where(_t.c.id == ticket_id, _t.c.escalated_at.is_(None))
            .values(escalated_at=now)
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

    async def ticket_to_rate(self, person_id: int, since: datetime) -> int | None:
        """The citizen's ticket closed since `since` and not yet rated, if any."""
        q = select(_t.c.id).where(
            _t.c.person_id == person_id, _t.c.status == TicketStatus.CLOSED.value,
            _t.c.rating.is_(None), _t.c.closed_at >= since,
        )  # fmt: skip
        found = await self.conn.scalar(q.order_by(_t.c.id.desc()).limit(1))
        return int(found) if found is not None else None

    async def live_tickets(self, kelurahan_code: str | None, limit: int = 10) -> list[Ticket]:
        """Questions waiting or being answered, oldest first: one kelurahan's, or all (None)."""
        q = select(_t).where(_t.c.status.in_(LIVE))
        if kelurahan_code is not None:
            q = q.where(_t.c.kelurahan_code == kelurahan_code)
        rows = await self.conn.execute(q.order_by(_t.c.id).limit(limit))
        return [_ticket(r) for r in rows]

    async def ticket_figures(self) -> list[Any]:
        """(status, created, answered, rating, escalated) of every ticket, for the statistics."""
        q = select(_t.c.status, _t.c.created_at, _t.c.answered_at, _t.c.rating, _t.c.escalated_at)
        return list((await self.conn.execute(q)).all())

    async def purge_closed_tickets(self, cutoff: datetime) -> int:
        """Tickets closed before `cutoff` lose their words (the row stays, for the figures),
        and so do the delivered messages that quoted them (issue 26)."""
        k, o = t.tickets, t.outbox
        res = await self.conn.execute(
            update(k)
            .where(k.c.status == TicketStatus.CLOSED.value, k.c.closed_at < cutoff)
            .where(cast(k.c.messages, String) != "[]")
            .values(messages=[])
        )
        await self.conn.execute(
            delete(o).where(
                o.c.kind != "broadcast", o.c.created_at < cutoff, o.c.status.in_(SETTLED_REPLY),
                cast(o.c.payload, String).like('%"sealed":%'),
            )
        )  # fmt: skip
        return int(res.rowcount or 0)

    async def close_idle_tickets(self, cutoff: datetime, now: datetime) -> int:
        """Tickets open or held with no word either way since `cutoff` (nobody took them up,
        or an officer let go unanswered) are closed and lose their words, as closed ones do."""
        k = t.tickets
        idle = (k.c.status.in_((TicketStatus.OPEN.value, TicketStatus.HELD.value)),
                func.coalesce(k.c.last_at, k.c.created_at) < cutoff)  # fmt: skip
        ids = [int(i) for i in (await self.conn.execute(select(k.c.id).where(*idle))).scalars()]
        if not ids:
            return 0
        await self.conn.execute(
            update(k).where(k.c.id.in_(ids), *idle)
            .values(status=TicketStatus.CLOSED.value, closed_at=now, held_by=None, messages=[])
        )  # fmt: skip
        for ticket_id in ids:
            await self.forget_media(ticket_id=ticket_id)
        return len(ids)

    # --- the console's desk for residents' questions (issue 30 item 1) -------------------
    async def desk_tickets(
        self, kelurahan_code: str | None, statuses: Sequence[str], limit: int = 200
    ) -> list[Ticket]:
        """Questions in `statuses` (open, held), oldest first: one kelurahan's, or all."""
        q = select(_t).where(_t.c.status.in_([s for s in statuses if s in LIVE]))
        if kelurahan_code is not None:
            q = q.where(_t.c.kelurahan_code == kelurahan_code)
        rows = await self.conn.execute(q.order_by(_t.c.created_at, _t.c.id).limit(limit))
        return [_ticket(r) for r in rows]

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


def _said(sender: str, text: str, now: datetime, media: Media | None) -> dict[str, Any]:
    """One line of a ticket: who, what (a media file by its kind and length, never its
    reference: the ticket outlives the forwarding), when."""
    line: dict[str, Any] = {"from": sender, "text": text, "at": now.isoformat()}
    if media is not None:
        line["media"] = media.kind
        if media.seconds:
            line["seconds"] = media.seconds
    return line
