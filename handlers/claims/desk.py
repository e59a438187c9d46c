"""The Dinas's side of a claim in chat: /kasus lists the open cases as cards; the card's
buttons move a case (a paid case asks the amount and the children's birth years, a refused
one the reason); the lurah's "surat siap" answers the letter request."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from domain.claims import MAX_AMOUNT, MIN_AMOUNT, OPEN, ClaimStatus
from domain.text import parse_rupiah, row_id
from handlers.claims import cases as claims
from handlers.claims.port import Ctx as Context
from handlers.core.capability import Command, Flow, Routed, prompt_for
from handlers.core.engine import Input, button, reply, with_note
from handlers.core.messages import Msg, Reply
from handlers.core.records import Conversation, Person, Role
from handlers.core.state import FlowState, Resume

FLOW = "klaim_dinas"
S = ClaimStatus


@dataclass
class Pending(FlowState):
    KEY: ClassVar[str] = "claim_step"
    claim: int = 0
    to: str = ""
    amount: int = 0


async def on_button(ctx: Context, person: Person, conv: Conversation, target: str) -> Reply:
    """n|claim:<id>:<step> from a card (authorised by who presses it)."""
    raw_id, _, action = target.partition(":")
    claim_id = row_id(raw_id)
    if claim_id is None:
        return with_note(Msg("button-expired"), await prompt_for(ctx, person, conv))
    if action == "letterok":
        note = await claims.letter_ready(ctx, person, claim_id)
        return with_note(note, await prompt_for(ctx, person, conv))
    if person.role is not Role.ADMIN:
        return with_note(Msg("claim-not-yours"), await prompt_for(ctx, person, conv))
    claim = await ctx.store.claim(claim_id)
    if claim is None:
        return with_note(Msg("claim-not-found"), await prompt_for(ctx, person, conv))
    if action == "letter":
        asked = await claims.ask_letter(ctx, claim, person)
        key = "claim-letter-sent" if asked else "claim-letter-no-lurah"
        return with_note(Msg(key, {"id": claim.id}), await prompt_for(ctx, person, conv))
    if action not in {s.value for s in S}:
        return with_note(Msg("button-expired"), await prompt_for(ctx, person, conv))
    to = S(action)
    if to in (S.PAID, S.REFUSED):  # needs words: ask, in a flow of its own
        if conv.flow != FLOW:
            Resume.mark(conv)
        Pending(claim=claim.id, to=to.value).save(conv)
        conv.flow, conv.step = FLOW, "amount" if to is S.PAID else "reason"
        conv.version += 1
        return _ask(conv)
    return await _done(ctx, person, conv, claim.id, to)


def _ask(conv: Conversation) -> Reply:
    p = Pending.of(conv)
    cancel = button(conv, "btn-cancel", "cancel")
    if conv.step == "children":
        return reply("claim-ask-children", button(conv, "btn-no-children", "none"), cancel,
                     id=p.claim)  # fmt: skip
    return reply(f"claim-ask-{conv.step}", cancel, id=p.claim)


async def _take(ctx: Context, person: Person, conv: Conversation, inp: Input) -> Routed:
    p = Pending.of(conv)
    if conv.step == "amount":
        amount = parse_rupiah(inp.text)
        if amount is None or not MIN_AMOUNT <= amount <= MAX_AMOUNT:
            return [with_note(Msg("claim-err-amount"), _ask(conv))], False
        p.amount = amount
        p.save(conv)
        conv.step = "children"
        conv.version += 1
        return [_ask(conv)], False
    if conv.step == "children":
        years: tuple[int, ...] = ()
        if inp.choice != "none":
            years = birth_years(inp.text, ctx.today.year)
            if not years and inp.text.strip().lower() not in ("tidak ada", "tidak", "none", "-"):
                return [with_note(Msg("claim-err-children"), _ask(conv))], False
        return [await _done(ctx, person, conv, p.claim, S.PAID, amount=p.amount, children=years)
                ], False  # fmt: skip
    # reason
    reason = " ".join(inp.text.split())
    if len(reason) < 3:
        return [with_note(Msg("claim-err-reason"), _ask(conv))], False
    return [await _done(ctx, person, conv, p.claim, S.REFUSED, reason=reason)], False


def birth_years(text: str, this_year: int) -> tuple[int, ...]:
    """Birth years as typed: "2012, 2016" (a child must be under 23 and born already)."""
    out = []
    for word in text.replace(",", " ").replace(";", " ").split():
        if word.isdigit() and this_year - 23 < int(word) <= this_year:
            out.append(int(word))
    return tuple(out)


async def _done(
    ctx: Context, person: Person, conv: Conversation, claim_id: int, to: ClaimStatus,
    **given: object,
) -> Reply:  # fmt: skip
    outcome, claim = await claims.move(ctx, person, claim_id, to, **given)  # type: ignore[arg-type]
    if conv.flow == FLOW:
        Pending.clear(conv)
        Resume.take(conv)
        conv.version += 1
    if outcome is claims.Moved.DONE and claim is not None:
        card = await claims.card(ctx, claim)
        note = Msg(
            "claim-moved", {"id": claim.id, "status": Msg(f"claim-status-{claim.status.value}")}
        )
        return Reply((note, *card.parts), card.buttons)  # fmt: skip
    key = {claims.Moved.NOT_ALLOWED: "claim-not-now", claims.Moved.GONE: "claim-not-found"}.get(
        outcome, "claim-not-yours"
    )
    return with_note(Msg(key, {"id": claim_id}), await prompt_for(ctx, person, conv))


async def _prompt(ctx: Context, person: Person, conv: Conversation) -> Reply:
    return _ask(conv)


async def _cases(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    """/kasus: the open cases, oldest deadline first, each as its card."""
    if person.role is not Role.ADMIN:
        return [with_note(Msg("not-an-admin"), await prompt_for(ctx, person, conv))], False
    open_cases = sorted(await ctx.store.claims(OPEN), key=lambda c: c.due_on)
    if not open_cases:
        return [with_note(Msg("claim-none-open"), await prompt_for(ctx, person, conv))], False
    cards = [await claims.card(ctx, c) for c in open_cases[:10]]
    head = Reply((Msg("claim-open-count", {"count": len(open_cases)}),))
    return [head, *cards], False


async def stop_children(ctx: Context, person: Person, conv: Conversation, target: str) -> Reply:
    """The family says stop to the scholarship reminders of their case."""
    claim_id = row_id(target)
    claim = await ctx.store.claim(claim_id) if claim_id is not None else None
    if claim is None or claim.reporter_id != person.id:
        return with_note(Msg("button-expired"), await prompt_for(ctx, person, conv))
    await ctx.store.stop_children([claim.id])
    await ctx.store.audit(actor=person.id, action="claim.children_stopped", now=ctx.now,
                          after={"claim": claim.id})  # fmt: skip
    return with_note(Msg("claim-children-stopped"), await prompt_for(ctx, person, conv))


DESK = Flow(FLOW, _prompt, _take, commands=(Command("cases", ("kasus",), _cases),))


async def _claim_button(
    ctx: Context, person: Person, conv: Conversation, target: str
) -> list[Reply]:
    return [await on_button(ctx, person, conv, target)]


async def _children_button(
    ctx: Context, person: Person, conv: Conversation, target: str
) -> list[Reply]:
    return [await stop_children(ctx, person, conv, target)]


NOTICES = {"claim": _claim_button, "kidsstop": _children_button}
