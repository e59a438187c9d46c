"""The kernel's daily purge (UU PDP: kept no longer than needed): an unfinished check's
answers after `draft_retention_days` without a message, replies kept for crash safety once
settled (they hold what people answered), and the daily limits' account marks."""

from __future__ import annotations

from datetime import timedelta

from handlers.core.capability import Context
from handlers.core.port import Upkeep

REPLY_RETENTION = timedelta(days=2)  # settled replies kept this long (they hold answers)
ACCOUNT_MARKS_KEPT = timedelta(days=2)  # the daily limits look back one day


async def purge(ctx: Context[Upkeep]) -> int:
    """Returns how many drafts lost their answers."""
    drafts = await ctx.store.purge_stale_drafts(
        ctx.now - timedelta(days=ctx.settings.draft_retention_days)
    )
    await ctx.store.purge_settled_replies(ctx.now - REPLY_RETENTION)
    await ctx.store.purge_account_marks(ctx.now - ACCOUNT_MARKS_KEPT)
    return drafts
