"""What service levels need from storage, beyond the kernel's store (people, the outbox, the
audit log): the times of every matter that may fall in a period. bot/db/service_store.py
implements it."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from domain.service_levels import ClaimTimes, QuestionTimes, ReviewTimes
from handlers.core.capability import Context
from handlers.core.port import Store


class ServiceStore(Store, Protocol):
    # Each: the matters settled since `since`, and every one not settled yet.
    async def question_times(self, since: datetime) -> list[QuestionTimes]: ...
    async def review_times(self, since: datetime) -> list[ReviewTimes]: ...
    async def claim_times(self, since: datetime) -> list[ClaimTimes]: ...


Ctx = Context[ServiceStore]
