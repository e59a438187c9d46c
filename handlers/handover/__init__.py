""" "Tanya petugas": a resident's question (words, a voice note, a photo) goes to the
kelurahan's reviewers or the Dinas, one officer holds and answers it, the resident rates the
answer; quiet officers are let go and late questions go on to the Dinas on their own.

The public surface others use; the modules inside are this capability's own."""

from __future__ import annotations

from handlers.core.capability import Capability, Job, MenuEntry
from handlers.handover import stats, tickets, watch
from handlers.handover.port import HandoverStore
from handlers.handover.records import Ticket, TicketStatus

CAPABILITY = Capability(
    "handover",
    flows=(tickets.ASKING, tickets.ANSWERING),
    menu=(MenuEntry("menu-tickets", "tickets", officer=30),),
    anywhere=("officer",),  # "Tanya petugas" under the help and the not-understood replies
    notices=tickets.NOTICES,
    jobs=(Job("tickets", watch.tend), Job("purge_tickets", watch.purge, hour=2)),
    stats=stats.collect,
    media=tickets.on_media,
    text=tickets.on_text,
    question=tickets.question_typed,
)  # fmt: skip

__all__ = ["CAPABILITY", "HandoverStore", "Ticket", "TicketStatus"]
