"""What the console accepts in a form field, a query parameter or a path (issue 26 item 7).

Unchecked input gave 500s or wrong data: a claim of `²³` (Python's isdigit() accepts it,
int() does not), of thirty 9s or `99999999999999 juta` (past the database's integer);
`?menunggu=²`, `?orang=` with 25 digits, `/konsol/usulan/9999…`; `?pesan=con-nomination`
(a message key put on the page through the address); a coverage start of `0001-01-01`,
which told a citizen "berlaku 01-01-1 s.d. 31-12-1", and an unreadable one that silently
became today. Each page now reads its fields through `Fields`: a bad value reads as None (or
the field's default) and leaves a Problem naming the field, which the page shows in the
officer's language, and nothing is written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from domain.claims import MAX_AMOUNT, MIN_AMOUNT
from domain.program import Program
from domain.reference import parse_reference
from domain.text import parse_rupiah, row_id
from handlers.core.messages import Msg

# Bidirectional overrides and isolates reorder what an officer reads (a name that displays as
# something else); no field here needs them, nor C0/C1 control characters (NUL breaks
# PostgreSQL's text); tab and newline are kept.
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$|^(\d{2})[-/.](\d{2})[-/.](\d{4})$", re.ASCII)


@dataclass(frozen=True)
class Problem:
    field: str  # the field's name in the form or the address
    msg: Msg  # what is wrong, in the officer's words (rendered by the page)


# A row's id as a path or a field gives it: the chat's own parser, one for every door
# (review of issue 26, finding 12)
record_id = row_id


def unusable(text: str) -> bool:
    """A control character or a bidirectional override: refused in every field."""
    return any(c in _BIDI or (unicodedata.category(c) == "Cc" and c not in "\t\n\r") for c in text)


def _day(text: str) -> date | None:
    """2027-01-31 (a date input's value) or 31-01-2027 as typed where a browser shows text."""
    m = _DAY.match(text.strip())
    if m is None:
        return None
    y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(6), m.group(5),
                                                                       m.group(4))  # fmt: skip
    try:
        return date(int(y), int(mo), int(d))
    except ValueError:
        return None


def dmy(day: date) -> str:
    return f"{day:%d-%m}-{day.year:04d}"


class Fields:
    """One request's fields, read once each; a bad one leaves a Problem and reads as None."""

    def __init__(self, values: Mapping[str, str], labels: Mapping[str, str]) -> None:
        self.values = values
        self.labels = labels  # field name → the catalogue key of its label on the page
        self.problems: list[Problem] = []

    def bad(self, name: str, key: str, **args: int | str) -> None:
        label = Msg(self.labels.get(name, "con-field-address"))
        self.problems.append(Problem(name, Msg(key, {"field": label, **args})))

    def raw(self, name: str) -> str:
        return str(self.values.get(name) or "")

    def text(self, name: str, max_len: int, min_len: int = 0, lines: bool = False) -> str | None:
        """Free text, whitespace runs made one space (or, with `lines`, its lines kept and
        trimmed); "" when absent."""
        raw = self.raw(name)
        if lines:
            value = "\n".join(line.rstrip() for line in raw.replace("\r\n", "\n").split("\n"))
            value = value.strip()
        else:
            value = " ".join(raw.split())
        if unusable(raw.replace("\r", "").replace("\n", " ")):
            self.bad(name, "con-bad-characters")
            return None
        if len(value) > max_len:
            self.bad(name, "con-bad-long", max=max_len)
            return None
        if len(value) < min_len:
            self.bad(name, "con-bad-short", min=min_len)
            return None
        return value

    def choice(self, name: str, allowed: Collection[str], default: str = "") -> str:
        """One of `allowed`; absent or empty: the default."""
        value = self.raw(name)
        if not value:
            return default
        if value not in allowed:
            self.bad(name, "con-bad-choice")
            return default
        return value

    def number(self, name: str, low: int, high: int) -> int | None:
        """A whole number from low to high in ASCII digits; absent or empty: None."""
        value = self.raw(name).strip()
        if not value:
            return None
        if (
            not (value.isascii() and value.isdigit())
            or len(value) > 12
            or not (low <= int(value) <= high)
        ):
            self.bad(name, "con-bad-number", min=low, max=high)
            return None
        return int(value)

    def ident(self, name: str) -> int | None:
        """A row's id; absent or empty: None."""
        value = self.raw(name).strip()
        if not value:
            return None
        found = record_id(value)
        if found is None:
            self.bad(name, "con-bad-id")
        return found

    def day(self, name: str, today: date, back: timedelta, ahead: timedelta) -> date | None:
        """A day within [today - back, today + ahead]; absent, unreadable or outside: None
        and a Problem that says the window (never a silent "today")."""
        first, last = today - back, today + ahead
        value = _day(self.raw(name))
        if value is None or not first <= value <= last:
            self.bad(name, "con-bad-date", first=dmy(first), last=dmy(last))
            return None
        return value

    def kelurahan(self, name: str, program: Program, required: bool = False) -> str | None:
        """A kelurahan's code from its name as the page's list gives it; "" = all (None)."""
        value = self.raw(name).strip()
        if not value and not required:
            return None
        kel = program.regions.kelurahan_named(value) if value and not unusable(value) else None
        if kel is None:
            self.bad(name, "con-bad-kelurahan")
            return None
        return kel.code

    def reference(self, name: str) -> str | None:
        """A nomination's reference (PJK-XXXXX, as typed); absent or empty: None."""
        value = self.raw(name).strip()
        if not value:
            return None
        ref = parse_reference(value) if len(value) <= 20 else None
        if ref is None:
            self.bad(name, "con-bad-ref")
        return ref

    def years(self, name: str, first: int, last: int) -> tuple[int, ...]:
        """Years typed apart ("2012, 2016"), each from first to last; none is fine."""
        value = self.raw(name)
        words = value.replace(",", " ").replace(";", " ").split()
        if len(value) > 40 or not all(
            w.isascii() and w.isdigit() and len(w) == 4 and first <= int(w) <= last for w in words
        ):
            self.bad(name, "con-bad-years", first=str(first), last=str(last))
            return ()
        return tuple(int(w) for w in words)

    def amount(self, name: str) -> int | None:
        """Rupiah as officers type them ("42.000.000", "42 juta"), within the claims' bounds."""
        value = self.raw(name)
        found = parse_rupiah(value) if len(value) <= 40 and not unusable(value) else None
        if found is None or not MIN_AMOUNT <= found <= MAX_AMOUNT:
            self.bad(name, "con-bad-amount", min=MIN_AMOUNT, max=MAX_AMOUNT)
            return None
        return found
