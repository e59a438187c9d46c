"""/dataku and /hapus for a linked participant (UU 27/2022): the link is shown, and goes with
the account; the list's row stays (the Pemkot's archive, as a registered participant's)."""

from __future__ import annotations

from handlers.core.capability import Ctx as Context
from handlers.core.messages import Msg, Raw
from handlers.core.records import Conversation, Person
from handlers.participants.port import port


async def held(ctx: Context, person: Person, conv: Conversation) -> list[Msg]:
    p = await port(ctx).participant_of(person.id)
    if p is None:
        return []
    via = Msg(f"participant-via-{p.linked_via or 'lurah'}")
    return [Msg("participant-held", {"name": Raw(p.name), "nik": p.nik_masked, "via": via})]


async def unlink(ctx: Context, person: Person) -> None:
    await port(ctx).unlink_person(person.id)
