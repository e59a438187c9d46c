"""The participant list (issue 29): import, links by proof, the places counted, the yearly
renewal. Mixed into SqlStore; nothing here commits.

A re-import writes only what changed: the rows are compared by their keyed digest, so sealing
(the slow part: Fernet) happens for new and changed rows only, and 17,500 unchanged rows cost
one read and no write.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, tzinfo
from typing import Any

from sqlalchemy import and_, bindparam, case, func, insert, not_, or_, select, update

from bot.crypto import NikVault
from bot.db import schema as t
from bot.db.aio import AsyncConnection
from bot.db.rows import aware, record
from domain.participants import Diff, Known, ListedRow, canonical
from handlers.participants import Participant

_p, _n = t.participants, t.nominations
CHUNK = 2000  # rows per executemany: well under SQLite's and asyncpg's parameter limits


def _participant(row: Any) -> Participant:
    return record(Participant, row, active=bool(row.active),
                  phone_refused=bool(row.phone_refused))  # fmt: skip


def _values(r: ListedRow, vault: NikVault) -> dict[str, Any]:
    return {
        "b_nik_index": r.nik_index, "sealed": vault.seal(r.secret), "nik_masked": r.nik_masked,
        "hp_index": r.hp_index, "digest": r.digest, "name": r.name,
        "kelurahan_code": r.kelurahan_code, "segment": r.segment, "occupation": r.occupation,
        "b_start": r.start, "b_end": r.end,
    }  # fmt: skip


async def reseal_participants(conn: AsyncConnection, old: NikVault, new: NikVault) -> int:
    """`siaga admin rotate-key`: each row opened with the old key, sealed with the new one, its
    blind indexes and digest recomputed (the clear values are in the sealed token)."""
    rows = (await conn.execute(select(_p))).all()
    for r in rows:
        secret = old.open(r.sealed)
        nik, hp, _ = secret.split(";")
        whole = canonical(secret, r.name, r.kelurahan_code, r.start, r.end, r.segment,
                          r.occupation)  # fmt: skip
        await conn.execute(update(_p).where(_p.c.id == r.id).values(
            sealed=new.seal(secret), nik_index=new.index(nik),
            hp_index=new.index(hp) if hp else None, digest=new.index(whole),
        ))  # fmt: skip
    return len(rows)


class ParticipantQueries:
    conn: AsyncConnection
    vault: NikVault
    listed_seen: bool | None

    # --- import ------------------------------------------------------------------------------
    async def known_participants(self) -> dict[str, Known]:
        q = select(_p.c.nik_index, _p.c.digest, _p.c.active)
        return {r.nik_index: Known(r.digest, bool(r.active)) for r in await self.conn.execute(q)}

    async def apply_participants(
        self, rows: Sequence[ListedRow], change: Diff, known: dict[str, Known], now: datetime
    ) -> None:
        """The list becomes `rows`: new ones inserted, changed and returning ones updated (a
        new end date opens a fresh renewal), those gone ended. Links stay."""
        by_index = {r.nik_index: r for r in rows}
        fresh = [by_index[k] for k in change.added if k not in known]
        again = [by_index[k] for k in (*change.changed, *(k for k in change.added if k in known))]
        for i in range(0, len(fresh), CHUNK):
            chunk = [
                {**{k.removeprefix("b_"): v for k, v in _values(r, self.vault).items()},
                 "active": True, "imported_at": now, "updated_at": now}
                for r in fresh[i : i + CHUNK]
            ]  # fmt: skip
            await self.conn.execute(insert(_p), chunk)
        new_year = _p.c.end != bindparam("b_end")
        stmt = (
            update(_p)
            .where(_p.c.nik_index == bindparam("b_nik_index"))
            .values(
                sealed=bindparam("sealed"), nik_masked=bindparam("nik_masked"),
                hp_index=bindparam("hp_index"), digest=bindparam("digest"),
                name=bindparam("name"), kelurahan_code=bindparam("kelurahan_code"),
                segment=bindparam("segment"), occupation=bindparam("occupation"),
                start=bindparam("b_start"), end=bindparam("b_end"), active=True, updated_at=now,
                renewal=case((new_year, None), else_=_p.c.renewal),
                renewal_reason=case((new_year, None), else_=_p.c.renewal_reason),
                renewal_note=case((new_year, None), else_=_p.c.renewal_note),
                renewal_by=case((new_year, None), else_=_p.c.renewal_by),
                renewal_at=case((new_year, None), else_=_p.c.renewal_at),
                resident_said=case((new_year, None), else_=_p.c.resident_said),
                resident_asked_at=case((new_year, None), else_=_p.c.resident_asked_at),
                escalated_at=case((new_year, None), else_=_p.c.escalated_at),
            )
        )  # fmt: skip
        for i in range(0, len(again), CHUNK):
            await self.conn.execute(stmt, [_values(r, self.vault) for r in again[i : i + CHUNK]])
        for i in range(0, len(change.ended), CHUNK):
            part = change.ended[i : i + CHUNK]
            await self.conn.execute(
                update(_p).where(_p.c.nik_index.in_(part)).values(active=False, updated_at=now)
            )

    async def participant_names(self, indexes: Sequence[str]) -> list[tuple[str, str]]:
        q = select(_p.c.nik_masked, _p.c.name).where(_p.c.nik_index.in_(list(indexes)))
        return [(r.nik_masked, r.name) for r in await self.conn.execute(q.order_by(_p.c.name))]

    # --- one participant -----------------------------------------------------------------------
    async def participant(self, participant_id: int) -> Participant | None:
        row = (await self.conn.execute(select(_p).where(_p.c.id == participant_id))).first()
        return _participant(row) if row else None

    async def participant_of(self, person_id: int) -> Participant | None:
        q = select(_p).where(_p.c.person_id == person_id).order_by(_p.c.end.desc()).limit(1)
        row = (await self.conn.execute(q)).first()
        return _participant(row) if row else None

    async def participant_by_phone(self, phone: str) -> Participant | None:
        """The one active participant the list gives this phone, not yet linked and not
        refused; None when there is none or more than one (a shared family phone is no proof
        of which of them writes)."""
        q = select(_p).where(
            _p.c.hp_index == self.vault.index(phone), _p.c.active.is_(True),
            _p.c.person_id.is_(None), _p.c.phone_refused.is_(False),
        ).limit(2)  # fmt: skip
        rows = (await self.conn.execute(q)).all()
        return _participant(rows[0]) if len(rows) == 1 else None

    async def participant_by_nik(self, nik: str) -> Participant | None:
        q = select(_p).where(_p.c.nik_index == self.vault.index(nik))
        row = (await self.conn.execute(q)).first()
        return _participant(row) if row else None

    async def participant_nik(self, participant_id: int) -> str | None:
        q = select(_p.c.sealed).where(_p.c.id == participant_id)
        sealed = (await self.conn.execute(q)).scalar()
        return self.vault.open(sealed).split(";")[0] if sealed else None

    async def link_participant(
        self, participant_id: int, person_id: int, via: str, now: datetime
    ) -> bool:
        """One account per participant: conditional on none linked yet (a lurah may relink:
        via "lurah" replaces a link)."""
        q = update(_p).where(_p.c.id == participant_id)
        if via != "lurah":
            q = q.where(_p.c.person_id.is_(None))
        res = await self.conn.execute(q.values(person_id=person_id, linked_via=via,
                                               linked_at=now))  # fmt: skip
        return res.rowcount == 1

    async def refuse_phone_link(self, participant_id: int, now: datetime) -> None:
        await self.conn.execute(
            update(_p).where(_p.c.id == participant_id)
            .values(person_id=None, linked_via=None, linked_at=None, phone_refused=True,
                    updated_at=now)
        )  # fmt: skip

    # --- the places ------------------------------------------------------------------------
    async def participants_loaded(self) -> bool:
        # read with the quota in this unit of work when it was (nominations_store.quota)
        if self.listed_seen is not None:
            return self.listed_seen
        return (await self.conn.execute(select(_p.c.id).limit(1))).first() is not None

    async def covered_count(self, on: date) -> int:
        """Covered on `on`: on the list and not marked "not renewed" (that frees its place at
        once, issue 29 item 4), plus those Siaga registered whose NIK the list lacks yet."""
        kept = or_(_p.c.renewal.is_(None), _p.c.renewal != "not_renewed")
        listed = select(func.count()).select_from(_p).where(
            _p.c.active.is_(True), _p.c.start <= on, _p.c.end >= on, kept
        )  # fmt: skip
        on_list = select(_p.c.nik_index).where(_p.c.active.is_(True))
        day_starts = datetime.combine(on, time(), UTC)
        day_ends = datetime.combine(on, time.max, UTC)
        registered = select(func.count()).select_from(_n).where(
            _n.c.status == "registered", _n.c.coverage_start <= day_ends,
            _n.c.coverage_end >= day_starts, not_(_n.c.nik_index.in_(on_list)),
        )  # fmt: skip
        a = (await self.conn.execute(listed)).scalar_one()
        b = (await self.conn.execute(registered)).scalar_one()
        return int(a) + int(b)

    async def waiting_count(self) -> int:
        q = select(func.count()).select_from(_n).where(_n.c.status == "approved")
        return int((await self.conn.execute(q)).scalar_one())

    # --- the renewal -----------------------------------------------------------------------
    async def renewals_due(
        self, kelurahan_code: str | None, opens_before: date, on: date
    ) -> list[Participant]:
        """Active participants whose cover ends between `on` and `opens_before` (the lead
        time ahead), oldest end first."""
        q = select(_p).where(_p.c.active.is_(True), and_(_p.c.end >= on, _p.c.end <= opens_before))
        if kelurahan_code is not None:
            q = q.where(_p.c.kelurahan_code == kelurahan_code)
        rows = await self.conn.execute(q.order_by(_p.c.end, _p.c.name, _p.c.id))
        return [_participant(r) for r in rows]

    async def decide_renewal(
        self, participant_id: int, seen: str | None, now: datetime, **fields: Any
    ) -> bool:
        """Conditional on the decision read (`seen`): two officers on one card, one wins."""
        cond = _p.c.renewal.is_(None) if seen is None else _p.c.renewal == seen
        res = await self.conn.execute(
            update(_p).where(_p.c.id == participant_id, cond).values(updated_at=now, **fields)
        )
        return res.rowcount == 1

    async def renewed(self, kelurahan_code: str | None) -> list[tuple[Participant, str]]:
        """Those the reviewers renewed, with the opened "nik;hp;kpj": the list for BPJS."""
        q = select(_p).where(_p.c.active.is_(True), _p.c.renewal == "renew")
        if kelurahan_code is not None:
            q = q.where(_p.c.kelurahan_code == kelurahan_code)
        rows = await self.conn.execute(q.order_by(_p.c.kelurahan_code, _p.c.name, _p.c.id))
        return [(_participant(r), self.vault.open(r.sealed)) for r in rows]

    async def participant_figures(self) -> list[Participant]:
        rows = await self.conn.execute(select(_p).where(_p.c.active.is_(True)))
        return [_participant(r) for r in rows]

    async def claims_paid_between(self, since: date, until: date, tz: tzinfo) -> int:
        """Claims paid from `since` to `until` (local dates), in rupiah."""
        c = t.claims
        q = select(c.c.paid_at, c.c.amount).where(c.c.status == "paid", c.c.amount.is_not(None))
        total = 0
        for r in await self.conn.execute(q):
            paid = aware(r.paid_at)
            if paid is not None and since <= paid.astimezone(tz).date() <= until:
                total += int(r.amount)
        return total

    async def unlink_person(self, person_id: int) -> None:
        """/hapus: the account's link to a participant goes (the list's row stays)."""
        await self.conn.execute(
            update(_p).where(_p.c.person_id == person_id)
            .values(person_id=None, linked_via=None, linked_at=None)
        )  # fmt: skip

    async def listed_covers(self) -> Sequence[tuple[date, date]]:
        """Every listed cover (start, end): what the city paid premiums for."""
        return [(r.start, r.end) for r in await self.conn.execute(select(_p.c.start, _p.c.end))]
