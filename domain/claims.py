"""When something happens: the claim case a family's report opens, and the cover around it.

The values (service times, benefits, the reported three-month rule, discounts, documents,
heirs) come from the program file's `claims:` section with their sources; this module only
counts: working days (skipping the holidays and cuti bersama `calendar` holds), what JKM would
pay on a date, which discount holds, when a child's scholarship reminder falls.

```mermaid
stateDiagram-v2
    [*] --> reported: a family reports
    reported --> documents: berkas lengkap
    documents --> submitted: diajukan ke BPJS
    submitted --> paid: dibayar (jumlah)
    reported --> refused
    documents --> refused
    submitted --> refused: ditolak (alasan)
```
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from domain.dated import Dated
from domain.dates import add_years, months_between
from domain.workdays import WEEKDAYS, Calendar

# The most a case can be recorded as paid. The largest benefit of a BPU participant's case is
# JKK's permanent total disability (56 x 80% of the declared wage, itself capped by BPJS's
# brackets): some hundreds of millions of rupiah; JKK's medical care is paid to the hospital,
# not through the case. Ten billion leaves room for any case and refuses a typo of extra
# zeros (issue 26 item 7: thirty 9s) long before the database's 64-bit integer. No benefit is
# under a thousand rupiah (BPU wages start at Rp1 juta): a smaller figure is a slip ("²³").
MIN_AMOUNT, MAX_AMOUNT = 1_000, 10_000_000_000


class ClaimKind(StrEnum):
    DEATH = "death"  # JKM: death not caused by work
    WORK_DEATH = "work_death"  # JKK: death from a work (or commuting) accident
    ACCIDENT = "accident"  # JKK: a work accident, the worker alive

    @property
    def program(self) -> str:
        return "jkm" if self is ClaimKind.DEATH else "jkk"

    @property
    def is_death(self) -> bool:
        return self is not ClaimKind.ACCIDENT


class ClaimStatus(StrEnum):
    REPORTED = "reported"
    DOCUMENTS = "documents"  # the file is complete
    SUBMITTED = "submitted"  # sent to BPJS TK
    PAID = "paid"
    REFUSED = "refused"


OPEN = (ClaimStatus.REPORTED, ClaimStatus.DOCUMENTS, ClaimStatus.SUBMITTED)
# Each status and where it may go: forward one step, or refused from any open one.
NEXT: dict[ClaimStatus, tuple[ClaimStatus, ...]] = {
    ClaimStatus.REPORTED: (ClaimStatus.DOCUMENTS, ClaimStatus.REFUSED),
    ClaimStatus.DOCUMENTS: (ClaimStatus.SUBMITTED, ClaimStatus.REFUSED),
    ClaimStatus.SUBMITTED: (ClaimStatus.PAID, ClaimStatus.REFUSED),
    ClaimStatus.PAID: (),
    ClaimStatus.REFUSED: (),
}


def may_move(current: ClaimStatus, to: ClaimStatus) -> bool:
    return to in NEXT[current]


@dataclass(frozen=True)
class Discount:
    """A national premium discount for those who continue on their own (PP 50/2025)."""

    start: date
    until: date
    sector: str  # "transport" or "other"
    value: int  # the monthly premium while it holds
    ref: str


@dataclass(frozen=True)
class ClaimOffice:
    name: str
    email: str
    phone: str
    bpjs_contact: str
    ref: str


@dataclass(frozen=True)
class ClaimRules:
    office: ClaimOffice
    figures: dict[str, Dated[int]]
    discounts: tuple[Discount, ...] = ()
    documents: dict[str, tuple[str, ...]] = field(default_factory=dict)
    documents_ref: str = ""
    heirs: tuple[str, ...] = ()
    heirs_ref: str = ""
    calendar: Calendar = WEEKDAYS

    def at(self, name: str, on: date) -> int:
        return self.figures[name].at(on)

    def discounts_on(self, on: date) -> tuple[Discount, ...]:
        return tuple(d for d in self.discounts if d.start <= on <= d.until)

    def jkm_amount(self, jkm_total: int, member_since: date | None, died: date) -> int:
        """What JKM pays for a death on `died` (reported rule: the funeral part only in the
        first months of membership). Unknown start: the full amount, for the officer to check."""
        if member_since is None:
            return jkm_total
        if months_between(member_since, died) < self.at("jkm_full_after_months", died):
            return self.at("jkm_early_amount", died)
        return jkm_total

    def service_due(self, reported: date) -> date:
        return self.calendar.add_working_days(reported, self.at("service_working_days", reported))


REQUIRED_FIGURES = (
    "service_working_days", "bpjs_jkm_working_days", "bpjs_jkk_working_days",
    "accident_report_hours", "jkk_claim_years", "jkm_full_after_months", "jkm_early_amount",
    "continue_premium_monthly", "scholarship_until_age", "scholarship_tk_sd", "scholarship_smp",
    "scholarship_sma", "scholarship_s1",
)  # fmt: skip


def next_scholarship_reminder(
    birth_year: int, paid_on: date, after: date, until_age: int
) -> date | None:
    """The child's next yearly reminder: each anniversary of the payment (the scholarship is
    claimed again every year), or None once the child turns `until_age` that year."""
    years = 1
    while add_years(paid_on, years) <= after:
        years += 1
    due = add_years(paid_on, years)
    if due.year - birth_year >= until_age:
        return None
    return due
