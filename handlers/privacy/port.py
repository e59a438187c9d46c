"""What privacy needs from storage: consents, and forgetting a person (the kernel's part:
their account, conversation, consents and messages; each capability erases its own records
first, declared in the table)."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from handlers.core.capability import Context
from handlers.core.port import Store


class PrivacyStore(Store, Protocol):
    async def record_consent(
        self, person_id: int, kind: str, version: str, granted: bool, now: datetime,
        given_via: int | None = None,
    ) -> None: ...  # fmt: skip
    async def forget_person(self, person_id: int, now: datetime) -> None: ...


Ctx = Context[PrivacyStore]
