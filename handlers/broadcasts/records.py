"""A broadcast's recipients and its progress, as the port hands them over."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from handlers.core.records import Role


@dataclass(frozen=True)
class Recipient:
    """Someone a broadcast may reach, with what its placeholders need."""

    person_id: int
    channel: str
    external_id: str
    role: Role
    locale: str
    opt_in: bool | None
    blocked: bool
    kelurahan_code: str | None
    name: str | None


@dataclass(frozen=True)
class BroadcastInfo:
    id: int
    kind: str
    audience: str
    kelurahan_code: str | None
    status: str  # sending | done | cancelled
    total: int
    created_at: datetime
    counts: dict[str, int] = field(default_factory=dict)  # outbox rows by status
