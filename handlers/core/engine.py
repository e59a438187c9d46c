"""Conversation plumbing shared by every flow: buttons bound to a step, what the person sent.

A button carries the conversation version it was shown at ("12|kec:35.77.01"). Every answered
step bumps the version, so a button from an old message, a replayed one or a forged one no longer
matches and changes nothing ("tombol ini sudah tidak berlaku").
"""

from __future__ import annotations

from dataclasses import dataclass

from handlers.core.messages import Button, ButtonKind, Incoming, Kind, Msg, Reply
from handlers.core.records import Conversation

MAX_TEXT = 1000  # longer messages are not answers to any question we ask
MAX_DATA = 64  # Telegram's callback_data limit, in bytes


def bind(conv: Conversation, value: str) -> str:
    data = f"{conv.version}|{value}"
    assert len(data.encode()) <= MAX_DATA, data
    return data


def button(conv: Conversation, key: str, value: str, **args: object) -> Button:
    return Button(Msg(key, dict(args)), bind(conv, value))  # type: ignore[arg-type]


def contact_button(conv: Conversation, key: str) -> Button:
    return Button(Msg(key), bind(conv, "contact"), ButtonKind.REQUEST_CONTACT)


@dataclass(frozen=True)
class Input:
    """What the person answered: a button value, typed text, or a shared phone number."""

    choice: str | None = None
    text: str = ""
    phone: str = ""


class Stale(Exception):
    pass


def read_input(conv: Conversation, msg: Incoming, options: tuple[Button, ...]) -> Input:
    """Turn an Incoming into an Input for the current step. Raises Stale for old buttons."""
    if msg.kind is Kind.BUTTON:
        version, _, value = msg.data.partition("|")
        if not value or version != str(conv.version):
            raise Stale
        return Input(choice=value)
    if msg.kind is Kind.CONTACT:
        return Input(phone=msg.phone)
    text = msg.text.strip()
    # Typed numbers choose among numbered options (console, WhatsApp text fallback). A
    # contact-sharing button is never numbered: only Telegram shows it, as a keyboard key.
    numbered = [b for b in options if b.kind is ButtonKind.CALLBACK]
    if len(numbered) == 1 and numbered[0].data.endswith("|cancel"):
        numbered = []  # "1" at a question whose one button is Batal is an answer, not a wipe
    if text.isdigit() and numbered and 1 <= int(text) <= len(numbered) and len(text) <= 2:
        picked = numbered[int(text) - 1]
        return Input(choice=picked.data.partition("|")[2], text=text)
    return Input(text=text)


def reply(key: str, *buttons: Button, **args: object) -> Reply:
    return Reply((Msg(key, dict(args)),), tuple(buttons))  # type: ignore[arg-type]


def with_note(note: Msg, prompt: Reply) -> Reply:
    """A correction or confirmation shown above the next question, in one message."""
    return Reply((note, *prompt.parts), prompt.buttons, prompt.list_title)
