"""The buttons of the last message a person saw, kept in their conversation ("shown") by the
kernel after every update: what a typed "1" means next time (handlers/understanding), and the
buttons a pressed one is checked against without asking the current question again (issue 28
point 2: a lurah's card is not read twice to know its buttons)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from handlers.core.messages import ButtonKind, Reply
from handlers.core.records import Conversation
from handlers.core.state import FlowState


@dataclass
class Shown(FlowState):
    KEY: ClassVar[str] = "shown"
    buttons: list[list[Any]] = field(default_factory=list)  # [label as JSON, data]

    def remember(self, replies: list[Reply]) -> None:
        last = next((r for r in reversed(replies) if r.buttons), None)
        shown = last.buttons if last is not None else ()
        self.buttons = [[b.label.to_json(), b.data] for b in shown if b.kind is ButtonKind.CALLBACK]

    def save(self, conv: Conversation) -> None:
        # built fresh above: stored as it is (dataclasses.asdict copied every label's JSON
        # again, 0.7 ms of every update in issue 28's profile)
        conv.answers[self.KEY] = {"buttons": self.buttons}

    def offers(self, data: str) -> bool:
        """A button with this data (version and value) was on the last message shown."""
        return any(b[1] == data for b in self.buttons)


def remember_shown(conv: Conversation, replies: list[Reply]) -> None:
    if not replies:
        return
    shown = Shown.of(conv)
    shown.remember(replies)
    shown.save(conv)
