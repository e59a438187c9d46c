"""What the officers' desk (issue 30 item 1) needs from storage beyond the handover's own
ticket methods: bot/db/desk_store.py implements it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from handlers.records import Nomination, Ticket


@runtime_checkable
class DeskStore(Protocol):
    async def desk_tickets(
        self, kelurahan_code: str | None, statuses: Sequence[str], limit: int = 200
    ) -> list[Ticket]: ...
    async def latest_nominations(self, person_ids: Sequence[int]) -> dict[int, Nomination]: ...
