"""The web console's door for officers. `/masuk` (or `siaga admin login-link`) gives a one-time
link, valid 10 minutes, to a lurah or the Dinas; pressing its Masuk button spends it and opens
a session. The link's token and the session's cookie are shown once and only their digests are
kept; a session carries the person's role and kelurahan as they were when it opened, ends
after 30 idle minutes, and ends at once when either changes (or SIAGA_ADMINS no longer names
them)."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, replace
from datetime import timedelta

from handlers.core.capability import Command, Routed
from handlers.core.engine import reply
from handlers.core.messages import Raw, Reply, UserRef
from handlers.core.records import Conversation, Person, Role
from handlers.officers.port import Ctx

LINK_MINUTES = 10
IDLE = timedelta(minutes=30)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token(ctx: Ctx) -> str:
    return base64.urlsafe_b64encode(ctx.random_bytes(32)).decode().rstrip("=")


async def login_link(ctx: Ctx, person: Person) -> str | None:
    """A fresh link for an officer; None for anyone else (a citizen has no console)."""
    if person.role not in (Role.LURAH, Role.ADMIN):
        return None
    token = new_token(ctx)
    await ctx.store.add_login_link(digest(token), person.id, ctx.now,
                                   ctx.now + timedelta(minutes=LINK_MINUTES))  # fmt: skip
    await ctx.store.audit(actor=person.id, action="console.link", now=ctx.now)
    return f"{ctx.settings.console_url}/konsol/masuk/{token}"


async def sign_in(ctx: Ctx, person: Person) -> Reply:
    link = await login_link(ctx, person)
    if link is None:
        return reply("console-not-for-you")
    # never previewed: a platform's preview fetcher would open the link before the officer
    return replace(reply("console-link", link=Raw(link), minutes=LINK_MINUTES),
                   link_preview=False)  # fmt: skip


async def sign_in_for(ctx: Ctx, user: UserRef) -> Reply:
    """`siaga admin login-link --for CHANNEL:ID`: a link for that account (made when new)."""
    return await sign_in(ctx, await ctx.store.person(user, "", ctx.now))


@dataclass(frozen=True)
class Seat:
    """A signed-in officer, as of this request."""

    person: Person
    csrf: str
    digest: str

    @property
    def kelurahan(self) -> str | None:
        """A lurah's own kelurahan; None for the Dinas (all of them)."""
        return self.person.kelurahan_code if self.person.role is Role.LURAH else None


async def link_owner(ctx: Ctx, token: str) -> Person | None:
    """Whose live link this is; looking spends nothing (the sign-in page's Masuk button)."""
    owner = await ctx.store.login_link_live(digest(token), ctx.now)
    return await ctx.store.person_by_id(owner) if owner is not None else None


async def use_link(ctx: Ctx, token: str) -> str | None:
    """The link spent (once: a second press finds it used) and a session opened for its
    officer, with their rights as SIAGA_ADMINS names them now; returns the session's cookie
    value, or None (no such link, used, expired, or no longer an officer)."""
    person_id = await ctx.store.use_login_link(digest(token), ctx.now)
    person = await ctx.store.person_by_id(person_id) if person_id is not None else None
    if person is not None:
        await ctx.store.follow_admin_setting(person, ctx.now)
    if person is None or person.role not in (Role.LURAH, Role.ADMIN):
        return None
    cookie = new_token(ctx)
    await ctx.store.add_console_session(digest(cookie), person.id, person.role.value,
                                        person.kelurahan_code, new_token(ctx), ctx.now)  # fmt: skip
    await ctx.store.audit(actor=person.id, action="console.signed_in", now=ctx.now,
                          detail="via console")  # fmt: skip
    return cookie


async def seat(ctx: Ctx, cookie: str | None) -> tuple[Seat | None, str]:
    """The officer behind a cookie, or None and why ("" no session, "idle", "changed")."""
    if not cookie:
        return None, ""
    key = digest(cookie)
    row = await ctx.store.console_session(key)
    if row is None:
        return None, ""
    if ctx.now - row.seen_at > IDLE:
        await ctx.store.end_console_session(key)
        return None, "idle"
    person = await ctx.store.person_by_id(row.person_id)
    if person is not None:
        await ctx.store.follow_admin_setting(person, ctx.now)  # SIAGA_ADMINS as it is today
    if (person is None or person.role.value != row.role
            or person.kelurahan_code != row.kelurahan_code
            or person.role not in (Role.LURAH, Role.ADMIN)):  # fmt: skip
        await ctx.store.end_console_session(key)  # rights taken away: this session is over
        return None, "changed"
    await ctx.store.touch_console_session(key, ctx.now)
    return Seat(person, row.csrf, key), ""


async def sign_out(ctx: Ctx, seat: Seat) -> None:
    await ctx.store.end_console_session(seat.digest)
    await ctx.store.audit(actor=seat.person.id, action="console.signed_out", now=ctx.now)


async def _masuk(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await sign_in(ctx, person)], False


COMMANDS = (Command("console", ("masuk", "konsol"), _masuk),)
