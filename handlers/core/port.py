"""What the kernel needs from storage: the person and their conversation, the audit log, the
outbox, and an update's dedupe. Each capability's own port (handlers/<capability>/port.py)
extends this one with exactly what that capability reads and writes; bot/db implements them
all on one unit of work.

One store is one unit of work (one transaction) for one inbound update: the use case calls
commit() once at the end (DESIGN.md rule 4); repositories never commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

from handlers.core.messages import Reply, UserRef
from handlers.core.records import Conversation, Person, Role


class Store(Protocol):
    async def load(
        self, user: UserRef, locale_hint: str, now: datetime, wrote: bool = True
    ) -> tuple[Person, Conversation]: ...
    def messages_released(self) -> int:
        """Messages that waited for the person writing now (load() released them: they go
        before this update's replies)."""
        ...

    async def person_by_id(self, person_id: int) -> Person | None: ...
    async def save_person(self, person: Person) -> None: ...
    async def save_conversation(self, conv: Conversation, now: datetime) -> None: ...
    async def people_with_role(
        self, role: Role, kelurahan_code: str | None = None
    ) -> list[Person]: ...

    async def audit(
        self, *, actor: int | None, action: str, now: datetime, nomination_id: int | None = None,
        subject: int | None = None, before: Any = None, after: Any = None,
        outcome: str = "ok", detail: str = "",
    ) -> None: ...  # fmt: skip
    async def enqueue(
        self, person: Person, replies: Sequence[Reply], now: datetime, kind: str = "notice",
        about: int | None = None, due: datetime | None = None, held: bool = False,
    ) -> None: ...  # fmt: skip
    async def claim_update(self, channel: str, update_id: str, now: datetime) -> bool: ...
    async def keep_replies(
        self, person: Person, replies: Sequence[Reply], now: datetime
    ) -> int | None: ...
    async def commit(self) -> None: ...


class AccountLimits(Store, Protocol):
    """Daily limits counted by the account (channel and id), not the person's row: /hapus
    gives a new row (review of issue 26, findings 4 and 5: /status guesses, "already filed")."""

    async def mark_account(self, person: Person, action: str, now: datetime) -> None: ...
    async def count_account_marks(self, person: Person, action: str, since: datetime) -> int: ...


class Upkeep(Store, Protocol):
    """What the kernel's daily purge needs (handlers/core/upkeep.py)."""

    async def purge_stale_drafts(self, cutoff: datetime) -> int: ...
    async def purge_settled_replies(self, cutoff: datetime) -> int: ...
    async def purge_account_marks(self, cutoff: datetime) -> int: ...
    # Review of the issue-26 fixes, finding 3: notices and waits had no end
    async def cancel_old_waits(self, cutoff: datetime) -> int: ...
    async def purge_settled_messages(self, cutoff: datetime) -> int: ...
