"""Figures on the participant list (issue 29 item 5), for /statistik, `siaga admin stats` and
the console's Ringkasan: participants per kelurahan, segment and occupation; covers ending per
month; renewals decided and pending per kelurahan; and the claim ratio computed on the list's
cover (claims paid this year ÷ the premiums the city paid for the listed covers this year)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from domain.dates import add_months
from handlers.core.capability import Ctx as Context
from handlers.core.messages import Msg
from handlers.core.names import kel_name
from handlers.participants import renewal
from handlers.participants.port import port

MONTHS_AHEAD = 12
DAYS_PER_MONTH = 365.25 / 12  # as the claims' figures count a month of cover


@dataclass
class ListFigures:
    total: int = 0
    by_kelurahan: Counter[str] = field(default_factory=Counter)
    by_segment: Counter[str] = field(default_factory=Counter)
    by_occupation: Counter[str] = field(default_factory=Counter)
    ending: Counter[str] = field(default_factory=Counter)  # "YYYY-MM" → covers ending
    decided: Counter[str] = field(default_factory=Counter)  # kelurahan → renewals decided
    pending: Counter[str] = field(default_factory=Counter)
    premiums: int = 0  # the city's premiums for the listed covers, this year so far
    paid: int = 0  # claims paid this year so far (all cases, as the claims' own ratio)

    def lines(self) -> list[Msg]:
        return figure_lines(self)


def _months(start: date, end: date, since: date, until: date) -> float:
    first, last = max(start, since), min(end, until)
    return max((last - first).days + 1, 0) / DAYS_PER_MONTH


async def collect(ctx: Context) -> ListFigures | None:
    store = port(ctx)
    if not await store.participants_loaded():
        return None
    f = ListFigures()
    horizon = add_months(ctx.today, MONTHS_AHEAD)
    since = date(ctx.today.year, 1, 1)
    rules = ctx.program.participants
    for p in await store.participant_figures():
        name = kel_name(ctx, p.kelurahan_code)
        if p.covers(ctx.today):
            f.total += 1
            f.by_kelurahan[name] += 1
            f.by_segment[p.segment or "-"] += 1
            f.by_occupation[p.occupation or "-"] += 1
        if ctx.today <= p.end <= horizon:
            f.ending[p.end.strftime("%Y-%m")] += 1
        monthly = (rules.pu_premium.at(p.start) if rules is not None and p.segment == "pu"
                   else ctx.program.premium_monthly.at(p.start))  # fmt: skip
        f.premiums += round(_months(p.start, p.end, since, ctx.today) * monthly)
    for d in await renewal.due(ctx, None):
        name = kel_name(ctx, d.participant.kelurahan_code)
        if d.participant.renewal in (None, "ask"):
            f.pending[name] += 1
        else:
            f.decided[name] += 1
    f.paid = await store.claims_paid_between(since, ctx.today, ctx.tz)
    return f


def _counts(counter: Counter[str], limit: int = 30) -> str:
    return ", ".join(f"{k}: {v}" for k, v in sorted(counter.most_common(limit)))


def figure_lines(f: ListFigures) -> list[Msg]:
    ratio = f.paid / f.premiums if f.premiums else None
    out = [Msg("stats-participants", {
        "total": f.total, "segments": _counts(Counter({k.upper(): v for k, v in
                                                       f.by_segment.items()})) or "-",
        "kelurahan": _counts(f.by_kelurahan) or "-",
        "occupations": ", ".join(f"{k}: {v}" for k, v in f.by_occupation.most_common(5)) or "-",
        "ending": _counts(f.ending, MONTHS_AHEAD + 1) or "-",
    })]  # fmt: skip
    names = sorted(set(f.decided) | set(f.pending))
    out.append(Msg("stats-renewals", {
        "decided": sum(f.decided.values()), "pending": sum(f.pending.values()),
        "per": ", ".join(f"{n}: {f.decided[n]}/{f.decided[n] + f.pending[n]}" for n in names)
        or "-",
    }))  # fmt: skip
    out.append(Msg("stats-list-claim-ratio", {
        "premiums": f.premiums, "paid": f.paid,
        "ratio": f"{ratio * 100:.0f}%" if ratio is not None else "-",
    }))  # fmt: skip
    return out
