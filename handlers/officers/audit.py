"""The audit log as the Dinas reads it: the newest rows of one nomination and/or one person
(as actor or subject), on the console's Audit page, a nomination's page and `siaga admin
audit`."""

from __future__ import annotations

from handlers.core.records import Person
from handlers.officers.port import Ctx
from handlers.officers.records import AuditEntry


async def trail(
    ctx: Ctx, ref: str | None = None, person_id: int | None = None, limit: int = 200,
    exported_by: Person | None = None,
) -> list[AuditEntry]:  # fmt: skip
    """`ref` a nomination's reference (one that names none: no rows). `exported_by`: the
    officer taking it away as a file, which is audited too."""
    rows = await ctx.store.audit_trail(ref, person_id, limit)
    if exported_by is not None:
        await ctx.store.audit(actor=exported_by.id, action="audit.exported", now=ctx.now,
                              after={"rows": len(rows)})  # fmt: skip
    return rows
