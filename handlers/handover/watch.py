"""What "Tanya petugas" does on its own, every minute: an officer quiet too long is let go,
a question unanswered past its deadline (in office hours) goes on to the Dinas, and media
references older than the program allows are forgotten, ticket open or not."""

from __future__ import annotations

from datetime import timedelta

from handlers.core.messages import Button, Msg, Reply, SealedText
from handlers.core.names import kel_name
from handlers.core.records import Role
from handlers.handover.port import Ctx as Context
from handlers.handover.records import Ticket
from handlers.handover.tickets import rate_prompt


async def tend(ctx: Context) -> dict[str, int]:
    """One round (every tick of the scheduler); returns how many tickets each step touched,
    the steps that touched none left out (nothing done: {})."""
    rules = ctx.program.handover
    done = {"closed": 0, "released": 0, "escalated": 0, "forgotten": 0}
    for ticket in await ctx.store.quiet_tickets(ctx.now - timedelta(minutes=rules.quiet_minutes)):
        outcome = await _let_go(ctx, ticket)
        if outcome:
            done[outcome] += 1
    for ticket in await ctx.store.unanswered_tickets():
        if rules.deadline(ticket.created_at.astimezone(ctx.tz)) <= ctx.local:
            done["escalated"] += await _escalate(ctx, ticket)
    done["forgotten"] = await ctx.store.forget_media(
        before=ctx.now - timedelta(hours=rules.media.keep_hours)
    )
    return {step: n for step, n in done.items() if n}


async def _let_go(ctx: Context, ticket: Ticket) -> str:
    """The officer holding the ticket has said nothing for the quiet time: answered, the
    talk is over (closed, rated); never answered, it goes back to the queue for anyone."""
    officer_id = ticket.held_by
    if officer_id is None:
        return ""
    citizen = await ctx.store.person_by_id(ticket.person_id)
    officer = await ctx.store.person_by_id(officer_id)
    minutes = ctx.program.handover.quiet_minutes
    if ticket.answered_at is not None:
        if not await ctx.store.close_ticket(ticket.id, ctx.now):
            return ""
        outcome, to_citizen = "closed", [Reply.of("ticket-quiet-closed", id=ticket.id),
                                         rate_prompt(ticket.id)]  # fmt: skip
    else:
        if not await ctx.store.release_ticket(ticket.id, officer_id):
            return ""
        outcome, to_citizen = "released", [Reply.of("ticket-quiet-released", id=ticket.id)]
    if citizen is not None:
        await ctx.store.enqueue(citizen, to_citizen, ctx.now)
    if officer is not None:
        note = Reply.of(f"ticket-quiet-officer-{outcome}", id=ticket.id, minutes=minutes)
        await ctx.store.enqueue(officer, [note], ctx.now)
    await ctx.store.audit(actor=None, action=f"ticket.{outcome}", now=ctx.now,
                          after={"ticket": ticket.id, "why": "quiet"})  # fmt: skip
    return outcome


async def _escalate(ctx: Context, ticket: Ticket) -> int:
    """Past its deadline unanswered: the question goes to the Dinas (once)."""
    if not await ctx.store.mark_escalated(ticket.id, ctx.now):
        return 0
    within = ctx.program.handover.answer_within_hours
    hours = int(within) if within == int(within) else within  # "8", not "8,00"
    card = Reply(
        (Msg("ticket-escalated", {
            "id": ticket.id, "kelurahan": kel_name(ctx, ticket.kelurahan_code),
            "hours": hours, "text": SealedText(ticket.question, 300),
        }),),
        (Button(Msg("btn-ticket-reply"), f"n|treply:{ticket.id}"),
         Button(Msg("btn-ticket-close"), f"n|tclose:{ticket.id}")),
    )  # fmt: skip
    for admin in await ctx.store.people_with_role(Role.ADMIN):
        await ctx.store.enqueue(admin, [card], ctx.now, about=ticket.person_id)
    await ctx.store.audit(actor=None, action="ticket.escalated", now=ctx.now,
                          after={"ticket": ticket.id})  # fmt: skip
    return 1


async def purge(ctx: Context) -> int:
    """A closed question's words are emptied after `closed_keep_days` (its dates and rating
    stay for the figures), with the delivered messages that quoted them (issue 26); so are
    the questions open or held with no word either way for as long, closed first (review
    of the issue-26 fixes, finding 3: unanswered tickets had no end)."""
    keep = timedelta(days=ctx.program.handover.closed_keep_days)
    await ctx.store.close_idle_tickets(ctx.now - keep, ctx.now)
    return await ctx.store.purge_closed_tickets(ctx.now - keep)
