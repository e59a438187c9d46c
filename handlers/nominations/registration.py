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


async def apply(ctx: Ctx, officer: Person, upload_id: int | None) -> RegisterReport | None:
    """The kept file's good references registered, and the file gone; None: not kept."""
    upload = await kept(ctx, officer, upload_id)
    if upload is None:
        return None
    report = await mark_registered(ctx, list(upload.good), upload.start)
    await ctx.store.drop_upload(upload.id)
    return report
