"""Cek status: one's own nominations, or another by reference code + last four NIK digits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import ClassVar

from domain.reference import parse_reference
from handlers.core.capability import Command, Flow, Routed
from handlers.core.engine import Input, button, reply
from handlers.core.messages import Button, Msg, Raw, Reply
from handlers.core.names import kel_name
from handlers.core.records import Conversation, Person
from handlers.core.state import FlowState
from handlers.nominations.coverage import cover_msg, covers_on
from handlers.nominations.port import Ctx
from handlers.nominations.records import Nomination

FLOW = "status"


@dataclass
class StatusState(FlowState):
    KEY: ClassVar[str] = "status"
    ref: str = ""  # the reference typed, waiting for the NIK's last four digits


MAX_LOOKUPS_PER_DAY = 5  # reference + last-4 is guessable by brute force; keep it slow
# counted by the account, not the person's id: /hapus gives a new id, and five guesses then
# an erasure, over and over, would walk the 10,000 last-fours (review of issue 26, finding 4)
LOOKUP_FAILED = "status.lookup_failed"


def status_line(ctx: Ctx, n: Nomination) -> Msg:
    args: dict[str, object] = {
        "ref": n.ref,
        "status": Msg(f"status-{n.status.value}"),
        "kelurahan": kel_name(ctx, n.kelurahan_code, n.kelurahan_code),
        "date": n.created_at.strftime("%d-%m-%Y"),
        "nik": n.nik_masked,
    }
    if n.status_note:
        args["note"] = Raw(n.status_note)
        return Msg("status-line-note", args)  # type: ignore[arg-type]
    if n.coverage_start and n.coverage_end:
        args["start"] = n.coverage_start.strftime("%d-%m-%Y")
        args["end"] = n.coverage_end.strftime("%d-%m-%Y")
        return Msg("status-line-covered", args)  # type: ignore[arg-type]
    return Msg("status-line", args)  # type: ignore[arg-type]


async def own(ctx: Ctx, person: Person, conv: Conversation) -> list[Msg]:
    """One's own nominations in /status, with the cover of one covered today, in full."""
    found = await ctx.store.nominations_of(person.id)
    lines: list[Msg] = [Msg("status-own")] if found else []
    for n in found:
        lines.append(status_line(ctx, n))
        if covers_on(n, ctx.today) and ctx.program.claims is not None:
            lines.append(cover_msg(ctx, n, ctx.today))
    return lines


async def start(ctx: Ctx, person: Person, conv: Conversation) -> list[Reply]:
    """What each capability holds of one's own (handlers/table.py: nominations, then claim
    cases …), or, with nothing, the question for a reference to look up."""
    lines = await ctx.capabilities.lines("status", ctx, person, conv)
    conv.flow = FLOW
    if not lines:
        conv.step = "ref"
        return [reply("ask-ref", button(conv, "btn-menu", "menu"))]
    conv.step = "list"
    return [Reply(tuple(lines), _list_buttons(conv))]


def _list_buttons(conv: Conversation) -> tuple[Button, ...]:
    return (button(conv, "btn-other-ref", "other"), button(conv, "btn-menu", "menu"))


def prompt(ctx: Ctx, conv: Conversation) -> Reply:
    if conv.step == "last4":
        return reply("ask-last4", button(conv, "btn-menu", "menu"))
    return reply("ask-ref", button(conv, "btn-menu", "menu"))


async def take(ctx: Ctx, person: Person, conv: Conversation, inp: Input) -> list[Reply]:
    if conv.step == "list":
        if inp.choice == "other":
            conv.step = "ref"
            conv.version += 1
            return [prompt(ctx, conv)]
        return await start(ctx, person, conv)
    if conv.step == "ref":
        ref = parse_reference(inp.text)
        if ref is None:
            return [Reply((Msg("err-ref"), *prompt(ctx, conv).parts), prompt(ctx, conv).buttons)]
        StatusState(ref).save(conv)
        conv.step = "last4"
        conv.version += 1
        return [prompt(ctx, conv)]
    # last4
    digits = "".join(c for c in inp.text if c.isdigit())
    if len(digits) != 4:
        return [Reply((Msg("err-last4"), *prompt(ctx, conv).parts), prompt(ctx, conv).buttons)]
    since = ctx.now - timedelta(days=1)
    tries = await ctx.store.count_account_marks(person, LOOKUP_FAILED, since)
    if tries >= MAX_LOOKUPS_PER_DAY:
        _leave(conv)
        return [reply("err-too-many-lookups", button(conv, "btn-menu", "menu"))]
    ref = StatusState.of(conv).ref
    found = await ctx.store.nomination_by_ref(ref)
    if found is None or found.nik_masked[-4:] != digits:
        await ctx.store.audit(
            actor=person.id, action=LOOKUP_FAILED, now=ctx.now, outcome="refused", detail=ref,
        )  # fmt: skip
        await ctx.store.mark_account(person, LOOKUP_FAILED, ctx.now)
        conv.step = "ref"
        conv.version += 1
        return [
            Reply((Msg("err-ref-not-found"), *prompt(ctx, conv).parts), prompt(ctx, conv).buttons)
        ]
    _leave(conv)
    return [Reply((status_line(ctx, found),), (button(conv, "btn-menu", "menu"),))]


def _leave(conv: Conversation) -> None:
    conv.flow, conv.step = "idle", ""
    StatusState.clear(conv)
    conv.version += 1


async def _prompt(ctx: Ctx, person: Person, conv: Conversation) -> Reply:
    if conv.step in ("ref", "last4"):
        return prompt(ctx, conv)
    # after the list, its two buttons are the question: a typed "1" is "Cek usulan lain",
    # not the menu's first entry (findings A5/N4)
    return Reply((Msg("status-list-next"),), _list_buttons(conv))


async def _take(ctx: Ctx, person: Person, conv: Conversation, inp: Input) -> Routed:
    return await take(ctx, person, conv, inp), False


async def _status(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> Routed:
    return await start(ctx, person, conv), False


STATUS = Flow(FLOW, _prompt, _take, commands=(Command("status", ("status",), _status, bare=False),))
