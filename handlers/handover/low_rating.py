"""A low rating reaches someone (issue 30 item 3): a resident who rates an officer's answer 1
or 2 (a button, or words: domain.ratings) has the Dinas told at once, through the outbox like
every other notice, with the question, the answer given and who gave it. A 1 out of 5 stored
and read by no one is the complaint Jakarta's CRM and Chatwoot's CSAT alerts answer.

The words quoted keep their long numbers (a NIK, a phone) masked, as the ticket keeps them
sealed at rest: the Dinas needs to know what went wrong, not the resident's numbers; the
ticket itself (the console, /tiket) still opens them for an officer who answers it."""

from __future__ import annotations

from domain.ratings import is_low
from handlers.core.messages import Msg, Raw, Reply, open_numbers
from handlers.core.names import kel_name, name_of
from handlers.core.records import Role
from handlers.handover.port import Ctx
from handlers.handover.records import Ticket

QUOTE = 400  # characters of the question, and of the answer, quoted in the alert


async def rate(ctx: Ctx, ticket_id: int, person_id: int, score: int) -> bool:
    """Store the resident's rating of their own closed ticket; a first low mark (not one
    already given: a second press of "1" alerts nobody twice) goes to the Dinas."""
    before = await ctx.store.ticket(ticket_id)
    if before is None or not await ctx.store.rate_ticket(ticket_id, person_id, score):
        return False
    if is_low(score) and not (before.rating is not None and is_low(before.rating)):
        await alert(ctx, before, score)
    return True


async def alert(ctx: Ctx, ticket: Ticket, score: int) -> int:
    """The Dinas's notice of a low mark; returns how many admins it went to."""
    officer = await ctx.store.person_by_id(ticket.held_by) if ticket.held_by else None
    note = Msg("rating-low-alert", {
        "id": ticket.id, "rating": score, "kelurahan": kel_name(ctx, ticket.kelurahan_code),
        "officer": name_of(ctx, officer) if officer else Msg("rating-low-no-officer"),
        "question": _question(ticket), "answer": _answer(ticket),
    })  # fmt: skip
    admins = await ctx.store.people_with_role(Role.ADMIN)
    for admin in admins:
        await ctx.store.enqueue(admin, [Reply((note,))], ctx.now, about=ticket.person_id)
    await ctx.store.audit(actor=None, action="ticket.low_rating", now=ctx.now,
                          after={"ticket": ticket.id, "rating": score,
                                 "admins": len(admins)})  # fmt: skip
    return len(admins)


def masked(text: str) -> str:
    """Ticket words with every sealed number shown as ••••, cut to QUOTE characters."""
    shown = open_numbers(text, None)
    return shown if len(shown) <= QUOTE else shown[: QUOTE - 1] + "…"


def _question(ticket: Ticket) -> Raw | Msg:
    said = [m for m in ticket.messages if m.get("from") == "citizen"]
    if not said:
        return Msg("rating-low-nothing")
    first = said[0]
    if first.get("text"):
        return Raw(masked(str(first["text"])))
    return Msg(f"media-kind-{first.get('media', 'other')}")


def _answer(ticket: Ticket) -> Raw | Msg:
    said = [m for m in ticket.messages if m.get("from") == "officer"]
    texts = [str(m["text"]) for m in said if m.get("text")]
    if texts:
        return Raw(masked(" / ".join(texts)))
    if said:
        return Msg(f"media-kind-{said[-1].get('media', 'other')}")
    return Msg("rating-low-no-answer")
