"""What the one "news" template names (issue 26 item 9). Outside WhatsApp's 24-hour window
only an approved template may reach a person; Siaga keeps the message and sends one utility
template, "Ada kabar baru dari Siaga tentang {{1}}. Balas pesan ini untuk membacanya.", with
a quick-reply button. One template for every kind of message, its parameter naming what the
news is about, rather than one per kind: one approval per language instead of six, a new
kind of notice needs no new approval, and the parameter keeps it about the person's own
matter (what makes a template "utility"). The topic is read from the first waiting message's
key, so the handlers that write notices need not know about windows."""

from __future__ import annotations

from typing import Any

from handlers.core.messages import Button, Msg, Reply

# The first message key's beginning → the topic (the first match wins)
TOPICS = (
    ("claim-scholarship", "scholarship"),
    ("citizen-coverage", "coverage"),
    ("claim-", "claim"),
    ("ticket-", "question"),
    ("citizen-", "nomination"),
    ("lurah-", "nomination"),
    ("review-", "nomination"),
    ("gap-", "nomination"),
    ("admin-", "nomination"),
)
READ = "n|news"  # the button's payload: "show me", answered by what waited


def topic_of(payload: list[dict[str, Any]]) -> str:
    key = ""
    for reply in payload:
        for part in reply.get("p") or []:
            key = str(part.get("k") or "")
            break
        if key:
            break
    return next((topic for start, topic in TOPICS if key.startswith(start)), "other")


def news_for(payload: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The "news" row's payload for a message that has to wait: the topic as the template's
    parameter, and its button."""
    about = Msg(f"news-about-{topic_of(payload)}")
    return [Reply((about,), (Button(Msg("btn-news-read"), READ),)).to_json()]
