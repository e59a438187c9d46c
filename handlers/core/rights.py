"""Who may do what (domain.roles), checked at every door alike; every refusal is audited."""

from __future__ import annotations

from domain.roles import Action, allowed
from handlers.core.capability import Context
from handlers.core.port import Store
from handlers.core.records import Person


async def authorise(
    ctx: Context[Store], actor: Person, action: Action, kelurahan: str | None,
    nomination_id: int | None = None,
) -> bool:  # fmt: skip
    if allowed(actor.role.value, action, actor.kelurahan_code, kelurahan):
        return True
    await ctx.store.audit(
        actor=actor.id, action=f"refused.{action.value}", now=ctx.now, outcome="refused",
        nomination_id=nomination_id, detail=kelurahan or "",
    )  # fmt: skip
    return False
