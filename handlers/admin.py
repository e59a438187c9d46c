"""The Dinas's admins in chat: invite reviewers, list and remove them, set the quota."""

from __future__ import annotations

from datetime import timedelta

from domain.reference import ALPHABET
from domain.roles import Action
from domain.text import row_id
from handlers import review, stats
from handlers.engine import reply
from handlers.flows import Command, Routed
from handlers.messages import Msg, Reply
from handlers.officers import name_of
from handlers.participants import quota as participant_quota
from handlers.ports import Context
from handlers.records import Conversation, Person, Role


def new_invite_code(random_bytes: bytes) -> str:
    return "".join(ALPHABET[b % len(ALPHABET)] for b in random_bytes[:8])


def invite_hint(code: str) -> str:
    """What the audit log keeps of an invite code: its last three characters, enough to tell
    invites apart in a review, never enough to redeem one."""
    return "…" + code[-3:] if len(code) > 3 else "…"


async def create_invite(ctx: Context, actor: Person | None, kelurahan_text: str) -> Reply:
    """/undang Kelun — also used by `siaga admin invite` (actor None: the Dinas's shell)."""
    if actor is not None and not await review.authorise(ctx, actor, Action.INVITE, None):
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


async def reviewers(ctx: Context, actor: Person) -> Reply:
    if not await review.authorise(ctx, actor, Action.LIST_REVIEWERS, None):
        return reply("not-an-admin")
    people = await ctx.store.people_with_role(Role.LURAH)
    if not people:
        return reply("reviewers-none")
    lines = tuple(
        Msg(
            "reviewer-line",
            {
                "id": p.id,
                "channel": p.channel,
                "kelurahan": _kel(ctx, p.kelurahan_code),
                "name": name_of(ctx, p),
            },
        )
        for p in people
    )
    return Reply((Msg("reviewers-title"), *lines))


async def remove_reviewer(ctx: Context, actor: Person, person_id_text: str) -> Reply:
    if not await review.authorise(ctx, actor, Action.REMOVE_REVIEWER, None):
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


async def quota(ctx: Context, actor: Person | None, total_text: str) -> Reply:
    """/kuota shows the period's quota; /kuota 628 sets the city-wide number of places."""
    period = review.period_of(ctx)
    if total_text.strip():
        if actor is not None and not await review.authorise(ctx, actor, Action.SET_QUOTA, None):
            return reply("not-an-admin")
        if not total_text.strip().isdigit() or int(total_text) > 1_000_000:
            return reply("err-quota-number")
        total = int(total_text)
        old = await ctx.store.quota(period)
        await ctx.store.set_quota(period, total, ctx.now)
        await ctx.store.audit(
            actor=actor.id if actor else None, action="quota.set", now=ctx.now,
            before={"total": old[0] if old else None}, after={"total": total, "period": period},
        )  # fmt: skip
    q = await ctx.store.quota(period)
    places = await participant_quota.counted(ctx, q[0] if q else None)  # issue 29
    if places is not None:
        status = reply("quota-status", period=period, total=places.total, used=places.used,
                       left=places.left)  # fmt: skip
        return Reply((*status.parts, participant_quota.made_of(ctx, places, bool(q))))
    if q is None:
        return reply("no-quota-set", ref="-", left="-")
    return reply("quota-status", period=period, total=q[0], used=q[1], left=max(q[0] - q[1], 0))


def _kel(ctx: Context, code: str | None) -> str:
    kel = ctx.program.regions.kelurahan_by_code(code) if code else None
    return kel.name if kel else "-"


# --- the Dinas's commands in chat ---------------------------------------------------------------


async def _invite(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await create_invite(ctx, person, arg)], False


async def _quota(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    if person.role not in (Role.ADMIN, Role.LURAH):
        return [reply("not-an-admin")], False
    return [await quota(ctx, person, arg)], False


async def _reviewers(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await reviewers(ctx, person)], False


async def _unreview(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await remove_reviewer(ctx, person, arg)], False


async def _stats(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await stats.statistics(ctx, person)], False


COMMANDS = (
    Command("invite", ("undang",), _invite),
    Command("quota", ("kuota",), _quota),
    Command("reviewers", ("reviewer",), _reviewers),
    Command("unreview", ("hapus_reviewer",), _unreview),
    Command("stats", ("statistik",), _stats),
)
