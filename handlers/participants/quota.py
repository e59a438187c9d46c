"""The quota as the program counts it (issue 29 item 2): the places come from the program
file, or from the Dinas (`siaga admin quota --total`, /kuota N), which wins; used = those
covered today (on the participant list and not marked "not renewed", plus those Siaga
registered that the list does not hold yet) + approved nominations waiting for BPJS.

Until a participant list is loaded the quota counts approvals as before (quotas.used).
"""

from __future__ import annotations

from domain.participants import Places
from handlers.core.capability import Ctx as Context
from handlers.core.messages import Msg
from handlers.participants.port import port


def program_places(ctx: Context) -> int | None:
    rules = ctx.program.participants
    return rules.places.at(ctx.today) if rules is not None else None


async def counted(ctx: Context, total: int | None) -> Places | None:
    """How the places are used today; None while no participant list is loaded."""
    store = port(ctx)
    if not await store.participants_loaded():
        return None
    total = total if total is not None else program_places(ctx)
    if total is None:
        return None
    return Places(total, await store.covered_count(ctx.today), await store.waiting_count())


def made_of(ctx: Context, places: Places, set_by_dinas: bool) -> Msg:
    rules = ctx.program.participants
    if set_by_dinas or rules is None:
        source = Msg("quota-source-dinas")
    else:
        source = Msg("quota-source-program", {"ref": rules.places.entry_at(ctx.today).ref})
    return Msg("quota-made-of", {
        "total": places.total, "covered": places.covered, "waiting": places.waiting,
        "used": places.used, "left": places.left, "source": source,
    })  # fmt: skip


async def fits_one_more(ctx: Context, total: int | None) -> bool:
    """Room for one more approval as the program counts, with the places the Dinas set
    (`total`, None: the program file's); True while no list is loaded."""
    places = await counted(ctx, total)
    return places is None or places.left > 0
