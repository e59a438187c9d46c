"""The nomination lifecycle: which status may follow which, and who may move it.

```mermaid
stateDiagram-v2
    [*] --> pending: citizen or lurah files
    pending --> info_requested: lurah asks for information
    info_requested --> pending: citizen answers
    pending --> approved: lurah approves (takes a quota place)
    pending --> waitlisted: approval refused, quota used up
    waitlisted --> approved: a place frees up
    pending --> rejected: lurah rejects with a reason
    info_requested --> rejected
    waitlisted --> rejected
    approved --> registered: BPJS confirms (coverage one year)
    registered --> expired: coverage ends
    pending --> withdrawn: citizen withdraws / deletes data
    info_requested --> withdrawn
    waitlisted --> withdrawn
    approved --> withdrawn
```
"""

from __future__ import annotations

from enum import StrEnum


class NominationStatus(StrEnum):
    PENDING = "pending"  # "menunggu lurah"
    INFO_REQUESTED = "info_requested"
    WAITLISTED = "waitlisted"
    APPROVED = "approved"
    REGISTERED = "registered"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"


S = NominationStatus

TRANSITIONS: dict[NominationStatus, frozenset[NominationStatus]] = {
    S.PENDING: frozenset({S.INFO_REQUESTED, S.APPROVED, S.WAITLISTED, S.REJECTED, S.WITHDRAWN}),
    S.INFO_REQUESTED: frozenset({S.PENDING, S.REJECTED, S.WITHDRAWN}),
    S.WAITLISTED: frozenset({S.APPROVED, S.REJECTED, S.WITHDRAWN}),
    S.APPROVED: frozenset({S.REGISTERED, S.WITHDRAWN}),
    S.REGISTERED: frozenset({S.EXPIRED}),
    S.REJECTED: frozenset(),
    S.WITHDRAWN: frozenset(),
    S.EXPIRED: frozenset(),
}

# One active nomination per NIK (issue 3): these block a second filing.
ACTIVE = frozenset({S.PENDING, S.INFO_REQUESTED, S.WAITLISTED, S.APPROVED, S.REGISTERED})
# What a lurah still has to decide (the queue, the deadline, the console's "waiting")
WAITING_FOR_LURAH = (S.PENDING.value, S.INFO_REQUESTED.value)


class TransitionRefused(Exception):
    def __init__(self, current: NominationStatus, wanted: NominationStatus) -> None:
        super().__init__(f"{current} → {wanted} is not allowed")
        self.current = current
        self.wanted = wanted


def can_move(current: NominationStatus, wanted: NominationStatus) -> bool:
    return wanted in TRANSITIONS[current]


def check_move(current: NominationStatus, wanted: NominationStatus) -> None:
    if not can_move(current, wanted):
        raise TransitionRefused(current, wanted)
