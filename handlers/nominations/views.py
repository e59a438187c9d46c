"""What the console's pages read of the nominations (bot/web/console/pages/nominations.py):
the overview's figures, the queue's list, one nomination as an officer may see it, and its
NIK shown whole on request (audited). The decisions themselves are review.py's, as in chat."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from domain.roles import Action
from handlers.core.messages import Msg
from handlers.core.records import Person, Role
from handlers.core.rights import authorise
from handlers.nominations.port import Ctx
from handlers.nominations.records import Listed, Nomination
from handlers.nominations.review import decided_by, period_of


@dataclass(frozen=True)
class Overview:
    period: str
    quota: tuple[int, int] | None  # (places, used)
    per_kelurahan: dict[str, dict[str, Any]]  # counts by status, oldest waiting, last change
    reviewers: Counter[str]  # per kelurahan
    approved_30_days: int
    approved_at: list[datetime]  # each approval's moment, the last `weeks`


async def overview(ctx: Ctx, weeks: int) -> Overview:
    period = period_of(ctx)
    reviewers = Counter(
        p.kelurahan_code or "" for p in await ctx.store.people_with_role(Role.LURAH)
    )
    return Overview(
        period, await ctx.store.quota(period), await ctx.store.kelurahan_overview(), reviewers,
        await ctx.store.approved_since(ctx.now - timedelta(days=30)),
        await ctx.store.approved_at(ctx.now - timedelta(weeks=weeks)),
    )  # fmt: skip


async def listing(
    ctx: Ctx, kelurahan_code: str | None, status: str, occupation: str | None,
    verdict: str | None,
) -> list[Listed]:  # fmt: skip
    return await ctx.store.nominations_list(kelurahan_code, [status], occupation, verdict)


async def visible(ctx: Ctx, officer: Person, nomination_id: int | None) -> Nomination | None:
    """The nomination, if this officer may see it (a lurah: their own kelurahan's only);
    else None, as for one that does not exist."""
    n = await ctx.store.nomination_by_id(nomination_id) if nomination_id is not None else None
    if n is None:
        return None
    if officer.role is Role.LURAH and n.kelurahan_code != officer.kelurahan_code:
        return None
    return n


async def show_nik(ctx: Ctx, officer: Person, n: Nomination) -> str | None:
    """The NIK whole, once, for an officer of its kelurahan (audited); None: not theirs."""
    if not await authorise(ctx, officer, Action.VIEW_QUEUE, n.kelurahan_code):
        return None
    nik = await ctx.store.nomination_nik(n.id)
    await ctx.store.audit(actor=officer.id, action="nik.viewed", now=ctx.now, nomination_id=n.id)
    return nik or ""


async def already_decided(ctx: Ctx, n: Nomination) -> dict[str, Msg]:
    """A colleague decided first (issue 26 item 14): who and what, from the audit log, read
    when the page is shown (a redirect's link carries only the outcome)."""
    current = await ctx.store.nomination_by_id(n.id) or n
    by = await decided_by(ctx, current, await ctx.store.last_mover(n.id))
    return {"by": by, "status": Msg(f"status-{current.status.value}")}
