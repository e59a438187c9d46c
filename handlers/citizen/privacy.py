"""UU 27/2022: what Siaga holds about me (/dataku) and deleting it (/hapus)."""

from __future__ import annotations

from datetime import UTC, datetime

from domain.answers import Tri, parse_tri
from domain.nomination import ACTIVE, NominationStatus, can_move
from handlers import claims, learning, review
from handlers.citizen.form import CheckState, masked_phone
from handlers.citizen.status import status_line
from handlers.engine import Input, button, reply
from handlers.flows import Command, Flow, Routed, prompt_for
from handlers.messages import Msg, Raw, Reply
from handlers.ports import Context
from handlers.records import Conversation, Nomination, Person, Role
from handlers.state import Resume

FLOW = "hapus"


async def my_data(ctx: Context, person: Person, conv: Conversation) -> Reply:
    a = CheckState.of(conv)
    parts: list[Msg] = [
        Msg(
            "dataku-person",
            {
                "channel": person.channel,
                "id": Raw(person.external_id),
                "locale": Msg(f"lang-name-{person.locale}"),
                "consent": Msg(
                    "dataku-consent-yes",
                    {
                        "version": person.consent_version,
                        "date": _local(ctx, person.consent_at).strftime("%d-%m-%Y %H.%M"),
                    },
                )
                if person.consent_version and person.consent_at
                else Msg("dataku-consent-no"),
                "broadcast": Msg(
                    "optin-never"
                    if person.broadcast_opt_in is None
                    else "tri-ya"
                    if person.broadcast_opt_in
                    else "tri-tidak"
                ),
            },
        )
    ]
    if a.started or a.kelurahan or a.occupation_done:
        parts.append(
            Msg(
                "dataku-draft",
                {
                    "name": Raw(a.name or "-"),
                    "nik": a.nik_masked or "-",
                    "phone": masked_phone(a.phone) or "-",
                    "days": ctx.settings.draft_retention_days,
                },
            )
        )
    own = await ctx.store.nominations_of(person.id)
    if own:
        parts.append(Msg("dataku-nominations"))
        parts.extend(status_line(ctx, n) for n in own)
    cases = await ctx.store.claims(reporter_id=person.id, limit=20)
    if cases:  # what they reported is data about them too (who reported, when)
        parts.append(Msg("dataku-claims"))
        parts.extend(claims.status_line(ctx, c) for c in cases)
    kept = await ctx.store.unclear_count(person.id)
    if kept:  # masked, but still theirs to know of and to erase (issue 27)
        parts.append(Msg("dataku-unclear", {"count": kept, "days": learning.KEEP_DAYS}))
    parts.append(Msg("dataku-footer"))
    return Reply(tuple(parts))


async def ask_delete(ctx: Context, person: Person, conv: Conversation) -> Reply:
    own = [n for n in await ctx.store.nominations_of(person.id) if n.status in ACTIVE]
    Resume.mark(conv)
    conv.flow, conv.step = FLOW, "confirm"
    conv.version += 1
    key = "hapus-confirm-active" if own else "hapus-confirm"
    refs = ", ".join(n.ref for n in own)
    return reply(
        key,
        button(conv, "btn-delete-yes", "ya"),
        button(conv, "btn-delete-no", "tidak"),
        refs=refs,
    )


async def _withdraw(ctx: Context, person: Person, n: Nomination) -> None:
    """An erased person's nomination leaves the queue; an approved one gives its place back
    to the quota. The kelurahan's reviewers are told, by reference only."""
    # Conditional on the status read (issue 26 item 14): an officer approving at the same
    # moment either finds it withdrawn, or approves first and the place taken is given back
    # here. The erasure always wins: read again and withdraw from whatever it became.
    before = n.status
    while not await ctx.store.move_nomination(n, NominationStatus.WITHDRAWN, ctx.now,
                                              status_note=None):  # fmt: skip
        fresh = await ctx.store.nomination_by_id(n.id)
        if fresh is None or not can_move(fresh.status, NominationStatus.WITHDRAWN):
            return  # decided for good meanwhile (rejected, registered): nothing to withdraw
        n, before = fresh, fresh.status  # all of it: an approval meanwhile set its period
    await ctx.store.audit(
        actor=person.id, action="nomination.withdrawn", now=ctx.now, nomination_id=n.id,
        before={"status": before.value}, after={"status": NominationStatus.WITHDRAWN.value},
        detail="hapus",
    )  # fmt: skip
    note = Reply.of("lurah-withdrawn", ref=n.ref)
    if before is NominationStatus.APPROVED:
        period = n.period or review.period_of(ctx)
        await ctx.store.release_place(period, n.kelurahan_code, ctx.now)
        q = await ctx.store.quota(period)
        left = max(q[0] - q[1], 0) if q else 0
        await ctx.store.audit(
            actor=None, action="quota.released", now=ctx.now, nomination_id=n.id,
            after={"period": period, "left": left}, detail="hapus",
        )  # fmt: skip
        note = Reply.of("lurah-withdrawn-place", ref=n.ref, left=left)
    for reviewer in await ctx.store.people_with_role(Role.LURAH, n.kelurahan_code):
        await ctx.store.enqueue(reviewer, [note], ctx.now)


async def take(
    ctx: Context, person: Person, conv: Conversation, inp: Input
) -> tuple[list[Reply], bool]:
    """Returns the replies and whether the person was deleted (nothing left to save)."""
    choice = inp.choice or str(parse_tri(inp.text) or "")
    if choice == Tri.YES.value:
        for n in await ctx.store.nominations_of(person.id):
            if n.status in ACTIVE and n.status is not NominationStatus.REGISTERED:
                await _withdraw(ctx, person, n)
        await ctx.store.audit(actor=None, action="person.deleted", now=ctx.now, subject=person.id)
        await ctx.store.forget_person(person.id, ctx.now)
        return [Reply.of("hapus-done")], True
    Resume.take(conv)
    conv.version += 1
    return [Reply.of("hapus-cancelled")], False


def _confirm(conv: Conversation) -> Reply:
    return reply("hapus-confirm", button(conv, "btn-delete-yes", "ya"),
                 button(conv, "btn-delete-no", "tidak"), refs="")  # fmt: skip


async def _prompt(ctx: Context, person: Person, conv: Conversation) -> Reply:
    return _confirm(conv)


async def _mydata(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await my_data(ctx, person, conv), await prompt_for(ctx, person, conv)], False


async def _delete(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await ask_delete(ctx, person, conv)], False


PRIVACY = Flow(FLOW, _prompt, take, commands=(
    Command("mydata", ("dataku",), _mydata),
    Command("delete", ("hapus",), _delete),
))  # fmt: skip


def _local(ctx: Context, at: datetime) -> datetime:
    """A stored moment in the city's time (SQLite gives it back without a zone: UTC)."""
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(ctx.tz)
