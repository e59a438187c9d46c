"""Nominations and their review on SQLAlchemy Core: the nominations (one active per NIK, a
partial unique index), the quota (one conditional UPDATE a place), the registry lists (blind
indexes), the console's views, a checked BPJS file. Mixed into SqlStore; nothing here
commits."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from bot.crypto import NikVault
from bot.db import schema as t
from bot.db.aio import AsyncConnection
from bot.db.rows import aware, record
from domain.nomination import WAITING_FOR_LURAH as WAITING
from domain.nomination import NominationStatus
from domain.nomination import NominationStatus as S
from handlers import nominations as nom

_u, _l, _e = t.console_uploads, t.registry_lists, t.registry_entries
UPLOAD_KEPT = timedelta(days=1)  # a preview not applied by then is checked again from the file
CHUNK = 500  # references (or list rows) per statement: well inside every driver's limit
IN_QUEUE = WAITING  # what a lurah still has to decide
APPROVED = (S.APPROVED.value, S.REGISTERED.value)


def _nomination(row: Any) -> nom.Nomination:
    return record(
        nom.Nomination, row, answers=row.answers or {}, reasons=row.reasons or [],
        status=NominationStatus(row.status),
        on_behalf=bool(getattr(row, "on_behalf", False)),
    )  # fmt: skip


def active_by_index(nik_index: str) -> Any:
    """The active nomination holding a NIK. The status condition is written exactly as the
    partial unique index's WHERE: SQLite uses a partial index only for a term identical to it
    (an IN list in another order made this a full table scan, found by bench/conversation.py)."""
    return select(t.nominations).where(t.nominations.c.nik_index == nik_index, text(t.ACTIVE_SQL))


class NominationQueries:
    conn: AsyncConnection
    vault: NikVault

    # --- nominations ---------------------------------------------------------------------------

    async def active_nomination_for_nik(self, nik: str) -> nom.Nomination | None:
        row = (await self.conn.execute(active_by_index(self.vault.index(nik)))).first()
        return _nomination(row) if row else None

    async def add_nomination(
        self,
        *,
        ref: str,
        person_id: int | None,
        filed_by: int | None,
        kelurahan_code: str,
        name: str,
        nik: str,
        nik_masked: str,
        answers: dict[str, Any],
        verdict: str,
        reasons: list[str],
        priority: int,
        now: datetime,
        on_behalf: bool = False,
    ) -> nom.Nomination:
        values = {
            "ref": ref,
            "person_id": person_id,
            "filed_by": filed_by,
            "kelurahan_code": kelurahan_code,
            "name": name,
            "nik_enc": self.vault.seal(nik),
            "nik_index": self.vault.index(nik),
            "nik_masked": nik_masked,
            "answers": answers,
            "verdict": verdict,
            "reasons": reasons,
            "priority": priority,
            "status": NominationStatus.PENDING.value,
            "created_at": now,
            "updated_at": now,
            "on_behalf": on_behalf,
        }
        try:
            res = await self._guarded(insert(t.nominations).values(**values))
        except IntegrityError as exc:
            text = str(exc.orig).lower()
            if "nik_index" in text or "uq_nominations_active_nik" in text:
                raise nom.DuplicateNik from exc
            if "ref" in text:
                raise nom.DuplicateRef from exc
            raise
        pk = res.inserted_primary_key
        assert pk is not None
        return _nomination(
            SimpleNamespace(
                id=pk[0], status_note=None, coverage_start=None, coverage_end=None, **values
            )
        )

    async def _guarded(self, stmt: Any) -> Any:
        """Run a statement that may hit a unique constraint, keeping the transaction usable.
        PostgreSQL aborts the whole transaction on an error, so it needs a savepoint; SQLite
        only undoes the failed statement, and a savepoint would cost two more round trips."""
        if self.conn.dialect.name == "sqlite":
            return await self.conn.execute(stmt)
        async with self.conn.begin_nested():
            return await self.conn.execute(stmt)

    async def nominations_of(self, person_id: int) -> list[nom.Nomination]:
        q = (
            select(t.nominations)
            .where(t.nominations.c.person_id == person_id)
            .order_by(t.nominations.c.id.desc())
        )
        return [_nomination(r) for r in await self.conn.execute(q)]

    async def nomination_by_ref(self, ref: str) -> nom.Nomination | None:
        row = (
            await self.conn.execute(select(t.nominations).where(t.nominations.c.ref == ref))
        ).first()
        return _nomination(row) if row else None

    async def nomination_by_id(self, nomination_id: int) -> nom.Nomination | None:
        q = select(t.nominations).where(t.nominations.c.id == nomination_id)
        row = (await self.conn.execute(q)).first()
        return _nomination(row) if row else None

    async def queue(
        self, kelurahan_code: str, statuses: Sequence[NominationStatus]
    ) -> list[nom.Nomination]:
        """The review queue: most urgent first (priority from the program rules: DTKS and
        school-age heirs), then the longest waiting."""
        n = t.nominations
        q = (
            select(n)
            .where(
                n.c.kelurahan_code == kelurahan_code, n.c.status.in_([s.value for s in statuses])
            )
            .order_by(n.c.priority.desc(), n.c.created_at, n.c.id)
        )
        return [_nomination(r) for r in await self.conn.execute(q)]

    async def with_status(self, status: NominationStatus) -> list[nom.Nomination]:
        q = select(t.nominations).where(t.nominations.c.status == status.value)
        return [_nomination(r) for r in await self.conn.execute(q.order_by(t.nominations.c.id))]

    async def update_nomination(
        self, nomination: nom.Nomination, now: datetime, **fields: Any
    ) -> None:
        """Fields other than the status (a status changes through move_nomination only)."""
        assert "status" not in fields, "a status changes through move_nomination"
        await self.conn.execute(
            update(t.nominations)
            .where(t.nominations.c.id == nomination.id)
            .values(updated_at=now, **fields)
        )
        for key, value in fields.items():
            if hasattr(nomination, key):
                setattr(nomination, key, value)
        nomination.updated_at = now

    async def move_nomination(
        self, nomination: nom.Nomination, to: NominationStatus, now: datetime, **fields: Any
    ) -> bool:
        """The one way a nomination's status changes: only from the status its decider read
        (`nomination.status`), so of two officers deciding at once exactly one does (issue 26
        item 14; the per-person advisory lock does not keep two officers apart). On
        PostgreSQL the row stays locked until the transaction ends, and a second decider's
        UPDATE waits for it, then finds the status changed and matches nothing. Moving to
        the same status takes the row without changing it (before a quota place is spent)."""
        n = t.nominations
        res = await self.conn.execute(
            update(n)
            .where(n.c.id == nomination.id, n.c.status == nomination.status.value)
            .values(status=to.value, updated_at=now, **fields)
        )
        if res.rowcount != 1:
            return False
        for key, value in fields.items():
            if hasattr(nomination, key):
                setattr(nomination, key, value)
        nomination.status, nomination.updated_at = to, now
        return True

    async def last_mover(self, nomination_id: int) -> int | None:
        """Who made the nomination's latest status change, from the audit log (None: the
        system, or nobody recorded)."""
        a = t.audit_log
        q = (
            select(a.c.actor)
            .where(a.c.nomination_id == nomination_id, a.c.outcome == "ok")
            .where(a.c.action.like("nomination.%"))
            .order_by(a.c.id.desc())
            .limit(1)
        )
        return (await self.conn.execute(q)).scalar()

    async def count_by_status(self, kelurahan_code: str | None = None) -> dict[str, int]:
        n = t.nominations
        q = select(n.c.status, func.count()).group_by(n.c.status)
        if kelurahan_code is not None:
            q = q.where(n.c.kelurahan_code == kelurahan_code)
        return {str(s): int(c) for s, c in await self.conn.execute(q)}

    async def stats_rows(self) -> list[tuple[str, str, str | None, datetime, datetime | None]]:
        """(kelurahan, status, occupation, filed, decided) of every nomination, for statistics."""
        n = t.nominations
        q = select(n.c.kelurahan_code, n.c.status, n.c.answers, n.c.created_at, n.c.decided_at)
        out = []
        for r in await self.conn.execute(q):
            created = aware(r.created_at)
            assert created is not None
            occupation = (r.answers or {}).get("occupation")
            out.append((r.kelurahan_code, r.status, occupation, created, aware(r.decided_at)))
        return out

    async def nomination_nik(self, nomination_id: int) -> str | None:
        """A nomination's NIK, opened: only where an officer asked to see it (audited)."""
        n = t.nominations
        found = await self.conn.scalar(select(n.c.nik_enc).where(n.c.id == nomination_id))
        return self.vault.open(str(found)) if found else None

    async def forget_nominations(self, person_id: int, now: datetime) -> None:
        """UU 27/2022 Pasal 8: erase. Nominations keep only what statistics need; a registered
        participant's record stays (the Pemkot's archive duty, Pasal 15) but loses the link."""
        n = t.nominations
        await self.conn.execute(
            update(n)
            .where(n.c.person_id == person_id, n.c.status != NominationStatus.REGISTERED.value)
            .values(
                name=None,
                nik_enc=None,
                nik_index=None,
                answers={},
                person_id=None,
                status_note=None,
                info_question=None,
                info_answer=None,
                updated_at=now,
            )
        )
        await self.conn.execute(
            update(n).where(n.c.person_id == person_id).values(person_id=None, updated_at=now)
        )

    async def approved_for_export(self, kelurahan_code: str | None) -> list[nom.Approved]:
        """nom.Approved nominations by kelurahan, then in the order they were decided, the NIK
        opened for BPJS (the export audits itself)."""
        n = t.nominations
        q = select(n).where(n.c.status == NominationStatus.APPROVED.value)
        if kelurahan_code:
            q = q.where(n.c.kelurahan_code == kelurahan_code)
        rows = await self.conn.execute(q.order_by(n.c.kelurahan_code, n.c.decided_at, n.c.id))
        return [nom.Approved(r.ref, r.name, self.vault.open(r.nik_enc) if r.nik_enc else "",
                         r.kelurahan_code, r.answers or {}, aware(r.decided_at))
                for r in rows]  # fmt: skip

    # --- the quota ----------------------------------------------------------------------------

    # --- quota -------------------------------------------------------------------------------
    async def quota(self, period: str, kelurahan_code: str = "") -> tuple[int, int] | None:
        q = select(t.quotas.c.total, t.quotas.c.used).where(
            t.quotas.c.period == period, t.quotas.c.kelurahan_code == kelurahan_code
        )
        row = (await self.conn.execute(q)).first()
        return (int(row.total), int(row.used)) if row else None

    async def set_quota(
        self, period: str, total: int, now: datetime, kelurahan_code: str = ""
    ) -> None:
        res = await self.conn.execute(
            update(t.quotas)
            .where(t.quotas.c.period == period, t.quotas.c.kelurahan_code == kelurahan_code)
            .values(total=total, updated_at=now)
        )
        if res.rowcount == 0:
            await self.conn.execute(
                insert(t.quotas).values(
                    period=period,
                    kelurahan_code=kelurahan_code,
                    total=total,
                    used=0,
                    updated_at=now,
                )
            )

    async def reserve_place(self, period: str, kelurahan_code: str, now: datetime) -> bool:
        """Take one place: city-wide, and from the kelurahan's allocation when it has one.
        Each is one conditional UPDATE, atomic in SQLite and PostgreSQL alike."""
        q = t.quotas
        city = await self.conn.execute(
            update(q)
            .where(q.c.period == period, q.c.kelurahan_code == "", q.c.used < q.c.total)
            .values(used=q.c.used + 1, updated_at=now)
        )
        if city.rowcount != 1:
            return False
        if await self.quota(period, kelurahan_code) is not None:
            own = await self.conn.execute(
                update(q)
                .where(
                    q.c.period == period, q.c.kelurahan_code == kelurahan_code, q.c.used < q.c.total
                )
                .values(used=q.c.used + 1, updated_at=now)
            )
            if own.rowcount != 1:
                await self.release_place(period, "", now)  # give the city-wide place back
                return False
        return True

    async def release_place(self, period: str, kelurahan_code: str, now: datetime) -> None:
        q = t.quotas
        for kel in {"", kelurahan_code}:
            await self.conn.execute(
                update(q)
                .where(q.c.period == period, q.c.kelurahan_code == kel, q.c.used > 0)
                .values(used=q.c.used - 1, updated_at=now)
            )

    async def queue_sizes(self) -> dict[str, int]:
        """Nominations a lurah still has to decide, by kelurahan."""
        n = t.nominations
        q = select(n.c.kelurahan_code, func.count()).where(n.c.status.in_(IN_QUEUE))
        rows = await self.conn.execute(q.group_by(n.c.kelurahan_code))
        return {str(k): int(v) for k, v in rows}

    async def approved_since(self, since: datetime) -> int:
        n = t.nominations
        q = select(func.count()).where(n.c.status.in_(APPROVED), n.c.decided_at >= since)
        return int((await self.conn.execute(q)).scalar_one())

    # --- what the console's pages read; a checked BPJS file between preview and apply ---------

    # --- what the console's pages read ----------------------------------------------------------
    async def kelurahan_overview(self) -> dict[str, dict[str, Any]]:
        """Per kelurahan: nominations by status, the oldest still waiting, the last change.
        One grouped scan over the (kelurahan, status) index."""
        n = t.nominations
        q = select(
            n.c.kelurahan_code, n.c.status, func.count(), func.min(n.c.created_at),
            func.max(n.c.updated_at),
        ).group_by(n.c.kelurahan_code, n.c.status)  # fmt: skip
        out: dict[str, dict[str, Any]] = {}
        for kel, status, count, oldest, last in await self.conn.execute(q):
            row = out.setdefault(str(kel), {"counts": {}, "oldest_waiting": None, "last": None})
            row["counts"][str(status)] = int(count)
            if status in WAITING:
                prior = row["oldest_waiting"]
                row["oldest_waiting"] = min(x for x in (prior, aware(oldest)) if x is not None)
            latest = aware(last)
            if latest is not None and (row["last"] is None or latest > row["last"]):
                row["last"] = latest
        return out

    async def nominations_list(
        self, kelurahan_code: str | None, statuses: Sequence[str], occupation: str | None,
        verdict: str | None, limit: int = 100,
    ) -> list[nom.Listed]:  # fmt: skip
        """The console's queue: most urgent first, then the longest waiting."""
        n = t.nominations
        q = select(
            n.c.id, n.c.ref, n.c.name, n.c.kelurahan_code, n.c.status, n.c.verdict,
            n.c.answers, n.c.created_at, n.c.priority,
        ).where(n.c.status.in_(list(statuses)))  # fmt: skip
        if kelurahan_code is not None:
            q = q.where(n.c.kelurahan_code == kelurahan_code)
        if verdict:
            q = q.where(n.c.verdict == verdict)
        q = q.order_by(n.c.priority.desc(), n.c.created_at, n.c.id).limit(limit * 4)
        rows = list(await self.conn.execute(q))
        if occupation:  # in the answers' JSON: filtered here, after the indexed part
            rows = [r for r in rows if (r.answers or {}).get("occupation") == occupation]
        return [record(nom.Listed, r, answers=r.answers or {}) for r in rows[:limit]]

    async def waiting_since(self, before: datetime) -> dict[str, int]:
        """Per kelurahan: nominations waiting for the lurah since before `before`."""
        n = t.nominations
        q = (
            select(n.c.kelurahan_code, func.count())
            .where(n.c.status.in_(WAITING), n.c.created_at < before)
            .group_by(n.c.kelurahan_code)
        )
        return {str(k): int(c) for k, c in await self.conn.execute(q)}

    async def approved_at(self, since: datetime) -> list[datetime]:
        """When each nomination approved since `since` was decided (the weekly chart)."""
        n = t.nominations
        q = select(n.c.decided_at).where(
            n.c.status.in_(("approved", "registered")), n.c.decided_at >= since
        )
        return [d for d in (aware(r[0]) for r in await self.conn.execute(q)) if d is not None]

    # --- a checked BPJS file, between its preview and "apply" ----------------------------------
    async def nomination_statuses(self, refs: Sequence[str]) -> dict[str, str]:
        """Each known reference's status, in batches (one query per CHUNK references, not
        one per row: 170,000 rows took 18 s one by one)."""
        n, out = t.nominations, {}
        unique = sorted(set(refs))
        for i in range(0, len(unique), CHUNK):
            q = select(n.c.ref, n.c.status).where(n.c.ref.in_(unique[i : i + CHUNK]))
            out.update({str(r): str(s) for r, s in await self.conn.execute(q)})
        return out

    async def keep_upload(
        self, person_id: int, start: date, good: list[str], bad: list[list[Any]], now: datetime
    ) -> int:
        """The officer's checked file, replacing any earlier one of theirs; old ones go."""
        await self.conn.execute(delete(_u).where(
            (_u.c.person_id == person_id) | (_u.c.created_at < now - UPLOAD_KEPT)
        ))  # fmt: skip
        return int(await self.conn.write(insert(_u).values(
            person_id=person_id, created_at=now, start=start, good=good, bad=bad,
        ), {}))  # fmt: skip

    async def upload(self, upload_id: int, person_id: int, now: datetime) -> nom.Upload | None:
        """The officer's own checked file, if still kept; None otherwise."""
        q = select(_u).where(_u.c.id == upload_id, _u.c.person_id == person_id,
                             _u.c.created_at >= now - UPLOAD_KEPT)  # fmt: skip
        row = (await self.conn.execute(q)).first()
        return nom.Upload(row.id, row.start, list(row.good), list(row.bad)) if row else None

    async def drop_upload(self, upload_id: int) -> bool:
        """Whether this call deleted it (two presses of "apply" at once: one does)."""
        return await self.conn.write(delete(_u).where(_u.c.id == upload_id), {}) == 1

    async def purge_uploads(self, now: datetime) -> int:
        """Previews older than UPLOAD_KEPT, never applied (the daily purge: review of the
        issue-26 fixes, finding 3; keep_upload alone deleted them only at the next upload)."""
        res = await self.conn.execute(delete(_u).where(_u.c.created_at < now - UPLOAD_KEPT))
        return int(res.rowcount or 0)

    # --- registry lists: blind indexes only -----------------------------------------------------

    def nik_index(self, nik: str) -> str:
        return self.vault.index(nik)

    async def registry_facts(self, nik: str) -> nom.RegistryFacts:
        index = self.vault.index(nik)
        lists = {r.kind: r.as_of for r in await self.conn.execute(select(_l))}
        if not lists:
            return nom.RegistryFacts()
        q = select(_e).where(_e.c.nik_index == index, _e.c.kind.in_(list(lists)))
        found = {r.kind: r for r in await self.conn.execute(q)}
        dtks, bpjs = found.get("dtks"), found.get("bpjs")
        return nom.RegistryFacts(
            dtks_as_of=lists.get("dtks"), dtks_found=dtks is not None,
            desil=dtks.desil if dtks is not None else None,
            bpjs_as_of=lists.get("bpjs"), bpjs_segment=bpjs.segment if bpjs is not None else None,
        )  # fmt: skip

    async def registry_lists(self) -> dict[str, tuple[date, int]]:
        return {r.kind: (r.as_of, r.rows) for r in await self.conn.execute(select(_l))}

    async def replace_registry(
        self, kind: str, as_of: date, rows: Iterable[tuple[str, int | None, str | None]],
        now: datetime,
    ) -> int:  # fmt: skip
        """The list `kind` becomes these (blind index, desil, segment) rows."""
        await self.conn.execute(delete(_e).where(_e.c.kind == kind))
        await self.conn.execute(delete(_l).where(_l.c.kind == kind))
        count, chunk = 0, []
        for index, desil, segment in rows:
            chunk.append({"kind": kind, "nik_index": index, "desil": desil, "segment": segment})
            if len(chunk) == CHUNK:
                await self.conn.execute(insert(_e), chunk)
                count, chunk = count + len(chunk), []
        if chunk:
            await self.conn.execute(insert(_e), chunk)
            count += len(chunk)
        await self.conn.execute(
            insert(_l).values(kind=kind, as_of=as_of, rows=count, imported_at=now)
        )
        return count
