"""BPJS confirms the approved list (the console's Peserta page, `siaga admin register`): the
references of a confirmation file are checked against the nominations, kept for a preview,
then applied; each approved one becomes a participant covered for a year from the start
date (handlers/nominations/coverage.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from domain.nomination import NominationStatus
from handlers.core.records import Person
from handlers.nominations.coverage import RegisterReport, mark_registered
from handlers.nominations.port import Ctx
from handlers.nominations.records import Nomination, Upload


async def participants(ctx: Ctx) -> list[Nomination]:
    return await ctx.store.with_status(NominationStatus.REGISTERED)


async def statuses(ctx: Ctx, refs: Sequence[str]) -> dict[str, str]:
    """Each known reference's status (batched: a file may hold 20,000 rows)."""
    return await ctx.store.nomination_statuses(refs)


async def keep(
    ctx: Ctx, officer: Person, start: date, good: list[str], bad: list[list[Any]]
) -> int:
    """The officer's checked file, kept for its preview (replacing an earlier one)."""
    return await ctx.store.keep_upload(officer.id, start, good, bad, ctx.now)


async def kept(ctx: Ctx, officer: Person, upload_id: int | None) -> Upload | None:
    """The officer's own checked file, while it is kept (a day)."""
    return await ctx.store.upload(upload_id, officer.id, ctx.now) if upload_id else None


async def purge(ctx: Ctx) -> int:
    """Previews never applied go after a day (the daily purge: review of the issue-26 fixes,
    finding 3)."""
    return await ctx.store.purge_uploads(ctx.now)


async def take(ctx: Ctx, officer: Person, upload_id: int | None) -> Upload | None:
    """The kept file, taken once to be applied: a second press of "apply" finds it gone
    (None). Its references are then registered with `apply`, a batch per unit of work."""
    upload = await kept(ctx, officer, upload_id)
    if upload is None or not await ctx.store.drop_upload(upload.id):
        return None
    return upload


async def apply(ctx: Ctx, refs: list[str], start: date) -> RegisterReport:
    """One batch (coverage.batches) of a taken file's references registered: each batch its
    own unit of work, so the webhooks get the database in between (review of issue 26,
    finding 8: 20,000 references in one unit froze the server)."""
    return await mark_registered(ctx, refs, start)
