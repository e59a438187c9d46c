"""Plain records the handlers read and write through the Store port (no ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from domain.claims import ClaimKind, ClaimStatus
from domain.nomination import NominationStatus


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


@dataclass
class Nomination:
    id: int
    ref: str
    person_id: int | None
    filed_by: int | None
    kelurahan_code: str
    name: str | None
    nik_masked: str
    answers: dict[str, Any]
    verdict: str
    reasons: list[str]
    priority: int
    status: NominationStatus
    status_note: str | None
    created_at: datetime
    updated_at: datetime
    coverage_start: datetime | None = None
    coverage_end: datetime | None = None
    decided_by: int | None = None
    period: str | None = None
    info_question: str | None = None
    info_answer: str | None = None
    on_behalf: bool = False
    coverage_reminded_at: datetime | None = None


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


class TicketStatus(StrEnum):
    OPEN = "open"  # waiting for an officer
    HELD = "held"  # an officer is answering: the citizen's messages go to them
    CLOSED = "closed"


@dataclass
class Ticket:
    """A citizen's question to an officer ("Tanya petugas")."""

    id: int
    person_id: int
    kelurahan_code: str | None
    status: TicketStatus
    held_by: int | None
    messages: list[dict[str, Any]]
    created_at: datetime
    answered_at: datetime | None = None
    closed_at: datetime | None = None
    rating: int | None = None
    last_at: datetime | None = None  # the last word either way
    escalated_at: datetime | None = None

    @property
    def question(self) -> str:
        """The citizen's first words (a media note when the question was a voice note)."""
        return next((m["text"] for m in self.messages if m["from"] == "citizen"), "")


@dataclass
class Claim:
    """A reported death or work accident, followed by the Dinas to the payout (issue 20)."""

    id: int
    kind: ClaimKind
    status: ClaimStatus
    event_date: date
    relation: str  # self | family | other | officer: who reported, towards the participant
    created_at: datetime
    updated_at: datetime
    due_on: date
    traffic: bool = False
    nomination_id: int | None = None
    reporter_id: int | None = None
    named: str | None = None
    nik_enc: str | None = None
    kelurahan_code: str | None = None
    amount: int | None = None
    reason: str | None = None
    reminded_at: datetime | None = None
    letter_asked_at: datetime | None = None
    paid_at: datetime | None = None


@dataclass(frozen=True)
class RegistryFacts:
    """What the Dinas's lists say of one NIK: the list's date, and the entry when found."""

    dtks_as_of: date | None = None  # None: no DTKS/DTSEN list imported
    dtks_found: bool = False
    desil: int | None = None
    bpjs_as_of: date | None = None
    bpjs_segment: str | None = None  # found active in BPJS TK's list: pu | bpu | pemda


@dataclass
class Unclear:
    """A message Siaga did not understand, or read wrongly, as kept: masked (issue 27)."""

    id: int
    person_id: int
    channel: str
    place: str
    lang: str
    text: str
    created_at: datetime
    reading: str | None = None
    confidence: float | None = None
    chosen: str | None = None
    label: str | None = None
    labelled_by: int | None = None
    labelled_at: datetime | None = None
