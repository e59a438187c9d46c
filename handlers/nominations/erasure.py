"""What /hapus does to one's nominations (UU 27/2022 Pasal 8): an active one leaves the queue
(an approved one gives its place back to the quota, and the kelurahan's reviewers are told by
reference only); then each keeps only what the statistics need, and a registered
participant's record stays for the Pemkot's archive duty (Pasal 15) without its link."""

from __future__ import annotations

from domain.nomination import ACTIVE, NominationStatus, can_move
from handlers.core.messages import Msg, Reply
from handlers.core.records import Conversation, Person, Role
from handlers.nominations.port import Ctx
from handlers.nominations.records import Nomination
from handlers.nominations.review import period_of
from handlers.nominations.status import status_line


async def active_refs(ctx: Ctx, person: Person) -> list[str]:
    """The nominations an erasure withdraws, named in its confirmation."""
    return [n.ref for n in await ctx.store.nominations_of(person.id) if n.status in ACTIVE]


async def erase(ctx: Ctx, person: Person) -> None:
    for n in await ctx.store.nominations_of(person.id):
        if n.status in ACTIVE and n.status is not NominationStatus.REGISTERED:
            await _withdraw(ctx, person, n)
    await ctx.store.forget_nominations(person.id, ctx.now)


async def held(ctx: Ctx, person: Person, conv: Conversation) -> list[Msg]:
    """One's nominations in /dataku."""
    own = await ctx.store.nominations_of(person.id)
    return [Msg("dataku-nominations"), *(status_line(ctx, n) for n in own)] if own else []


async def _withdraw(ctx: Ctx, person: Person, n: Nomination) -> None:
    """An erased person's nomination leaves the queue; an approved one gives its place back
    to the quota. The kelurahan's reviewers are told, by reference only."""
    # Conditional on the status read (issue 26 item 14): an officer approving at the same
    # moment either finds it withdrawn, or approves first and the place taken is given back
    # here. The erasure always wins: read again and withdraw from whatever it became.
    before = n.status
    while not await ctx.store.move_nomination(n, NominationStatus.WITHDRAWN, ctx.now,
                                              status_note=None):  # fmt: skip
        fresh = await ctx.store.nomination_by_id(n.id)
        if fresh is None or not can_move(fresh.status, NominationStatus.WITHDRAWN):
            return  # decided for good meanwhile (rejected, registered): nothing to withdraw
        n, before = fresh, fresh.status  # all of it: an approval meanwhile set its period
    await ctx.store.audit(
        actor=person.id, action="nomination.withdrawn", now=ctx.now, nomination_id=n.id,
        before={"status": before.value}, after={"status": NominationStatus.WITHDRAWN.value},
        detail="hapus",
    )  # fmt: skip
    note = Reply.of("lurah-withdrawn", ref=n.ref)
    if before is NominationStatus.APPROVED:
        period = n.period or period_of(ctx)
        await ctx.store.release_place(period, n.kelurahan_code, ctx.now)
        q = await ctx.store.quota(period)
        left = max(q[0] - q[1], 0) if q else 0
        await ctx.store.audit(
            actor=None, action="quota.released", now=ctx.now, nomination_id=n.id,
            after={"period": period, "left": left}, detail="hapus",
        )  # fmt: skip
        note = Reply.of("lurah-withdrawn-place", ref=n.ref, left=left)
    for reviewer in await ctx.store.people_with_role(Role.LURAH, n.kelurahan_code):
        await ctx.store.enqueue(reviewer, [note], ctx.now)
