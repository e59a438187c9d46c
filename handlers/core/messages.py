"""What handlers receive and answer, whatever the channel.

A reply is never text: it is a message key with arguments, and buttons whose labels are keys
too. Each channel renders it in the person's language within its own limits (Telegram's 64-byte
callback data, WhatsApp's 3 buttons of 20 characters …), and the outbox stores it the same way,
so a notification is rendered in the recipient's language when it is sent.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Union

from domain.text import LONG_NUMBER

# The languages Siaga speaks: a catalogue in locales/ for each, Indonesian the default.
LANGUAGES = ("id", "en", "jv")

ArgValue = Union[str, int, float, "Msg", "Raw", "SealedNik", "SealedText"]


@dataclass(frozen=True, slots=True)
class Raw:
    """User-supplied text passed through as is (channels escape it for their markup)."""

    text: str


@dataclass(frozen=True, slots=True)
class SealedNik:
    """A NIK as the vault sealed it. Replies are kept in the outbox until sent, so a reply
    that reads a NIK back to its owner carries only this; the renderer opens it when the
    message is rendered for sending, and nothing at rest holds the clear digits."""

    token: str


@dataclass(frozen=True, slots=True)
class SealedText:
    """Words a person typed to a person ("Tanya petugas"), with every long number in them (a
    NIK, a phone) sealed by the vault as `[[#token]]` (see seal_numbers). Tickets and the
    outbox keep this form; the renderer opens the numbers for the reader, so the officer reads
    what was typed and nothing at rest holds the digits (issue 26). `limit` cuts the opened
    text for a preview."""

    text: str
    limit: int = 0


_SEAL = re.compile(r"\[\[#([A-Za-z0-9_=-]+)\]\]")
_TYPED_SEAL = re.compile(r"\[(?=\[)")
HIDDEN = "••••"  # a sealed number that does not open (another key) is shown as this


def seal_numbers(text: str, seal: Callable[[str], str], typed: bool = True) -> str:
    """The text with each long number sealed. Typed text first has every "[[" spaced apart,
    so nothing a person types reads as a seal; text already sealed (typed=False) keeps its
    seals, so sealing it again changes nothing."""
    if typed:
        return _seal_plain(text, seal)
    out: list[str] = []
    last = 0
    for m in _SEAL.finditer(text):
        out += [_seal_plain(text[last : m.start()], seal), m.group()]
        last = m.end()
    out.append(_seal_plain(text[last:], seal))
    return "".join(out)


def _seal_plain(text: str, seal: Callable[[str], str]) -> str:
    spaced = _TYPED_SEAL.sub("[ ", text)
    return LONG_NUMBER.sub(lambda m: f"[[#{seal(m.group())}]]", spaced)


def open_numbers(text: str, unseal: Callable[[str], str] | None) -> str:
    def one(m: re.Match[str]) -> str:
        try:
            return unseal(m.group(1)) if unseal else HIDDEN
        except Exception:  # a token from another key: hidden, never a failed reply
            return HIDDEN

    return _SEAL.sub(one, text)


def reseal_numbers(text: str, reseal: Callable[[str], str]) -> str:
    """Each seal in the text opened with the old key and sealed with the new (rotate-key)."""
    return _SEAL.sub(lambda m: f"[[#{reseal(m.group(1))}]]", text)


@dataclass(frozen=True, slots=True)
class Msg:
    key: str
    args: Mapping[str, ArgValue] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"k": self.key, "a": {n: _arg_to_json(v) for n, v in self.args.items()}}

    @staticmethod
    def from_json(data: Mapping[str, Any]) -> Msg:
        return Msg(data["k"], {n: _arg_from_json(v) for n, v in data.get("a", {}).items()})


def _arg_to_json(v: ArgValue) -> Any:
    if isinstance(v, Msg):
        return {"msg": v.to_json()}
    if isinstance(v, Raw):
        return {"raw": v.text}
    if isinstance(v, SealedNik):
        return {"nik": v.token}
    if isinstance(v, SealedText):
        return {"sealed": v.text, "max": v.limit} if v.limit else {"sealed": v.text}
    return v


def _arg_from_json(v: Any) -> ArgValue:
    if isinstance(v, dict):
        if "msg" in v:
            return Msg.from_json(v["msg"])
        if "nik" in v:
            return SealedNik(str(v["nik"]))
        if "sealed" in v:
            return SealedText(str(v["sealed"]), int(v.get("max", 0)))
        return Raw(str(v.get("raw", "")))
    assert isinstance(v, str | int | float)
    return v


class ButtonKind(StrEnum):
    CALLBACK = "cb"
    REQUEST_CONTACT = "contact"  # Telegram's request_contact; elsewhere a normal choice


@dataclass(frozen=True, slots=True)
class Button:
    label: Msg
    data: str  # ≤ 64 bytes, bound to the conversation step (see handlers.engine)
    kind: ButtonKind = ButtonKind.CALLBACK


@dataclass(frozen=True, slots=True)
class Reply:
    parts: tuple[Msg, ...]  # rendered and joined by a blank line
    buttons: tuple[Button, ...] = ()
    # A hint for channels with list widgets (WhatsApp): the button that opens the list.
    list_title: Msg | None = None
    image_png: bytes | None = None
    # A voice note, photo or document forwarded with this reply (after its text).
    attach: Attachment | None = None
    # The command list this person's chat should show from now on ("citizen", "reviewer",
    # "admin"): Telegram sets it for the one chat; channels without one ignore it.
    commands: str | None = None
    # False: a link in it must not be previewed. A preview is fetched by the platform, and a
    # one-time link fetched is a link spent (issue 26 item 11: the console's /masuk link).
    link_preview: bool = True

    @staticmethod
    def of(key: str, buttons: tuple[Button, ...] = (), **args: ArgValue) -> Reply:
        return Reply((Msg(key, args),), buttons)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"p": [m.to_json() for m in self.parts]}
        if self.buttons:
            out["b"] = [[b.label.to_json(), b.data, b.kind.value] for b in self.buttons]
        if self.list_title is not None:
            out["l"] = self.list_title.to_json()
        if self.attach is not None:
            out["m"] = self.attach.kept  # the reference only: bytes are never stored
        if self.commands is not None:
            out["c"] = self.commands
        if self.image_png is not None:  # a chart goes the outbox's way like any message
            out["i"] = base64.b64encode(self.image_png).decode()
        if not self.link_preview:
            out["np"] = 1
        return out

    @staticmethod
    def from_json(data: Mapping[str, Any]) -> Reply:
        buttons = tuple(
            Button(Msg.from_json(b[0]), b[1], ButtonKind(b[2])) for b in data.get("b", [])
        )
        title = Msg.from_json(data["l"]) if "l" in data else None
        attach = Attachment(int(data["m"])) if "m" in data else None
        image = base64.b64decode(data["i"]) if "i" in data else None
        return Reply(tuple(Msg.from_json(m) for m in data["p"]), buttons, title, image,
                     attach=attach, commands=data.get("c"),
                     link_preview=not data.get("np"))  # fmt: skip


@dataclass(frozen=True, slots=True)
class UserRef:
    """A person on one channel: opaque to handlers (DESIGN.md rule 2)."""

    channel: str  # "console", "telegram", "whatsapp"
    external_id: str


class Kind(StrEnum):
    TEXT = "text"
    BUTTON = "button"
    CONTACT = "contact"  # a shared phone number
    MEDIA = "media"  # sticker, photo, voice, document, location …


@dataclass(frozen=True, slots=True)
class Media:
    """What a person sent that is not text: its kind and the platform's own reference to it
    (a Telegram file_id, a WhatsApp media id), so it can be forwarded without Siaga keeping
    it. Size and length as the platform reported them (0: not said)."""

    kind: str  # voice | audio | photo | video | document | sticker | location | contact | other
    ref: str = ""
    mime: str = ""
    size: int = 0  # bytes
    seconds: int = 0  # a voice note's or a video's length
    origin: str = ""  # the channel where `ref` is valid

    def named(self) -> Msg:
        """The file as a reader is told of it: "pesan suara (0:42)"."""
        minutes, seconds = divmod(self.seconds, 60)
        length = f" ({minutes}:{seconds:02d})" if self.seconds else ""
        return Msg("media-named", {"kind": Msg(f"media-kind-{self.kind}"), "length": length})

    @property
    def forwardable(self) -> bool:
        """Something a person can listen to, look at or open: a sticker, a location or a
        contact card carries no question an officer could answer."""
        return self.kind in FORWARDABLE and bool(self.ref)


FORWARDABLE = ("voice", "audio", "photo", "video", "document")


@dataclass(frozen=True, slots=True)
class Attachment:
    """Media forwarded with a reply. The outbox keeps only `kept`, the row of the ticket's
    media table holding the platform's reference; the delivery path fills in the reference
    (and the bytes, fetched from the other platform, in memory) when it sends."""

    kept: int
    media: Media | None = None
    data: bytes | None = None


@dataclass(frozen=True, slots=True)
class Incoming:
    user: UserRef
    kind: Kind
    text: str = ""
    data: str = ""  # button payload
    phone: str = ""  # from a shared contact
    locale_hint: str = ""  # e.g. Telegram's language_code on first contact
    update_id: str = ""  # for dedupe; empty when the channel has none (console)
    display_name: str = ""
    media: Media | None = None  # with Kind.MEDIA: what was sent


@dataclass(frozen=True, slots=True)
class Outgoing:
    """What a handled update produces for its sender: replies and the language to render in."""

    locale: str
    replies: list[Reply]
    # The outbox row that keeps these replies until the channel says they left (None when the
    # channel prints them at once, like the console): a crash after the commit loses no reply.
    receipt: int | None = None
