"""A flow's state: a typed dataclass, stored as JSON in the conversation under the flow's own
key. A check's draft lives on while the person looks at their status or changes language;
each flow reads and writes only its own part."""

from __future__ import annotations

import dataclasses
from typing import ClassVar, Self

from handlers.core.records import Conversation


class FlowState:
    KEY: ClassVar[str]

    @classmethod
    def of(cls, conv: Conversation) -> Self:
        """This flow's state in the conversation (a fresh one when there is none). Unknown
        keys (a field since removed) are ignored, so an old draft still loads."""
        stored = conv.answers.get(cls.KEY)
        if not isinstance(stored, dict):
            return cls()
        names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in stored.items() if k in names})

    def save(self, conv: Conversation) -> None:
        conv.answers[self.KEY] = dataclasses.asdict(self)  # type: ignore[call-overload]

    @classmethod
    def clear(cls, conv: Conversation) -> None:
        conv.answers.pop(cls.KEY, None)


@dataclasses.dataclass
class Resume(FlowState):
    """Where to go back to after a flow that interrupts another (language, an answer)."""

    KEY: ClassVar[str] = "resume"
    flow: str = "idle"
    step: str = ""

    @classmethod
    def take(cls, conv: Conversation) -> None:
        """Go back to where the person was, and forget the bookmark."""
        back = cls.of(conv)
        cls.clear(conv)
        conv.flow, conv.step = back.flow, back.step

    @classmethod
    def mark(cls, conv: Conversation) -> None:
        cls(conv.flow, conv.step).save(conv)
