"""The participants capability in the chat (issue 29): what /status adds, a shared contact,
"Bukan saya", the lurah's /tautkan. Registered by the router's one table (COMMANDS)."""

from __future__ import annotations

from handlers.flows import Command, Routed
from handlers.messages import Msg, Reply
from handlers.participants import linking
from handlers.ports import Context
from handlers.records import Conversation, Person


async def contact(ctx: Context, person: Person, phone: str) -> Msg:
    return await linking.by_contact(ctx, person, phone)


async def not_me(ctx: Context, person: Person, conv: Conversation) -> Reply:
    return Reply((await linking.not_me(ctx, person),))


def foreign_contact() -> Reply:
    return Reply((linking.someone_elses_contact(),))


async def _link(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    return [Reply((await linking.link_by_lurah(ctx, person, arg),))], False


COMMANDS = (Command("link", ("tautkan",), _link, bare=False),)
