""" "Tanya petugas": a resident's question (words, a voice note, a photo) goes to the
kelurahan's reviewers or the Dinas, one officer holds and answers it, the resident rates the
answer; quiet officers are let go and late questions go on to the Dinas on their own.

The public surface others use; the modules inside are this capability's own."""

from __future__ import annotations

from handlers.core.capability import Capability, Job, MenuEntry
from handlers.handover import stats, tickets, watch
from handlers.handover.desk import (
    STATUSES,
    Question,
    Waiting,
    answer_with_file,
    desk,
    faq_answer,
    faq_ids,
    file_kind,
    question,
)
from handlers.handover.port import HandoverStore
from handlers.handover.records import DESK_ORIGIN, Ticket, TicketStatus
from handlers.handover.tickets import MAX_TEXT, Closed, Hold, Sent, answer, close_ticket, hold

CAPABILITY = Capability(
    "handover",
    flows=(tickets.ASKING, tickets.ANSWERING),
    menu=(MenuEntry("menu-tickets", "tickets", officer=30),),
    anywhere=("officer",),  # "Tanya petugas" under the help and the not-understood replies
    notices=tickets.NOTICES,
    jobs=(Job("tickets", watch.tend), Job("purge_tickets", watch.purge, hour=2, retention=True)),
    stats=stats.collect,
    media=tickets.on_media,
    text=tickets.on_text,
    question=tickets.question_typed,
)  # fmt: skip

__all__ = [
    "CAPABILITY", "DESK_ORIGIN", "MAX_TEXT", "STATUSES", "Closed", "HandoverStore", "Hold",
    "Question", "Sent", "Ticket", "TicketStatus", "Waiting", "answer", "answer_with_file",
    "close_ticket", "desk", "faq_answer", "faq_ids", "file_kind", "hold", "question",
]  # fmt: skip
