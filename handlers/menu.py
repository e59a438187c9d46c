"""The main menu (the "idle" flow) and the commands that work anywhere: start, menu, cancel,
help, program info, and the reminders opt-in and opt-out."""

from __future__ import annotations

from domain.answers import agrees
from handlers.citizen.form import CheckState
from handlers.engine import Input, button, reply, with_note
from handlers.flows import COMMANDS, Command, Flow, Routed, prompt_for
from handlers.lurah import queue
from handlers.messages import Msg, Reply
from handlers.ports import Context
from handlers.program_info import info_msg
from handlers.records import Conversation, Person, Role
from handlers.understanding import at_the_menu

FLOW = "idle"


def menu(
    ctx: Context, conv: Conversation, note: Msg | None = None, person: Person | None = None
) -> Reply:
    conv.flow, conv.step = FLOW, ""
    if person is not None and person.role is Role.LURAH:
        r = queue.officer_menu(conv)
    else:
        r = reply(
            "menu-resume" if CheckState.of(conv).started else "menu",
            button(conv, "menu-check", "check"),
            button(conv, "menu-status", "status"),
            button(conv, "menu-info", "info"),
            button(conv, "menu-help", "help"),
            button(conv, "menu-report", "report"),
            button(conv, "menu-lang", "lang"),
        )
    return with_note(note, r) if note else r


async def _prompt(ctx: Context, person: Person, conv: Conversation) -> Reply:
    return menu(ctx, conv, person=person)


async def _take(ctx: Context, person: Person, conv: Conversation, inp: Input) -> Routed:
    consented = person.consent_version == ctx.settings.privacy_notice_version
    if person.role is Role.CITIZEN and not consented and agrees(inp.text):
        # "ya udah setuju deh" after "Tidak setuju": the consent question again (N6)
        return await COMMANDS["check"].run(ctx, person, conv, "")
    return await at_the_menu(ctx, person, conv, inp.text)


async def _start(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    if arg:  # a deep link t.me/<bot>?start=<code>: a lurah invite
        return [await queue.redeem(ctx, person, conv, arg)], False
    return [menu(ctx, conv, Msg("welcome"), person)], False


async def _menu(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    return [menu(ctx, conv, person=person)], False


async def _cancel(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    had = conv.flow != FLOW
    conv.answers = {}
    return [menu(ctx, conv, Msg("cancelled" if had else "nothing-to-cancel"), person)], False


async def _help(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    r = with_note(Msg("help"), await prompt_for(ctx, person, conv))
    offer = button(conv, "btn-ask-officer", "officer")  # a person, when the help is not enough
    return [Reply(r.parts, (*r.buttons, offer), r.list_title)], False


async def _info(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    return [with_note(info_msg(ctx), await prompt_for(ctx, person, conv))], False


async def broadcast_choice(ctx: Context, person: Person, conv: Conversation, opt_in: bool) -> Reply:
    """/berhenti and /mulai: reminders and broadcasts are a purpose of their own (UU 27/2022
    Pasal 22(4)); messages about one's own nomination are not affected."""
    person.broadcast_opt_in = opt_in
    await ctx.store.save_person(person)
    await ctx.store.record_consent(
        person.id, "broadcast", ctx.settings.privacy_notice_version, opt_in, ctx.now
    )
    note = Msg("optin-done" if opt_in else "optout-done")
    return with_note(note, await prompt_for(ctx, person, conv))


async def _optout(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await broadcast_choice(ctx, person, conv, False)], False


async def _optin(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await broadcast_choice(ctx, person, conv, True)], False


IDLE = Flow(FLOW, _prompt, _take, commands=(
    Command("start", ("start",), _start),
    Command("menu", ("menu",), _menu),
    Command("cancel", ("batal", "cancel"), _cancel),
    Command("help", ("bantuan", "help", "tolong"), _help),
    Command("info", ("info",), _info, bare=False),
    Command("optout", ("berhenti",), _optout),
    Command("optin", ("mulai",), _optin),
))  # fmt: skip
