"""A nomination and what the Dinas's lists say of a NIK, as the port hands them over."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from domain.nomination import NominationStatus


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
class RegistryFacts:
    """What the Dinas's lists say of one NIK: the list's date, and the entry when found."""

    dtks_as_of: date | None = None  # None: no DTKS/DTSEN list imported
    dtks_found: bool = False
    desil: int | None = None
    bpjs_as_of: date | None = None
    bpjs_segment: str | None = None  # found active in BPJS TK's list: pu | bpu | pemda


class DuplicateNik(Exception):
    """Another active nomination holds this NIK (the partial unique index said so)."""


class DuplicateRef(Exception):
    """The drawn reference code is taken: draw another."""


@dataclass(frozen=True)
class Listed:
    """A nomination as the console's queue lists it."""

    id: int
    ref: str
    name: str | None
    kelurahan_code: str
    status: str
    verdict: str
    answers: dict[str, Any] = field(default_factory=dict)
    created_at: datetime | None = None


@dataclass(frozen=True)
class Upload:
    """A BPJS confirmation file as checked, kept between its preview and "apply"."""

    id: int
    start: date
    good: list[str]
    bad: list[list[Any]]


@dataclass(frozen=True)
class Approved:
    """An approved nomination as it goes to BPJS for collective registration: the NIK opened
    (the export is the one place it leaves whole)."""

    ref: str
    name: str | None
    nik: str
    kelurahan_code: str
    answers: dict[str, Any]
    decided_at: datetime | None
