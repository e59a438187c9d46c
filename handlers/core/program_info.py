"""The program's facts as a person reads them: the info page and the FAQ's answers, filled
with the program file's values on the day asked."""

from __future__ import annotations

from datetime import date
from typing import Any

from handlers.core.capability import Context
from handlers.core.messages import Msg


def info_msg(ctx: Context[Any]) -> Msg:
    return Msg("info-program", info_args(ctx))


def info_args(ctx: Context[Any]) -> dict[str, Any]:
    """The program's values on the day asked, for the info page and the FAQ's answers."""
    p, on = ctx.program, ctx.today
    quota = p.quota_at(on)
    return {
        "premium": p.premium_monthly.at(on),
        "months": p.coverage_months.at(on),
        "jkm": p.benefits["jkm_total"].at(on),
        "jkk_death": p.benefits["jkk_death_amount"].at(on),
        "children": p.benefits["scholarship_children"].at(on),
        "years": p.benefits["scholarship_min_years"].at(on),
        "min": p.age_min.at(on),
        "max": p.age_max.at(on),
        "registry": p.registry.at(on),
        "participants": quota.participants if quota else 0,
        "remaining": quota.remaining if quota else 0,
        "as_of": quota.as_of.strftime("%d-%m-%Y") if quota else "-",
        "contact": p.contact,
    }


def continuing(ctx: Context[Any], on: date) -> tuple[Msg, ...]:
    """How to go on after the city's year: the premium one pays oneself, and any national
    discount in force on the day one would start (PP 50/2025, from the program file). Said
    when a nomination's cover ends and when a participant is not renewed."""
    rules = ctx.program.claims
    if rules is None:
        return ()
    out = [Msg("cover-continue", {"premium": rules.at("continue_premium_monthly", on),
                                  "contact": rules.office.bpjs_contact})]  # fmt: skip
    for d in rules.discounts_on(on):
        out.append(Msg("cover-discount", {"value": d.value, "sector": Msg(f"sector-{d.sector}"),
                                          "until": d.until.strftime("%d-%m-%Y")}))  # fmt: skip
    return tuple(out)
