"""What one attempt to deliver a message came to, whichever path sent it (a reply sent at once,
or an outbox row sent by the sender): one vocabulary for both."""

from __future__ import annotations

from handlers.records import OutboxStatus


class Delivery:
    SENT = "sent"
    BLOCKED = "blocked"  # 403: the person blocked the bot, or never pressed Start
    RETRY = "retry"  # the platform could not be reached or asked us to wait: try again later
    FAILED = "failed"  # refused for good


def row_status(outcome: str) -> OutboxStatus:
    """The outbox row's status after an attempt with this outcome."""
    return OutboxStatus.PENDING if outcome == Delivery.RETRY else OutboxStatus(outcome)
