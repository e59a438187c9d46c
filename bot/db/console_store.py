"""The web console's sign-in links and sessions. Mixed into SqlStore; nothing here commits.
Using a link is one conditional UPDATE, so a link works once even if two browsers race."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import delete, func, insert, select, update

from bot.db import schema as t
from bot.db.aio import AsyncConnection
from bot.db.rows import aware
from domain.nomination import WAITING_FOR_LURAH as WAITING

_l, _s, _u = t.console_links, t.console_sessions, t.console_uploads
UPLOAD_KEPT = timedelta(days=1)  # a preview not applied by then is checked again from the file
CHUNK = 500  # references per IN (...): well inside every driver's limit on parameters


class ConsoleSession(NamedTuple):
    person_id: int
    role: str
    kelurahan_code: str | None
    csrf: str
    seen_at: datetime


class ConsoleQueries:
    conn: AsyncConnection

    async def add_login_link(
        self, digest: str, person_id: int, now: datetime, expires: datetime
    ) -> None:
        await self.conn.execute(insert(_l).values(
            digest=digest, person_id=person_id, created_at=now, expires_at=expires,
        ))  # fmt: skip

    async def login_link_live(self, digest: str, now: datetime) -> int | None:
        """Whose link this is, while it is unused and unexpired (looking spends nothing)."""
        q = select(_l.c.person_id).where(
            _l.c.digest == digest, _l.c.used_at.is_(None), _l.c.expires_at > now
        )
        found = await self.conn.scalar(q)
        return int(found) if found is not None else None

    async def use_login_link(self, digest: str, now: datetime) -> int | None:
        """The person a valid, unused link signs in (and the link is used up); None for a
        link unknown, expired or used before."""
        q = (
            update(_l)
            .where(_l.c.digest == digest, _l.c.used_at.is_(None), _l.c.expires_at > now)
            .values(used_at=now)
        )
        if await self.conn.write(q, {}) != 1:
            return None
        found = await self.conn.scalar(select(_l.c.person_id).where(_l.c.digest == digest))
        return int(found) if found is not None else None

    async def add_console_session(
        self, digest: str, person_id: int, role: str, kelurahan_code: str | None, csrf: str,
        now: datetime,
    ) -> None:  # fmt: skip
        await self.conn.execute(insert(_s).values(
            digest=digest, person_id=person_id, role=role, kelurahan_code=kelurahan_code,
            csrf=csrf, created_at=now, seen_at=now,
        ))  # fmt: skip

    async def console_session(self, digest: str) -> Any:
        row = (await self.conn.execute(select(_s).where(_s.c.digest == digest))).first()
        if row is None:
            return None
        return ConsoleSession(row.person_id, row.role, row.kelurahan_code, row.csrf,
                              aware(row.seen_at) or datetime.min)  # fmt: skip

    async def touch_console_session(self, digest: str, now: datetime) -> None:
        await self.conn.execute(update(_s).where(_s.c.digest == digest).values(seen_at=now))

    async def end_console_session(self, digest: str) -> None:
        await self.conn.execute(delete(_s).where(_s.c.digest == digest))

    async def end_console_sessions_of(self, person_id: int) -> None:
        """Every console session of a person and their unused sign-in links: their rights
        changed (removed, moved, no longer an admin). Done in the transaction that changes
        the rights, not later at the next request (issue 26 item 8: a reviewer removed and
        invited back before the old cookie was used kept the old session)."""
        await self.conn.execute(delete(_s).where(_s.c.person_id == person_id))
        await self.conn.execute(delete(_l).where(_l.c.person_id == person_id,
                                                 _l.c.used_at.is_(None)))  # fmt: skip

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

    async def purge_uploads(self, now: datetime) -> int:
        """Previews older than UPLOAD_KEPT, never applied (the daily purge: review of the
        issue-26 fixes, finding 3; keep_upload alone deleted them only at the next upload)."""
        res = await self.conn.execute(delete(_u).where(_u.c.created_at < now - UPLOAD_KEPT))
        return int(res.rowcount or 0)

    async def upload(self, upload_id: int, person_id: int, now: datetime) -> Any:
        """The officer's own checked file, if still kept; None otherwise."""
        q = select(_u).where(_u.c.id == upload_id, _u.c.person_id == person_id,
                             _u.c.created_at >= now - UPLOAD_KEPT)  # fmt: skip
        return (await self.conn.execute(q)).first()

    async def drop_upload(self, upload_id: int) -> bool:
        """Whether this call deleted it (two presses of "apply" at once: one does)."""
        return await self.conn.write(delete(_u).where(_u.c.id == upload_id), {}) == 1

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
    ) -> list[Any]:  # fmt: skip
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
        return rows[:limit]

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
