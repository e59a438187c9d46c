"""Rendering a Reply to plain text: shared by the console and any text-only fallback."""

from __future__ import annotations

from collections.abc import Callable

from bot.i18n import Catalogue
from handlers.core.messages import Reply


def reply_text(
    cat: Catalogue, reply: Reply, locale: str, escape: Callable[[str], str] | None = None
) -> str:
    return "\n\n".join(cat.render(m, locale, escape) for m in reply.parts)


def button_labels(cat: Catalogue, reply: Reply, locale: str) -> list[str]:
    return [cat.render(b.label, locale) for b in reply.buttons]


def _units(text: str) -> int:
    """Length as the platforms count it: UTF-16 code units (an emoji counts two)."""
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int) -> list[str]:
    """Plain text in pieces of at most `limit` units, cut at a paragraph, else a line, else a
    space, else anywhere. Cut before any markup escaping: an escaped text cut blindly can end
    in half an entity ("&amp"), which Telegram refuses, and a long text loses its tail."""
    pieces: list[str] = []
    while _units(text) > limit:
        head = text[:limit]
        while _units(head) > limit:  # astral characters take two units each
            head = head[: -max(1, (_units(head) - limit) // 2)]
        for sep in ("\n\n", "\n", " "):
            cut = head.rfind(sep)
            if cut > len(head) // 2:
                break
        else:
            cut = len(head)
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    pieces.append(text)
    return [p for p in pieces if p] or [""]
