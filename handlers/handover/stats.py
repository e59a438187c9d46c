"""Questions to officers in /statistik and `siaga admin stats`: how many wait, are held or
closed, the median minutes to a first answer, the mean rating, and how many went on to the
Dinas past their deadline."""

from __future__ import annotations

import statistics as pystats
from collections import Counter
from dataclasses import dataclass, field

from handlers.core.messages import Msg
from handlers.handover.port import Ctx


@dataclass
class TicketFigures:
    by_status: Counter[str] = field(default_factory=Counter)  # and "escalated"
    median_minutes_to_answer: float | None = None
    mean_rating: float | None = None
    ratings: int = 0

    def lines(self) -> list[Msg]:
        wait, rated, s = self.median_minutes_to_answer, self.mean_rating, self.by_status
        return [Msg("stats-tickets", {
            "open": s["open"], "held": s["held"], "closed": s["closed"],
            "minutes": f"{wait:.0f}" if wait is not None else "-",
            "rating": f"{rated:.1f}" if rated is not None else "-", "rated": self.ratings,
            "escalated": s["escalated"],
        })]  # fmt: skip


async def collect(ctx: Ctx) -> TicketFigures | None:
    """None when nobody has asked yet (nothing to show)."""
    f = TicketFigures()
    waits, ratings = [], []
    for status, created, answered, rating, escalated in await ctx.store.ticket_figures():
        f.by_status[status] += 1
        f.by_status["escalated"] += escalated is not None
        if answered is not None:
            waits.append((answered - created).total_seconds() / 60)
        if rating is not None:
            ratings.append(rating)
    if not f.by_status:
        return None
    f.median_minutes_to_answer = pystats.median(waits) if waits else None
    f.mean_rating = pystats.mean(ratings) if ratings else None
    f.ratings = len(ratings)
    return f
