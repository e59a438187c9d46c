"""`/masuk`: a one-time link into the web console, valid 10 minutes, for a lurah or the Dinas.
The link's token is shown once and only its digest is kept; the session it opens carries the
person's role and kelurahan as they are now (a change of either ends it)."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import replace
from datetime import timedelta

from handlers.core.engine import reply
from handlers.core.flows import Command, Routed
from handlers.core.messages import Raw, Reply
from handlers.core.ports import Context
from handlers.core.records import Conversation, Person, Role

LINK_MINUTES = 10


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def login_link(ctx: Context, person: Person) -> str | None:
    """A fresh link for an officer; None for anyone else (a citizen has no console)."""
    if person.role not in (Role.LURAH, Role.ADMIN):
        return None
    token = base64.urlsafe_b64encode(ctx.random_bytes(32)).decode().rstrip("=")
    await ctx.store.add_login_link(digest(token), person.id, ctx.now,
                                   ctx.now + timedelta(minutes=LINK_MINUTES))  # fmt: skip
    await ctx.store.audit(actor=person.id, action="console.link", now=ctx.now)
    return f"{ctx.settings.console_url}/konsol/masuk/{token}"


async def sign_in(ctx: Context, person: Person) -> Reply:
    link = await login_link(ctx, person)
    if link is None:
        return reply("console-not-for-you")
    # never previewed: a platform's preview fetcher would open the link before the officer
    return replace(reply("console-link", link=Raw(link), minutes=LINK_MINUTES),
                   link_preview=False)  # fmt: skip


async def _masuk(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await sign_in(ctx, person)], False


COMMANDS = (Command("console", ("masuk", "konsol"), _masuk),)
