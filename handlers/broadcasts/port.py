"""What broadcasts need from storage: an audience's recipients, one job with one outbox row
per recipient, its progress and its stop; and the figures a message's placeholders and the
weekly reminder read (places left, nominations waiting per kelurahan, recent approvals)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

from handlers.broadcasts.records import BroadcastInfo, Recipient
from handlers.core.capability import Context
from handlers.core.port import Store


class BroadcastsStore(Store, Protocol):
    async def broadcast_recipients(
        self, audience: str, kelurahan_code: str | None
    ) -> list[Recipient]: ...
    async def create_broadcast(
        self, *, kind: str, created_by: int | None, audience: str, kelurahan_code: str | None,
        body: str, rows: Sequence[tuple[Recipient, list[dict[str, Any]], str]], now: datetime,
        progress_to: tuple[str, str] | None = None,
    ) -> int: ...  # fmt: skip
    async def broadcasts(
        self, active_only: bool = False, limit: int = 10
    ) -> list[BroadcastInfo]: ...
    async def cancel_broadcasts(
        self, broadcast_id: int | None, now: datetime
    ) -> tuple[int, int]: ...
    async def quota(self, period: str, kelurahan_code: str = "") -> tuple[int, int] | None: ...
    async def queue_sizes(self) -> dict[str, int]: ...
    async def approved_since(self, since: datetime) -> int: ...


Ctx = Context[BroadcastsStore]
