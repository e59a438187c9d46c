"""Service levels for the Dinas and the lurah (issue 30 item 2): per kelurahan and per
officer, questions answered within the office-hour deadline, the median first answer (in
office time), reviews decided within the review deadline, claims finished within the service
time, and the ratings residents gave. One collection, four doors: /statistik in chat, `siaga
admin stats`, the console's Layanan page with its CSV, and the Monday summary to the Dinas.

Late is said in words as well as in red (the console's badge, the chat's "TERLAMBAT"): a
colour alone reaches no one who cannot tell it (WCAG 1.4.1).

A lurah sees the city's totals, their own kelurahan and themselves; the Dinas sees every
kelurahan and every officer. Counts and times only: no resident is named."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from domain.service_levels import Levels, Row, Tally, measure
from handlers.core.messages import Msg, Reply
from handlers.core.names import kel_name, name_of
from handlers.core.records import Person, Role
from handlers.service.port import Ctx as Context

PERIODS = (7, 30, 90, 365)  # days a period may span (the console's choice)
DEFAULT_DAYS = 30
WEEK = 7
MAX_LINES = 10  # kelurahan or officers listed in a chat message


async def collect(ctx: Context, days: int = DEFAULT_DAYS) -> Levels:
    since = ctx.now - timedelta(days=days)
    store = ctx.store
    return measure(
        ctx.program.handover, ctx.program.review_deadline_days,
        await store.question_times(since), await store.review_times(since),
        await store.claim_times(since), ctx.local, days,
        (k.code for k in ctx.program.regions.all_kelurahan),
    )  # fmt: skip


@dataclass(frozen=True)
class Named:
    """A row with the name it is shown under, and whose it is."""

    name: Msg | str
    row: Row
    code: str = ""  # the kelurahan's ("" for matters with none, and for officers)
    pid: int | None = None  # the officer's


@dataclass(frozen=True)
class Seen:
    """What one viewer may see of a period's figures."""

    kels: list[Named]
    officers: list[Named]
    lurah: bool
    own_code: str | None
    own_pid: int | None

    def own(self, n: Named) -> bool:
        return (n.pid is not None and n.pid == self.own_pid) or (
            n.pid is None and self.lurah and n.code == self.own_code
        )


async def named(ctx: Context, levels: Levels) -> tuple[list[Named], list[Named]]:
    """Every kelurahan of the city (figures or not) and every officer with figures, named,
    the late ones first."""
    kels = [
        Named(kel_name(ctx, code) if code else Msg("service-no-kelurahan"), row, code)
        for code, row in levels.by_kelurahan.items()
        if code or not row.empty
    ]  # fmt: skip
    officers = []
    for pid, row in levels.by_officer.items():
        who = await ctx.store.person_by_id(pid)
        name = name_of(ctx, who) if who is not None else Msg("service-officer-gone", {"id": pid})
        officers.append(Named(name, row, pid=pid))
    return sorted(kels, key=_order), sorted(officers, key=_order)


def seen_by(kels: list[Named], officers: list[Named], viewer: Person | None) -> Seen:
    """The Dinas (or no one in particular: the Monday summary, the command line) sees
    everything; a lurah their own kelurahan and themselves."""
    if viewer is None or viewer.role is not Role.LURAH:
        return Seen(kels, officers, False, None, viewer.id if viewer else None)
    return Seen([k for k in kels if k.code == viewer.kelurahan_code],
                [o for o in officers if o.pid == viewer.id], True, viewer.kelurahan_code,
                viewer.id)  # fmt: skip


def _order(n: Named) -> tuple[int, int, str]:
    """The late ones first, the busiest of them first; then by name."""
    r = n.row
    busy = r.questions.counted + r.reviews.counted + r.claims.counted
    return (-r.late, -busy, n.name if isinstance(n.name, str) else "")


def percent(t: Tally) -> str:
    p = t.percent
    return f"{p:.0f}%" if p is not None else "-"


def duration(minutes: float | None) -> Msg | str:
    """Office time, as hours and minutes ("2 jam 5 menit")."""
    if minutes is None:
        return "-"
    whole = round(minutes)
    return Msg("service-duration", {"hours": whole // 60, "minutes": whole % 60})


def service_days(ctx: Context) -> int | str:
    rules = ctx.program.claims
    return rules.at("service_working_days", ctx.today) if rules else "-"


def mean(value: float | None) -> str:
    return f"{value:.1f}" if value is not None else "-"


def total_lines(ctx: Context, levels: Levels) -> list[Msg]:
    r = levels.total
    return [
        Msg("service-head", {"days": levels.days, "since": f"{levels.since:%d-%m-%Y}"}),
        Msg("service-questions", {
            "on_time": r.questions.on_time, "counted": r.questions.counted,
            "percent": percent(r.questions), "late": r.questions.late, "due": r.questions.due,
            "median": duration(r.median_minutes),
            "hours": service_hours(ctx.program.handover.answer_within_hours),
        }),
        Msg("service-reviews", {
            "on_time": r.reviews.on_time, "counted": r.reviews.counted,
            "percent": percent(r.reviews), "late": r.reviews.late, "due": r.reviews.due,
            "days": ctx.program.review_deadline_days,
        }),
        Msg("service-claims", {
            "on_time": r.claims.on_time, "counted": r.claims.counted,
            "percent": percent(r.claims), "late": r.claims.late, "due": r.claims.due,
            "days": service_days(ctx),
        }),
        Msg("service-ratings", {"mean": mean(r.mean_rating), "count": len(r.ratings),
                                "low": r.low_ratings}),
    ]  # fmt: skip


def service_hours(value: float) -> int | float:
    return int(value) if value == int(value) else value


def _named(n: Named) -> Msg | str:
    """The name, said late in words when it is (not by colour alone)."""
    return Msg("service-late-name", {"name": n.name}) if n.row.late else n.name


def row_line(n: Named) -> Msg:
    r = n.row
    return Msg("service-kelurahan-line", {
        "name": _named(n), "q": f"{r.questions.on_time}/{r.questions.counted}",
        "qp": percent(r.questions), "r": f"{r.reviews.on_time}/{r.reviews.counted}",
        "rp": percent(r.reviews), "c": f"{r.claims.on_time}/{r.claims.counted}",
        "cp": percent(r.claims), "rating": mean(r.mean_rating), "rated": len(r.ratings),
        "count": r.late,
    })  # fmt: skip


def officer_line(n: Named) -> Msg:
    r = n.row
    return Msg("service-officer-line", {
        "name": _named(n), "q": f"{r.questions.on_time}/{r.questions.counted}",
        "qp": percent(r.questions), "median": duration(r.median_minutes),
        "r": f"{r.reviews.on_time}/{r.reviews.counted}", "rp": percent(r.reviews),
        "count": r.late,
    })  # fmt: skip


def chat_lines(head: list[Msg], seen: Seen) -> list[Msg]:
    """The lines /statistik, `siaga admin stats` and the Monday summary show: the totals,
    then the kelurahan that are late (and one's own), then the officers."""
    out = list(head)
    shown = [k for k in seen.kels if seen.own(k) or k.row.late]
    if shown:
        out.append(Msg("service-kelurahan-head"))
        out += [row_line(k) for k in shown[:MAX_LINES]]
        if len(shown) > MAX_LINES:
            out.append(Msg("service-more", {"count": len(shown) - MAX_LINES}))
    elif not seen.lurah:
        out.append(Msg("service-none-late"))
    busy = [o for o in seen.officers if o.row.questions.counted or o.row.reviews.counted]
    if busy:
        out.append(Msg("service-officer-head"))
        out += [officer_line(o) for o in busy[:MAX_LINES]]
        if len(busy) > MAX_LINES:
            out.append(Msg("service-more", {"count": len(busy) - MAX_LINES}))
    return out


@dataclass(frozen=True)
class ServicePart:
    """This capability's part of /statistik (handlers.core.capability.ViewedPart): the last
    30 days; a lurah sees their own kelurahan and themselves, the Dinas everything."""

    levels: Levels
    head: list[Msg]
    kels: list[Named]
    officers: list[Named]

    def lines(self) -> list[Msg]:
        return chat_lines(self.head, seen_by(self.kels, self.officers, None))

    def lines_for(self, viewer: Person) -> list[Msg]:
        return chat_lines(self.head, seen_by(self.kels, self.officers, viewer))


async def part(ctx: Context, days: int = DEFAULT_DAYS) -> ServicePart:
    levels = await collect(ctx, days)
    kels, officers = await named(ctx, levels)
    return ServicePart(levels, total_lines(ctx, levels), kels, officers)


async def for_console(
    ctx: Context, days: int, viewer: Person, exported: bool = False
) -> tuple[Levels, Seen]:
    """The Layanan page's figures, as the viewer may see them; a CSV export is audited."""
    levels = await collect(ctx, days)
    seen = seen_by(*await named(ctx, levels), viewer)
    if exported:
        await ctx.store.audit(actor=viewer.id, action="service.exported", now=ctx.now,
                              after={"days": days,
                                     "rows": len(seen.kels) + len(seen.officers)})  # fmt: skip
    return levels, seen


async def weekly_summary(ctx: Context) -> int:
    """Monday's summary of the week before, to the Dinas (each admin, in their language,
    through the outbox); returns how many it went to. A week with nothing asked, filed or
    reported, and nothing waiting, sends nothing: a summary of zeros is noise."""
    admins = await ctx.store.people_with_role(Role.ADMIN)
    week = await part(ctx, WEEK)
    if not admins or week.levels.total.empty:
        return 0
    note = Reply((Msg("service-weekly-head"), *week.lines()))
    for admin in admins:
        await ctx.store.enqueue(admin, [note], ctx.now)
    await ctx.store.audit(actor=None, action="service.weekly", now=ctx.now,
                          after={"admins": len(admins)})  # fmt: skip
    return len(admins)


def table(
    levels: Levels, kels: list[Named], officers: list[Named], render: Callable[[Msg | str], str]
) -> list[dict[str, object]]:
    """The CSV's rows: one per kelurahan, then one per officer, names rendered by `render`."""
    rows: list[dict[str, object]] = []
    for scope, named in (("kelurahan", kels), ("petugas", officers)):
        for n in named:
            r = n.row
            rows.append({
                "lingkup": scope, "nama": render(n.name), "dari": f"{levels.since:%Y-%m-%d}",
                "sampai": f"{levels.until:%Y-%m-%d}",
                "tanya_tepat_waktu": r.questions.on_time, "tanya_dihitung": r.questions.counted,
                "tanya_persen": _num(r.questions.percent), "tanya_terlambat": r.questions.late,
                "tanya_belum_jatuh_tempo": r.questions.due,
                "median_jawaban_pertama_menit": _num(r.median_minutes),
                "usulan_tepat_waktu": r.reviews.on_time, "usulan_dihitung": r.reviews.counted,
                "usulan_persen": _num(r.reviews.percent), "usulan_terlambat": r.reviews.late,
                "klaim_tepat_waktu": r.claims.on_time, "klaim_dihitung": r.claims.counted,
                "klaim_persen": _num(r.claims.percent), "klaim_terlambat": r.claims.late,
                "penilaian": len(r.ratings), "nilai_rata_rata": _num(r.mean_rating),
                "nilai_rendah": r.low_ratings, "terlambat": "ya" if r.late else "tidak",
            })  # fmt: skip
    return rows


def _num(value: float | None) -> str:
    return f"{value:.1f}" if value is not None else ""
