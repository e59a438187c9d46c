"""A claim case as the port hands it over."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from domain.claims import ClaimKind, ClaimStatus


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
