"""What the handlers need from the outside world, as Protocols that bot/ implements.

One Store is one unit of work (one transaction) for one inbound update: the use case calls
commit() once at the end (DESIGN.md rule 4); repositories never commit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from typing import Any, Protocol

from domain.claims import ClaimKind, ClaimStatus
from domain.nomination import NominationStatus
from domain.program import Program
from domain.quiet import QuietHours
from domain.reading import Reading, Thresholds
from handlers.messages import Media, Reply, UserRef
from handlers.records import (
    BroadcastInfo,
    Claim,
    Conversation,
    Nomination,
    Person,
    Recipient,
    RegistryFacts,
    Role,
    Ticket,
    Unclear,
)


class DuplicateNik(Exception):
    """Another active nomination holds this NIK (the partial unique index said so)."""


class DuplicateRef(Exception):
    """The drawn reference code is taken: draw another."""


class Store(Protocol):
    async def load(
        self, user: UserRef, locale_hint: str, now: datetime, wrote: bool = True
    ) -> tuple[Person, Conversation]: ...
    def messages_released(self) -> int:
        """Messages that waited for the person writing now (load() released them: they go
        before this update's replies)."""
        ...

    async def person(self, user: UserRef, locale_hint: str, now: datetime) -> Person: ...
    async def person_by_id(self, person_id: int) -> Person | None: ...
    async def save_person(self, person: Person) -> None: ...
    async def conversation(self, person_id: int) -> Conversation: ...
    async def save_conversation(self, conv: Conversation, now: datetime) -> None: ...
    async def record_consent(
        self, person_id: int, kind: str, version: str, granted: bool, now: datetime,
        given_via: int | None = None,
    ) -> None: ...  # fmt: skip

    # NIK at rest: encrypted, with a keyed blind index for the duplicate check.
    def seal_nik(self, nik: str) -> str: ...
    def open_nik(self, sealed: str) -> str: ...
    async def active_nomination_for_nik(self, nik: str) -> Nomination | None: ...
    async def add_nomination(
        self, *, ref: str, person_id: int | None, filed_by: int | None, kelurahan_code: str,
        name: str, nik: str, nik_masked: str, answers: dict[str, Any], verdict: str,
        reasons: list[str], priority: int, now: datetime, on_behalf: bool = False,
    ) -> Nomination: ...  # fmt: skip
    async def nominations_of(self, person_id: int) -> list[Nomination]: ...
    async def nomination_by_ref(self, ref: str) -> Nomination | None: ...
    async def forget_person(self, person_id: int, now: datetime) -> None: ...
    async def nomination_by_id(self, nomination_id: int) -> Nomination | None: ...
    async def queue(
        self, kelurahan_code: str, statuses: Sequence[NominationStatus]
    ) -> list[Nomination]: ...
    async def with_status(self, status: NominationStatus) -> list[Nomination]: ...
    async def update_nomination(
        self, nomination: Nomination, now: datetime, **fields: Any
    ) -> None: ...
    # Conditional on the status read (nomination.status): False when another unit of work
    # moved it first (issue 26 item 14).
    async def move_nomination(
        self, nomination: Nomination, to: NominationStatus, now: datetime, **fields: Any
    ) -> bool: ...
    async def last_mover(self, nomination_id: int) -> int | None: ...
    async def count_by_status(self, kelurahan_code: str | None = None) -> dict[str, int]: ...
    async def stats_rows(self) -> list[tuple[str, str, str | None, datetime, datetime | None]]: ...

    # The quota: places per period, city-wide ("") and optionally per kelurahan.
    async def quota(self, period: str, kelurahan_code: str = "") -> tuple[int, int] | None: ...
    async def set_quota(
        self, period: str, total: int, now: datetime, kelurahan_code: str = ""
    ) -> None: ...
    async def reserve_place(self, period: str, kelurahan_code: str, now: datetime) -> bool: ...
    async def release_place(self, period: str, kelurahan_code: str, now: datetime) -> None: ...

    async def create_invite(
        self, code: str, kelurahan_code: str, created_by: int | None, expires_at: datetime,
        now: datetime,
    ) -> None: ...  # fmt: skip
    async def invite(self, code: str) -> dict[str, Any] | None: ...
    async def use_invite(self, code: str, person_id: int, now: datetime) -> bool: ...
    async def revoke_invite(self, code: str, now: datetime) -> bool: ...
    async def invites(self) -> list[dict[str, Any]]: ...

    async def people_with_role(
        self, role: Role, kelurahan_code: str | None = None
    ) -> list[Person]: ...
    async def audit(
        self, *, actor: int | None, action: str, now: datetime, nomination_id: int | None = None,
        subject: int | None = None, before: Any = None, after: Any = None,
        outcome: str = "ok", detail: str = "",
    ) -> None: ...  # fmt: skip
    async def count_audit(self, actor: int, action: str, since: datetime) -> int: ...
    # Counted by the account (channel, id) under a keyed HMAC, so erasing the person, which
    # gives the account a new person id, does not reset a daily limit (issue 26).
    async def mark_account(self, person: Person, action: str, now: datetime) -> None: ...
    async def count_account_marks(self, person: Person, action: str, since: datetime) -> int: ...
    async def enqueue(
        self, person: Person, replies: Sequence[Reply], now: datetime, kind: str = "notice",
        about: int | None = None, due: datetime | None = None, held: bool = False,
    ) -> None: ...  # fmt: skip
    # One notice of a kind per person at a time (issue 26 item 16): the unsent one taken out
    # to be queued again with more in it (locked against a second filing at once), when the
    # last one went out unread, and dropping those read some other way. The third value:
    # the one taken was held for the person to write (WhatsApp's window), so is its successor.
    async def take_waiting(
        self, person: Person, kind: str
    ) -> tuple[list[Reply], datetime, bool] | None: ...
    async def unread_since(self, person: Person, kind: str) -> datetime | None: ...
    async def drop_waiting(self, person: Person, kind: str) -> int: ...
    async def claim_update(self, channel: str, update_id: str, now: datetime) -> bool: ...
    async def keep_replies(
        self, person: Person, replies: Sequence[Reply], now: datetime
    ) -> int | None: ...

    async def buttons_sent_since(
        self, person: Person, since: datetime | None
    ) -> list[list[Any]]: ...

    # "Tanya petugas". Ticket words are kept with their long numbers sealed: the use case seals
    # them (seal_text) before it gives them to the ticket methods or an officer's card;
    # officers read them, nothing at rest does.
    def seal_text(self, text: str) -> str: ...
    async def open_ticket(
        self,
        person_id: int,
        kelurahan_code: str | None,
        text: str,
        now: datetime,
        media: Media | None = None,
    ) -> int: ...
    async def keep_media(self, ticket_id: int, media: Media, now: datetime) -> int: ...
    async def kept_media(self, media_id: int) -> Media | None: ...
    async def forget_media(
        self, *, ticket_id: int | None = None, before: datetime | None = None
    ) -> int: ...
    async def media_count(self) -> int: ...
    async def ticket(self, ticket_id: int) -> Ticket | None: ...
    async def live_ticket_of(self, person_id: int) -> Ticket | None: ...
    async def hold_ticket(self, ticket_id: int, officer_id: int, now: datetime) -> bool: ...
    async def held_count(self, officer_id: int) -> int: ...
    async def add_ticket_message(
        self, ticket: Ticket, sender: str, text: str, now: datetime, media: Media | None = None
    ) -> None: ...
    async def close_ticket(self, ticket_id: int, now: datetime) -> bool: ...
    async def release_ticket(self, ticket_id: int, officer_id: int) -> bool: ...
    async def quiet_tickets(self, since: datetime) -> list[Ticket]: ...
    async def unanswered_tickets(self) -> list[Ticket]: ...
    async def mark_escalated(self, ticket_id: int, now: datetime) -> bool: ...
    async def rate_ticket(self, ticket_id: int, person_id: int, rating: int) -> bool: ...
    async def ticket_to_rate(self, person_id: int, since: datetime) -> int | None: ...
    async def live_tickets(self, kelurahan_code: str | None, limit: int = 10) -> list[Ticket]: ...
    async def ticket_figures(self) -> list[Any]: ...
    async def waiting_since(self, before: datetime) -> dict[str, int]: ...
    async def add_login_link(
        self, digest: str, person_id: int, now: datetime, expires: datetime
    ) -> None: ...
    async def end_console_sessions_of(self, person_id: int) -> None: ...

    # Broadcasts: the audience, then one job with one outbox row per recipient.
    async def broadcast_recipients(
        self, audience: str, kelurahan_code: str | None
    ) -> list[Recipient]: ...
    async def queue_sizes(self) -> dict[str, int]: ...
    async def approved_since(self, since: datetime) -> int: ...
    async def create_broadcast(
        self, *, kind: str, created_by: int | None, audience: str, kelurahan_code: str | None,
        body: str, rows: Sequence[tuple[Recipient, list[dict[str, Any]], str]], now: datetime,
        progress_to: tuple[str, str] | None = None,
    ) -> int: ...  # fmt: skip
    async def broadcasts(
        self, active_only: bool = False, limit: int = 10
    ) -> list[BroadcastInfo]: ...
    async def cancel_broadcasts(
        self, broadcast_id: int | None, now: datetime
    ) -> tuple[int, int]: ...

    # When something happens (issue 20): claim cases, and the registry lists' facts
    async def open_claim(
        self, *, kind: ClaimKind, event_date: date, relation: str, reporter_id: int | None,
        nomination_id: int | None, kelurahan_code: str | None, named: str | None,
        nik: str | None, traffic: bool, due_on: date, now: datetime,
    ) -> int: ...  # fmt: skip
    async def claim(self, claim_id: int) -> Claim | None: ...
    async def claims(
        self, statuses: Sequence[ClaimStatus] | None = None, limit: int = 200,
        reporter_id: int | None = None,
    ) -> list[Claim]: ...  # fmt: skip
    async def move_claim(
        self, claim_id: int, seen: ClaimStatus, to: ClaimStatus, now: datetime, **fields: Any
    ) -> bool: ...
    async def mark_claim(self, claim_id: int, **fields: Any) -> None: ...
    async def overdue_claims(self, today: date) -> list[Claim]: ...
    async def add_children(
        self, claim_id: int, children: Sequence[tuple[int, date | None]]
    ) -> None: ...
    async def children_due(self, on: date) -> list[tuple[int, int, Claim]]: ...
    async def set_child_next(self, child_id: int, next_on: date | None) -> None: ...
    async def stop_children(self, claim_ids: Sequence[int]) -> int: ...
    async def children_of(self, claim_id: int) -> list[tuple[int, date | None]]: ...
    async def coverage_periods(self) -> list[tuple[datetime, datetime]]: ...
    async def registry_facts(self, nik: str) -> RegistryFacts: ...
    async def registry_lists(self) -> dict[str, tuple[date, int]]: ...

    # Real messages teach the reader (issue 27): kept masked, labelled by the Dinas, exported
    async def add_unclear(
        self, *, person_id: int, channel: str, place: str, lang: str, text: str,
        reading: str | None, confidence: float | None, chosen: str | None, now: datetime,
    ) -> None: ...  # fmt: skip
    async def unclear_count(self, person_id: int, since: datetime | None = None) -> int: ...
    async def unclear_waiting(
        self, place: str | None, reading: str | None, offset: int, limit: int
    ) -> tuple[list[Unclear], int]: ...
    async def unclear_readings(self) -> list[str | None]: ...
    async def unclear_message(self, message_id: int) -> Unclear | None: ...
    async def label_unclear(
        self, message_id: int, label: str, lang: str, officer_id: int | None, now: datetime
    ) -> bool: ...
    async def drop_unclear(self, message_id: int) -> bool: ...
    async def labelled_unclear(self, since: datetime | None) -> list[Unclear]: ...
    async def labelled_count(self) -> int: ...
    async def purge_unclear(self, cutoff: datetime) -> int: ...
    async def commit(self) -> None: ...


@dataclass(frozen=True)
class Settings:
    """The few settings the handlers read (a plain copy: handlers never see pydantic)."""

    privacy_notice_version: str
    draft_retention_days: int
    admins: frozenset[tuple[str, str]]
    invite_days: int = 7
    quota_period: str = ""  # empty: the calendar year of the check date
    telegram_bot_username: str = ""  # for invite deep links
    # Channels where a business-initiated message needs a recorded yes (WhatsApp's rules)
    opt_in_channels: frozenset[str] = frozenset({"whatsapp"})
    quiet: QuietHours = field(default_factory=QuietHours)  # when broadcasts wait
    console_url: str = "http://127.0.0.1:8080"  # the web console's public address


RandomSource = Callable[[int], bytes]  # os.urandom in production


class Reader(Protocol):
    """The trained reader of typed messages (issue 27; bot/reader): what a message asks for,
    with calibrated confidence, and which language it is written in."""

    thresholds: Thresholds
    language_at: float  # a first message in another language switches the reply at this

    # place: where it was typed (domain.reading.PLACES; "" at the menu or as a first message)
    def read(self, text: str, place: str = "") -> Reading: ...
    def language(self, text: str) -> tuple[str, float]: ...


class NoReader:
    """Reads nothing: every message is not understood (a context built without the model)."""

    thresholds = Thresholds(act=1.01, ask=1.01)
    language_at = 1.01

    def read(self, text: str, place: str = "") -> Reading:
        return Reading()

    def language(self, text: str) -> tuple[str, float]:
        return "id", 0.0


@dataclass(frozen=True)
class Context:
    store: Store
    program: Program
    settings: Settings
    now: datetime  # aware, UTC; the check date is its local date in Asia/Jakarta
    today: Any  # datetime.date in the city's time zone
    random_bytes: RandomSource
    # The words of a message in a locale, for text that must be stored as words (a reason a
    # lurah picked from a list), not re-rendered later.
    render: Callable[[Any, str], str] = lambda msg, locale: str(msg)
    # Draws the statistics chart (PNG bytes); None where no chart library is wired.
    chart: Callable[[Any], bytes] | None = None
    tz: tzinfo = UTC  # the city's time zone: office hours and times shown to people
    reader: Reader = field(default_factory=NoReader)

    @property
    def local(self) -> datetime:
        return self.now.astimezone(self.tz)
