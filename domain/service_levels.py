"""Service levels (issue 30 item 2): whether each promise was kept, counted the way the promise
is made. A question: answered within `answer_within_hours` office hours (domain.handover,
holidays and cuti bersama skipped); its wait measured in office time too, so a question asked
on Friday at 14.59 and answered on Monday at 08.01 waited two minutes, not three days. A
review: decided within the program's `review.deadline_days` days, counted as the lurah's
morning reminder and the console's red kelurahan count them (calendar days). A claim: finished
(paid or refused) by its `due_on`, the 30 working days the Dinas publishes (§8.3), set by the
working-day calendar when the case was reported.

What a period counts: each matter once, in the period it was settled (answered, decided,
finished), plus every matter still unsettled today, late or not yet due. A matter settled
before the period is another period's. Pure: times are arguments; nothing reads a clock.
"""

from __future__ import annotations

import statistics as pystats
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from domain.handover import Handover


class Kept(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    DUE = "due"  # not settled yet, its deadline still ahead
    NOT_COUNTED = "not_counted"  # settled before the period, or withdrawn before its deadline


@dataclass(frozen=True)
class QuestionTimes:
    """One "Tanya petugas" ticket's times (aware datetimes)."""

    kelurahan: str | None
    officer: int | None  # who held it when it was answered: only the holder can answer
    asked: datetime
    answered: datetime | None
    closed: datetime | None
    rating: int | None


@dataclass(frozen=True)
class ReviewTimes:
    kelurahan: str
    officer: int | None  # who decided
    filed: datetime
    decided: datetime | None  # approved, rejected, or wait-listed for want of a place
    waiting: bool  # still waiting for the lurah (pending, information asked)


@dataclass(frozen=True)
class ClaimTimes:
    kelurahan: str | None
    reported: datetime
    due: date  # the last working day of the service time, set when reported
    finished: datetime | None  # paid or refused


@dataclass
class Tally:
    on_time: int = 0
    late: int = 0
    due: int = 0

    def add(self, kept: Kept) -> None:
        if kept is Kept.ON_TIME:
            self.on_time += 1
        elif kept is Kept.LATE:
            self.late += 1
        elif kept is Kept.DUE:
            self.due += 1

    @property
    def counted(self) -> int:
        return self.on_time + self.late

    @property
    def percent(self) -> float | None:
        return 100 * self.on_time / self.counted if self.counted else None


@dataclass
class Row:
    """One kelurahan's, one officer's, or the whole city's figures for the period."""

    key: str
    questions: Tally = field(default_factory=Tally)
    first_answers: list[float] = field(default_factory=list)  # office minutes
    reviews: Tally = field(default_factory=Tally)
    claims: Tally = field(default_factory=Tally)
    ratings: list[int] = field(default_factory=list)

    @property
    def late(self) -> int:
        return self.questions.late + self.reviews.late + self.claims.late

    @property
    def median_minutes(self) -> float | None:
        return pystats.median(self.first_answers) if self.first_answers else None

    @property
    def mean_rating(self) -> float | None:
        return pystats.mean(self.ratings) if self.ratings else None

    @property
    def low_ratings(self) -> int:
        return sum(1 for r in self.ratings if r <= 2)

    @property
    def empty(self) -> bool:
        return not (self.questions.counted or self.questions.due or self.reviews.counted
                    or self.reviews.due or self.claims.counted or self.claims.due
                    or self.ratings)  # fmt: skip


def office_minutes(desk: Handover, start: datetime, end: datetime) -> float:
    """Office time between two local moments: the desk's hours on working days only."""
    if end <= start:
        return 0.0
    total = timedelta()
    day = start.date()
    for _ in range(800):  # two years of days at most, whatever the dates say
        if day > end.date():
            break
        if not desk.calendar.is_day_off(day):
            for h in desk.hours:
                if h.day != day.weekday():
                    continue
                opens = datetime.combine(day, h.start, start.tzinfo)
                shuts = datetime.combine(day, h.end, start.tzinfo)
                overlap = min(shuts, end) - max(opens, start)
                if overlap > timedelta():
                    total += overlap
        day += timedelta(days=1)
    return total.total_seconds() / 60


def question_kept(desk: Handover, q: QuestionTimes, since: datetime, now: datetime) -> Kept:
    """`now` local (the city's zone): office hours are read there. Answered: by the deadline
    or not. Closed unanswered (the resident said "selesai", or the ticket idled out): late if
    past the deadline then, else withdrawn. Open: late once the deadline has passed."""
    deadline = desk.deadline(q.asked.astimezone(now.tzinfo))
    settled = q.answered or q.closed
    if settled is not None and settled < since:
        return Kept.NOT_COUNTED
    if q.answered is not None:
        return Kept.ON_TIME if q.answered <= deadline else Kept.LATE
    if q.closed is not None:
        return Kept.LATE if q.closed > deadline else Kept.NOT_COUNTED
    return Kept.LATE if now > deadline else Kept.DUE


def review_kept(days: int, r: ReviewTimes, since: datetime, now: datetime) -> Kept:
    deadline = r.filed + timedelta(days=days)
    if r.decided is not None:
        if r.decided < since:
            return Kept.NOT_COUNTED
        return Kept.ON_TIME if r.decided <= deadline else Kept.LATE
    if not r.waiting:
        return Kept.NOT_COUNTED  # withdrawn or expired before anyone decided
    return Kept.LATE if now > deadline else Kept.DUE


def claim_kept(c: ClaimTimes, since: datetime, now: datetime) -> Kept:
    """Finished on or before the due day (in the city's zone), or not."""
    if c.finished is not None:
        if c.finished < since:
            return Kept.NOT_COUNTED
        return Kept.ON_TIME if c.finished.astimezone(now.tzinfo).date() <= c.due else Kept.LATE
    return Kept.LATE if now.date() > c.due else Kept.DUE


@dataclass
class Levels:
    days: int
    since: datetime  # local
    until: datetime  # local
    total: Row
    by_kelurahan: dict[str, Row]  # kelurahan code → row ("" for a matter with none)
    by_officer: dict[int, Row]  # person id → row


def measure(
    desk: Handover,
    review_days: int,
    questions: Iterable[QuestionTimes],
    reviews: Iterable[ReviewTimes],
    claims: Iterable[ClaimTimes],
    now: datetime,
    days: int,
    kelurahan: Iterable[str] = (),
) -> Levels:
    """The figures for the `days` days up to `now` (local, aware). Every kelurahan named
    has a row, figures or not."""
    since = now - timedelta(days=days)
    out = Levels(days, since, now, Row("*"), {k: Row(k) for k in kelurahan}, {})

    def rows(kel: str | None, officer: int | None) -> list[Row]:
        found = [out.total, out.by_kelurahan.setdefault(kel or "", Row(kel or ""))]
        if officer is not None:
            found.append(out.by_officer.setdefault(officer, Row(str(officer))))
        return found

    for q in questions:
        kept = question_kept(desk, q, since, now)
        answered_now = q.answered is not None and q.answered >= since
        minutes = None
        if answered_now and q.answered is not None:
            local = q.asked.astimezone(now.tzinfo), q.answered.astimezone(now.tzinfo)
            minutes = office_minutes(desk, *local)
        for row in rows(q.kelurahan, q.officer if answered_now else None):
            row.questions.add(kept)
            if minutes is not None:
                row.first_answers.append(minutes)
        if q.rating is not None and q.closed is not None and q.closed >= since:
            for row in rows(q.kelurahan, None):
                row.ratings.append(q.rating)
    for r in reviews:
        kept = review_kept(review_days, r, since, now)
        for row in rows(r.kelurahan, r.officer if r.decided is not None else None):
            row.reviews.add(kept)
    for c in claims:
        kept = claim_kept(c, since, now)
        for row in rows(c.kelurahan, None):
            row.claims.add(kept)
    return out
