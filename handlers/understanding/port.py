"""What understanding typed messages needs from storage: the buttons of the last notice sent
to the person (a typed "1" presses them), the conversation as stored (where a message was
typed), and the messages kept masked to teach the reader, labelled by the Dinas."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from handlers.core.capability import Context
from handlers.core.port import Store
from handlers.core.records import Conversation, Person
from handlers.understanding.records import Unclear


class UnderstandingStore(Store, Protocol):
    async def buttons_sent_since(
        self, person: Person, since: datetime | None
    ) -> list[list[Any]]: ...
    async def conversation(self, person_id: int) -> Conversation: ...

    # Real messages teach the reader (issue 27): kept masked, labelled by the Dinas, exported
    async def add_unclear(
        self, *, person_id: int, channel: str, place: str, lang: str, text: str,
        reading: str | None, confidence: float | None, chosen: str | None, now: datetime,
    ) -> None: ...  # fmt: skip
    async def unclear_count(self, person_id: int, since: datetime | None = None) -> int: ...
    async def unclear_waiting(
        self, place: str | None, reading: str | None, offset: int, limit: int
    ) -> tuple[list[Unclear], int]: ...
    async def unclear_readings(self) -> list[str | None]: ...
    async def unclear_message(self, message_id: int) -> Unclear | None: ...
    async def label_unclear(
        self, message_id: int, label: str, lang: str, officer_id: int | None, now: datetime
    ) -> bool: ...
    async def drop_unclear(self, message_id: int) -> bool: ...
    async def labelled_unclear(self, since: datetime | None) -> list[Unclear]: ...
    async def labelled_count(self) -> int: ...
    async def purge_unclear(self, cutoff: datetime) -> int: ...
    async def forget_unclear(self, person_id: int) -> None: ...


Ctx = Context[UnderstandingStore]
