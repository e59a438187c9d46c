"""What a channel is. Telegram, WhatsApp and the console implement this and nothing else:
ordering, handling, retrying and settling are the delivery path's (bot/delivery), the tables
are bot/db's. A new channel (SMS, a web chat) implements the port and adds a route; the port's
contract test (tests/test_channel_port.py) then runs against it as against the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, NamedTuple, Protocol

from handlers.core.messages import Attachment, Incoming, Media, Msg, Outgoing


class Delivery:
    """What one attempt to deliver a message came to, whichever path sent it (a reply sent at
    once, or an outbox row): one vocabulary for both."""

    SENT = "sent"
    BLOCKED = "blocked"  # the person blocked the bot, or never pressed Start
    RETRY = "retry"  # the platform could not be reached or asked us to wait: try again later
    FAILED = "failed"  # refused for good


class Delivered(NamedTuple):
    status: str  # one of Delivery's values
    message_id: str | None = None
    retry_after: float = 0.0  # the platform asked everyone to wait this long (a 429)
    error: str = ""  # a code or a short reason, never the message's text
    outside_window: bool = False  # refused because only a template may reach this person now
    # Platform messages that went in this attempt, a failed one included: a reply may take
    # several (a long text in pieces, the words then a file), and the next attempt skips them
    # (Envelope.skip) so that nobody gets a piece twice (issue 26 item 13).
    pieces: int = 0
    # Forwarded files the platform refused for good (kept media ids): the words went, with a
    # line saying the file could not be passed on; whoever sent it is asked to send it again.
    unforwarded: tuple[int, ...] = ()


class Pieces:
    """One attempt's platform messages, counted from the first of `out` (every channel the
    same way: review of issue 26, finding 13). Those an earlier attempt sent are skipped
    (Envelope.skip); those sent now are counted, and so are the forwarded files the platform
    refused for good."""

    def __init__(self, skip: int) -> None:
        self.skip, self.at, self.done = skip, 0, 0
        self.lost: list[int] = []

    def due(self) -> bool:
        """The next piece: whether it goes in this attempt (False: it went in an earlier)."""
        self.at += 1
        return self.at > self.skip

    @property
    def now(self) -> bool:
        """The last piece counted goes in this attempt."""
        return self.at > self.skip

    def went(self) -> None:
        self.done += 1

    def not_passed(self, attach: Attachment) -> Msg:
        """A forwarded file the platform refused for good: remembered (whoever sent it is
        asked to send it again), and the line that goes in its place, so the reader is not
        left waiting for it (issue 26 item 10)."""
        assert attach.media is not None
        self.lost.append(attach.kept)
        return Msg("media-not-passed", {"kind": Msg(f"media-kind-{attach.media.kind}")})

    def of(self, outcome: Delivered) -> Delivered:
        """The attempt's outcome with what went and what was refused."""
        return outcome._replace(pieces=self.done, unforwarded=tuple(self.lost))


@dataclass(frozen=True)
class Limits:
    """A platform's limits, which the delivery path keeps and the renderers respect."""

    per_second: float  # messages a second for the whole bot or number
    per_chat_interval: float  # seconds between two messages to one person
    max_text: int  # one message's text, in UTF-16 units
    max_buttons: int
    can_edit: bool  # a sent message can be changed in place (a broadcast's progress)
    window: timedelta | None = None  # free-form messages only this long after the person wrote
    files: bool = True  # carries voice notes, photos and documents (a terminal names them)


@dataclass(frozen=True)
class Envelope:
    """How to send: as the approved template (outside a window), or in place of a message
    sent earlier (on a channel that can edit); `skip`: the first platform messages of `out`
    already went in an earlier attempt (send only the rest); `news`: not the message but the
    short approved template saying news waits, its one parameter the message's text (what the
    news is about), with a quick-reply button."""

    template: bool = False
    replace: str | None = None
    skip: int = 0
    news: bool = False


PLAIN = Envelope()  # a new message, free-form


@dataclass(frozen=True)
class Inbound:
    """One message from a person, and what the channel needs to acknowledge it."""

    incoming: Incoming
    ack: Any = None  # a Telegram callback query, answered once the update is handled


class Report(NamedTuple):
    """A platform's later word about a message we sent (WhatsApp's status webhooks)."""

    message_id: str
    state: str  # sent | delivered | read | failed
    error: str = ""  # the platform's code for a failure
    outside_window: bool = False  # failed because only a template could reach the person


@dataclass
class Parsed:
    inbound: list[Inbound] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    ignored: list[Any] = field(default_factory=list)  # parsed, not for us: acknowledged only


class Channel(Protocol):
    name: str
    limits: Limits

    def parse(self, raw: Any) -> Parsed:
        """A verified request body (or a console line) as messages and reports. Junk gives
        an empty Parsed, never an exception."""
        ...

    async def deliver(self, to: str, out: Outgoing, how: Envelope = PLAIN) -> Delivered:
        """One attempt to send `out`, its outcome classified. No retry and no waiting here."""
        ...

    async def fetch(self, media: Media, max_bytes: int) -> bytes | None:
        """The bytes of a file a person sent on this channel, to forward it to another; held in
        memory only. None when it cannot be had for good (expired, deleted, larger than
        `max_bytes` or than the platform lets a bot download); an exception when the platform
        could not be reached (try again later)."""
        ...

    async def acknowledge(self, item: Inbound | Any, answered: bool) -> None:
        """Tell the platform an update was taken (a Telegram button stops spinning and, once
        answered, loses its buttons). Most channels have nothing to do."""
        ...

    async def close(self) -> None: ...
