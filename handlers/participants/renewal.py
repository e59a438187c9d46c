"""The yearly renewal (issue 29 item 4). Sixty days before a cover ends (the program file's
lead time) the participant is on their kelurahan's renewal list (/perpanjangan, the console's
Perpanjangan); a linked resident is asked first, in their language, whether they still live
and work in the city; per person the reviewers decide: renew, not renewed (with a reason), or
ask the resident. Undecided ones past the program's deadline go to the Dinas. "Not renewed"
frees the place at once (handlers.participants.quota counts it so) and the resident is told
why and how to continue on their own. Every decision is audited.

One use case for every door: the chat's buttons, the console's forms.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from domain.participants import Decision, Reason
from handlers.core.capability import Ctx as Context
from handlers.core.messages import Button, Msg, Raw, Reply
from handlers.core.names import kel_name
from handlers.core.program_info import continuing
from handlers.core.records import Person, Role
from handlers.participants.linking import day
from handlers.participants.port import Participant, port

MAX_NOTE = 300
PAGE = 10  # cards per /perpanjangan: a WhatsApp list holds ten rows
NAMED = 20  # names in the Dinas's daily notice of renewals past the deadline


class Done(StrEnum):
    DONE = "done"
    FORBIDDEN = "forbidden"
    GONE = "gone"
    ALREADY = "already"  # decided meanwhile by someone else
    NEEDS = "needs"  # "other" without its reason


@dataclass(frozen=True)
class Due:
    participant: Participant
    late: bool  # past the deadline: the Dinas decides


def may_decide(actor: Person, p: Participant) -> bool:
    if actor.role is Role.ADMIN:
        return True
    return actor.role is Role.LURAH and actor.kelurahan_code == p.kelurahan_code


async def due(ctx: Context, kelurahan_code: str | None) -> list[Due]:
    """The renewal list: covers ending within the lead time, the undecided first."""
    rules = ctx.program.participants
    if rules is None:
        return []
    until = ctx.today + timedelta(days=rules.lead_days.at(ctx.today))
    found = await port(ctx).renewals_due(kelurahan_code, until, ctx.today)
    out = [Due(p, rules.late(p.end, ctx.today)) for p in found]
    out.sort(key=lambda d: (d.participant.renewal not in (None, "ask"), d.participant.end))
    return out


async def facts_msg(ctx: Context, p: Participant) -> Msg | None:
    """What the registry lists say of this NIK, for officers only (issue 20's lists)."""
    nik = await port(ctx).participant_nik(p.id)
    if nik is None:
        return None
    f = await ctx.store.registry_facts(nik)
    parts: list[Msg] = []
    if f.dtks_as_of is not None:
        parts.append(Msg("renewal-facts-dtks", {
            "as_of": day(f.dtks_as_of), "found": Msg("yes" if f.dtks_found else "no"),
            "desil": f.desil if f.desil is not None else "-",
        }))  # fmt: skip
    if f.bpjs_as_of is not None:
        parts.append(Msg("renewal-facts-bpjs", {
            "as_of": day(f.bpjs_as_of), "segment": f.bpjs_segment or "-",
        }))  # fmt: skip
    if not parts:
        return Msg("renewal-facts-none")
    return parts[0] if len(parts) == 1 else Msg("lines-join", {"first": parts[0], "rest": parts[1]})


async def card(ctx: Context, d: Due) -> Reply:
    """One person on the renewal list, with the decisions as buttons named by their object."""
    p = d.participant
    said = Msg(f"renewal-resident-{p.resident_said}") if p.resident_said else Msg(
        "renewal-resident-asked" if p.resident_asked_at else "renewal-resident-none")  # fmt: skip
    state = Msg(f"renewal-state-{p.renewal or 'open'}")
    parts = [Msg("renewal-card", {
        "id": p.id, "name": Raw(p.name), "nik": p.nik_masked,
        "kelurahan": kel_name(ctx, p.kelurahan_code), "occupation": Raw(p.occupation or "-"),
        "since": day(p.start), "end": day(p.end), "resident": said, "state": state,
    })]  # fmt: skip
    if p.renewal_reason:
        why = Msg(f"renewal-reason-{p.renewal_reason}")
        parts.append(Msg("renewal-card-reason", {"reason": why, "note": Raw(p.renewal_note or "")}))
    facts = await facts_msg(ctx, p)
    if facts is not None:
        parts.append(facts)
    if d.late and p.renewal in (None, "ask"):
        parts.append(Msg("renewal-card-late"))
    buttons: tuple[Button, ...] = ()
    if p.renewal in (None, "ask"):
        buttons = (
            Button(Msg("btn-renew"), f"n|renew:{p.id}:renew"),
            Button(Msg("btn-not-renewed"), f"n|renew:{p.id}:not"),
            Button(Msg("btn-ask-resident"), f"n|renew:{p.id}:ask"),
        )
    return Reply(tuple(parts), buttons)


def reasons_card(p: Participant) -> Reply:
    return Reply(
        (Msg("renewal-why", {"name": Raw(p.name)}),),
        tuple(
            Button(Msg(f"renewal-reason-{r.value}"), f"n|renew:{p.id}:not:{r.value}")
            for r in Reason
        ),
    )


async def decide(
    ctx: Context, actor: Person, participant_id: int, decision: Decision,
    reason: Reason | None = None, note: str = "", via: str = "",
) -> tuple[Done, Participant | None]:  # fmt: skip
    store = port(ctx)
    p = await store.participant(participant_id)
    if p is None or not p.active:
        return Done.GONE, p
    if not may_decide(actor, p):
        await ctx.store.audit(actor=actor.id, action="refused.renewal", now=ctx.now,
                              outcome="refused", after={"participant": p.id})  # fmt: skip
        return Done.FORBIDDEN, p
    unexplained = reason is None or (reason is Reason.OTHER and not note.strip())
    if decision is Decision.NOT_RENEWED and unexplained:
        return Done.NEEDS, p
    if p.renewal not in (None, "ask"):
        return Done.ALREADY, p
    fields: dict[str, object] = {"renewal": decision.value, "renewal_by": actor.id,
                                 "renewal_at": ctx.now}  # fmt: skip
    if decision is Decision.NOT_RENEWED:
        assert reason is not None
        fields.update(renewal_reason=reason.value, renewal_note=note.strip()[:MAX_NOTE] or None)
    if decision is Decision.ASK:
        fields.update(resident_asked_at=ctx.now if p.person_id else None)
    if not await store.decide_renewal(p.id, p.renewal, ctx.now, **fields):
        return Done.ALREADY, p
    await ctx.store.audit(
        actor=actor.id, action=f"renewal.{decision.value}", now=ctx.now, subject=p.person_id,
        before={"renewal": p.renewal}, after={"participant": p.id, "renewal": decision.value,
                                              "reason": reason.value if reason else None},
        detail=via,
    )  # fmt: skip
    fresh = await store.participant(p.id)
    assert fresh is not None
    await _tell_resident(ctx, fresh, decision)
    return Done.DONE, fresh


async def _tell_resident(ctx: Context, p: Participant, decision: Decision) -> None:
    if p.person_id is None:
        return  # not linked: the kelurahan tells them
    resident = await ctx.store.person_by_id(p.person_id)
    if resident is None or resident.blocked:
        return
    if decision is Decision.ASK:
        note = ask_resident(p)
    elif decision is Decision.RENEW:
        note = Reply((Msg("participant-renewal-renewed", {"end": day(p.end)}),))
    else:
        why = Msg(f"renewal-reason-{p.renewal_reason}")
        note = Reply((Msg("renewal-told-not-renewed", {"end": day(p.end), "reason": why}),
                      *continuing(ctx, p.end + timedelta(days=1))))  # fmt: skip
    await ctx.store.enqueue(resident, [note], ctx.now)


def ask_resident(p: Participant) -> Reply:
    """Asked in the resident's own language (the outbox renders it for them)."""
    return Reply(
        (Msg("renewal-ask-resident", {"end": day(p.end)}),),
        (Button(Msg("btn-still-here-yes"), f"n|stay:{p.id}:yes"),
         Button(Msg("btn-still-here-no"), f"n|stay:{p.id}:no")),
    )  # fmt: skip


async def resident_answered(ctx: Context, person: Person, target: str) -> Msg:
    """The resident's yes or no, kept for the reviewers; only their own participant's."""
    pid, _, said = target.partition(":")
    store = port(ctx)
    p = await store.participant(int(pid)) if pid.isdigit() else None
    if p is None or p.person_id != person.id or said not in ("yes", "no"):
        return Msg("button-expired")
    await store.decide_renewal(p.id, p.renewal, ctx.now, resident_said=said)
    await ctx.store.audit(actor=person.id, action="renewal.resident_answered", now=ctx.now,
                          subject=person.id, after={"participant": p.id, "said": said})  # fmt: skip
    return Msg(f"renewal-thanks-{said}")


# --- the daily job --------------------------------------------------------------------------


async def daily(ctx: Context) -> tuple[int, int, int]:
    """Ask linked residents whose renewal opened; tell each kelurahan's reviewers of those
    opened today; send the Dinas those past the deadline, once each. Returns
    (residents asked, reviewers told, sent to the Dinas)."""
    rules = ctx.program.participants
    if rules is None:
        return 0, 0, 0
    store = port(ctx)
    asked = told = late = 0
    opened: dict[str, int] = {}
    escalated: list[str] = []
    for d in await due(ctx, None):
        p = d.participant
        resident = await ctx.store.person_by_id(p.person_id) if p.person_id else None
        first = p.renewal is None and p.resident_asked_at is None
        if first and resident is not None and not resident.blocked:  # asked first (issue 29)
            await store.decide_renewal(p.id, None, ctx.now, resident_asked_at=ctx.now)
            await ctx.store.enqueue(resident, [ask_resident(p)], ctx.now)
            asked += 1
        if rules.opens_on(p.end) == ctx.today:  # a daily job: each opening told once
            opened[p.kelurahan_code] = opened.get(p.kelurahan_code, 0) + 1
        if d.late and p.renewal in (None, "ask") and p.escalated_at is None:
            await store.decide_renewal(p.id, p.renewal, ctx.now, escalated_at=ctx.now)
            escalated.append(f"{p.name} ({kel_name(ctx, p.kelurahan_code)})")
            late += 1
    if escalated:  # one notice a day, not a card each: the first import may bring hundreds
        names = ", ".join(escalated[:NAMED]) + (" …" if len(escalated) > NAMED else "")
        note = Reply.of("renewal-late-dinas", count=len(escalated), names=Raw(names),
                        days=rules.deadline_days.at(ctx.today))  # fmt: skip
        for admin in await ctx.store.people_with_role(Role.ADMIN):
            await ctx.store.enqueue(admin, [note], ctx.now)
    days = rules.lead_days.at(ctx.today)
    for code, n in opened.items():
        for reviewer in await ctx.store.people_with_role(Role.LURAH, code):
            await ctx.store.enqueue(reviewer, [Reply.of("renewal-opened", count=n, days=days)],
                                    ctx.now)  # fmt: skip
            told += 1
    return asked, told, late
