"""A Reply as WhatsApp messages, within the Cloud API's limits.

Up to 3 choices with titles of at most 20 characters become reply buttons; up to 10 with titles
of at most 24 an interactive list; anything else numbered text (the handlers read a typed number
as the choice). Labels are never cut: a label too long for a widget means the next form down.
Telegram's "share my phone number" key has no WhatsApp equivalent and is left out: the question
also takes a typed number. No text is previewed (`preview_url` false), so a Reply's
link_preview=False (a one-time link) holds here whatever it says.
"""

from __future__ import annotations

from typing import Any

from bot.channels.render import reply_text, split_text
from bot.i18n import Catalogue
from handlers.core.messages import ButtonKind, Msg, Reply

MAX_BUTTONS, MAX_BUTTON_TITLE = 3, 20
MAX_ROWS, MAX_ROW_TITLE = 10, 24
MAX_INTERACTIVE_BODY = 1024
MAX_TEXT = 4096
MAX_LIST_BUTTON = 20


def _texts(body: str) -> list[dict[str, Any]]:
    """A text in as many messages as it needs: nothing is cut off the end."""
    return [{"type": "text", "text": {"body": piece, "preview_url": False}}
            for piece in split_text(body, MAX_TEXT)]  # fmt: skip


def render(cat: Catalogue, reply: Reply, locale: str) -> list[dict[str, Any]]:
    """The message bodies (without the recipient) for one Reply, in sending order."""
    text = reply_text(cat, reply, locale)
    choices = [b for b in reply.buttons if b.kind is ButtonKind.CALLBACK]
    if not choices:
        return _texts(text)
    labels = [cat.render(b.label, locale) for b in choices]
    out: list[dict[str, Any]] = []
    body = text
    if len(text) > MAX_INTERACTIVE_BODY:  # the words first, then the choices under a short line
        out.extend(_texts(text))
        body = cat.render(Msg("wa-choose"), locale)
    if len(choices) <= MAX_BUTTONS and all(len(x) <= MAX_BUTTON_TITLE for x in labels):
        buttons = [{"type": "reply", "reply": {"id": b.data, "title": label}}
                   for b, label in zip(choices, labels, strict=True)]  # fmt: skip
        out.append({"type": "interactive", "interactive": {
            "type": "button", "body": {"text": body}, "action": {"buttons": buttons}}})  # fmt: skip
        return out
    opener = cat.render(reply.list_title or Msg("wa-list-open"), locale)[:MAX_LIST_BUTTON]
    if len(choices) <= MAX_ROWS and all(len(x) <= MAX_ROW_TITLE for x in labels):
        rows = [{"id": b.data, "title": label} for b, label in zip(choices, labels, strict=True)]
        section = {"title": opener[:MAX_ROW_TITLE], "rows": rows}
        out.append({"type": "interactive", "interactive": {
            "type": "list", "body": {"text": body},
            "action": {"button": opener, "sections": [section]}}})  # fmt: skip
        return out
    numbered = "\n".join(f"{i}. {label}" for i, label in enumerate(labels, 1))
    hint = cat.render(Msg("wa-reply-number"), locale)
    return _texts(f"{text}\n\n{numbered}\n\n{hint}")
