"""Working days: Monday to Friday, except Indonesia's national holidays, the cuti bersama of each
year's SKB 3 Menteri and the city's own days off (shared/domain.md §9.4; issue 30 item 4).

The days off come as data: bot/ builds them from the `holidays` package and the program file's
`calendar:` section. This module only counts; it never reads a clock or a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Calendar:
    days_off: frozenset[date] = frozenset()

    def is_day_off(self, day: date) -> bool:
        """A holiday or a cuti bersama: the office is closed whatever its hours say."""
        return day in self.days_off

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.days_off

    def add_working_days(self, start: date, days: int) -> date:
        """`days` working days after `start` (the day itself is not counted)."""
        day = start
        while days > 0:
            day += timedelta(days=1)
            if self.is_working_day(day):
                days -= 1
        return day


WEEKDAYS = Calendar()  # Monday–Friday, no holidays known: what a pure test or an old caller gets


@dataclass(frozen=True)
class Decree:
    """One year's SKB 3 Menteri on national holidays and cuti bersama. The national holidays
    themselves come from the `holidays` package; the decree adds its cuti bersama and corrects
    the package where they differ."""

    year: int
    since: date  # the day it was set
    ref: str
    cuti_bersama: tuple[date, ...]
    added: tuple[date, ...] = ()  # national holidays the package lacks or has on another day
    not_off: tuple[date, ...] = ()  # days the package has off that the decree does not


@dataclass(frozen=True)
class LocalDayOff:
    """A day the city's offices close on their own account (a Perwal, a mayor's circular)."""

    day: date
    since: date
    ref: str
    name: str


@dataclass(frozen=True)
class CalendarRules:
    """The program file's `calendar:` section."""

    decrees: tuple[Decree, ...] = ()
    local_days_off: tuple[LocalDayOff, ...] = ()
    checked_with: str = ""  # the `holidays` version whose dates were checked against the decrees

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(d.year for d in self.decrees)

    def calendar(self, national: frozenset[date] = frozenset()) -> Calendar:
        """The working days, given the national holidays and cuti bersama the package knows."""
        off = set(national)
        for d in self.decrees:
            off.difference_update(d.not_off)
            off.update(d.cuti_bersama, d.added)
        off.update(x.day for x in self.local_days_off)
        return Calendar(frozenset(off))
