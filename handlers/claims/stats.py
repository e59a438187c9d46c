"""Claim figures for /statistik, `siaga admin stats` and the chart (issue 20): cases and
amounts by kind and month, the days from a report to the payment, and the claim ratio (paid ÷
the premiums the city paid over the same period), the figure the Dinas reports to the city."""

from __future__ import annotations

import statistics as pystats
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from domain.claims import ClaimStatus
from handlers.claims.port import Ctx as Context
from handlers.core.messages import Msg

DAYS_PER_MONTH = 365.25 / 12


@dataclass
class ClaimFigures:
    since: date  # the period: the calendar year so far
    until: date
    cases: Counter[tuple[str, str]] = field(default_factory=Counter)  # (month, kind) → reported
    paid: Counter[tuple[str, str]] = field(default_factory=Counter)  # (month, kind) → rupiah
    by_status: Counter[str] = field(default_factory=Counter)
    median_days_to_pay: float | None = None
    paid_total: int = 0  # paid within the period
    premiums: int = 0  # the city's premiums for cover within the period

    def lines(self) -> list[Msg]:
        return lines(self)

    @property
    def ratio(self) -> float | None:
        return self.paid_total / self.premiums if self.premiums else None


async def collect(ctx: Context) -> ClaimFigures:
    since, until = date(ctx.today.year, 1, 1), ctx.today
    f = ClaimFigures(since, until)
    days = []
    for c in await ctx.store.claims(limit=100_000):
        reported = c.created_at.astimezone(ctx.tz).date()
        f.by_status[c.status.value] += 1
        f.cases[(reported.strftime("%Y-%m"), c.kind.value)] += 1
        if c.status is ClaimStatus.PAID and c.paid_at is not None and c.amount:
            paid = c.paid_at.astimezone(ctx.tz).date()
            f.paid[(paid.strftime("%Y-%m"), c.kind.value)] += c.amount
            days.append((c.paid_at - c.created_at).total_seconds() / 86400)
            if since <= paid <= until:
                f.paid_total += c.amount
    f.median_days_to_pay = pystats.median(days) if days else None
    f.premiums = round(sum(
        _months(start, end, since, until) * ctx.program.premium_monthly.at(start.date())
        for start, end in await ctx.store.coverage_periods()
    ))  # fmt: skip
    return f


def _months(start: datetime, end: datetime, since: date, until: date) -> float:
    """Months of cover inside [since, until], counted by days (a month ≈ 30.4 days)."""
    first, last = max(start.date(), since), min(end.date(), until)
    return max((last - first).days + 1, 0) / DAYS_PER_MONTH


def lines(f: ClaimFigures) -> list[Msg]:
    if not f.by_status and not f.premiums:
        return []
    ratio = f.ratio
    out = [Msg("stats-claims", {
        "since": f.since.strftime("%d-%m-%Y"), "until": f.until.strftime("%d-%m-%Y"),
        "open": sum(f.by_status[s] for s in ("reported", "documents", "submitted")),
        "paid": f.by_status["paid"], "refused": f.by_status["refused"],
        "amount": f.paid_total, "premiums": f.premiums,
        "ratio": f"{ratio * 100:.0f}%" if ratio is not None else "-",
        "days": f"{f.median_days_to_pay:.0f}" if f.median_days_to_pay is not None else "-",
    })]  # fmt: skip
    months = sorted({m for m, _ in f.cases} | {m for m, _ in f.paid})[-6:]
    for month in months:
        kinds = sorted({k for m, k in f.cases if m == month} | {k for m, k in f.paid if m == month})
        for kind in kinds:
            out.append(Msg("stats-claims-month", {
                "month": month, "kind": Msg(f"claim-kind-{kind}"),
                "cases": f.cases[(month, kind)], "amount": f.paid[(month, kind)],
            }))  # fmt: skip
    return out
