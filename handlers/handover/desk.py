"""The officers' desk for residents' questions ("Tanya petugas") on the web console (issue 30
item 1): the questions waiting and held, oldest first, with the time each has waited in
office hours, its kelurahan and the asker's own records; and an FAQ answer in the resident's
language to insert with one click. Holding, answering and closing are the handover's own use
cases (handlers.handover.tickets: hold / answer / close_ticket), the same as the chat's
buttons.

A lurah sees their own kelurahan's questions; the Dinas sees all, and those of no kelurahan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from handlers.core.messages import Media, Msg
from handlers.core.program_info import info_args
from handlers.core.records import Person, Role
from handlers.handover.port import Ctx as Context
from handlers.handover.records import DESK_ORIGIN, Ticket, TicketStatus
from handlers.handover.tickets import Answered, Sent, answer, may_answer
from handlers.nominations import Nomination

STATUSES = (TicketStatus.OPEN.value, TicketStatus.HELD.value)


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
    store = ctx.store
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


@dataclass(frozen=True)
class Question:
    """One question as its page shows it."""

    ticket: Ticket
    resident_locale: str  # the FAQ's words come in the resident's language
    holder: Person | None
    records: tuple[Record, ...]
    waited: timedelta
    late: bool


async def question(ctx: Context, officer: Person, ticket_id: int | None) -> Question | None:
    """A question this officer may see, or None (the page says 404, as if it did not exist:
    also for an id that is no id)."""
    ticket = await ctx.store.ticket(ticket_id) if ticket_id is not None else None
    if ticket is None or not visible(officer, ticket):
        return None
    asker = await ctx.store.person_by_id(ticket.person_id)
    holder = await ctx.store.person_by_id(ticket.held_by) if ticket.held_by else None
    latest = await ctx.store.latest_nominations([ticket.person_id])
    return Question(
        ticket, asker.locale if asker is not None else "id", holder,
        records(latest.get(ticket.person_id)), waited(ctx, ticket), late(ctx, ticket),
    )  # fmt: skip


# What an officer may send a resident from the browser, known by its first bytes (not by the
# name or the type the browser claims): what every channel shows as a photo or a document.
KINDS = ((b"\xff\xd8\xff", "photo", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "photo", "image/png"),
         (b"%PDF-", "document", "application/pdf"))  # fmt: skip


def file_kind(data: bytes) -> tuple[str, str] | None:
    """(kind, mime) of a file an officer may send, or None."""
    return next(((kind, mime) for head, kind, mime in KINDS if data.startswith(head)), None)


async def answer_with_file(
    ctx: Context, officer: Person, ticket_id: int, caption: str, data: bytes, ref: str
) -> Answered:
    """A photo or a PDF from the browser, as the chat's officer sends a file: the chat's own
    use case (answer with the file); its bytes kept only as long as the ticket_media row
    naming it (bot/db: desk_files, deleted with that row)."""
    kind = file_kind(data)
    assert kind is not None
    media = Media(kind[0], ref, kind[1], len(data), 0, DESK_ORIGIN)
    done = await answer(ctx, officer, ticket_id, caption, media)
    if done.outcome is Sent.SENT:
        await ctx.store.keep_desk_file(ticket_id, ref, data)
    return done
