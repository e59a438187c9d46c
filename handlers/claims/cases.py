"""Claim cases: one use case for every door (chat buttons, `siaga admin claim`, the web
console). A case opens from a family's report, moves reported → documents complete →
submitted to BPJS → paid or refused, and at each step the family is told on their channel and
the step is audited. The lurah is asked for the death letter when a death is reported.

What a stranger learns is decided here too: only a participant reporting their own accident is
shown their cover; anyone else hears that an officer will contact them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from domain.claims import (
    OPEN,
    ClaimKind,
    ClaimRules,
    ClaimStatus,
    may_move,
    next_scholarship_reminder,
)
from domain.nik import mask_digits
from handlers.claims.port import Ctx as Context
from handlers.claims.records import Claim
from handlers.core.messages import Button, Msg, Raw, Reply
from handlers.core.names import kel_name
from handlers.core.records import Conversation, Person, Role
from handlers.nominations import Nomination, cover_msg, covers_on

S = ClaimStatus


def rules(ctx: Context) -> ClaimRules:
    assert ctx.program.claims is not None, "the program file has no claims: section"
    return ctx.program.claims


def day(d: date) -> str:
    return d.strftime("%d-%m-%Y")


# --- a family reports ----------------------------------------------------------------------


@dataclass(frozen=True)
class Report:
    kind: ClaimKind
    event_date: date
    relation: str  # self | family | other | officer
    traffic: bool = False
    nomination: Nomination | None = None
    named: str | None = None
    nik: str | None = None


async def open_case(ctx: Context, reporter: Person, report: Report) -> Claim:
    """Open the case, card it to the Dinas, ask the lurah for the letters a death needs."""
    n = report.nomination
    kel = n.kelurahan_code if n is not None else reporter.kelurahan_code
    claim_id = await ctx.store.open_claim(
        kind=report.kind, event_date=report.event_date, relation=report.relation,
        reporter_id=reporter.id, nomination_id=n.id if n else None, kelurahan_code=kel,
        named=report.named, nik=report.nik, traffic=report.traffic,
        due_on=rules(ctx).service_due(ctx.today), now=ctx.now,
    )  # fmt: skip
    claim = await ctx.store.claim(claim_id)
    assert claim is not None
    await ctx.store.audit(
        actor=reporter.id, action="claim.reported", now=ctx.now,
        nomination_id=n.id if n else None,
        after={"claim": claim_id, "kind": report.kind.value, "relation": report.relation,
               "matched": n is not None, "event": report.event_date.isoformat()},
    )  # fmt: skip
    shown = await card(ctx, claim)
    for admin in await ctx.store.people_with_role(Role.ADMIN):
        await ctx.store.enqueue(admin, [shown], ctx.now)
    if report.kind.is_death:
        await ask_letter(ctx, claim, actor=None)
    return claim


def is_participant(reporter: Person, n: Nomination | None) -> bool:
    return n is not None and n.person_id is not None and n.person_id == reporter.id


# --- what the family is told at once ----------------------------------------------------------


def guidance(ctx: Context, claim: Claim, shown_cover: Nomination | None) -> list[Reply]:
    """The answer to a report: what to do now, the documents and the heirs, where to go and
    how long it takes, and for a death the children's scholarship. Cover details only when
    `shown_cover` is given (the participant themself)."""
    r, on = rules(ctx), claim.event_date
    first: list[Msg] = [Msg(f"claim-received-{claim.kind.value}", {"id": claim.id})]
    if shown_cover is not None:
        first.append(cover_msg(ctx, shown_cover, on))
    else:
        first.append(Msg("claim-officer-will-contact", {"office": r.office.name}))
    first.append(Msg(f"claim-now-{claim.kind.value}",
                     {"hours": r.at("accident_report_hours", on)}))  # fmt: skip
    if claim.traffic:
        first.append(Msg("claim-now-police"))
    program = claim.kind.program
    needed = r.documents[program]
    if claim.kind is ClaimKind.WORK_DEATH:  # the heirs claim: their documents as well
        needed += tuple(d for d in r.documents.get("jkk_death", ()) if d not in needed)
    docs = Msg("claim-documents", {
        "program": program.upper(), "list": bullet_list("claim-doc-", needed),
    })  # fmt: skip
    second: list[Msg] = [docs]
    if claim.kind.is_death:
        second.append(Msg("claim-heirs", {"list": bullet_list("claim-heir-", r.heirs)}))
    bpjs_days = r.at(f"bpjs_{program}_working_days", on)
    third = [Msg("claim-where", {
        "office": r.office.name, "phone": r.office.phone, "email": r.office.email,
        "days": r.at("service_working_days", on), "bpjs_days": bpjs_days,
        "program": program.upper(), "bpjs_contact": r.office.bpjs_contact, "id": claim.id,
    })]  # fmt: skip
    out = [Reply(tuple(first)), Reply(tuple(second)), Reply(tuple(third))]
    if claim.kind.is_death:
        out.append(Reply((scholarship_msg(ctx, on),)))
    return out


def bullet_list(prefix: str, codes: tuple[str, ...]) -> Msg:
    """Codes as bullet lines, each worded by the catalogue (Fluent has no loops)."""
    if not codes:
        return Msg("empty")
    head, *rest = codes
    line = Msg("bullet", {"text": Msg(prefix + head)})
    if not rest:
        return line
    return Msg("lines-join", {"first": line, "rest": bullet_list(prefix, tuple(rest))})


def scholarship_msg(ctx: Context, on: date) -> Msg:
    r, b = rules(ctx), ctx.program.benefits
    return Msg("claim-scholarship", {
        "children": b["scholarship_children"].at(on), "years": b["scholarship_min_years"].at(on),
        "tk_sd": r.at("scholarship_tk_sd", on), "smp": r.at("scholarship_smp", on),
        "sma": r.at("scholarship_sma", on), "s1": r.at("scholarship_s1", on),
        "until": r.at("scholarship_until_age", on),
        "docs": bullet_list("claim-doc-", r.documents["scholarship"]),
    })  # fmt: skip


# --- the Dinas moves the case ---------------------------------------------------------------


class Moved(StrEnum):
    DONE = "done"
    FORBIDDEN = "forbidden"
    NOT_ALLOWED = "not_allowed"  # not a next step from where the case is
    GONE = "gone"
    NEEDS = "needs"  # paid without an amount, refused without a reason


async def move(
    ctx: Context, actor: Person | None, claim_id: int, to: ClaimStatus, *,
    amount: int | None = None, reason: str | None = None,
    children: tuple[int, ...] = (), via: str = "",
) -> tuple[Moved, Claim | None]:  # fmt: skip
    """One step of a case, from any door. `actor` None: the command line (the Dinas's own
    server), which is trusted as an admin."""
    if actor is not None and actor.role is not Role.ADMIN:
        return Moved.FORBIDDEN, None
    claim = await ctx.store.claim(claim_id)
    if claim is None:
        return Moved.GONE, None
    if not may_move(claim.status, to):
        return Moved.NOT_ALLOWED, claim
    if (to is S.PAID and not amount) or (to is S.REFUSED and not (reason or "").strip()):
        return Moved.NEEDS, claim
    fields: dict[str, object] = {}
    if to is S.PAID:
        fields.update(amount=amount, paid_at=ctx.now)
    if to is S.REFUSED:
        fields.update(reason=(reason or "").strip()[:500])
    if not await ctx.store.move_claim(claim.id, claim.status, to, ctx.now, **fields):
        return Moved.NOT_ALLOWED, await ctx.store.claim(claim_id)  # someone was faster
    before = claim.status
    moved = replace(claim, status=to, updated_at=ctx.now, **fields)  # type: ignore[arg-type]
    if to is S.PAID and children:
        await _follow_children(ctx, moved, children)
    await ctx.store.audit(
        actor=actor.id if actor else None, action=f"claim.{to.value}", now=ctx.now,
        nomination_id=moved.nomination_id, before={"claim": claim.id, "status": before.value},
        after={"claim": claim.id, "status": to.value, "amount": amount,
               "children": len(children)},
        detail=via,
    )  # fmt: skip
    await tell_family(ctx, moved)
    return Moved.DONE, moved


async def _follow_children(ctx: Context, claim: Claim, birth_years: tuple[int, ...]) -> None:
    """The scholarship's yearly reminder for each child (at most the program's number)."""
    r, most = rules(ctx), ctx.program.benefits["scholarship_children"].at(ctx.today)
    until = r.at("scholarship_until_age", ctx.today)
    rows = [
        (year, next_scholarship_reminder(year, ctx.today, ctx.today, until))
        for year in birth_years[:most]
    ]
    await ctx.store.add_children(claim.id, rows)


async def tell_family(ctx: Context, claim: Claim) -> None:
    """The reporter hears each step on their own channel (broadcast opt-outs do not apply:
    this is their own case)."""
    if claim.reporter_id is None:
        return
    reporter = await ctx.store.person_by_id(claim.reporter_id)
    if reporter is None or reporter.blocked:
        return
    await ctx.store.enqueue(reporter, [Reply((step_msg(ctx, claim),))], ctx.now)


def step_msg(ctx: Context, claim: Claim) -> Msg:
    args: dict[str, object] = {"id": claim.id, "kind": Msg(f"claim-kind-{claim.kind.value}")}
    if claim.status is S.PAID:
        args["amount"] = claim.amount or 0
    if claim.status is S.REFUSED:
        args["reason"] = Raw(claim.reason or "-")
        args["office"] = rules(ctx).office.name
    if claim.status is S.SUBMITTED:
        args["days"] = rules(ctx).at(f"bpjs_{claim.kind.program}_working_days", ctx.today)
    return Msg(f"claim-step-{claim.status.value}", args)  # type: ignore[arg-type]


def status_line(ctx: Context, claim: Claim) -> Msg:
    """The case as its family sees it in /status."""
    return Msg("claim-status-line", {
        "id": claim.id, "kind": Msg(f"claim-kind-{claim.kind.value}"),
        "status": Msg(f"claim-status-{claim.status.value}"),
        "date": day(claim.event_date), "due": day(claim.due_on),
    })  # fmt: skip


# --- the cards ------------------------------------------------------------------------------


async def card(ctx: Context, claim: Claim) -> Reply:
    """The case for the Dinas: what happened, to whom, who reported, and the next steps."""
    parts: list[Msg] = [Msg("claim-card", {
        "id": claim.id, "kind": Msg(f"claim-kind-{claim.kind.value}"),
        "date": day(claim.event_date), "relation": Msg(f"claim-relation-{claim.relation}"),
        "status": Msg(f"claim-status-{claim.status.value}"),
        "kelurahan": kel_name(ctx, claim.kelurahan_code), "due": day(claim.due_on),
    })]  # fmt: skip
    n = await ctx.store.nomination_by_id(claim.nomination_id) if claim.nomination_id else None
    if n is not None:
        cover = (day(n.coverage_start.date()) + "–" + day(n.coverage_end.date())
                 if n.coverage_start and n.coverage_end else "-")  # fmt: skip
        parts.append(Msg("claim-card-participant", {
            "ref": n.ref, "name": Raw(n.name or "-"), "nik": n.nik_masked,
            "status": Msg(f"status-{n.status.value}"), "cover": cover,
            "covered": Msg("yes" if covers_on(n, claim.event_date) else "no"),
        }))  # fmt: skip
        if covers_on(n, claim.event_date) and claim.kind.is_death:
            parts.append(Msg("claim-card-estimate", {"amount": estimate(ctx, claim, n)}))
    else:
        typed = mask_digits(ctx.store.open_nik(claim.nik_enc)) if claim.nik_enc else "-"
        parts.append(Msg("claim-card-unmatched", {"name": Raw(claim.named or "-"), "nik": typed}))
    if claim.traffic:
        parts.append(Msg("claim-card-traffic"))
    if claim.amount:
        parts.append(Msg("claim-card-paid", {"amount": claim.amount}))
    if claim.reason:
        parts.append(Msg("claim-card-refused", {"reason": Raw(claim.reason)}))
    return Reply(tuple(parts), card_buttons(claim))


def estimate(ctx: Context, claim: Claim, n: Nomination) -> int:
    """What the benefit should be, for the officer to check BPJS's figure against: JKM with
    the reported three-month rule from the start of cover, or the JKK death benefit."""
    on, b = claim.event_date, ctx.program.benefits
    if claim.kind is ClaimKind.WORK_DEATH:
        return b["jkk_death_amount"].at(on)
    start = n.coverage_start.date() if n.coverage_start else None
    return rules(ctx).jkm_amount(b["jkm_total"].at(on), start, on)


def card_buttons(claim: Claim) -> tuple[Button, ...]:
    out = [Button(Msg(f"btn-claim-{to.value}"), f"n|claim:{claim.id}:{to.value}")
           for to in (S.DOCUMENTS, S.SUBMITTED, S.PAID, S.REFUSED)
           if may_move(claim.status, to)]  # fmt: skip
    if claim.status is S.REPORTED and claim.kind.is_death and claim.kelurahan_code:
        out.append(Button(Msg("btn-claim-letter"), f"n|claim:{claim.id}:letter"))
    return tuple(out)


async def ask_letter(ctx: Context, claim: Claim, actor: Person | None) -> int:
    """Ask the kelurahan's reviewers for the death letter and the heirs' statement."""
    if not claim.kelurahan_code:
        return 0
    n = await ctx.store.nomination_by_id(claim.nomination_id) if claim.nomination_id else None
    name = (n.name if n else None) or claim.named or "-"
    ask = Reply(
        (Msg("claim-letter-ask", {"id": claim.id, "name": Raw(name),
                                  "kelurahan": kel_name(ctx, claim.kelurahan_code),
                                  "date": day(claim.event_date)}),),
        (Button(Msg("btn-claim-letter-ready"), f"n|claim:{claim.id}:letterok"),),
    )  # fmt: skip
    lurahs = await ctx.store.people_with_role(Role.LURAH, claim.kelurahan_code)
    for lurah in lurahs:
        await ctx.store.enqueue(lurah, [ask], ctx.now)
    await ctx.store.mark_claim(claim.id, letter_asked_at=ctx.now)
    await ctx.store.audit(actor=actor.id if actor else None, action="claim.letter_asked",
                          now=ctx.now, after={"claim": claim.id, "lurah": len(lurahs)})  # fmt: skip
    return len(lurahs)


async def letter_ready(ctx: Context, lurah: Person, claim_id: int) -> Msg:
    """The lurah says the letter is ready: the Dinas and the family hear it."""
    claim = await ctx.store.claim(claim_id)
    if claim is None or not (
        lurah.role is Role.ADMIN
        or (lurah.role is Role.LURAH and lurah.kelurahan_code == claim.kelurahan_code)
    ):
        return Msg("claim-not-yours")
    await ctx.store.audit(actor=lurah.id, action="claim.letter_ready", now=ctx.now,
                          after={"claim": claim.id})  # fmt: skip
    note = Reply.of(
        "claim-letter-ready", id=claim.id, kelurahan=kel_name(ctx, claim.kelurahan_code)
    )
    for admin in await ctx.store.people_with_role(Role.ADMIN):
        await ctx.store.enqueue(admin, [note], ctx.now)
    if claim.reporter_id is not None:
        reporter = await ctx.store.person_by_id(claim.reporter_id)
        if reporter is not None:
            family = Reply.of("claim-letter-ready-family", id=claim.id,
                              kelurahan=kel_name(ctx, claim.kelurahan_code))  # fmt: skip
            await ctx.store.enqueue(reporter, [family], ctx.now)
    return Msg("claim-letter-thanks", {"id": claim.id})


# --- the cases as the Dinas reads them ------------------------------------------------------


async def case_list(ctx: Context, every: bool = False, limit: int = 200) -> list[Claim]:
    """The open cases (`every`: the finished ones too), newest first."""
    return await ctx.store.claims(None if every else OPEN, limit=limit)


async def case(ctx: Context, claim_id: int | None) -> Claim | None:
    return await ctx.store.claim(claim_id) if claim_id is not None else None


async def children(ctx: Context, claim_id: int) -> list[tuple[int, date | None]]:
    """The children on a paid case: birth year, and when their next reminder goes."""
    return await ctx.store.children_of(claim_id)


# --- what /status and /dataku show of one's own cases ------------------------------------------


async def in_status(ctx: Context, person: Person, conv: Conversation) -> list[Msg]:
    cases = await ctx.store.claims(reporter_id=person.id, limit=10)
    return [Msg("claim-status-head"), *(status_line(ctx, c) for c in cases)] if cases else []


async def held(ctx: Context, person: Person, conv: Conversation) -> list[Msg]:
    """What they reported is data about them too (who reported, when)."""
    cases = await ctx.store.claims(reporter_id=person.id, limit=20)
    return [Msg("dataku-claims"), *(status_line(ctx, c) for c in cases)] if cases else []
