"""A claim about someone on the participant list (issue 29 item 3): the Dinas's card shows
their cover, as it shows a registered nomination's. Only officers see it: the family is told
what anyone is told (DESIGN rule 8). Called by the claims capability with the claim's facts."""

from __future__ import annotations

from datetime import date

from handlers.core.capability import Ctx as Context
from handlers.core.messages import Msg, Raw
from handlers.core.names import kel_name
from handlers.participants.linking import day
from handlers.participants.port import port


async def listed_on_claim(
    ctx: Context, nik: str | None, on: date, death: bool, work_death: bool
) -> list[Msg]:
    """The lines for the card of a claim whose reporter typed `nik` ([] when not listed)."""
    if not nik:
        return []
    p = await port(ctx).participant_by_nik(nik)
    if p is None:
        return []
    covered = p.active and p.start <= on <= p.end
    out = [Msg("claim-card-listed", {
        "name": Raw(p.name), "nik": p.nik_masked, "kelurahan": kel_name(ctx, p.kelurahan_code),
        "segment": Msg(f"participant-segment-{p.segment or 'none'}"),
        "start": day(p.start), "end": day(p.end), "covered": Msg("yes" if covered else "no"),
    })]  # fmt: skip
    rules, b = ctx.program.claims, ctx.program.benefits
    if covered and death and rules is not None:
        amount = (b["jkk_death_amount"].at(on) if work_death
                  else rules.jkm_amount(b["jkm_total"].at(on), p.start, on))  # fmt: skip
        out.append(Msg("claim-card-estimate", {"amount": amount}))
    return out
