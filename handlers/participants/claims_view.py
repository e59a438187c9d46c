"""A claim about someone on the participant list (issue 29 item 3): the Dinas's card shows
their cover, as it shows a registered nomination's. Only officers see it: the family is told
what anyone is told (DESIGN rule 8)."""

from __future__ import annotations

from domain.claims import ClaimKind
from handlers.messages import Msg, Raw
from handlers.officers import kel_name
from handlers.participants.linking import day
from handlers.participants.port import port
from handlers.ports import Context
from handlers.records import Claim


async def listed_on_claim(ctx: Context, claim: Claim) -> list[Msg]:
    if claim.nik_enc is None:
        return []
    p = await port(ctx).participant_by_nik(ctx.store.open_nik(claim.nik_enc))
    if p is None:
        return []
    on = claim.event_date
    covered = p.active and p.start <= on <= p.end
    out = [Msg("claim-card-listed", {
        "name": Raw(p.name), "nik": p.nik_masked, "kelurahan": kel_name(ctx, p.kelurahan_code),
        "segment": Msg(f"participant-segment-{p.segment or 'none'}"),
        "start": day(p.start), "end": day(p.end), "covered": Msg("yes" if covered else "no"),
    })]  # fmt: skip
    rules, b = ctx.program.claims, ctx.program.benefits
    if covered and claim.kind.is_death and rules is not None:
        amount = (b["jkk_death_amount"].at(on) if claim.kind is ClaimKind.WORK_DEATH
                  else rules.jkm_amount(b["jkm_total"].at(on), p.start, on))  # fmt: skip
        out.append(Msg("claim-card-estimate", {"amount": amount}))
    return out
