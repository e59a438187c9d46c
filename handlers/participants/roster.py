"""Importing the participant list (issue 29 item 1): what a file would change, then the
change, audited. The file is read by bot/ (bot.participants_file); this compares and writes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from domain.participants import Diff, Known, ListedRow, diff
from handlers.core.capability import Ctx as Context
from handlers.participants.port import port

SHOWN = 20  # people named per kind of change in the report; the rest are counted


@dataclass
class Plan:
    rows: Sequence[ListedRow]
    known: dict[str, Known]
    change: Diff


async def plan(ctx: Context, rows: Sequence[ListedRow]) -> Plan:
    known = await port(ctx).known_participants()
    return Plan(rows, known, diff(known, {r.nik_index: r.digest for r in rows}))


async def named(ctx: Context, indexes: Sequence[str]) -> list[tuple[str, str]]:
    """(masked NIK, name) of the first SHOWN of these, for the Dinas's report."""
    return await port(ctx).participant_names(indexes[:SHOWN])


async def apply(ctx: Context, p: Plan, actor_label: str, source: str) -> Diff:
    await port(ctx).apply_participants(p.rows, p.change, p.known, ctx.now)
    c = p.change
    await ctx.store.audit(
        actor=None, action="participants.imported", now=ctx.now,
        after={"rows": len(p.rows), "added": len(c.added), "changed": len(c.changed),
               "ended": len(c.ended), "same": c.same, "file": source[:80]},
        detail=actor_label,
    )  # fmt: skip
    return c
