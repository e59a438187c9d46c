"""Understanding what people type: the buttons last shown (a number, a label, yes/no),
requests and FAQ questions in sentences, the reply language, and the messages not understood,
kept masked for the Dinas to label so the reader learns from real use.

The public surface others and the doors use; the modules inside are this capability's own."""

from __future__ import annotations

from handlers.core.capability import Capability, Erasure, Job, MenuEntry
from handlers.understanding import language, learning, typed
from handlers.understanding.learning import (
    KEEP_DAYS,
    Labelled,
    discard,
    export_corpus,
    label,
    note_unclear,
    waiting,
)
from handlers.understanding.port import UnderstandingStore
from handlers.understanding.records import NO_READING, Unclear

CAPABILITY = Capability(
    "understanding",
    flows=(language.LANGUAGE,),
    menu=(MenuEntry("menu-lang", "lang", citizen=60, officer=70),),
    # the reader's own buttons: a meaning picked, a destructive request confirmed
    prefixes={"lang:": language.picked, "mean:": typed.picked_meaning,
              "do:": typed.picked_confirmation},
    jobs=(Job("purge_learning", learning.purge, hour=2, retention=True),),
    my_data=learning.held,
    erase=Erasure(run=learning.forget),
    text=typed.on_text,
    bare_command=typed.typed_command,
    menu_text=typed.menu_text,
    offered=typed.last_offered,
    first_message=language.first_message,
)  # fmt: skip

__all__ = [
    "CAPABILITY", "KEEP_DAYS", "NO_READING", "Labelled", "Unclear", "UnderstandingStore", "discard",
    "export_corpus", "label", "note_unclear", "waiting",
]  # fmt: skip
