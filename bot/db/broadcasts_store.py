"""Broadcast queries of the Store: audiences, the durable job (one outbox row per recipient),
its progress and cancellation. Mixed into SqlStore; same transaction rules."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import exists, func, insert, null, select, update

from bot.db import schema as t
from bot.db.aio import AsyncConnection
from bot.db.rows import record
from domain.nomination import WAITING_FOR_LURAH
from domain.nomination import NominationStatus as S
from handlers.broadcasts import BroadcastInfo, Recipient
from handlers.core.records import OutboxStatus, Role

WAITING = (S.PENDING.value, S.INFO_REQUESTED.value, S.WAITLISTED.value)
IN_QUEUE = WAITING_FOR_LURAH  # what a lurah still has to decide
APPROVED = (S.APPROVED.value, S.REGISTERED.value)
ACTIVE = (*WAITING, *APPROVED)


class BroadcastQueries:
    conn: AsyncConnection

    async def broadcast_recipients(
        self, audience: str, kelurahan_code: str | None
    ) -> list[Recipient]:
        p, n, c = t.people, t.nominations, t.conversations
        cols = (p.c.id, p.c.channel, p.c.external_id, p.c.role, p.c.locale,
                p.c.broadcast_opt_in, p.c.blocked)  # fmt: skip
        latest_kel = (
            select(n.c.kelurahan_code).where(n.c.person_id == p.c.id)
            .order_by(n.c.id.desc()).limit(1).scalar_subquery()
        )  # fmt: skip
        latest_name = (
            select(n.c.name).where(n.c.person_id == p.c.id)
            .order_by(n.c.id.desc()).limit(1).scalar_subquery()
        )  # fmt: skip
        q: Any
        if audience in ("lurah", "lurah_waiting"):
            q = select(*cols, p.c.kelurahan_code.label("kel"), null().label("nm"))
            q = q.where(p.c.role == Role.LURAH.value)
            if audience == "lurah_waiting":
                q = q.where(
                    p.c.kelurahan_code.in_(
                        select(n.c.kelurahan_code).where(n.c.status.in_(IN_QUEUE))
                    )
                )
            if kelurahan_code:
                q = q.where(p.c.kelurahan_code == kelurahan_code)
        elif audience in ("waiting", "approved"):
            statuses = WAITING if audience == "waiting" else APPROVED
            q = (
                select(*cols, n.c.kelurahan_code.label("kel"), n.c.name.label("nm"))
                .join(n, n.c.person_id == p.c.id)
                .where(n.c.status.in_(statuses))
            )
            if kelurahan_code:
                q = q.where(n.c.kelurahan_code == kelurahan_code)
        elif audience == "unfinished":
            has_active = exists().where(n.c.person_id == p.c.id, n.c.status.in_(ACTIVE))
            q = (
                select(*cols, c.c.answers)
                .join(c, c.c.person_id == p.c.id)
                .where(c.c.flow == "check", p.c.role == Role.CITIZEN.value, ~has_active)
            )
        elif audience == "opted_in":
            kel = func.coalesce(p.c.kelurahan_code, latest_kel)
            q = select(*cols, kel.label("kel"), latest_name.label("nm"))
            q = q.where(p.c.broadcast_opt_in.is_(True))
            if kelurahan_code:
                q = q.where(kel == kelurahan_code)
        else:
            raise ValueError(audience)
        out: dict[int, Recipient] = {}
        for r in await self.conn.execute(q.order_by(p.c.id)):
            if audience == "unfinished":
                answers = r.answers or {}
                kel_code, name = answers.get("kelurahan"), answers.get("name")
                if kelurahan_code and kel_code != kelurahan_code:
                    continue
            else:
                kel_code, name = r.kel, r.nm
            out.setdefault(r.id, Recipient(
                person_id=r.id, channel=r.channel, external_id=r.external_id,
                role=Role(r.role), locale=r.locale, opt_in=r.broadcast_opt_in,
                blocked=bool(r.blocked), kelurahan_code=kel_code, name=name,
            ))  # fmt: skip
        return list(out.values())

    async def create_broadcast(
        self, *, kind: str, created_by: int | None, audience: str, kelurahan_code: str | None,
        body: str, rows: Sequence[tuple[Recipient, list[dict[str, Any]], str]], now: datetime,
        progress_to: tuple[str, str] | None = None,
    ) -> int:  # fmt: skip
        """The job and one outbox row per recipient, in the caller's transaction: the whole
        audience is queued, or nobody is."""
        res = await self.conn.execute(
            insert(t.broadcasts).values(
                kind=kind,
                created_by=created_by,
                created_at=now,
                audience=audience,
                kelurahan_code=kelurahan_code,
                body=body,
                status="sending",
                total=len(rows),
                progress_channel=progress_to[0] if progress_to else None,
                progress_external_id=progress_to[1] if progress_to else None,
            )
        )
        key = res.inserted_primary_key
        assert key is not None
        bid = int(key[0])
        if rows:
            await self.conn.execute(
                insert(t.outbox),
                [
                    {
                        "person_id": r.person_id,
                        "channel": r.channel,
                        "external_id": r.external_id,
                        "kind": "broadcast",
                        "broadcast_id": bid,
                        "payload": payload,
                        "status": status,
                        "attempts": 0,
                        "next_attempt_at": now,
                        "created_at": now,
                    }
                    for r, payload, status in rows
                ],
            )
        return bid

    async def progress_targets(self, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        """Where each broadcast's live progress message is, and what it last said:
        (channel, external id, message id, last text, admin)."""
        b = t.broadcasts
        rows = await self.conn.execute(select(b).where(b.c.id.in_(list(ids))))
        return {
            r.id: (r.progress_channel, r.progress_external_id, r.progress_message_id,
                   r.progress_text, r.created_by)
            for r in rows
        }  # fmt: skip

    async def update_broadcast(self, broadcast_id: int, values: dict[str, Any]) -> None:
        b = t.broadcasts
        await self.conn.execute(update(b).where(b.c.id == broadcast_id).values(**values))

    async def broadcasts(self, active_only: bool = False, limit: int = 10) -> list[BroadcastInfo]:
        b, o = t.broadcasts, t.outbox
        q = select(b).order_by(b.c.id.desc()).limit(limit)
        if active_only:
            q = q.where(b.c.status == "sending")
        found = list(await self.conn.execute(q))
        counts: dict[int, dict[str, int]] = {r.id: {} for r in found}
        if found:
            cq = (
                select(o.c.broadcast_id, o.c.status, func.count())
                .where(o.c.broadcast_id.in_(list(counts)))
                .group_by(o.c.broadcast_id, o.c.status)
            )
            for bid, status, count in await self.conn.execute(cq):
                counts[bid][status] = int(count)
            # WhatsApp rows waiting for tomorrow's budget of people outside the 24-hour window
            dq = (
                select(o.c.broadcast_id, func.count())
                .where(o.c.broadcast_id.in_(list(counts)), o.c.status == OutboxStatus.PENDING,
                       o.c.last_error == "tier-budget")
                .group_by(o.c.broadcast_id)
            )  # fmt: skip
            for bid, count in await self.conn.execute(dq):
                counts[bid]["tier_budget"] = int(count)
        return [record(BroadcastInfo, r, counts=counts[r.id]) for r in found]

    async def cancel_broadcasts(self, broadcast_id: int | None, now: datetime) -> tuple[int, int]:
        """Cancel what is left of one broadcast (or of all that are sending): (jobs, rows)."""
        b, o = t.broadcasts, t.outbox
        jobs = select(b.c.id).where(b.c.status == "sending")
        if broadcast_id is not None:
            jobs = jobs.where(b.c.id == broadcast_id)
        ids = [int(i) for i in (await self.conn.execute(jobs)).scalars()]
        if not ids:
            return 0, 0
        res = await self.conn.execute(
            update(o)
            .where(o.c.broadcast_id.in_(ids), o.c.status == OutboxStatus.PENDING)
            .values(status=OutboxStatus.CANCELLED)
        )
        await self.conn.execute(
            update(b).where(b.c.id.in_(ids)).values(status="cancelled", finished_at=now)
        )
        return len(ids), int(res.rowcount or 0)
