"""A Reply as a Telegram message: HTML text (everything escaped) and a keyboard.

Callback buttons become an inline keyboard (callback_data is the bound step value, ≤ 64 bytes).
A contact-sharing button only exists on a reply keyboard, so a reply that asks for the phone
number gets a one-time reply keyboard instead, its other buttons as plain keys that send their
label as text.
"""

from __future__ import annotations

import html
from typing import Any

from bot.channels.render import reply_text, split_text
from bot.i18n import Catalogue
from handlers.core.messages import ButtonKind, Reply

# The Bot API's own JSON (InlineKeyboardMarkup or ReplyKeyboardMarkup), sent as it is by
# bot_api.BotApi: our own values, known good (a label's words, callback data bound to ≤ 64
# bytes by handlers.core.engine.bind), so nothing validates each button again
Markup = dict[str, Any] | None
MAX_TEXT = 4096  # Telegram's limit for one message


def _rows(labels: list[str], width: int) -> list[list[int]]:
    """Button indexes laid out in rows: short labels share a row, long ones stand alone."""
    rows: list[list[int]] = []
    row: list[int] = []
    for i, label in enumerate(labels):
        if len(label) > 18:
            if row:
                rows.append(row)
                row = []
            rows.append([i])
            continue
        row.append(i)
        if len(row) == width:
            rows.append(row)
            row = []
    if row:
        rows.append(row)
    return rows


def render(cat: Catalogue, reply: Reply, locale: str) -> list[tuple[str, Markup]]:
    """One message, or several when the text is longer than Telegram takes; the keyboard goes
    with the last, under the words it answers."""
    texts = [html.escape(t) for t in split_text(reply_text(cat, reply, locale), MAX_TEXT)]
    markup = _markup(cat, reply, locale)
    return [(t, None) for t in texts[:-1]] + [(texts[-1], markup)]


def _markup(cat: Catalogue, reply: Reply, locale: str) -> Markup:
    if not reply.buttons:
        return None
    labels = [cat.render(b.label, locale) for b in reply.buttons]
    width = 3 if len(labels) > 6 else 2
    if any(b.kind is ButtonKind.REQUEST_CONTACT for b in reply.buttons):
        keys = [
            [{"text": labels[i], "request_contact": True}
             if b.kind is ButtonKind.REQUEST_CONTACT else {"text": labels[i]}]
            for i, b in enumerate(reply.buttons)
        ]  # fmt: skip
        return {"keyboard": keys, "resize_keyboard": True, "one_time_keyboard": True}
    rows = [
        [{"text": labels[i], "callback_data": reply.buttons[i].data} for i in row]
        for row in _rows(labels, width)
    ]
    return {"inline_keyboard": rows}
