"""Real messages teach the reader (issue 27 point 7, conversation-driven development): every
message the reader did not understand, and every reading the person corrected by choosing
another option, passes through here.

A placeholder for now: keeping such messages (masked, 90 days), the console's labelling page
and `siaga admin corpus export` are built in their own change, which fills this function.
"""

from __future__ import annotations

from handlers.ports import Context
from handlers.records import Person


async def keep_unclear(
    ctx: Context, person: Person, text: str, read: tuple[str, float], chosen: str | None
) -> None:
    """`text` as typed; `read` the reader's label and calibrated confidence; `chosen` the
    label the person picked instead (None: nothing picked, the message was not understood)."""
    return None
