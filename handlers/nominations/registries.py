"""The Dinas's registry lists (DTKS/DTSEN from Dinas Sosial, BPJS TK's active members):
imported whole, replacing the list of that kind, as the blind indexes of their NIKs only.
What a list says of a NIK goes to the officers' copy of a nomination (its card, the console's
reasons), never to the citizen (DESIGN rule 8)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from handlers.nominations.port import Ctx

# (blind index, desil, segment) per row of a list
Row = tuple[str, int | None, str | None]


def index_of(ctx: Ctx) -> Callable[[str], str]:
    """The keyed blind index a list's NIKs are kept as (a reader needs it row by row)."""
    return ctx.store.nik_index


async def replace(ctx: Ctx, kind: str, as_of: date, rows: Iterable[Row], errors: int) -> int:
    """The list of `kind` becomes these rows; returns how many were kept."""
    count = await ctx.store.replace_registry(kind, as_of, rows, ctx.now)
    await ctx.store.audit(actor=None, action=f"registry.{kind}_imported", now=ctx.now,
                          after={"rows": count, "as_of": as_of.isoformat(),
                                 "errors": errors})  # fmt: skip
    return count
