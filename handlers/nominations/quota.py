"""The quota: places this period, city-wide and per kelurahan. /kuota shows it (a lurah sees
it too); /kuota 628, the console and `siaga admin quota` set it. Approving takes a place with
one conditional UPDATE (handlers/nominations/review.py)."""

from __future__ import annotations

from domain.roles import Action
from handlers.core.capability import Routed
from handlers.core.engine import reply
from handlers.core.messages import Reply
from handlers.core.records import Conversation, Person, Role
from handlers.core.rights import authorise
from handlers.nominations.port import Ctx
from handlers.nominations.review import period_of


async def quota(ctx: Ctx, actor: Person | None, total_text: str) -> Reply:
    """/kuota shows the period's quota; /kuota 628 sets the city-wide number of places."""
    period = period_of(ctx)
    if total_text.strip():
        if actor is not None and not await authorise(ctx, actor, Action.SET_QUOTA, None):
            return reply("not-an-admin")
        if not total_text.strip().isdigit() or int(total_text) > 1_000_000:
            return reply("err-quota-number")
        total = int(total_text)
        old = await ctx.store.quota(period)
        await ctx.store.set_quota(period, total, ctx.now)
        await ctx.store.audit(
            actor=actor.id if actor else None, action="quota.set", now=ctx.now,
            before={"total": old[0] if old else None}, after={"total": total, "period": period},
        )  # fmt: skip
    q = await ctx.store.quota(period)
    if q is None:
        return reply("no-quota-set", ref="-", left="-")
    return reply("quota-status", period=period, total=q[0], used=q[1], left=max(q[0] - q[1], 0))


async def allocation(
    ctx: Ctx, kelurahan_code: str, total: int | None, who: str
) -> tuple[str, tuple[int, int] | None]:
    """A kelurahan's own allocation this period, set when `total` is given (the Dinas's
    shell, named `who`); returns the period and (places, used), or None when it has none."""
    period = period_of(ctx)
    if total is not None:
        await ctx.store.set_quota(period, total, ctx.now, kelurahan_code)
        await ctx.store.audit(actor=None, action="quota.set", now=ctx.now,
                              after={"total": total, "period": period,
                                     "kelurahan": kelurahan_code}, detail=who)  # fmt: skip
    return period, await ctx.store.quota(period, kelurahan_code)


async def _quota(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> Routed:
    if person.role not in (Role.ADMIN, Role.LURAH):
        return [reply("not-an-admin")], False
    return [await quota(ctx, person, arg)], False
