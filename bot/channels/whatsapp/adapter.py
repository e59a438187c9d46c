"""WhatsApp Cloud API as the port asks: a verified webhook body in (messages and delivery
statuses), one message out with its outcome classified.

A person is keyed by the business-scoped user id (BSUID) when Meta sends one (a phone number
may be missing once usernames exist), else by the phone number.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from bot.channels.port import (
    PLAIN,
    Delivered,
    Delivery,
    Envelope,
    Inbound,
    Limits,
    Parsed,
    Pieces,
    Report,
)
from bot.channels.render import reply_text
from bot.channels.whatsapp.client import OUTSIDE_WINDOW, PAIR_RATE, GraphError, WhatsAppClient
from bot.channels.whatsapp.render import MAX_TEXT, render
from bot.i18n import Catalogue
from handlers.core.messages import Attachment, Incoming, Kind, Media, Outgoing, UserRef

log = logging.getLogger("siaga.whatsapp")
CHANNEL = "whatsapp"
STATES = ("sent", "delivered", "read", "failed")
# Siaga's locales → the language a template is registered in with Meta. Meta's template
# languages include Indonesian ("id") and English ("en") but not Javanese.
TEMPLATE_LANGUAGES = {"id": "id", "en": "en", "jv": "id"}


def limits(per_second: float = 80.0) -> Limits:
    # About 80 messages/s per number; one message per user every 6 s (the pair rate); free-form
    # messages only within 24 hours of the person's last message (the customer-service window).
    return Limits(per_second=per_second, per_chat_interval=6.0, max_text=MAX_TEXT,
                  max_buttons=10, can_edit=False, window=timedelta(hours=24))  # fmt: skip


def _objects(value: Any) -> list[dict[str, Any]]:
    """The dicts of a list from a webhook body; anything else is ignored, not trusted."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _sender(m: dict[str, Any], contacts: list[dict[str, Any]]) -> str:
    if m.get("from_user_id"):
        return str(m["from_user_id"])
    for c in contacts:
        if c.get("user_id") and (len(contacts) == 1 or c.get("wa_id") == m.get("from")):
            return str(c["user_id"])
    return str(m.get("from") or "")


def incoming_from(m: dict[str, Any], contacts: list[dict[str, Any]]) -> Incoming | None:
    """The Incoming for one webhook message, or None for what is not a person writing."""
    who = _sender(m, contacts)
    kind = m.get("type")
    if not who or kind == "system" or not m.get("id"):
        return None
    user = UserRef(CHANNEL, who)
    uid = str(m["id"])
    name = next((str((c.get("profile") or {}).get("name") or "")[:100] for c in contacts), "")
    if kind == "text":
        return Incoming(user, Kind.TEXT, text=str((m.get("text") or {}).get("body", "")),
                        update_id=uid, display_name=name)  # fmt: skip
    if kind == "interactive":
        inter = m.get("interactive") or {}
        picked = inter.get(inter.get("type", "")) or {}
        return Incoming(user, Kind.BUTTON, data=str(picked.get("id", "")), update_id=uid)
    if kind == "button":  # a template's quick-reply button
        return Incoming(user, Kind.BUTTON, data=str((m.get("button") or {}).get("payload", "")),
                        update_id=uid)  # fmt: skip
    if kind == "contacts":
        phones = [
            p.get("phone", "") for c in m.get("contacts") or [] for p in c.get("phones") or []
        ]
        if phones:
            return Incoming(user, Kind.CONTACT, phone=str(phones[0]), update_id=uid)
    return Incoming(user, Kind.MEDIA, update_id=uid, media=media_of(m))


_SEND_AS = {"voice": "audio", "audio": "audio", "photo": "image", "video": "video",
            "document": "document"}  # fmt: skip
_MEDIA_KINDS = {"image": "photo", "audio": "audio", "voice": "voice", "video": "video",
                "document": "document", "sticker": "sticker"}  # fmt: skip


def media_of(m: dict[str, Any]) -> Media:
    """The kind of what was sent and the media id that fetches it from the Graph API."""
    kind = str(m.get("type") or "")
    if kind in ("location", "contacts"):
        return Media("location" if kind == "location" else "contact")
    item = m.get(kind)
    if kind not in _MEDIA_KINDS or not isinstance(item, dict):
        return Media("other")
    if kind == "audio" and item.get("voice") is True:  # a voice note comes as audio + voice
        kind = "voice"
    return Media(_MEDIA_KINDS[kind], str(item.get("id") or "")[:256],
                 str(item.get("mime_type") or "")[:100], origin=CHANNEL)  # fmt: skip


def _report(s: dict[str, Any]) -> Report | None:
    wamid, state = str(s.get("id") or "")[:128], str(s.get("status") or "")
    if not wamid or state not in STATES:
        return None
    code = str((_objects(s.get("errors")) or [{}])[0].get("code") or "0")[:20]
    return Report(wamid, state, code, code == str(OUTSIDE_WINDOW))


class WhatsAppChannel:
    name = CHANNEL

    def __init__(
        self, client: WhatsAppClient, catalogue: Catalogue, template: str = "",
        template_language: str = "id", per_second: float = 80.0, news_template: str = "",
    ) -> None:  # fmt: skip
        self.client, self.catalogue, self.limits = client, catalogue, limits(per_second)
        self.template, self.template_language = template, template_language
        self.news_template = news_template

    def parse(self, raw: Any) -> Parsed:
        parsed = Parsed()
        if not isinstance(raw, dict):
            return parsed
        for entry in _objects(raw.get("entry")):
            for change in _objects(entry.get("changes")):
                value = change.get("value")
                if not isinstance(value, dict):
                    continue
                contacts = _objects(value.get("contacts"))
                for m in _objects(value.get("messages")):
                    try:
                        msg = incoming_from(m, contacts)
                    except (TypeError, AttributeError, ValueError):
                        msg = None  # a malformed message: nothing to handle
                    if msg is not None:
                        parsed.inbound.append(Inbound(msg))
                parsed.reports += [r for s in _objects(value.get("statuses")) if (r := _report(s))]
        return parsed

    async def acknowledge(self, item: Inbound | Any, answered: bool) -> None:
        return None  # the webhook's 200 is the acknowledgement

    def _template(self, out: Outgoing) -> dict[str, Any]:
        """A broadcast outside the window: the approved broadcast template, its one body
        parameter the message. Meta refuses a parameter with line breaks, tabs or more than
        four spaces in a row (132018), so the paragraphs are joined by spaces."""
        body = "\n\n".join(reply_text(self.catalogue, r, out.locale) for r in out.replies)
        return {"type": "template", "template": {
            "name": self.template, "language": {"code": self.template_language},
            "components": [{"type": "body", "parameters": [{"type": "text",
                                                            "text": _one_line(body)[:1024]}]}],
        }}  # fmt: skip

    def _news(self, out: Outgoing) -> dict[str, Any]:
        """The utility template that says there is news and invites a reply (issue 26 item
        9): the message's text is its one parameter (what the news is about), its button
        the quick reply whose payload comes back when tapped. Registered in Indonesian and
        English; Meta has no Javanese, so a Javanese speaker gets the Indonesian one, with
        the parameter in Indonesian too (a Javanese word inside an Indonesian sentence reads
        worse than either)."""
        code = TEMPLATE_LANGUAGES.get(out.locale, "id")
        reply = out.replies[0]
        about = _one_line(reply_text(self.catalogue, reply, code))
        components: list[dict[str, Any]] = [
            {"type": "body", "parameters": [{"type": "text", "text": about[:1024]}]}
        ]
        for i, button in enumerate(reply.buttons[:1]):
            quick = [{"type": "payload", "payload": button.data}]
            components.append(
                {"type": "button", "sub_type": "quick_reply", "index": str(i), "parameters": quick}
            )
        return {"type": "template", "template": {
            "name": self.news_template, "language": {"code": code}, "components": components,
        }}  # fmt: skip

    async def deliver(self, to: str, out: Outgoing, how: Envelope = PLAIN) -> Delivered:
        if how.news or how.template:
            return await self._send_template(to, out, how)
        message_id = None  # WhatsApp cannot edit: a replacement goes as a new message
        pieces = Pieces(how.skip)
        try:
            for reply in out.replies:
                for message in render(self.catalogue, reply, out.locale):
                    if not pieces.due():
                        continue  # it went in an earlier attempt
                    message_id = await self.client.send(to, message)
                    pieces.went()
                if reply.attach is not None and reply.attach.data is not None and pieces.due():
                    message_id = await self._forward(to, reply.attach, out.locale, pieces)
                    pieces.went()
                # the statistics chart, after its figures
                if reply.image_png is not None and pieces.due():
                    message_id = await self.client.send(to, await self._chart(reply.image_png))
                    pieces.went()
        except GraphError as exc:
            return pieces.of(_classify(exc))
        return pieces.of(Delivered(Delivery.SENT, message_id))

    async def _send_template(self, to: str, out: Outgoing, how: Envelope) -> Delivered:
        if how.skip:  # a template is one message, and it went
            return Delivered(Delivery.SENT)
        name = self.news_template if how.news else self.template
        if not name:
            return Delivered(Delivery.FAILED, error="outside the 24h window, no template")
        try:
            message_id = await self.client.send(to, self._news(out) if how.news
                                                else self._template(out))  # fmt: skip
        except GraphError as exc:
            return _classify(exc)
        return Delivered(Delivery.SENT, message_id, pieces=1)

    async def _forward(self, to: str, attach: Attachment, locale: str, pieces: Pieces) -> str:
        """The file, or, when the Graph API refuses it for good, a line saying it could not
        be passed on (issue 26 item 10); a platform that could not be reached raises (the
        whole message is tried again, from this piece)."""
        try:
            return await self.client.send(to, await self._file(attach))
        except GraphError as exc:
            if exc.transient or exc.status == 599 or exc.code in (OUTSIDE_WINDOW, PAIR_RATE):
                raise
            log.warning("whatsapp refused a forwarded file: %s", exc.code)
        line = pieces.not_passed(attach)
        text = self.catalogue.render(line, locale)
        return await self.client.send(to, {"type": "text", "text": {"body": text}})

    async def _file(self, attach: Attachment) -> dict[str, Any]:
        """A forwarded file as a message: uploaded first (a received media id cannot be sent
        again), as WhatsApp's nearest kind (a voice note is audio)."""
        media = attach.media
        assert media is not None and attach.data is not None
        kind = _SEND_AS.get(media.kind, "document")
        mime = media.mime.split(";")[0].strip() or "application/octet-stream"
        uploaded = await self.client.upload(attach.data, mime, f"{media.kind}")
        body: dict[str, Any] = {"id": uploaded}
        if kind == "document":
            body["filename"] = media.kind
        return {"type": kind, kind: body}

    async def _chart(self, png: bytes) -> dict[str, Any]:
        chart = await self.client.upload(png, "image/png", "statistik.png")
        return {"type": "image", "image": {"id": chart}}

    async def fetch(self, media: Media, max_bytes: int) -> bytes | None:
        try:
            return await self.client.download(media.ref, max_bytes)
        except GraphError as exc:
            if exc.transient or exc.status == 599:
                raise
            return None  # expired or deleted: it will not come back

    async def close(self) -> None:
        await self.client.close()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _classify(exc: GraphError) -> Delivered:
    if exc.code == OUTSIDE_WINDOW:
        return Delivered(Delivery.FAILED, error=str(exc.code), outside_window=True)
    if exc.code == PAIR_RATE:  # this one person had a message moments ago: 6 s apart
        return Delivered(Delivery.RETRY, retry_after=0.0, error=str(exc.code))
    if exc.transient:
        return Delivered(Delivery.RETRY, retry_after=1.0, error=str(exc.code))
    log.warning("whatsapp refused a message: %s", exc.code)
    return Delivered(Delivery.FAILED, error=f"{exc.code} {exc.message}"[:200])
