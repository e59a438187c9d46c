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

from handlers.messages import Button, Msg, Raw, Reply
from handlers.officers import kel_name
from handlers.ports import Context
from handlers.records import Nomination, Person, Role

KIND = "new_nominations"  # the outbox rows of these notices
# after an unread notice, the next waits this long, gathering what comes meanwhile
UNREAD_GAP = timedelta(minutes=15)
LISTED = 5  # references named in a notice; the rest are counted


async def notify_reviewers(ctx: Context, nomination: Nomination) -> int:
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


async def _tell(ctx: Context, reviewer: Person, n: Nomination) -> None:
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


def _one(ctx: Context, n: Nomination) -> Reply:
    return Reply(
        (
            Msg("lurah-new-nomination", {
                "ref": n.ref, "kelurahan": kel_name(ctx, n.kelurahan_code),
                "verdict": Msg(f"verdict-short-{n.verdict}"), "name": Raw(n.name or ""),
            }),
        ),
        (Button(Msg("btn-queue"), "n|queue"),),
    )  # fmt: skip


def _many(ctx: Context, kelurahan: str, count: int, refs: list[str]) -> Reply:
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


async def read_in_queue(ctx: Context, reviewer: Person) -> None:
    """The reviewer opened the queue: a waiting notice would tell them nothing new."""
    if reviewer.role is Role.LURAH:
        await ctx.store.drop_waiting(reviewer, KIND)
