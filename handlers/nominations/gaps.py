"""Kelurahan nobody reviews. A nomination filed there waits for no one unless the Dinas knows:
the citizen is told the Dinas will route it, the admins are alerted when it is filed and every
morning, and `/statistik` and `siaga doctor` list these kelurahan."""

from __future__ import annotations

from domain.regions import Kelurahan
from handlers.core.capability import Context
from handlers.core.messages import Button, Msg, Reply
from handlers.core.names import kel_name
from handlers.core.port import Store
from handlers.core.records import Role
from handlers.nominations.port import Ctx
from handlers.nominations.records import Nomination


async def without_reviewer(ctx: Ctx) -> list[tuple[Kelurahan, int]]:
    """Every kelurahan no reviewer covers, with the nominations waiting there; busiest first."""
    covered = {p.kelurahan_code for p in await ctx.store.people_with_role(Role.LURAH)}
    waiting = await ctx.store.queue_sizes()  # one grouped count, not every nomination read
    gaps = [(k, waiting.get(k.code, 0)) for k in ctx.program.regions.all_kelurahan
            if k.code not in covered]  # fmt: skip
    return sorted(gaps, key=lambda g: (-g[1], g[0].name))


def gap_names(gaps: list[tuple[Kelurahan, int]]) -> Msg:
    """ "Josenan (3 menunggu), Kelun, …" as one message, in the reader's language."""
    return join([Msg("gap-waiting", {"name": k.name, "count": n}) if n
                  else Msg("label", {"text": k.name}) for k, n in gaps])  # fmt: skip


def join(parts: list[Msg]) -> Msg:
    """Messages joined by ", " (one Msg, rendered per reader's language)."""
    if not parts:
        return Msg("label", {"text": "-"})
    head, *rest = parts
    for part in rest:
        head = Msg("joined", {"a": head, "b": part})
    return head


async def alert_filed(ctx: Context[Store], nomination: Nomination) -> None:
    """A nomination filed where no reviewer is: the admins hear it at once."""
    name = kel_name(ctx, nomination.kelurahan_code, nomination.kelurahan_code)
    note = Reply(
        (Msg("admin-no-reviewer", {"ref": nomination.ref, "kelurahan": name}),),
        (Button(Msg("btn-queue"), "n|queue"),),
    )
    for admin in await ctx.store.people_with_role(Role.ADMIN):
        await ctx.store.enqueue(admin, [note], ctx.now, about=nomination.person_id)


async def daily_alert(ctx: Ctx) -> int:
    """Each morning: the kelurahan where nominations wait and nobody reviews. Returns how
    many such kelurahan there are (none: nothing is sent)."""
    gaps = [(k, n) for k, n in await without_reviewer(ctx) if n]
    if not gaps:
        return 0
    note = Reply.of("admin-gaps-daily", count=len(gaps), names=gap_names(gaps))
    for admin in await ctx.store.people_with_role(Role.ADMIN):
        await ctx.store.enqueue(admin, [note], ctx.now)
    return len(gaps)
