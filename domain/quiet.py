"""Quiet hours: broadcasts wait between `start` and `end` (local hours); notices about one's
own nomination are never held back. One rule for the sender that holds the messages and the
status an admin reads, so the two never disagree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class QuietHours:
    start: int = 21
    end: int = 6
    tz: str = "Asia/Jakarta"

    def active(self, now: datetime) -> bool:
        if self.start == self.end:
            return False
        hour = now.astimezone(ZoneInfo(self.tz)).hour
        if self.start < self.end:
            return self.start <= hour < self.end
        return hour >= self.start or hour < self.end

    def ends_after(self, now: datetime) -> datetime:
        local = now.astimezone(ZoneInfo(self.tz))
        end = local.replace(hour=self.end, minute=0, second=0, microsecond=0)
        if end <= local:
            end += timedelta(days=1)
        return end.astimezone(UTC)

    def resumes_at(self, now: datetime) -> str | None:
        """ "06.00" (local) while quiet, else None."""
        if not self.active(now):
            return None
        return self.ends_after(now).astimezone(ZoneInfo(self.tz)).strftime("%H.%M")
