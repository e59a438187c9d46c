"""The people already covered by the program (issue 29): one row of the Dinas's or BPJS's
participant list, what a monthly re-import changes, the places the program counts, and the
yearly renewal's dates and decisions. Pure: dates are arguments.

```mermaid
stateDiagram-v2
    [*] --> open: cover ends within lead days
    open --> asked: resident linked (asked first)
    asked --> open: resident answered
    open --> renew
    open --> not_renewed: reason
    open --> dinas: deadline passed undecided
    dinas --> renew
    dinas --> not_renewed
```
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from domain.dated import Dated
from domain.dates import add_months

# BPJS's words for a segment, as the participant list writes them (domain.md §9.1: the city pays
# for PU — non-ASN staff, RT/RW, LPMK — and BPU, the vulnerable workers).
SEGMENTS = {"pu": "pu", "penerima upah": "pu", "ppu": "pu", "bpu": "bpu",
            "bukan penerima upah": "bpu", "rentan": "bpu", "pekerja rentan": "bpu"}  # fmt: skip


def read_segment(text: str) -> str | None:
    """ "BPU", "Bukan Penerima Upah" → "bpu"; "" → "" (not given); anything else None."""
    said = " ".join(text.strip().lower().replace("-", " ").split())
    if not said:
        return ""
    return SEGMENTS.get(said)


_YMD = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T]00:00(?::00)?)?")
_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


def read_date(text: str) -> date | None:
    """A date as a spreadsheet gives it: 2025-01-01, 01-01-2025, 01/01/2025, 01.01.2025, or
    openpyxl's "2025-01-01 00:00:00" for a date cell. Day first: Indonesian spreadsheets write
    it so. (A regex, not strptime: 35,000 dates in a list, strptime's cost was half the import.)"""
    said = text.strip()
    if m := _YMD.fullmatch(said):
        y, mo, d = (int(g) for g in m.groups())
    elif m := _DMY.fullmatch(said):
        d, mo, y = (int(g) for g in m.groups())
    else:
        return None
    try:
        return date(y, mo, d)
    except ValueError:
        return None


KPJ = re.compile(r"\d{8,13}")  # BPJS TK membership numbers: 11 digits today; a little slack


def read_kpj(text: str) -> str | None:
    """The KPJ without spaces or Excel's apostrophe; "" when not given; None when not one."""
    said = text.strip().lstrip("'").replace(" ", "").removesuffix(".0")
    if not said:
        return ""
    return said if KPJ.fullmatch(said) else None


@dataclass(frozen=True, slots=True)
class ListedRow:
    """One good row of the participant list as read (bot.participants_file)."""

    line: int
    nik_index: str
    digest: str  # keyed HMAC of the whole row: what a re-import compares
    secret: str  # "nik;hp;kpj", sealed by the store when written
    nik_masked: str
    name: str
    kelurahan_code: str
    start: date
    end: date
    hp_index: str | None
    segment: str
    occupation: str


def canonical(secret: str, name: str, kelurahan: str, start: date, end: date, segment: str,
              occupation: str) -> str:  # fmt: skip
    """The whole row as one string, for its keyed digest (what a re-import compares)."""
    fields = (secret, name, kelurahan, start.isoformat(), end.isoformat(), segment, occupation)
    return "participant:" + "|".join(fields)


class Change(StrEnum):
    ADDED = "added"
    CHANGED = "changed"
    ENDED = "ended"  # on the list before, not on this one
    SAME = "same"


@dataclass(frozen=True)
class Known:
    """What the database holds of one participant for a re-import to compare: the digest of
    the row as last imported, and whether it is still on the list."""

    digest: str
    active: bool


@dataclass
class Diff:
    added: list[str] = field(default_factory=list)  # blind indexes
    changed: list[str] = field(default_factory=list)
    ended: list[str] = field(default_factory=list)
    same: int = 0


def diff(known: Mapping[str, Known], incoming: Mapping[str, str]) -> Diff:
    """A monthly re-import against what is stored: `incoming` maps each row's blind index to
    its digest. A row back on the list after it ended counts as added."""
    out = Diff()
    for key, digest in incoming.items():
        was = known.get(key)
        if was is None or not was.active:
            out.added.append(key)
        elif was.digest != digest:
            out.changed.append(key)
        else:
            out.same += 1
    out.ended = [k for k, was in known.items() if was.active and k not in incoming]
    return out


def covers(start: date, end: date, on: date) -> bool:
    return start <= on <= end


# --- the places the program counts (issue 29 item 2) -----------------------------------------


@dataclass(frozen=True)
class Places:
    """How the remaining places are made: the total, those covered today (on the list, or
    registered through Siaga and not yet on it) and approvals waiting for BPJS."""

    total: int
    covered: int
    waiting: int

    @property
    def used(self) -> int:
        return self.covered + self.waiting

    @property
    def left(self) -> int:
        return max(self.total - self.used, 0)


# --- the yearly renewal (issue 29 item 4) ---------------------------------------------------


class Decision(StrEnum):
    RENEW = "renew"
    NOT_RENEWED = "not_renewed"
    ASK = "ask"  # ask the resident first


class Reason(StrEnum):
    """Why a place is not renewed (domain.md §9.1, the Dinas's working list)."""

    MOVED = "moved"
    DIED = "died"
    EMPLOYER = "employer"
    NOT_WORKING = "not_working"
    ASKED_TO_STOP = "asked_to_stop"
    OTHER = "other"


@dataclass(frozen=True)
class RenewalRules:
    """When the renewal opens and when undecided ones go to the Dinas, dated with a source."""

    lead_days: Dated[int]  # the review opens this many days before cover ends
    deadline_days: Dated[int]  # undecided this many days before the end: to the Dinas
    places: Dated[int]  # the program's places, as the program file says
    pu_premium: Dated[int]  # what the city pays a month for a PU participant (claim ratio)

    def opens_on(self, end: date) -> date:
        return end - timedelta(days=self.lead_days.at(end))

    def deadline(self, end: date) -> date:
        return end - timedelta(days=self.deadline_days.at(end))

    def due(self, end: date, on: date) -> bool:
        """In the renewal list on `on`: opened and the cover not yet over."""
        return self.opens_on(end) <= on <= end

    def late(self, end: date, on: date) -> bool:
        return self.deadline(end) < on <= end


def next_cover(end: date, months: int) -> tuple[date, date]:
    """A renewed year: from the day after the end, for `months` months."""
    start = end + timedelta(days=1)
    return start, add_months(start, months) - timedelta(days=1)


def counted(items: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for item in items:
        out[item] = out.get(item, 0) + 1
    return dict(sorted(out.items()))
