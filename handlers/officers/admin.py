"""Reviewers and their invites: the Dinas invites (/undang, the console, `siaga admin
invite`), lists and removes reviewers; a lurah joins with the invite's code (/lurah CODE, or
the deep link t.me/<bot>?start=CODE)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from domain.reference import ALPHABET
from domain.roles import Action
from domain.text import row_id
from handlers.core.capability import Command, Routed
from handlers.core.engine import reply
from handlers.core.menu import officer_menu
from handlers.core.messages import Msg, Reply
from handlers.core.names import kel_name, name_of
from handlers.core.records import Conversation, Person, Role
from handlers.core.rights import authorise
from handlers.officers.port import Ctx
from handlers.officers.records import Invite

INVITE_TRIES = 5  # wrong codes a person may try per hour, then "later" (a code has 32^8 values)


def new_invite_code(random_bytes: bytes) -> str:
    return "".join(ALPHABET[b % len(ALPHABET)] for b in random_bytes[:8])


def invite_hint(code: str) -> str:
    """What the audit log keeps of an invite code: its last three characters, enough to tell
    invites apart in a review, never enough to redeem one."""
    return "…" + code[-3:] if len(code) > 3 else "…"


async def create_invite(ctx: Ctx, actor: Person | None, kelurahan_text: str) -> Reply:
    """/undang Kelun — also used by `siaga admin invite` (actor None: the Dinas's shell)."""
    if actor is not None and not await authorise(ctx, actor, Action.INVITE, None):
        return reply("not-an-admin")
    kel = ctx.program.regions.kelurahan_named(kelurahan_text)
    if kel is None or not kelurahan_text.strip():
        return reply("err-invite-kelurahan", text=kelurahan_text[:40])
    code = new_invite_code(ctx.random_bytes(8))
    expires = ctx.now + timedelta(days=ctx.settings.invite_days)
    await ctx.store.create_invite(code, kel.code, actor.id if actor else None, expires, ctx.now)
    await ctx.store.audit(
        actor=actor.id if actor else None, action="invite.created", now=ctx.now,
        after={"kelurahan": kel.code, "expires": expires.isoformat()}, detail=invite_hint(code),
    )  # fmt: skip
    username = ctx.settings.telegram_bot_username
    days = ctx.settings.invite_days
    if username:
        link = f"https://t.me/{username}?start={code}"
        return reply("invite-created", code=code, kelurahan=kel.name, days=days, link=link)
    return reply("invite-created-code", code=code, kelurahan=kel.name, days=days)


async def invites(ctx: Ctx) -> list[Invite]:
    """Every invite, newest first (the console lists the live ones, the shell all)."""
    return await ctx.store.invites()


async def revoke_invite(ctx: Ctx, actor: Person | None, code: str, who: str = "") -> bool:
    """An invite not used yet stops working (actor None: the Dinas's shell, named `who`)."""
    code = code.strip().upper()
    if not await ctx.store.revoke_invite(code, ctx.now):
        return False
    await ctx.store.audit(actor=actor.id if actor else None, action="invite.revoked",
                          now=ctx.now, detail=f"{invite_hint(code)} {who}".strip())  # fmt: skip
    return True


async def redeem(ctx: Ctx, person: Person, conv: Conversation, code: str) -> Reply:
    code = "".join(code.split()).upper()[:32]  # "8znt pwxz" as read out over the phone
    since = ctx.now - timedelta(hours=1)
    if await ctx.store.count_audit(person.id, "refused.invite", since) >= INVITE_TRIES:
        await ctx.store.audit(
            actor=person.id, action="refused.invite_rate", now=ctx.now, outcome="refused",
            detail=invite_hint(code),
        )  # fmt: skip
        return reply("invite-too-many")
    found = await ctx.store.invite(code) if code else None
    if found is None or not await ctx.store.use_invite(code, person.id, ctx.now):
        await ctx.store.audit(
            actor=person.id, action="refused.invite", now=ctx.now, outcome="refused",
            detail=invite_hint(code),
        )  # fmt: skip
        return reply("invite-invalid")
    before = {"role": person.role.value, "kelurahan": person.kelurahan_code}
    if person.role is not Role.ADMIN:
        person.role = Role.LURAH
    person.kelurahan_code = found.kelurahan_code
    await ctx.store.save_person(person)
    if (person.role.value, person.kelurahan_code) != (before["role"], before["kelurahan"]):
        # moved (or made a reviewer): a console session carries the old rights, so it ends
        await ctx.store.end_console_sessions_of(person.id)
    await ctx.store.audit(
        actor=person.id, action="reviewer.joined", now=ctx.now, subject=person.id, before=before,
        after={"role": person.role.value, "kelurahan": person.kelurahan_code},
        detail=invite_hint(code),
    )  # fmt: skip
    conv.flow, conv.step = "idle", ""
    conv.version += 1
    kelurahan = kel_name(ctx, found.kelurahan_code, found.kelurahan_code)
    welcome = officer_menu(ctx, conv, "invite-welcome", kelurahan=kelurahan)
    return replace(welcome, commands="admin" if person.role is Role.ADMIN else "reviewer")


async def reviewer_people(ctx: Ctx) -> list[Person]:
    return await ctx.store.people_with_role(Role.LURAH)


async def reviewers(ctx: Ctx, actor: Person) -> Reply:
    if not await authorise(ctx, actor, Action.LIST_REVIEWERS, None):
        return reply("not-an-admin")
    people = await ctx.store.people_with_role(Role.LURAH)
    if not people:
        return reply("reviewers-none")
    lines = tuple(
        Msg("reviewer-line", {"id": p.id, "channel": p.channel,
                              "kelurahan": kel_name(ctx, p.kelurahan_code),
                              "name": name_of(ctx, p)})
        for p in people
    )  # fmt: skip
    return Reply((Msg("reviewers-title"), *lines))


async def remove_reviewer(ctx: Ctx, actor: Person, person_id_text: str) -> Reply:
    if not await authorise(ctx, actor, Action.REMOVE_REVIEWER, None):
        return reply("not-an-admin")
    # an id that can exist: "²".isdigit() is True but int("²") raises, and 25 digits overflow
    # the database's integer (issue 26 item 7)
    person_id = row_id(person_id_text)
    target = await ctx.store.person_by_id(person_id) if person_id is not None else None
    if target is None or target.role is not Role.LURAH:
        return reply("err-reviewer-id", id=person_id_text[:12])
    before = {"role": target.role.value, "kelurahan": target.kelurahan_code}
    target.role, target.kelurahan_code = Role.CITIZEN, None
    await ctx.store.save_person(target)
    await ctx.store.end_console_sessions_of(target.id)  # their console closes now, with this
    await ctx.store.audit(
        actor=actor.id, action="reviewer.removed", now=ctx.now, subject=target.id, before=before,
        after={"role": "citizen"},
    )  # fmt: skip
    return reply("reviewer-removed", id=target.id)


# --- in chat ------------------------------------------------------------------------------------


async def _invite(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await create_invite(ctx, person, arg)], False


async def _reviewers(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await reviewers(ctx, person)], False


async def _unreview(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await remove_reviewer(ctx, person, arg)], False


async def _redeem(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await redeem(ctx, person, conv, arg)], False


COMMANDS = (
    Command("invite", ("undang",), _invite),
    Command("reviewers", ("reviewer",), _reviewers),
    Command("unreview", ("hapus_reviewer",), _unreview),
    Command("lurah", ("lurah",), _redeem),
)
