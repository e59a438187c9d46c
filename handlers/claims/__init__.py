"""When something happens (issue 20): a death or a work accident reported by anyone, the case
the Dinas follows to BPJS's payment, the lurah's letters, the family told at each step, the
children's yearly scholarship reminder, and the claims' figures.

The public surface others and the doors use; the modules inside are this capability's own."""

from __future__ import annotations

from handlers.claims import desk, report, stats, watch
from handlers.claims.cases import Moved, card, case, case_list, children, day, held, in_status, move
from handlers.claims.port import ClaimsStore
from handlers.claims.records import Claim
from handlers.claims.stats import ClaimFigures
from handlers.core.capability import Capability, Job, MenuEntry

CAPABILITY = Capability(
    "claims",
    flows=(report.REPORT, desk.DESK),
    menu=(MenuEntry("menu-report", "report", citizen=50, officer=50),),
    notices=desk.NOTICES,
    jobs=(Job("claims", watch.tend, hour=7),),
    status=in_status,
    my_data=held,
    stats=stats.collect,
    sealed_nik_in=(report.ReportState.KEY,),
)  # fmt: skip

__all__ = [
    "CAPABILITY", "Claim", "ClaimFigures", "ClaimsStore", "Moved", "card", "case", "case_list",
    "children", "day", "move",
]  # fmt: skip
