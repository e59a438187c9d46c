"""The main menu (the "idle" flow) and the commands that work anywhere: start, menu, cancel,
help and program info. The menu's buttons are the capabilities' menu entries (a citizen's and
a reviewer's own), in the places they declare."""

from __future__ import annotations

from typing import Any

from handlers.core.capability import (
    Capability,
    Command,
    Context,
    Flow,
    Job,
    MenuEntry,
    Routed,
    prompt_for,
)
from handlers.core.engine import Input, button, reply, with_note
from handlers.core.messages import Msg, Reply
from handlers.core.program_info import info_msg
from handlers.core.records import Conversation, Person, Role
from handlers.core.upkeep import purge

FLOW = "idle"
Ctx = Context[Any]


def menu(
    ctx: Ctx, conv: Conversation, note: Msg | None = None, person: Person | None = None
) -> Reply:
    conv.flow, conv.step = FLOW, ""
    if person is not None and person.role in (Role.LURAH, Role.ADMIN):
        # the Dinas's officers too: a resident tester's "halo" as the Dinas got the
        # citizen's menu and, on "1", the privacy notice of the check
        r = officer_menu(ctx, conv)
    else:
        drafted = any(draft(conv) for draft in ctx.capabilities.drafts)
        r = _buttons(ctx, conv, "menu-resume" if drafted else "menu", officer=False)
    return with_note(note, r) if note else r


def officer_menu(ctx: Ctx, conv: Conversation, key: str = "menu-officer", **args: Any) -> Reply:
    """A reviewer's own menu: their work first, nothing to remember."""
    return _buttons(ctx, conv, key, officer=True, **args)


def _buttons(ctx: Ctx, conv: Conversation, key: str, officer: bool, **args: Any) -> Reply:
    entries = ctx.capabilities.menu(officer)
    return reply(key, *(button(conv, m.label, m.value) for m in entries), **args)


async def _prompt(ctx: Ctx, person: Person, conv: Conversation) -> Reply:
    return menu(ctx, conv, person=person)


async def _take(ctx: Ctx, person: Person, conv: Conversation, inp: Input) -> Routed:
    read = ctx.capabilities.menu_text
    if read is None:
        return [menu(ctx, conv, Msg("button-expired"), person)], False
    return await read(ctx, person, conv, inp.text)


async def _start(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> Routed:
    link = ctx.capabilities.deep_link
    if arg and link is not None:  # a deep link t.me/<bot>?start=<code>: a lurah invite
        return [await link(ctx, person, conv, arg)], False
    return [menu(ctx, conv, Msg("welcome"), person)], False


async def _menu(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> Routed:
    return [menu(ctx, conv, person=person)], False


async def _cancel(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> Routed:
    had = conv.flow != FLOW
    conv.answers = {}
    return [menu(ctx, conv, Msg("cancelled" if had else "nothing-to-cancel"), person)], False


async def _help(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> Routed:
    r = with_note(Msg("help"), await prompt_for(ctx, person, conv))
    offer = button(conv, "btn-ask-officer", "officer")  # a person, when the help is not enough
    return [Reply(r.parts, (*r.buttons, offer), r.list_title)], False


async def _info(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> Routed:
    return [with_note(info_msg(ctx), await prompt_for(ctx, person, conv))], False


IDLE = Flow(FLOW, _prompt, _take, commands=(
    Command("start", ("start",), _start),
    Command("menu", ("menu",), _menu),
    Command("cancel", ("batal", "cancel"), _cancel),
    Command("help", ("bantuan", "help", "tolong"), _help),
    Command("info", ("info",), _info, bare=False),
))  # fmt: skip

# The kernel's own part of the table: the menu itself, help, the program's facts, the purge.
KERNEL = Capability(
    "core", flows=(IDLE,), anywhere=("menu", "cancel"),
    menu=(MenuEntry("menu-info", "info", citizen=30),
          MenuEntry("menu-help", "help", citizen=40, officer=60)),
    jobs=(Job("purge_drafts", purge, hour=2, retention=True),),
)  # fmt: skip
