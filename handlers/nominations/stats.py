"""Statistics for the Dinas (/statistik, `siaga admin stats`): nominations by status, by
kelurahan and by occupation, the quota, the median days to a decision, the kelurahan nobody
reviews, then what the other capabilities add (questions to officers, claims), and a chart (a
bar per kelurahan by status, with the quota; the claims' panel below)."""

from __future__ import annotations

import statistics as pystats
from collections import Counter
from dataclasses import dataclass, field

from domain.roles import Action
from handlers.core.capability import Part, Routed
from handlers.core.engine import reply
from handlers.core.messages import Msg, Reply
from handlers.core.records import Conversation, Person
from handlers.core.rights import authorise
from handlers.nominations import gaps as reviewer_gaps
from handlers.nominations import review
from handlers.nominations.port import Ctx

STATUS_ORDER = ("pending", "info_requested", "waitlisted", "approved", "registered", "rejected",
                "withdrawn", "expired")  # fmt: skip


@dataclass
class Stats:
    period: str
    quota_total: int | None
    quota_used: int
    by_status: Counter[str] = field(default_factory=Counter)
    # kelurahan name → status → count, every kelurahan of the city (zeros included)
    by_kelurahan: dict[str, Counter[str]] = field(default_factory=dict)
    by_occupation: Counter[str] = field(default_factory=Counter)
    median_days_to_decision: float | None = None
    # the other capabilities' figures (handlers/table.py), by name: "handover", "claims" …
    parts: dict[str, Part] = field(default_factory=dict)


async def collect(ctx: Ctx) -> Stats:
    period = review.period_of(ctx)
    quota = await ctx.store.quota(period)
    s = Stats(period, quota[0] if quota else None, quota[1] if quota else 0)
    names = {k.code: k.name for k in ctx.program.regions.all_kelurahan}
    s.by_kelurahan = {name: Counter() for name in names.values()}
    days = []
    for kel, status, occupation, filed, decided in await ctx.store.stats_rows():
        s.by_status[status] += 1
        s.by_kelurahan.setdefault(names.get(kel, kel), Counter())[status] += 1
        if occupation and status != "withdrawn":  # a withdrawn one's answers are gone
            s.by_occupation[occupation] += 1
        if decided is not None:
            days.append((decided - filed).total_seconds() / 86400)
    s.median_days_to_decision = pystats.median(days) if days else None
    s.parts = await ctx.capabilities.stats(ctx)
    return s


async def statistics(ctx: Ctx, actor: Person) -> Reply:
    if not await authorise(ctx, actor, Action.VIEW_STATS, None):
        return reply("not-an-admin")
    s = await collect(ctx)
    median = s.median_days_to_decision
    known = s.quota_total is not None
    parts = [Msg("stats-head", {
        "period": s.period, "total": sum(s.by_status.values()),
        "quota": s.quota_total if s.quota_total is not None else "-", "used": s.quota_used,
        "left": max((s.quota_total or 0) - s.quota_used, 0) if known else "-",
        "median": f"{median:.1f}" if median is not None else "-",
    })]  # fmt: skip
    parts += [
        Msg("stats-status-line", {"status": Msg(f"status-{st}"), "count": s.by_status[st]})
        for st in STATUS_ORDER if s.by_status[st]
    ]  # fmt: skip
    top = s.by_occupation.most_common(5)
    if top:
        parts.append(Msg("stats-occupation-head"))
        parts += [
            Msg("stats-line", {"name": Msg(f"occ-{o}") if o != "-" else "-", "count": c})
            for o, c in top
        ]
    busiest = [kv for kv in sorted(s.by_kelurahan.items(), key=lambda kv: -sum(kv[1].values()))
               if sum(kv[1].values())][:5]  # fmt: skip
    if busiest:
        parts.append(Msg("stats-kelurahan-head"))
        parts += [Msg("stats-line", {"name": k, "count": sum(c.values())}) for k, c in busiest]
    gaps = await reviewer_gaps.without_reviewer(ctx)
    if gaps:  # nominations filed there wait for nobody: the Dinas must see it
        parts.append(
            Msg("stats-gaps", {"count": len(gaps), "names": reviewer_gaps.gap_names(gaps)})
        )
    for part in s.parts.values():  # in the table's order: questions, claims …
        parts += part.lines()
    image = ctx.chart(s) if ctx.chart is not None else None
    return Reply(tuple(parts), (), None, image)


async def _stats(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await statistics(ctx, person)], False
