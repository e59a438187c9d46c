"""A program definition: the dated values the rules read — loaded from programs/*.yaml by bot/.

Every value carries the date from which it holds and the legal or news source it comes from
(openfisca-style parameters), so a change of Perda or a new quota figure is a data change.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from domain.dated import Dated, DatedEntry
from domain.handover import DEFAULT as DEFAULT_HANDOVER
from domain.handover import Handover
from domain.occupations import OccupationCatalogue
from domain.regions import RegionCatalogue
from domain.workdays import WEEKDAYS, Calendar, CalendarRules

if TYPE_CHECKING:
    from domain.claims import ClaimRules

__all__ = ["Dated", "DatedEntry", "FaqEntry", "PriorityRule", "Program", "QuotaFigure"]


@dataclass(frozen=True, slots=True)
class PriorityRule:
    code: str  # "registry_listed", "school_age_heirs"
    weight: int
    ref: str


@dataclass(frozen=True, slots=True)
class QuotaFigure:
    as_of: date
    participants: int
    remaining: int
    ref: str


@dataclass(frozen=True)
class FaqEntry:
    """A question people ask (recognised by the trained reader as the label faq:<id>); the
    answer is the locale message faq-<id>, filled with the program's values on the day asked."""

    id: str
    since: date
    ref: str


@dataclass(frozen=True, eq=False)
class Program:
    id: str
    name: str
    operator: str  # who runs it, for "where to ask"
    regions: RegionCatalogue
    occupations: OccupationCatalogue
    age_min: Dated[int]
    age_max: Dated[int]
    registry: Dated[str]  # "DTKS" then "DTSEN"
    premium_monthly: Dated[int]
    coverage_months: Dated[int]
    priority: tuple[PriorityRule, ...]
    quota: tuple[QuotaFigure, ...]
    benefits: dict[str, Dated[int]]
    contact: str
    faq: tuple[FaqEntry, ...] = ()
    handover: Handover = DEFAULT_HANDOVER
    # how many days a nomination may wait for its lurah before it shows as late; past twice
    # that the Dinas is reminded (issue 19)
    review_deadline_days: int = 7
    # when something happens: service times, benefits, documents, heirs (issue 20)
    claims: ClaimRules | None = None
    # the SKB 3 Menteri of each year and the city's own days off (issue 30 item 4)
    calendar_rules: CalendarRules = field(default_factory=CalendarRules)
    # the working days every deadline counts: set with with_calendar, never on its own
    calendar: Calendar = WEEKDAYS

    def with_calendar(self, calendar: Calendar) -> Program:
        """The same program counting `calendar`'s working days everywhere: office hours, the
        answer deadline, the claims' service time."""
        claims = replace(self.claims, calendar=calendar) if self.claims else None
        return replace(self, calendar=calendar, claims=claims,
                       handover=replace(self.handover, calendar=calendar))  # fmt: skip

    def quota_at(self, on: date) -> QuotaFigure | None:
        known = [q for q in self.quota if q.as_of <= on]
        return max(known, key=lambda q: q.as_of) if known else None

    def priority_weight(self, code: str) -> int:
        return sum(p.weight for p in self.priority if p.code == code)
