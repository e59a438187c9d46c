"""What the participants capability (issue 29) needs from storage: its own small port,
implemented by bot/db/participants_store.py."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Any, Protocol, cast

from domain.participants import Diff, Known, ListedRow
from handlers.core.capability import Ctx as Context
from handlers.core.port import Store


@dataclass
class Participant:
    """One person on the participant list, as officers and their own linked account see it
    (never the clear NIK: `nik_masked`)."""

    id: int
    nik_masked: str
    name: str
    kelurahan_code: str
    segment: str
    occupation: str
    start: date
    end: date
    active: bool
    person_id: int | None = None
    linked_via: str | None = None
    phone_refused: bool = False
    renewal: str | None = None
    renewal_reason: str | None = None
    renewal_note: str | None = None
    renewal_by: int | None = None
    renewal_at: datetime | None = None
    resident_said: str | None = None
    resident_asked_at: datetime | None = None
    escalated_at: datetime | None = None

    def covers(self, on: date) -> bool:
        return self.active and self.start <= on <= self.end


class ParticipantStore(Store, Protocol):
    async def known_participants(self) -> dict[str, Known]: ...
    async def apply_participants(
        self, rows: Sequence[ListedRow], change: Diff, known: dict[str, Known], now: datetime
    ) -> None: ...
    async def participant_names(self, indexes: Sequence[str]) -> list[tuple[str, str]]: ...
    async def participant(self, participant_id: int) -> Participant | None: ...
    async def participant_of(self, person_id: int) -> Participant | None: ...
    async def participant_by_phone(self, phone: str) -> Participant | None: ...
    async def participant_by_nik(self, nik: str) -> Participant | None: ...
    async def participant_nik(self, participant_id: int) -> str | None: ...
    async def link_participant(
        self, participant_id: int, person_id: int, via: str, now: datetime
    ) -> bool: ...
    async def refuse_phone_link(self, participant_id: int, now: datetime) -> None: ...
    async def participants_loaded(self) -> bool: ...
    async def covered_count(self, on: date) -> int: ...
    async def waiting_count(self) -> int: ...
    async def renewals_due(
        self, kelurahan_code: str | None, opens_before: date, on: date
    ) -> list[Participant]: ...
    async def decide_renewal(
        self, participant_id: int, seen: str | None, now: datetime, **fields: Any
    ) -> bool: ...
    async def participant_figures(self) -> list[Participant]: ...
    async def listed_covers(self) -> Sequence[tuple[date, date]]: ...
    async def claims_paid_between(self, since: date, until: date, tz: tzinfo) -> int: ...
    async def renewed(self, kelurahan_code: str | None) -> list[tuple[Participant, str]]: ...
    async def unlink_person(self, person_id: int) -> None: ...


def port(ctx: Context) -> ParticipantStore:
    """The store as this capability's port (one object implements every capability's)."""
    return cast(ParticipantStore, ctx.store)
