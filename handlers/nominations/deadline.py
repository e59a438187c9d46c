"""A nomination waits no longer than the program's review deadline unnoticed: past it the
kelurahan's reviewers are reminded each morning; past twice that the Dinas hears which
kelurahan are late (issue 19). The console shows the same kelurahan in red."""

from __future__ import annotations

from datetime import timedelta

from handlers.core.messages import Button, Msg, Reply
from handlers.core.names import kel_name
from handlers.core.records import Role
from handlers.nominations.gaps import join
from handlers.nominations.port import Ctx


async def remind(ctx: Ctx) -> tuple[int, int]:
    """One morning's reminders; returns (reviewers reminded, kelurahan the Dinas hears of)."""
    days = ctx.program.review_deadline_days
    late = await ctx.store.waiting_since(ctx.now - timedelta(days=days))
    very_late = await ctx.store.waiting_since(ctx.now - timedelta(days=2 * days))
    reminded = 0
    for kel, count in sorted(late.items()):
        note = Reply(
            (Msg("review-late", {"count": count, "days": days, "kelurahan": kel_name(ctx, kel)}),),
            (Button(Msg("btn-queue"), "n|queue"),),
        )
        for reviewer in await ctx.store.people_with_role(Role.LURAH, kel):
            await ctx.store.enqueue(reviewer, [note], ctx.now)
            reminded += 1
    if very_late:
        names = join([Msg("gap-waiting", {"name": kel_name(ctx, k), "count": n})
                       for k, n in sorted(very_late.items())])  # fmt: skip
        note = Reply.of("review-late-dinas", days=2 * days, names=names)
        for admin in await ctx.store.people_with_role(Role.ADMIN):
            await ctx.store.enqueue(admin, [note], ctx.now)
    return reminded, len(very_late)
