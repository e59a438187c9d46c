"""The kernel's daily purge (UU PDP: kept no longer than needed): an unfinished check's
answers after `draft_retention_days` without a message, replies kept for crash safety once
settled (they hold what people answered), notices a month after they went, messages that
waited a month for someone to write, and the daily limits' account marks."""

from __future__ import annotations

from datetime import timedelta

from handlers.core.capability import Context
from handlers.core.port import Upkeep

REPLY_RETENTION = timedelta(days=2)  # settled replies kept this long (they hold answers)
ACCOUNT_MARKS_KEPT = timedelta(days=2)  # the daily limits look back one day
# Notices, decisions, news templates: kept a month after they went (a reviewer's card names a
# resident), and a message waits a month at most for someone outside WhatsApp's window
# (review of the issue-26 fixes, finding 3)
NOTICES_KEPT = timedelta(days=30)
WAITING_KEPT = timedelta(days=30)


async def purge(ctx: Context[Upkeep]) -> int:
    """Returns how many drafts lost their answers."""
    drafts = await ctx.store.purge_stale_drafts(
        ctx.now - timedelta(days=ctx.settings.draft_retention_days)
    )
    await ctx.store.purge_settled_replies(ctx.now - REPLY_RETENTION)
    await ctx.store.cancel_old_waits(ctx.now - WAITING_KEPT)  # before: cancelled ones go now
    await ctx.store.purge_settled_messages(ctx.now - NOTICES_KEPT)
    await ctx.store.purge_account_marks(ctx.now - ACCOUNT_MARKS_KEPT)
    return drafts
