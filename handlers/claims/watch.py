"""What claim cases do on their own, each morning: a case past the published service time is
brought back to the Dinas (once), and each child on a paid case gets the scholarship's yearly
reminder until they turn 23 or the family says stop."""

from __future__ import annotations

from domain.claims import next_scholarship_reminder
from handlers.claims import cases as claims
from handlers.claims.port import Ctx as Context
from handlers.core.messages import Button, Msg, Reply
from handlers.core.records import Role


async def tend(ctx: Context) -> dict[str, int]:
    done = {"overdue": 0, "scholarship": 0}
    if ctx.program.claims is None:
        return done
    admins = await ctx.store.people_with_role(Role.ADMIN)
    for claim in await ctx.store.overdue_claims(ctx.today):
        late = Msg(
            "claim-overdue",
            {
                "id": claim.id,
                "due": claims.day(claim.due_on),
                "days": claims.rules(ctx).at("service_working_days", claim.created_at.date()),
            },
        )
        card = await claims.card(ctx, claim)
        for admin in admins:
            await ctx.store.enqueue(admin, [Reply((late, *card.parts), card.buttons)], ctx.now)
        await ctx.store.mark_claim(claim.id, reminded_at=ctx.now)
        await ctx.store.audit(actor=None, action="claim.overdue", now=ctx.now,
                              after={"claim": claim.id})  # fmt: skip
        done["overdue"] += 1
    until = claims.rules(ctx).at("scholarship_until_age", ctx.today)
    for child_id, birth_year, claim in await ctx.store.children_due(ctx.today):
        guardian = await ctx.store.person_by_id(claim.reporter_id) if claim.reporter_id else None
        if guardian is not None and not guardian.blocked:
            remind = Reply(
                (Msg("claim-scholarship-yearly", {
                    "id": claim.id, "age": ctx.today.year - birth_year,
                    "docs": claims.bullet_list("claim-doc-", claims.rules(ctx)
                                               .documents["scholarship"]),
                    "office": claims.rules(ctx).office.name,
                }),),
                (Button(Msg("btn-claim-children-stop"), f"n|kidsstop:{claim.id}"),),
            )  # fmt: skip
            await ctx.store.enqueue(guardian, [remind], ctx.now)
            done["scholarship"] += 1
        paid_on = claim.paid_at.date() if claim.paid_at else ctx.today
        await ctx.store.set_child_next(
            child_id, next_scholarship_reminder(birth_year, paid_on, ctx.today, until)
        )
    return done
