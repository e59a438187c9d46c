"""The officers' records as the port hands them over (no ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True, kw_only=True)
class Invite:
    code: str
    kelurahan_code: str
    created_at: datetime
    used_by: int | None = None  # and when: redeemed once
    used_at: datetime | None = None
    expires_at: datetime
    revoked_at: datetime | None = None

    def live(self, now: datetime) -> bool:
        return self.used_by is None and self.revoked_at is None and self.expires_at > now


@dataclass(frozen=True)
class ConsoleSession:
    person_id: int
    role: str
    kelurahan_code: str | None
    csrf: str
    seen_at: datetime


@dataclass(frozen=True, kw_only=True)
class AuditEntry:
    """One row of the audit log: who did what, before and after (never a NIK or a name)."""

    at: datetime
    actor: int | None
    subject: int | None = None  # whom it was done to, when a person
    action: str
    nomination_id: int | None = None
    outcome: str
    before: Any = None
    after: Any = None
    detail: str | None = None
