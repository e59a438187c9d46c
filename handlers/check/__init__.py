"""The check: consent, the form's questions, the verdict with its reasons, filing a
nomination (by the resident, or by a lurah for a resident without a phone), and the
resident's answer to a lurah's question.

The public surface other capabilities and the doors use; the modules inside are this
capability's own (an import-linter contract keeps it so)."""

from __future__ import annotations

from handlers.check import answer_info, drafts, selfcheck
from handlers.check.drafts import kelurahan as draft_kelurahan
from handlers.check.drafts import name as draft_name
from handlers.check.form import CheckState, from_fields
from handlers.check.port import CheckStore
from handlers.check.selfcheck import file_nomination, in_person_prompt
from handlers.check.verdict_view import headline, next_step, reason_line, reason_msg
from handlers.core.capability import Capability, MenuEntry

CAPABILITY = Capability(
    "check",
    flows=(selfcheck.CHECK, answer_info.ANSWER_INFO),
    menu=(MenuEntry("menu-check", "check", citizen=10),
          MenuEntry("menu-onbehalf", "onbehalf", officer=20)),
    notices={"answer": answer_info.on_button},
    my_data=drafts.held,
    draft=drafts.started,
    sealed_nik_in=(CheckState.KEY,),
)  # fmt: skip

__all__ = [
    "CAPABILITY", "CheckStore", "draft_kelurahan", "draft_name", "file_nomination",
    "from_fields", "headline", "in_person_prompt", "next_step", "reason_line", "reason_msg",
]  # fmt: skip
