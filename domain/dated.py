"""A value that changes over time: each entry holds from its date, with its source."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class DatedEntry(Generic[T]):
    since: date
    value: T
    ref: str


@dataclass(frozen=True, slots=True)
class Dated(Generic[T]):
    entries: tuple[DatedEntry[T], ...]  # sorted by `since`, oldest first

    def entry_at(self, on: date) -> DatedEntry[T]:
        current = self.entries[0]
        for e in self.entries:
            if e.since <= on:
                current = e
        return current

    def at(self, on: date) -> T:
        return self.entry_at(on).value
