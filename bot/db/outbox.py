"""The outbox's statements: what is due, claiming a row, writing outcomes, settling replies a
channel sent at once, the WhatsApp status webhook and tier budget, and marking a person who
blocked the bot. Every unit of work passes its connection; nothing here commits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, func, insert, or_, select, update

from bot.db import schema as t
from bot.db.aio import AsyncConnection
from bot.db.locks import take_turn
from bot.db.rows import aware
from handlers.core.records import OutboxStatus

_o, _p = t.outbox, t.people
SETTLED_REPLY = (OutboxStatus.SENT, OutboxStatus.FAILED, OutboxStatus.BLOCKED)

CLAIM = (
    update(_o)
    .where(_o.c.id == bindparam("rid"), _o.c.status == OutboxStatus.PENDING)
    .values(status=OutboxStatus.SENDING, claimed_at=bindparam("at"))
)
# A reply a channel sent at once: settled unless a sender took the row meanwhile.
SETTLE = (
    update(_o)
    .where(_o.c.id == bindparam("rid"), _o.c.status == OutboxStatus.SENDING)
    .values(
        status=bindparam("st"),
        sent_at=bindparam("at"),
        next_attempt_at=bindparam("next"),
        pieces=bindparam("pc"),
    )
)
RESULT = (
    update(_o)
    .where(_o.c.id == bindparam("rid"))
    .values(
        status=bindparam("st"), attempts=bindparam("n"), sent_at=bindparam("at"),
        next_attempt_at=bindparam("next"), last_error=bindparam("err"),
        provider_message_id=bindparam("mid"), template=bindparam("tpl"), pieces=bindparam("pc"),
    )
)  # fmt: skip


async def due(
    conn: AsyncConnection, now: datetime, channels: Sequence[str], quiet: bool, limit: int
) -> list[Any]:
    """Rows to send now, oldest first, with what rendering needs (language, last message)."""
    conditions = [_o.c.status == OutboxStatus.PENDING, _o.c.next_attempt_at <= now,
                  _o.c.channel.in_(list(channels))]  # fmt: skip
    if quiet:
        conditions.append(_o.c.kind != "broadcast")
    q = (
        select(
            _o.c.id, _o.c.channel, _o.c.external_id, _o.c.payload, _o.c.attempts, _o.c.kind,
            _o.c.person_id, _o.c.template, _o.c.pieces, _p.c.locale, _p.c.last_inbound_at,
        )
        .join(_p, _p.c.id == _o.c.person_id)
        .where(*conditions)
        .order_by(_o.c.id)
        .limit(limit)
    )  # fmt: skip
    return list(await conn.execute(q))


async def recover(conn: AsyncConnection, stale: datetime, started: datetime | None = None) -> None:
    """Settle rows a crashed sender left "sending" (a broadcast row is not sent twice: it is
    "unconfirmed"), and broadcast rows to people who opted out since it was queued. Only the
    sender claims broadcast rows and one sender runs (`locks.SenderLock`): a broadcast row
    claimed before this sender `started` was left by one that is gone, and is settled at
    once, not after the lease (issue 26 item 17: the report waited two minutes to say
    "done")."""
    left = and_(_o.c.status == OutboxStatus.SENDING, _o.c.claimed_at < stale)
    gone = left
    if started is not None:
        gone = and_(_o.c.status == OutboxStatus.SENDING,
                    or_(_o.c.claimed_at < stale, _o.c.claimed_at < started))  # fmt: skip
    await conn.execute(
        update(_o)
        .where(gone, _o.c.kind == "broadcast")
        .values(status=OutboxStatus.UNCONFIRMED, last_error="interrupted while sending")
    )
    await conn.execute(
        update(_o).where(left, _o.c.kind != "broadcast").values(status=OutboxStatus.PENDING)
    )
    opted_out = select(_p.c.id).where(_p.c.broadcast_opt_in.is_(False))
    await conn.execute(
        update(_o)
        .where(_o.c.status == OutboxStatus.PENDING, _o.c.kind == "broadcast")
        .where(_o.c.person_id.in_(opted_out))
        .values(status=OutboxStatus.OPTED_OUT)
    )


async def claim(conn: AsyncConnection, row_id: int, now: datetime) -> bool:
    """One conditional UPDATE: only one sender, in any worker, takes a row."""
    return await conn.write(CLAIM, {"rid": row_id, "at": now}) == 1


async def write_results(
    conn: AsyncConnection, results: list[dict[str, Any]], blocked_rows: list[int]
) -> None:
    if results:
        await conn.execute(RESULT, results)
    if blocked_rows:
        sub = select(_o.c.person_id).where(_o.c.id.in_(blocked_rows))
        await conn.execute(update(_p).where(_p.c.id.in_(sub)).values(blocked=True))


async def settle(conn: AsyncConnection, rows: list[dict[str, Any]]) -> None:
    await conn.execute(SETTLE, rows)


async def mark_blocked(conn: AsyncConnection, channel: str, external_id: str) -> None:
    await conn.execute(
        update(_p)
        .where(_p.c.channel == channel, _p.c.external_id == external_id)
        .values(blocked=True)
    )


async def pending_for(conn: AsyncConnection, channel: str, external_id: str) -> list[Any]:
    """A person's waiting messages, oldest first (the console shows them on the next visit)."""
    q = (
        select(_o.c.id, _o.c.payload, _p.c.locale)
        .join(_p, _p.c.id == _o.c.person_id)
        .where(_o.c.channel == channel, _o.c.external_id == external_id)
        .where(_o.c.status == OutboxStatus.PENDING)
        .order_by(_o.c.id)
    )
    return list(await conn.execute(q))


async def mark_sent(conn: AsyncConnection, row_ids: list[int], now: datetime) -> None:
    await conn.execute(
        update(_o).where(_o.c.id.in_(row_ids)).values(status=OutboxStatus.SENT, sent_at=now)
    )


async def by_provider_id(conn: AsyncConnection, message_id: str) -> Any:
    q = select(
        _o.c.id, _o.c.kind, _o.c.template, _o.c.person_id, _o.c.channel, _o.c.external_id,
        _o.c.payload, _o.c.pieces,
        # when the message left: claimed right before the request (sent_at: once recorded)
        func.coalesce(_o.c.claimed_at, _o.c.sent_at).label("went_at"),
    ).where(_o.c.provider_message_id == message_id)  # fmt: skip
    return (await conn.execute(q)).first()


# --- messages that wait for a person to write (WhatsApp's 24-hour window, issue 26 item 9) ------


async def hold(
    conn: AsyncConnection, row: Any, now: datetime, opened_after: datetime,
    news: list[dict[str, Any]], *, told_closed: bool = False, pieces: int = 0,
) -> bool:  # fmt: skip
    """Keep a message until its person writes again, and on the first of a wait add the one
    "news" row (the approved template saying there is news); later ones only wait. The
    person's turn is taken first, so an update of theirs being handled now either came
    before (their last message is then recent: False, the row is due again at once) or
    comes after and finds this row to release. `opened_after`: a message of theirs after
    this time reopened the window (the row is due again at once). `told_closed`: the platform
    refused it just now as outside the window, whatever the stored time says (a refusal
    reported later passes the time it was sent as `opened_after` instead)."""
    await take_turn(conn, row.channel, row.external_id)
    found = (
        await conn.execute(
            select(_p.c.last_inbound_at, _p.c.waiting_since).where(_p.c.id == row.person_id)
        )
    ).first()
    if found is None:
        return False  # erased meanwhile: the row went with them
    last = aware(found.last_inbound_at)
    if not told_closed and last is not None and last > opened_after:
        await conn.execute(
            update(_o).where(_o.c.id == row.id)
            .values(status=OutboxStatus.PENDING, next_attempt_at=now, pieces=pieces)
        )  # fmt: skip
        return False
    await conn.execute(
        update(_o).where(_o.c.id == row.id)
        .values(status=OutboxStatus.WAITING, claimed_at=None, pieces=pieces)
    )  # fmt: skip
    if found.waiting_since is None:
        await conn.execute(update(_p).where(_p.c.id == row.person_id).values(waiting_since=now))
        await conn.execute(insert(_o).values(
            person_id=row.person_id, channel=row.channel, external_id=row.external_id,
            kind="news", payload=news, status=OutboxStatus.PENDING, template=True,
            next_attempt_at=now, created_at=now,
        ))  # fmt: skip
        return True
    # Two senders (PostgreSQL) may hold one person's messages out of their order: the news
    # not sent yet names the oldest message waiting, as it does when they come in order.
    older = select(_o.c.id).where(
        _o.c.person_id == row.person_id, _o.c.status == OutboxStatus.WAITING,
        _o.c.kind != "news", _o.c.id < row.id,
    ).limit(1)  # fmt: skip
    if (await conn.execute(older)).first() is None:
        await conn.execute(
            update(_o).where(_o.c.person_id == row.person_id, _o.c.kind == "news",
                             _o.c.status == OutboxStatus.PENDING).values(payload=news)
        )  # fmt: skip
    return True


async def release(conn: AsyncConnection, person_id: int, now: datetime) -> list[Any]:
    """The person wrote: what waited for them, oldest first, claimed by this worker
    ("sending") to go before the reply to their update; the news template not sent yet is
    no longer needed."""
    waiting = and_(_o.c.person_id == person_id, _o.c.status == OutboxStatus.WAITING)
    rows = list(await conn.execute(
        select(_o.c.id, _o.c.payload, _o.c.pieces, _o.c.person_id, _o.c.about_person)
        .where(waiting).order_by(_o.c.id)
    ))  # fmt: skip
    if rows:
        await conn.execute(
            update(_o).where(waiting).values(status=OutboxStatus.SENDING, claimed_at=now)
        )
    await conn.execute(
        update(_o)
        .where(_o.c.person_id == person_id, _o.c.kind == "news")
        .where(_o.c.status == OutboxStatus.PENDING)
        .values(status=OutboxStatus.CANCELLED)
    )
    await conn.execute(update(_p).where(_p.c.id == person_id).values(waiting_since=None))
    return rows


async def record_delivery(conn: AsyncConnection, row_id: int, values: dict[str, Any]) -> None:
    await conn.execute(update(_o).where(_o.c.id == row_id).values(**values))


async def first_template_reach(
    conn: AsyncConnection, channel: str, since: datetime, now: datetime
) -> dict[int, datetime]:
    """When each person was first reached by a template since `since` (WhatsApp's daily
    tier counts distinct people reached outside the customer-service window)."""
    reached = and_(_o.c.channel == channel, _o.c.template.is_(True), _o.c.sent_at >= since,
                   _o.c.status.in_((OutboxStatus.SENT, OutboxStatus.UNCONFIRMED)))  # fmt: skip
    rows = await conn.execute(
        select(_o.c.person_id, func.min(_o.c.sent_at)).where(reached).group_by(_o.c.person_id)
    )
    return {int(pid): aware(at) or now for pid, at in rows}


async def backlog(conn: AsyncConnection) -> list[Any]:
    """(channel, rows waiting, oldest created) for /metrics."""
    q = (
        select(_o.c.channel, func.count(), func.min(_o.c.created_at))
        .where(_o.c.status.in_((OutboxStatus.PENDING, OutboxStatus.SENDING)))
        .group_by(_o.c.channel)
    )
    return list((await conn.execute(q)).all())


async def running_broadcasts(conn: AsyncConnection) -> list[Any]:
    """(broadcast id, status, rows) of broadcasts still sending, for /metrics."""
    b = t.broadcasts
    q = (
        select(_o.c.broadcast_id, _o.c.status, func.count())
        .join(b, b.c.id == _o.c.broadcast_id)
        .where(b.c.status == "sending")
        .group_by(_o.c.broadcast_id, _o.c.status)
    )
    return list((await conn.execute(q)).all())
