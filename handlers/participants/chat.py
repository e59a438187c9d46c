"""The participants capability in the chat (issue 29): what /status adds, a shared contact,
"Bukan saya", the lurah's /tautkan, the renewal list /perpanjangan and its buttons. The router
registers COMMANDS and FLOWS and hands it the buttons named in ACTIONS."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from domain.participants import Decision, Reason
from handlers.core.capability import Command, Flow, Routed
from handlers.core.capability import Ctx as Context
from handlers.core.engine import Input, button, reply
from handlers.core.menu import menu
from handlers.core.messages import Msg, Reply
from handlers.core.records import Conversation, Person, Role
from handlers.core.state import FlowState
from handlers.participants import linking, renewal
from handlers.participants.port import port

ACTIONS = ("notme", "renew", "stay")
NOTE_FLOW = "renewal_note"
FLOW = "participant"


# --- /peserta: one's own cover, or how to link the account --------------------------------


async def show(ctx: Context, person: Person, conv: Conversation, note: Msg | None = None) -> Reply:
    conv.flow, conv.step = FLOW, "shown"
    lines, buttons, _ = await linking.own_cover(ctx, person, conv)
    parts = (*((note,) if note else ()), *(lines or [Msg("participant-officer")]))
    return Reply(parts, (*buttons, button(conv, "btn-menu", "menu")))


async def _own(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await show(ctx, person, conv)], False


async def _prompt(ctx: Context, person: Person, conv: Conversation) -> Reply:
    return await show(ctx, person, conv)


async def _take(ctx: Context, person: Person, conv: Conversation, inp: Input) -> Routed:
    if inp.phone:  # Telegram's "share my phone number" (the adapter vouches it is their own)
        note = await linking.by_contact(ctx, person, inp.phone)
        return [await show(ctx, person, conv, note)], False
    conv.flow, conv.step = "idle", ""
    conv.version += 1
    return [menu(ctx, conv)], False


PARTICIPANT = Flow(FLOW, _prompt, _take, commands=(Command("participant", ("peserta",), _own),))


async def in_status(ctx: Context, person: Person, conv: Conversation) -> list[Msg]:
    """/status: one's own cover, only once linked by proof (a WhatsApp number that matches
    links here, and the person is told in a notice they can refuse). Nothing otherwise: the
    same /status as anyone's."""
    lines, _, linked = await linking.own_cover(ctx, person, conv, notify=True)
    return lines if linked else []


async def notice(
    ctx: Context, person: Person, conv: Conversation, action: str, target: str
) -> list[Reply]:
    return [await on_button(ctx, person, conv, action, target)]


async def on_button(
    ctx: Context, person: Person, conv: Conversation, action: str, target: str
) -> Reply:
    """Buttons named by their object (n|notme, n|renew:ID:…, n|stay:ID:yes): authorised by
    who presses them, whatever step the conversation is at."""
    if action == "notme":
        return Reply((await linking.not_me(ctx, person),))
    if action == "stay":
        return Reply((await renewal.resident_answered(ctx, person, target),))
    pid, _, rest = target.partition(":")
    what, _, why = rest.partition(":")
    if not pid.isdigit() or what not in ("renew", "not", "ask"):
        return reply("button-expired")
    p = await port(ctx).participant(int(pid))
    if p is None:
        return reply("button-expired")
    if what == "not" and not why:
        if not renewal.may_decide(person, p):
            return reply("not-a-reviewer")
        return renewal.reasons_card(p)
    if what == "not" and why == Reason.OTHER.value:
        if not renewal.may_decide(person, p):
            return reply("not-a-reviewer")
        NoteState(p.id).save(conv)
        conv.flow, conv.step = NOTE_FLOW, "note"
        conv.version += 1
        return _ask_note(conv)
    decision = {"renew": Decision.RENEW, "not": Decision.NOT_RENEWED, "ask": Decision.ASK}[what]
    reason = Reason(why) if why in {r.value for r in Reason} else None
    return await _decided(ctx, person, p.id, decision, reason, "")


async def _decided(
    ctx: Context, person: Person, pid: int, decision: Decision, reason: Reason | None, note: str
) -> Reply:
    done, p = await renewal.decide(ctx, person, pid, decision, reason, note, via="via chat")
    if done is renewal.Done.FORBIDDEN:
        return reply("not-a-reviewer")
    if p is None or done is renewal.Done.GONE:
        return reply("button-expired")
    if done is renewal.Done.ALREADY:
        return reply("renewal-already", name=p.name)
    if done is renewal.Done.NEEDS:
        return renewal.reasons_card(p)
    linked = Msg("renewal-resident-told" if p.person_id else "renewal-resident-not-linked")
    return Reply((Msg(f"renewal-done-{decision.value}", {"name": p.name}), linked))


@dataclass
class NoteState(FlowState):
    KEY: ClassVar[str] = NOTE_FLOW
    participant: int = 0


def _ask_note(conv: Conversation) -> Reply:
    return reply("renewal-ask-note", button(conv, "btn-cancel", "cancel"))


async def _note_prompt(ctx: Context, person: Person, conv: Conversation) -> Reply:
    return _ask_note(conv)


async def _note_take(ctx: Context, person: Person, conv: Conversation, inp: Input) -> Routed:
    pid = NoteState.of(conv).participant
    text = inp.text.strip()
    if not text:
        return [_ask_note(conv)], False
    NoteState.clear(conv)
    conv.flow, conv.step = "idle", ""
    conv.version += 1
    done = await _decided(ctx, person, pid, Decision.NOT_RENEWED, Reason.OTHER, text)
    return [done, menu(ctx, conv)], False


RENEWAL_NOTE = Flow(NOTE_FLOW, _note_prompt, _note_take)


async def _renewals(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    """/perpanjangan: the lurah's own kelurahan; the Dinas names one, or sees every late one."""
    if person.role not in (Role.LURAH, Role.ADMIN):
        return [reply("not-a-reviewer")], False
    code = person.kelurahan_code if person.role is Role.LURAH else None
    if person.role is Role.ADMIN and arg.strip():
        found = ctx.program.regions.kelurahan_named(arg)
        code = found.code if found else None
    items = await renewal.due(ctx, code)
    if person.role is Role.ADMIN and code is None:
        items = [d for d in items if d.late]  # the Dinas's share: past the deadline
    open_ = [d for d in items if d.participant.renewal in (None, "ask")]
    head = reply("renewal-list-head", open=len(open_), decided=len(items) - len(open_))
    cards = [await renewal.card(ctx, d) for d in open_[: renewal.PAGE]]
    return [head, *cards], False


async def _link(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    return [Reply((await linking.link_by_lurah(ctx, person, arg),))], False


COMMANDS = (
    Command("link", ("tautkan",), _link, bare=False),
    Command("renewals", ("perpanjangan",), _renewals, bare=False),
)
FLOWS = (RENEWAL_NOTE, PARTICIPANT)
