"""Rendering a Reply to plain text: shared by the console and any text-only fallback."""

from __future__ import annotations

from collections.abc import Callable

from bot.i18n import Catalogue
from handlers.messages import Reply


def reply_text(
    cat: Catalogue, reply: Reply, locale: str, escape: Callable[[str], str] | None = None
) -> str:
    return "\n\n".join(cat.render(m, locale, escape) for m in reply.parts)


def button_labels(cat: Catalogue, reply: Reply, locale: str) -> list[str]:
    return [cat.render(b.label, locale) for b in reply.buttons]
