"""When officers answer ("Tanya petugas"): office hours, the answer deadline counted in office
hours, the quiet time after which the bot takes the conversation back, and what media an
officer can be sent. The values come from the program file; this module only counts.
The desk is closed on national holidays, cuti bersama and the city's days off whatever the
hours say (issue 30 item 4): `calendar` holds them.

Times here are local (the city's time zone); callers convert.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from domain.workdays import WEEKDAYS, Calendar

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Hours:
    """One weekday's opening: [start, end)."""

    day: int  # 0 = Monday
    start: time
    end: time


@dataclass(frozen=True)
class MediaLimits:
    max_seconds: int  # a voice note or video longer than this is not forwarded
    max_bytes: int  # the largest file a bot can download from the platform to forward it
    keep_hours: int  # a forwarded file's reference is forgotten after this, ticket open or not


@dataclass(frozen=True)
class Handover:
    hours: tuple[Hours, ...]
    answer_within_hours: float  # office hours from the question to the deadline
    quiet_minutes: int  # no word either way this long: the officer is let go
    media: MediaLimits
    ref: str = ""
    # a closed ticket's words are kept this long, then emptied (the row stays for the
    # figures): what was asked and answered is not kept for ever (UU 27/2022 Pasal 16, 43)
    closed_keep_days: int = 90
    calendar: Calendar = WEEKDAYS
    # an officer holds at most this many questions at once (issue 30 item 1): a desk of
    # twenty held questions answers none of them; the rest wait for a colleague
    max_held: int = 5
    # new questions one account may ask a day (issue 30 item 5), as for reports: beyond it
    # the office's phone number
    questions_per_day: int = 5

    def _hours_on(self, day: date) -> list[Hours]:
        if self.calendar.is_day_off(day):
            return []
        return sorted((h for h in self.hours if h.day == day.weekday()), key=lambda h: h.start)

    def is_open(self, local: datetime) -> bool:
        return any(h.start <= local.time() < h.end for h in self._hours_on(local.date()))

    def next_opening(self, local: datetime) -> datetime:
        """When officers are next at their desks (now, if they are). Lebaran's holidays and
        cuti bersama with their weekends close the desk for ten days or more."""
        if self.is_open(local):
            return local
        for ahead in range(400):
            day = (local + timedelta(days=ahead)).date()
            for h in self._hours_on(day):
                start = datetime.combine(day, h.start, local.tzinfo)
                if start > local:
                    return start
        return local  # no hours at all: "now" rather than never

    def deadline(self, asked: datetime) -> datetime:
        """The moment `answer_within_hours` office hours have passed since `asked`."""
        left = timedelta(hours=self.answer_within_hours)
        at = asked
        for _ in range(400):  # at most a year of days, whatever the hours say
            for h in self._hours_on(at.date()):
                start = max(at, datetime.combine(at.date(), h.start, at.tzinfo))
                end = datetime.combine(at.date(), h.end, at.tzinfo)
                if start >= end:
                    continue
                if end - start >= left:
                    return start + left
                left -= end - start
            at = datetime.combine(at.date() + timedelta(days=1), time(0), at.tzinfo)
        return asked + timedelta(hours=self.answer_within_hours)

    def office_time(self, start: datetime, end: datetime) -> timedelta:
        """How much of [start, end) fell in office hours: the time a question has waited as
        the desk counts it (a night or Lebaran's days off do not count)."""
        total = timedelta()
        at = start
        for _ in range(400):  # at most a year of days, as above
            if at >= end:
                break
            for h in self._hours_on(at.date()):
                opens = max(at, datetime.combine(at.date(), h.start, at.tzinfo))
                closes = min(end, datetime.combine(at.date(), h.end, at.tzinfo))
                if closes > opens:
                    total += closes - opens
            at = datetime.combine(at.date() + timedelta(days=1), time(0), at.tzinfo)
        return total

    def forwards(self, seconds: int, size: int) -> str:
        """Why a file cannot be forwarded ("too-long", "too-big"), or "" when it can."""
        if seconds > self.media.max_seconds:
            return "too-long"
        if size > self.media.max_bytes:
            return "too-big"
        return ""


DEFAULT = Handover(
    hours=tuple(Hours(d, time(8), time(15)) for d in range(5)),
    answer_within_hours=8,
    quiet_minutes=30,
    media=MediaLimits(max_seconds=600, max_bytes=20 * 1024 * 1024, keep_hours=72),
)
