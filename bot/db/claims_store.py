"""Claim cases and the registry lists. Mixed into SqlStore; nothing here commits.

A claim moves by one conditional UPDATE (from the status the officer saw), so two officers
pressing "Dibayar" and "Ditolak" at once cannot both win. Registry lists hold only keyed blind
indexes of NIKs; an import replaces a kind's list in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, select, update

from bot.crypto import NikVault
from bot.db import schema as t
from bot.db.aio import AsyncConnection
from bot.db.rows import aware, record
from domain.claims import OPEN, ClaimKind, ClaimStatus
from handlers.claims import Claim

_c, _k = t.claims, t.claim_children
_l, _e = t.registry_lists, t.registry_entries
CHUNK = 5000  # rows per INSERT: well under SQLite's and asyncpg's parameter limits


def _claim(row: Any) -> Claim:
    return record(Claim, row, kind=ClaimKind(row.kind), status=ClaimStatus(row.status),
                  traffic=bool(row.traffic))  # fmt: skip


class ClaimQueries:
    conn: AsyncConnection
    vault: NikVault

    async def open_claim(
        self, *, kind: ClaimKind, event_date: date, relation: str, reporter_id: int | None,
        nomination_id: int | None, kelurahan_code: str | None, named: str | None,
        nik: str | None, traffic: bool, due_on: date, now: datetime,
    ) -> int:  # fmt: skip
        row = insert(_c).values(
            kind=kind.value, status=ClaimStatus.REPORTED.value, event_date=event_date,
            relation=relation, reporter_id=reporter_id, nomination_id=nomination_id,
            kelurahan_code=kelurahan_code, named=named,
            nik_enc=self.vault.seal(nik) if nik else None, traffic=traffic, due_on=due_on,
            created_at=now, updated_at=now,
        )  # fmt: skip
        return int((await self.conn.execute(row.returning(_c.c.id))).scalar_one())

    async def claim(self, claim_id: int) -> Claim | None:
        row = (await self.conn.execute(select(_c).where(_c.c.id == claim_id))).first()
        return _claim(row) if row else None

    async def claims(
        self, statuses: Sequence[ClaimStatus] | None = None, limit: int = 200,
        reporter_id: int | None = None,
    ) -> list[Claim]:  # fmt: skip
        q = select(_c).order_by(_c.c.id.desc()).limit(limit)
        if statuses is not None:
            q = q.where(_c.c.status.in_([s.value for s in statuses]))
        if reporter_id is not None:
            q = q.where(_c.c.reporter_id == reporter_id)
        return [_claim(r) for r in await self.conn.execute(q)]

    async def move_claim(
        self, claim_id: int, seen: ClaimStatus, to: ClaimStatus, now: datetime, **fields: Any
    ) -> bool:
        q = (
            update(_c)
            .where(_c.c.id == claim_id, _c.c.status == seen.value)
            .values(status=to.value, updated_at=now, **fields)
        )
        return (await self.conn.execute(q)).rowcount == 1

    async def mark_claim(self, claim_id: int, **fields: Any) -> None:
        """A note on the case that does not move it (reminded, letter asked)."""
        await self.conn.execute(update(_c).where(_c.c.id == claim_id).values(**fields))

    async def overdue_claims(self, today: date) -> list[Claim]:
        q = select(_c).where(
            _c.c.status.in_([s.value for s in OPEN]), _c.c.due_on < today,
            _c.c.reminded_at.is_(None),
        )  # fmt: skip
        return [_claim(r) for r in await self.conn.execute(q.order_by(_c.c.id))]

    async def add_children(
        self, claim_id: int, children: Sequence[tuple[int, date | None]]
    ) -> None:
        if children:
            await self.conn.execute(insert(_k), [
                {"claim_id": claim_id, "birth_year": year, "next_on": next_on}
                for year, next_on in children
            ])  # fmt: skip

    async def children_due(self, on: date) -> list[tuple[int, int, Claim]]:
        """(child id, birth year, the claim) for each reminder due on or before `on`."""
        q = (
            select(_k.c.id.label("child_id"), _k.c.birth_year, _c)
            .join(_c, _c.c.id == _k.c.claim_id)
            .where(_k.c.next_on.is_not(None), _k.c.next_on <= on)
            .order_by(_k.c.id)
        )
        return [(r.child_id, r.birth_year, _claim(r)) for r in await self.conn.execute(q)]

    async def set_child_next(self, child_id: int, next_on: date | None) -> None:
        await self.conn.execute(update(_k).where(_k.c.id == child_id).values(next_on=next_on))

    async def stop_children(self, claim_ids: Sequence[int]) -> int:
        q = update(_k).where(_k.c.claim_id.in_(claim_ids), _k.c.next_on.is_not(None))
        return (await self.conn.execute(q.values(next_on=None))).rowcount

    async def children_of(self, claim_id: int) -> list[tuple[int, date | None]]:
        q = select(_k.c.birth_year, _k.c.next_on).where(_k.c.claim_id == claim_id)
        return [(r.birth_year, r.next_on) for r in await self.conn.execute(q.order_by(_k.c.id))]

    async def coverage_periods(self) -> list[tuple[datetime, datetime]]:
        """Every participant's cover (start, end): what the city paid premiums for."""
        n = t.nominations
        q = select(n.c.coverage_start, n.c.coverage_end).where(
            n.c.coverage_start.is_not(None), n.c.coverage_end.is_not(None)
        )
        out = []
        for r in await self.conn.execute(q):
            start, end = aware(r.coverage_start), aware(r.coverage_end)
            assert start is not None and end is not None
            out.append((start, end))
        return out

    # --- registry lists -----------------------------------------------------------------
