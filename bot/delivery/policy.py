"""One retry policy for every message, a reply sent at once or an outbox row: how long to wait
after an attempt, and when to stop trying."""

from __future__ import annotations

from dataclasses import dataclass

from bot.channels.port import Delivered, Delivery
from handlers.core.records import OutboxStatus


def row_status(outcome: str) -> OutboxStatus:
    """The outbox row's status after an attempt with this outcome."""
    return OutboxStatus.PENDING if outcome == Delivery.RETRY else OutboxStatus(outcome)


@dataclass(frozen=True)
class RetryPolicy:
    first: float = 2.0  # seconds after the first failed attempt, doubling after each
    longest: float = 600.0
    attempts: int = 8  # an outbox row fails for good after this many
    at_once: int = 4  # a reply is tried this many times in a row before the outbox takes it

    def wait(self, attempt: int, result: Delivered) -> float:
        """Seconds before the next attempt (attempt counts from 1): the platform's word when
        it gave one, else exponential backoff."""
        return float(max(result.retry_after, min(self.first * 2 ** (attempt - 1), self.longest)))

    def gives_up(self, attempts: int) -> bool:
        return attempts >= self.attempts


POLICY = RetryPolicy()
