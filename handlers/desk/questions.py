"""The officers' desk for residents' questions ("Tanya petugas") on the web console (issue 30
item 1): the questions waiting and held, oldest first, with the time each has waited in
office hours, its kelurahan and the asker's own records; and an FAQ answer in the resident's
language to insert with one click. Holding, answering and closing are the handover's own use
cases (handlers.handover.hold / answer / close_ticket), the same as the chat's buttons.

A lurah sees their own kelurahan's questions; the Dinas sees all, and those of no kelurahan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from handlers.desk.port import DeskStore
from handlers.handover import may_answer
from handlers.messages import Msg
from handlers.ports import Context
from handlers.program_info import info_args
from handlers.records import Nomination, Person, Role, Ticket, TicketStatus

STATUSES = (TicketStatus.OPEN.value, TicketStatus.HELD.value)


def store_of(ctx: Context) -> DeskStore:
    """The desk's own port: the store in use implements it (bot/db/desk_store.py)."""
    assert isinstance(ctx.store, DeskStore)
    return ctx.store


@dataclass(frozen=True)
class Record:
    """One of the asker's own records the officer may open: today a nomination (with its
    cover once registered); issue 29's participant record joins here (see `records`)."""

    kind: str  # "nomination"
    id: int
    ref: str
    status: str


@dataclass(frozen=True)
class Waiting:
    ticket: Ticket
    waited: timedelta  # in office hours, from the question to its first answer (or now)
    late: bool  # past the office-hour deadline without an answer
    holder: Person | None
    records: tuple[Record, ...]


def records(nomination: Nomination | None) -> tuple[Record, ...]:
    """The asker's records an officer sees beside the question. Hook for issue 29: when a
    participant record exists, add it here (it comes from the asker's own account, like the
    nomination: DESIGN rule 8)."""
    if nomination is None:
        return ()
    return (Record("nomination", nomination.id, nomination.ref, nomination.status.value),)


def visible(officer: Person, ticket: Ticket) -> bool:
    """Who may see a question on the desk: whoever may answer it (the chat's rule)."""
    return may_answer(officer, ticket)


async def desk(
    ctx: Context, officer: Person, kelurahan: str | None, status: str | None
) -> list[Waiting]:
    """The desk's list: a lurah's own kelurahan whatever they ask for; the Dinas all, or one
    kelurahan. `status`: open, held, or None for both."""
    if officer.role is Role.LURAH:
        kelurahan = officer.kelurahan_code
    elif officer.role is not Role.ADMIN:
        return []
    store = store_of(ctx)
    found = await store.desk_tickets(kelurahan, [status] if status else STATUSES)
    found = [x for x in found if visible(officer, x)]
    latest = await store.latest_nominations([x.person_id for x in found])
    holders: dict[int, Person | None] = {}
    for x in found:
        if x.held_by is not None and x.held_by not in holders:
            holders[x.held_by] = await ctx.store.person_by_id(x.held_by)
    return [
        Waiting(
            x, waited(ctx, x), late(ctx, x), holders.get(x.held_by) if x.held_by else None,
            records(latest.get(x.person_id)),
        )
        for x in found
    ]  # fmt: skip


def waited(ctx: Context, ticket: Ticket) -> timedelta:
    """The time the resident has waited for a first answer, counted in office hours."""
    end = ticket.answered_at or ctx.now
    return ctx.program.handover.office_time(_local(ctx, ticket.created_at), _local(ctx, end))


def late(ctx: Context, ticket: Ticket) -> bool:
    """Unanswered past the office-hour deadline (the one that sends it on to the Dinas)."""
    if ticket.answered_at is not None:
        return False
    return ctx.program.handover.deadline(_local(ctx, ticket.created_at)) <= ctx.local


def _local(ctx: Context, at: datetime) -> datetime:
    return at.astimezone(ctx.tz)


def faq_ids(ctx: Context) -> tuple[str, ...]:
    return tuple(f.id for f in ctx.program.faq)


def faq_answer(ctx: Context, faq_id: str, locale: str) -> str | None:
    """The program file's FAQ answer, filled with the day's values, in the resident's
    language: the words the officer may send as they are or change. None for no such entry."""
    if faq_id not in faq_ids(ctx):
        return None
    return ctx.render(Msg(f"faq-{faq_id}", info_args(ctx)), locale)
