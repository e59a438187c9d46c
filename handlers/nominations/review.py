"""The nomination lifecycle as use cases: approve, reject, ask for information, answer it.

Shared by the lurah's chat and the admin CLI. Every call is authorised here (domain.roles),
every change and every refusal is written to the audit log, and the citizen is told through
the outbox, rendered in their language when it is sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from domain.nomination import NominationStatus, can_move
from domain.roles import Action
from handlers import participants
from handlers.core.capability import Context
from handlers.core.messages import Button, Msg, Raw, Reply
from handlers.core.names import name_of
from handlers.core.records import Person, Role
from handlers.core.rights import authorise
from handlers.nominations.port import DecisionsCtx as Ctx
from handlers.nominations.records import Nomination

S = NominationStatus


class Outcome(StrEnum):
    DONE = "done"
    WAITLISTED = "waitlisted"  # approval refused: the quota is used up
    FORBIDDEN = "forbidden"
    NOT_ALLOWED = "not_allowed"  # the lifecycle forbids it from the current status
    NO_QUOTA_SET = "no_quota_set"
    # someone else (a colleague, the resident, the Dinas) moved it first: nothing changed
    ALREADY_DECIDED = "already_decided"


@dataclass(frozen=True)
class Result:
    outcome: Outcome
    nomination: Nomination | None = None
    left: int | None = None  # places left after an approval
    by: Msg | None = None  # ALREADY_DECIDED: who did, as officers name each other


def period_of(ctx: Context[Any]) -> str:
    return ctx.settings.quota_period or str(ctx.today.year)


async def _move(ctx: Ctx, actor: Person, n: Nomination, to: S, **fields: object) -> Result | None:
    """Move n to `to`, conditional on the status read: None when moved, else why not."""
    if not can_move(n.status, to):
        return await _refused(ctx, actor, n, to, meanwhile=False)
    before = {"status": n.status.value}
    if not await ctx.store.move_nomination(n, to, ctx.now, **fields):
        return await _refused(ctx, actor, n, to, meanwhile=True)
    after = {"status": to.value, **{k: v for k, v in fields.items() if isinstance(v, str | int)}}
    await ctx.store.audit(
        actor=actor.id, action=f"nomination.{to.value}", now=ctx.now, nomination_id=n.id,
        before=before, after=after,
    )  # fmt: skip
    return None


async def _refused(ctx: Ctx, actor: Person, n: Nomination, to: S, meanwhile: bool) -> Result:
    """Nothing changes; the refusal is audited. When someone else moved the nomination (in a
    unit of work beside this one, or before it: two officers on one card, issue 26 item 14),
    the officer is told who and what, from the audit log; else the lifecycle forbids it."""
    if meanwhile:  # what it is now, as the winner committed it
        n = await ctx.store.nomination_by_id(n.id) or n
    await ctx.store.audit(
        actor=actor.id, action=f"refused.move.{to.value}", now=ctx.now, outcome="refused",
        nomination_id=n.id, before={"status": n.status.value},
    )  # fmt: skip
    mover = await ctx.store.last_mover(n.id)
    if mover == actor.id and not meanwhile:
        return Result(Outcome.NOT_ALLOWED, n)
    return Result(Outcome.ALREADY_DECIDED, n, by=await decided_by(ctx, n, mover))


async def decided_by(ctx: Ctx, n: Nomination, mover: int | None) -> Msg:
    """Who made the latest move, as officers name each other; the resident (an answer, a
    withdrawal) or the Dinas's system (a registration, an expiry) by their role."""
    person = await ctx.store.person_by_id(mover) if mover is not None else None
    if person is not None and person.officer:
        return name_of(ctx, person)
    if n.status in (S.WITHDRAWN, S.PENDING) or person is not None:
        return Msg("decided-by-resident")
    return Msg("decided-by-system")


async def tell_citizen(ctx: Ctx, n: Nomination, reply: Reply) -> None:
    """Messages about one's own nomination ignore broadcast opt-outs (issue 6)."""
    if n.person_id is None:
        return  # filed on behalf of a resident without a phone: the lurah tells them
    person = await ctx.store.person_by_id(n.person_id)
    if person is not None and not person.blocked:
        await ctx.store.enqueue(person, [reply], ctx.now)


async def places_left(ctx: Ctx) -> int | None:
    q = await ctx.store.quota(period_of(ctx))
    places = await participants.counted(ctx, q[0] if q else None)  # issue 29
    if places is not None:
        return places.left
    return None if q is None else max(q[0] - q[1], 0)


async def approve(ctx: Ctx, actor: Person, n: Nomination) -> Result:
    if not await authorise(ctx, actor, Action.APPROVE, n.kelurahan_code, n.id):
        return Result(Outcome.FORBIDDEN, n)
    if not can_move(n.status, S.APPROVED):
        return await _refused(ctx, actor, n, S.APPROVED, meanwhile=False)
    period = period_of(ctx)
    quota = await ctx.store.quota(period)  # its total serves the program's count below
    if quota is None:
        return Result(Outcome.NO_QUOTA_SET, n)
    # The nomination first, then the place: taken (conditional on the status read) before a
    # place is spent, so a second officer confirming the same card spends none (issue 26
    # item 14: eight officers at once leaked four places and told four residents twice).
    if not await ctx.store.move_nomination(n, n.status, ctx.now):
        return await _refused(ctx, actor, n, S.APPROVED, meanwhile=True)
    reserved = await ctx.store.reserve_place(period, n.kelurahan_code, ctx.now)
    if reserved and not await participants.fits_one_more(ctx, quota[0]):
        # the program's own count (issue 29): covered today + approvals waiting for BPJS;
        # counted after reserve_place, whose UPDATE holds the quota row until the commit, so
        # two approvals at once count one after the other (the total is not what changes)
        await ctx.store.release_place(period, n.kelurahan_code, ctx.now)
        reserved = False
    if not reserved:
        if n.status is not S.WAITLISTED:
            refused = await _move(ctx, actor, n, S.WAITLISTED)
            assert refused is None  # the row is ours since the move above
            await tell_citizen(ctx, n, Reply.of("citizen-waitlisted", ref=n.ref))
        return Result(Outcome.WAITLISTED, n, 0)
    refused = await _move(
        ctx, actor, n, S.APPROVED, decided_by=actor.id, decided_at=ctx.now, period=period
    )
    assert refused is None  # the row is ours since the move above
    await tell_citizen(ctx, n, Reply.of("citizen-approved", ref=n.ref))
    return Result(Outcome.DONE, n, await places_left(ctx))


async def reject(ctx: Ctx, actor: Person, n: Nomination, reason: str) -> Result:
    if not await authorise(ctx, actor, Action.REJECT, n.kelurahan_code, n.id):
        return Result(Outcome.FORBIDDEN, n)
    refused = await _move(ctx, actor, n, S.REJECTED, decided_by=actor.id, decided_at=ctx.now,
                          status_note=reason)  # fmt: skip
    if refused is not None:
        return refused
    await tell_citizen(ctx, n, Reply.of("citizen-rejected", ref=n.ref, reason=Raw(reason)))
    return Result(Outcome.DONE, n)


async def request_info(ctx: Ctx, actor: Person, n: Nomination, question: str) -> Result:
    if not await authorise(ctx, actor, Action.REQUEST_INFO, n.kelurahan_code, n.id):
        return Result(Outcome.FORBIDDEN, n)
    refused = await _move(ctx, actor, n, S.INFO_REQUESTED, info_question=question,
                          info_answer=None)  # fmt: skip
    if refused is not None:
        return refused
    # The button is not bound to the citizen's conversation (we do not know its step): it
    # names the nomination, and the answer is authorised by ownership when it arrives.
    answer = Button(Msg("btn-answer-info"), f"n|answer:{n.id}")
    note = Reply(
        (Msg("citizen-info-requested", {"ref": n.ref, "question": Raw(question)}),), (answer,)
    )
    await tell_citizen(ctx, n, note)
    return Result(Outcome.DONE, n)


async def answer_info(ctx: Ctx, citizen: Person, n: Nomination, answer: str) -> Result:
    if n.person_id != citizen.id:
        await ctx.store.audit(
            actor=citizen.id, action="refused.answer_info", now=ctx.now, outcome="refused",
            nomination_id=n.id,
        )  # fmt: skip
        return Result(Outcome.FORBIDDEN, n)
    refused = await _move(ctx, citizen, n, S.PENDING, info_answer=answer)
    if refused is not None:
        return refused
    for reviewer in await ctx.store.people_with_role(Role.LURAH, n.kelurahan_code):
        await ctx.store.enqueue(reviewer, [Reply.of("lurah-info-answered", ref=n.ref)], ctx.now,
                                about=n.person_id)  # fmt: skip
    return Result(Outcome.DONE, n)
