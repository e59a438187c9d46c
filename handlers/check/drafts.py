"""The check's draft as others see it: what /dataku shows of an unfinished check, whether the
menu offers to resume one, and the kelurahan and name in it (a question to an officer goes to
that kelurahan; the name is masked in a message kept to teach the reader)."""

from __future__ import annotations

from typing import Any

from handlers.check.form import CheckState, masked_phone
from handlers.core.capability import Context
from handlers.core.messages import Msg, Raw
from handlers.core.records import Conversation, Person


def started(conv: Conversation) -> bool:
    return CheckState.of(conv).started


def kelurahan(conv: Conversation) -> str | None:
    return CheckState.of(conv).kelurahan


def name(conv: Conversation) -> str | None:
    return CheckState.of(conv).name


async def held(ctx: Context[Any], person: Person, conv: Conversation) -> list[Msg]:
    """An unfinished check in /dataku: kept `draft_retention_days` after the last message."""
    a = CheckState.of(conv)
    if not (a.started or a.kelurahan or a.occupation_done):
        return []
    return [Msg("dataku-draft", {
        "name": Raw(a.name or "-"), "nik": a.nik_masked or "-",
        "phone": masked_phone(a.phone) or "-", "days": ctx.settings.draft_retention_days,
    })]  # fmt: skip
