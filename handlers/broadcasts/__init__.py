"""Broadcasts by the Dinas (/siaran, the console's Siaran, `siaga admin broadcast`) and the
weekly quota reminder to every lurah: previewed, queued as one outbox row per recipient,
followed, stoppable.

The public surface others and the doors use; the modules inside are this capability's own."""

from __future__ import annotations

from handlers.broadcasts import broadcast
from handlers.broadcasts.broadcast import (
    AUDIENCES,
    LEFT,
    cancel,
    check_text,
    one,
    preview_parts,
    progress,
    queue_broadcast,
    recent,
)
from handlers.broadcasts.port import BroadcastsStore
from handlers.broadcasts.records import BroadcastInfo, Recipient
from handlers.core.capability import Capability, Job

CAPABILITY = Capability(
    "broadcasts",
    flows=(broadcast.BROADCAST,),
    jobs=(Job("quota_reminder", broadcast.quota_reminder, weekly="quota_reminder"),),
)

__all__ = [
    "AUDIENCES", "CAPABILITY", "LEFT", "BroadcastInfo", "BroadcastsStore", "Recipient",
    "cancel", "check_text", "one", "preview_parts", "progress", "queue_broadcast", "recent",
]  # fmt: skip
