"""The people already covered (issue 29): the participant list imported from the Dinas or
BPJS, an account linked to a participant by proof only, one's own cover in /status and
/peserta, the quota as the program counts it, the yearly renewal, and the list's figures.

The public surface others and the doors use; the modules inside are this capability's own."""

from __future__ import annotations

from handlers.core.capability import Capability, Erasure, Job
from handlers.participants import chat, figures, renewal
from handlers.participants.claims_view import listed_on_claim
from handlers.participants.erasure import held, unlink
from handlers.participants.export import COLUMNS as RENEWAL_COLUMNS
from handlers.participants.export import NUMERIC as RENEWAL_NUMERIC
from handlers.participants.export import renewal_rows
from handlers.participants.figures import collect as figures_of
from handlers.participants.linking import day, link_by_lurah
from handlers.participants.port import Participant, ParticipantStore
from handlers.participants.quota import counted, fits_one_more, made_of, program_places
from handlers.participants.renewal import MAX_NOTE, Done, decide, due, facts_msg
from handlers.participants.roster import SHOWN, Plan, named
from handlers.participants.roster import apply as apply_import
from handlers.participants.roster import plan as plan_import

CAPABILITY = Capability(
    "participants",
    flows=chat.FLOWS,
    commands=chat.COMMANDS,
    notices={action: (lambda a: lambda ctx, p, c, t: chat.notice(ctx, p, c, a, t))(action)
             for action in chat.ACTIONS},
    jobs=(Job("renewals", renewal.daily, hour=7),),
    status=chat.in_status,
    my_data=held,
    erase=Erasure(run=unlink),
    stats=figures.collect,
)  # fmt: skip

__all__ = [
    "CAPABILITY", "MAX_NOTE", "RENEWAL_COLUMNS", "RENEWAL_NUMERIC", "SHOWN", "Done",
    "Participant", "ParticipantStore", "Plan", "apply_import", "counted", "day", "decide", "due",
    "facts_msg", "figures_of", "fits_one_more", "link_by_lurah", "listed_on_claim", "made_of",
    "named",
    "plan_import", "program_places", "renewal_rows",
]  # fmt: skip
