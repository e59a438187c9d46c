"""A citizen's question to an officer, as the port hands it over."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class TicketStatus(StrEnum):
    OPEN = "open"  # waiting for an officer
    HELD = "held"  # an officer is answering: the citizen's messages go to them
    CLOSED = "closed"


@dataclass
class Ticket:
    """A citizen's question to an officer ("Tanya petugas")."""

    id: int
    person_id: int
    kelurahan_code: str | None
    status: TicketStatus
    held_by: int | None
    messages: list[dict[str, Any]]
    created_at: datetime
    answered_at: datetime | None = None
    closed_at: datetime | None = None
    rating: int | None = None
    last_at: datetime | None = None  # the last word either way
    escalated_at: datetime | None = None

    @property
    def question(self) -> str:
        """The citizen's first words (a media note when the question was a voice note)."""
        return next((m["text"] for m in self.messages if m["from"] == "citizen"), "")


# Where a file uploaded on the web console to answer a question "lives" (issue 30): no
# platform holds it, so bot/db keeps its bytes (desk_files) for as long as its ticket_media row.
DESK_ORIGIN = "konsol"
