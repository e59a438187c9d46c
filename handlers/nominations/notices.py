"""Telling reviewers of new nominations: one notice at a time per reviewer (issue 26 item 16).

Telegram delivers one message a second per chat, so a notice per filing made a backlog: 200
filings in 13 s queued 1,600 notices, 200 seconds of them per lurah. Now a filing adds itself
to the reviewer's notice that has not gone yet ("3 usulan baru menunggu: …"), and while the
last notice has gone unread (the reviewer has not written since), the next one waits a while
and gathers what comes meanwhile. Opening the queue reads them all: the waiting notice is
dropped. Nothing is lost: the queue is where the nominations are, the notice only points to it.
"""

from __future__ import annotations

from datetime import timedelta

from domain.nomination import NominationStatus
from handlers.core.messages import Button, Msg, Raw, Reply
from handlers.core.names import kel_name
from handlers.core.records import Person, Role
from handlers.nominations.gaps import alert_filed
from handlers.nominations.port import Ctx, NoticesCtx
from handlers.nominations.records import Nomination

KIND = "new_nominations"  # the outbox rows of these notices
# after an unread notice, the next waits this long, gathering what comes meanwhile
UNREAD_GAP = timedelta(minutes=15)
LISTED = 5  # references named in a notice; the rest are counted


async def notify_reviewers(ctx: NoticesCtx, nomination: Nomination) -> int:
    """Tell the kelurahan's reviewers through the outbox (sent by the sender, not here).
    Reviewers who chose a daily digest get it then instead (issue 5). Returns how many
    reviewers the kelurahan has (0: nobody will see it unless the Dinas is told)."""
    # in the order of their ids, so two filings lock reviewers' notices in one order
    reviewers = await ctx.store.people_with_role(Role.LURAH, nomination.kelurahan_code)
    for reviewer in reviewers:
        if reviewer.digest_hour is not None or reviewer.blocked:
            continue
        await _tell(ctx, reviewer, nomination)
    return len(reviewers)


async def _tell(ctx: NoticesCtx, reviewer: Person, n: Nomination) -> None:
    waiting = await ctx.store.take_waiting(reviewer, KIND)
    if waiting is not None:  # one notice, counting this one too, due when the other was
        replies, due, held = waiting
        count, refs = _gathered(replies)
        note = _many(ctx, n.kelurahan_code, count + 1, [*refs, n.ref][-LISTED:])
        # a notice held outside WhatsApp's window stays held: its news template went already
        await ctx.store.enqueue(reviewer, [note], ctx.now, kind=KIND, due=due, held=held)
        return
    unread = await ctx.store.unread_since(reviewer, KIND)
    later = max(ctx.now, unread + UNREAD_GAP) if unread is not None else None
    # one nomination: named (the notice is erased with the resident, `about`)
    await ctx.store.enqueue(reviewer, [_one(ctx, n)], ctx.now, kind=KIND,
                            about=n.person_id, due=later)  # fmt: skip


def _one(ctx: NoticesCtx, n: Nomination) -> Reply:
    return Reply(
        (
            Msg("lurah-new-nomination", {
                "ref": n.ref, "kelurahan": kel_name(ctx, n.kelurahan_code),
                "verdict": Msg(f"verdict-short-{n.verdict}"), "name": Raw(n.name or ""),
            }),
        ),
        (Button(Msg("btn-queue"), "n|queue"),),
    )  # fmt: skip


def _many(ctx: NoticesCtx, kelurahan: str, count: int, refs: list[str]) -> Reply:
    """Several nominations: counted, the newest named by reference only (no names: the
    notice no longer belongs to one resident)."""
    args: dict[str, int | str | Msg | Raw] = {
        "count": count, "kelurahan": kel_name(ctx, kelurahan), "refs": Raw(", ".join(refs)),
    }  # fmt: skip
    key = "lurah-new-nominations"
    if count > len(refs):
        key, args["more"] = "lurah-new-nominations-more", count - len(refs)
    return Reply((Msg(key, args),), (Button(Msg("btn-queue"), "n|queue"),))


def _gathered(replies: list[Reply]) -> tuple[int, list[str]]:
    """(how many nominations, the references named) of a waiting notice."""
    msg = replies[0].parts[0]
    if msg.key == "lurah-new-nomination":
        return 1, [str(msg.args["ref"])]
    refs = msg.args["refs"]
    named = refs.text.split(", ") if isinstance(refs, Raw) else []
    count = msg.args["count"]
    return int(count) if isinstance(count, int | float | str) else len(named), named


async def read_in_queue(ctx: NoticesCtx, reviewer: Person) -> None:
    """The reviewer opened the queue: a waiting notice would tell them nothing new."""
    if reviewer.role is Role.LURAH:
        await ctx.store.drop_waiting(reviewer, KIND)


async def digests(ctx: Ctx) -> list[str]:
    """A reviewer who chose a daily digest (/notifikasi 7) gets the queue's count at their
    hour, once a day (a day missed while Siaga was down is caught up once). Returns the
    digests sent, by name ("digest:<reviewer>")."""
    sent = []
    local = ctx.local
    for reviewer in await ctx.store.people_with_role(Role.LURAH):
        hour, name = reviewer.digest_hour, f"digest:{reviewer.id}"
        if hour is None or local.hour < hour or reviewer.kelurahan_code is None:
            continue
        last = await ctx.store.job_last_run(name)
        if last is not None and last.astimezone(ctx.tz).date() >= local.date():
            continue
        waiting = await ctx.store.queue(reviewer.kelurahan_code, (NominationStatus.PENDING,))
        if waiting:
            note = Reply(
                (Msg("lurah-digest", {"count": len(waiting),
                                      "kelurahan": kel_name(ctx, reviewer.kelurahan_code, "")}),),
                (Button(Msg("btn-queue"), "n|queue"),),
            )  # fmt: skip
            await ctx.store.enqueue(reviewer, [note], ctx.now)
        await ctx.store.job_ran(name, ctx.now)
        sent.append(name)
    return sent


async def filed(ctx: NoticesCtx, nomination: Nomination) -> bool:
    """A nomination was filed: its kelurahan's reviewers are told, or, where nobody reviews,
    the Dinas at once. Returns whether someone reviews that kelurahan."""
    if await notify_reviewers(ctx, nomination):
        return True
    await alert_filed(ctx, nomination)
    return False
