"""A participant's cover: BPJS confirms registration, what the cover pays, its end, and the
reminders before it (the Dinas's side of the lifecycle)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from domain.dates import add_months
from domain.nomination import NominationStatus
from handlers.core.capability import Context
from handlers.core.messages import Msg, Reply
from handlers.core.program_info import continuing
from handlers.core.records import Role
from handlers.nominations.port import Ctx
from handlers.nominations.records import Nomination
from handlers.nominations.review import tell_citizen

S = NominationStatus
REMIND_DAYS = 30
# references registered per unit of work: about five statements each, so a batch holds
# SQLite's write lock (and the event loop it runs in) for milliseconds, and a 20,000-row file
# lets chat updates in between its batches (review of issue 26, finding 8)
BATCH = 200


@dataclass
class RegisterReport:
    registered: list[str] = field(default_factory=list)
    not_found: list[str] = field(default_factory=list)
    not_approved: list[str] = field(default_factory=list)

    def add(self, other: RegisterReport) -> None:
        self.registered += other.registered
        self.not_found += other.not_found
        self.not_approved += other.not_approved


def batches(refs: list[str]) -> list[list[str]]:
    """The references in BATCH-sized parts, each for mark_registered in its own unit."""
    return [refs[i : i + BATCH] for i in range(0, len(refs), BATCH)]


async def mark_registered(ctx: Ctx, refs: list[str], start: date) -> RegisterReport:
    """The list BPJS Ketenagakerjaan confirms: each approved nomination becomes a participant
    covered for the program's period (one year) from `start`, and the citizen is told."""
    months = ctx.program.coverage_months.at(start)
    end = add_months(start, months) - timedelta(days=1)
    report = RegisterReport()
    for ref in refs:
        n = await ctx.store.nomination_by_ref(ref)
        if n is None:
            report.not_found.append(ref)
            continue
        if n.status is not S.APPROVED:
            report.not_approved.append(ref)
            continue
        begin = datetime.combine(start, time(), UTC)
        finish = datetime.combine(end, time(23, 59), UTC)
        # conditional on "approved" (issue 26 item 14): two uploads of one list at once
        # register, audit and tell the resident once
        if not await ctx.store.move_nomination(
            n, S.REGISTERED, ctx.now, coverage_start=begin, coverage_end=finish
        ):
            report.not_approved.append(ref)
            continue
        await ctx.store.audit(
            actor=None, action="nomination.registered", now=ctx.now, nomination_id=n.id,
            before={"status": "approved"},
            after={"status": "registered", "start": start.isoformat(), "end": end.isoformat()},
        )  # fmt: skip
        await tell_citizen(
            ctx, n, Reply.of("citizen-registered", ref=n.ref, start=_d(start), end=_d(end))
        )
        report.registered.append(ref)
    return report


def covers_on(n: Nomination | None, on: date) -> bool:
    if n is None or n.coverage_start is None or n.coverage_end is None:
        return False
    return n.coverage_start.date() <= on <= n.coverage_end.date()


def cover_msg(ctx: Context[Any], n: Nomination, on: date, key: str = "cover-details") -> Msg:
    """A participant's own cover: dates, the premium the city pays, what JKK and JKM would
    pay, and the reported three-month rule for the full JKM benefit."""
    r, b, p = ctx.program.claims, ctx.program.benefits, ctx.program
    assert r is not None, "the program file has no claims: section"
    assert n.coverage_start is not None and n.coverage_end is not None
    start = n.coverage_start.date()
    full_after = r.at("jkm_full_after_months", on)
    return Msg(key, {
        "ref": n.ref, "start": _d(start), "end": _d(n.coverage_end.date()),
        "premium": p.premium_monthly.at(start), "jkm": b["jkm_total"].at(on),
        "jkk_death": b["jkk_death_amount"].at(on), "months": full_after,
        "early": r.at("jkm_early_amount", on),
        "full_from": _d(add_months(start, full_after)),
    })  # fmt: skip


def _d(day: date) -> str:
    return day.strftime("%d-%m-%Y")


async def coverage_reminders(ctx: Ctx) -> tuple[int, int]:
    """Coverage ending within 30 days: remind the citizen and their lurah, once. Coverage
    that has ended: the nomination expires. Returns (reminded, expired)."""
    reminded = expired = 0
    soon = ctx.now + timedelta(days=REMIND_DAYS)
    for n in await ctx.store.with_status(S.REGISTERED):
        if n.coverage_end is None:
            continue
        if n.coverage_end < ctx.now:
            if not await ctx.store.move_nomination(n, S.EXPIRED, ctx.now):
                continue  # expired by another run meanwhile
            await ctx.store.audit(
                actor=None, action="nomination.expired", now=ctx.now, nomination_id=n.id,
                before={"status": "registered"}, after={"status": "expired"},
            )  # fmt: skip
            expired += 1
            continue
        if n.coverage_end <= soon and n.coverage_reminded_at is None:
            end = _d(n.coverage_end.date())
            ending = Reply(
                (
                    Msg("citizen-coverage-ending", {"ref": n.ref, "end": end}),
                    *continuing(ctx, n.coverage_end.date() + timedelta(days=1)),
                )
            )
            await tell_citizen(ctx, n, ending)
            for reviewer in await ctx.store.people_with_role(Role.LURAH, n.kelurahan_code):
                await ctx.store.enqueue(
                    reviewer,
                    [Reply.of("lurah-coverage-ending", ref=n.ref, end=end)],
                    ctx.now,
                    about=n.person_id,
                )
            await ctx.store.update_nomination(n, ctx.now, coverage_reminded_at=ctx.now)
            reminded += 1
    return reminded, expired
