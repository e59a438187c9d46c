"""The kernel's records: a person, their conversation, an outbox row's status (no ORM
objects). Each capability keeps its own records beside its port."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class Role(StrEnum):
    CITIZEN = "citizen"
    LURAH = "lurah"  # a reviewer bound to one kelurahan (the lurah or a staff member)
    ADMIN = "admin"


class OutboxStatus(StrEnum):
    """An outbox row's life: pending → sending → sent | failed | blocked | unconfirmed (a
    sender died mid-request: not sent again); or opted_out | cancelled before it went; or
    waiting (for the person to write again: outside WhatsApp's window) → sending."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    BLOCKED = "blocked"
    UNCONFIRMED = "unconfirmed"
    OPTED_OUT = "opted_out"
    CANCELLED = "cancelled"
    WAITING = "waiting"


@dataclass
class Person:
    id: int
    channel: str
    external_id: str
    role: Role = Role.CITIZEN
    locale: str = "id"
    kelurahan_code: str | None = None  # for reviewers
    consent_version: str | None = None
    consent_at: datetime | None = None
    broadcast_opt_in: bool | None = None  # reminders: None = never asked
    blocked: bool = False
    created_at: datetime | None = None
    digest_hour: int | None = None  # reviewers: None = notify at once
    display_name: str | None = None  # officers only: the name their platform gives

    @property
    def officer(self) -> bool:
        return self.role is not Role.CITIZEN


@dataclass
class Conversation:
    person_id: int
    flow: str = "idle"
    step: str = ""
    answers: dict[str, Any] = field(default_factory=dict)
    version: int = 0  # bumped on every answered step; buttons carry it (see engine.bind)
    misses: int = 0
    updated_at: datetime | None = None
    stored: bool = False  # already in the database (an update, not an insert, on save)
