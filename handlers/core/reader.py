"""The trained reader of typed messages, as the use cases see it (issue 27; bot/reader
implements it): every capability reads through the one the composition root hands over."""

from __future__ import annotations

from typing import Protocol

from domain.reading import Reading, Thresholds


class Reader(Protocol):
    """What a message asks for, with calibrated confidence, and which language it is in."""

    thresholds: Thresholds
    language_at: float  # a first message in another language switches the reply at this

    # place: where it was typed (domain.reading.PLACES; "" at the menu or as a first message)
    def read(self, text: str, place: str = "") -> Reading: ...
    def language(self, text: str) -> tuple[str, float]: ...


class NoReader:
    """Reads nothing: every message is not understood (a context built without the model)."""

    thresholds = Thresholds(act=1.01, ask=1.01)
    language_at = 1.01

    def read(self, text: str, place: str = "") -> Reading:
        return Reading()

    def language(self, text: str) -> tuple[str, float]:
        return "id", 0.0
