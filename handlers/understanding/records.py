"""A message kept to teach the reader, as the port hands it over (masked)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(kw_only=True)
class Unclear:
    """A message Siaga did not understand, or read wrongly, as kept: masked (issue 27)."""

    id: int
    person_id: int
    channel: str
    # where it was typed, in which language, what it said (masked)
    place: str
    lang: str
    text: str
    # what the reader read and with what confidence, what the person chose instead
    reading: str | None = None
    confidence: float | None = None
    chosen: str | None = None
    created_at: datetime
    # the Dinas's label, by whom and when (None: waiting on the Pelajari page)
    label: str | None = None
    labelled_by: int | None = None
    labelled_at: datetime | None = None


NO_READING = "-"  # the Pelajari filter: messages nothing was read from (the reader's "none" too)
