"""Officers on SQLAlchemy Core: the console's sign-in links and sessions (using a link is one
conditional UPDATE, so a link works once even if two browsers race), reviewers' invites, and
the audit trail as the Dinas reads it. Mixed into SqlStore; nothing here commits."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, insert, or_, select, update

from bot.db import schema as t
from bot.db.aio import AsyncConnection
from bot.db.rows import aware, record
from handlers.officers import AuditEntry, ConsoleSession, Invite

_l, _s = t.console_links, t.console_sessions


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

    async def console_session(self, digest: str) -> ConsoleSession | None:
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

    # --- invites and the audit trail ---------------------------------------------------------
    async def create_invite(
        self,
        code: str,
        kelurahan_code: str,
        created_by: int | None,
        expires_at: datetime,
        now: datetime,
    ) -> None:
        row = insert(t.invites).values(
            code=code, kelurahan_code=kelurahan_code, created_by=created_by, created_at=now,
            expires_at=expires_at,
        )  # fmt: skip
        await self.conn.execute(row)

    async def invite(self, code: str) -> Invite | None:
        row = (await self.conn.execute(select(t.invites).where(t.invites.c.code == code))).first()
        return record(Invite, row) if row else None

    async def use_invite(self, code: str, person_id: int, now: datetime) -> bool:
        """Single use: only the first redemption of a live invite succeeds."""
        i = t.invites
        res = await self.conn.execute(
            update(i)
            .where(
                i.c.code == code,
                i.c.used_by.is_(None),
                i.c.revoked_at.is_(None),
                i.c.expires_at > now,
            )
            .values(used_by=person_id, used_at=now)
        )
        return res.rowcount == 1

    async def revoke_invite(self, code: str, now: datetime) -> bool:
        i = t.invites
        res = await self.conn.execute(
            update(i)
            .where(i.c.code == code, i.c.used_by.is_(None), i.c.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        return res.rowcount == 1

    async def invites(self) -> list[Invite]:
        q = select(t.invites).order_by(t.invites.c.id.desc())
        return [record(Invite, r) for r in await self.conn.execute(q)]

    async def audit_trail(
        self, ref: str | None, person_id: int | None, limit: int
    ) -> list[AuditEntry]:
        """The newest audit rows, of one nomination (by its reference: one that names none
        has none) and/or one person (as actor or subject)."""
        a, n = t.audit_log, t.nominations
        q = select(a).order_by(a.c.id.desc()).limit(limit)
        if ref is not None:
            q = q.where(a.c.nomination_id == select(n.c.id).where(n.c.ref == ref).scalar_subquery())
        if person_id is not None:
            q = q.where(or_(a.c.actor == person_id, a.c.subject == person_id))
        return [record(AuditEntry, r) for r in await self.conn.execute(q)]

    async def count_audit(self, actor: int, action: str, since: datetime) -> int:
        a = t.audit_log
        q = select(func.count()).where(a.c.actor == actor, a.c.action == action, a.c.at >= since)
        return int((await self.conn.execute(q)).scalar_one())
