"""Telegram through aiogram's Bot, as the port asks: an update in, one message out with its
outcome classified. Long polling and the webhook both hand updates to the delivery path."""

from __future__ import annotations

import logging
import mimetypes
from dataclasses import replace
from typing import Any

from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import (
    BotCommand,
    BotCommandScopeChat,
    BufferedInputFile,
    CallbackQuery,
    Message,
    Update,
)
from aiohttp import ClientResponseError
from pydantic import ValidationError

from bot.channels.port import PLAIN, Delivered, Delivery, Envelope, Inbound, Limits, Parsed, Pieces
from bot.channels.telegram.bot_api import NETWORK, BotApi, BotApiError
from bot.channels.telegram.render import MAX_TEXT, render
from bot.i18n import Catalogue
from handlers.core.messages import Attachment, Incoming, Kind, Media, Msg, Outgoing, UserRef

log = logging.getLogger("siaga.telegram")
CHANNEL = "telegram"
COMMANDS = ("start", "status", "kabar", "bantuan", "batal", "ulang", "bahasa", "dataku", "hapus")
# Each role's own list, set for that one chat when the person joins (BotCommandScopeChat).
ROLE_COMMANDS = {
    "citizen": COMMANDS,
    "reviewer": ("start", "antrian", "usulkan", "tiket", "kabar", "statistik", "notifikasi",
                 "bantuan", "bahasa"),
    "admin": ("start", "antrian", "usulkan", "tiket", "kasus", "kabar", "statistik", "undang",
              "reviewer", "kuota", "siaran", "status_siaran", "bantuan", "bahasa"),
}  # fmt: skip
# Just under Telegram's "about 30 a second": arrival jitter must not cross the line.
LIMITS = Limits(per_second=29.0, per_chat_interval=1.0, max_text=MAX_TEXT, max_buttons=100,
                can_edit=True)  # fmt: skip

NO_PREVIEW = {"is_disabled": True}  # LinkPreviewOptions
_EXTENSIONS = {"voice": ".ogg", "audio": ".mp3", "photo": ".jpg", "video": ".mp4"}
_MEDIA = (
    "sticker", "photo", "voice", "audio", "video", "video_note", "animation", "document",
    "location", "venue", "poll", "dice", "game", "contact",
)  # fmt: skip


def incoming_from(update: Update) -> tuple[Incoming, CallbackQuery | None] | None:
    """The Incoming for an update, or None for what we do not handle (groups, edits …)."""
    uid = str(update.update_id)
    if update.callback_query is not None:
        cq = update.callback_query
        msg = cq.message
        if msg is None or msg.chat.type != "private":
            return None
        user = UserRef(CHANNEL, str(msg.chat.id))
        lang = cq.from_user.language_code or ""
        return Incoming(user, Kind.BUTTON, data=cq.data or "", update_id=uid, locale_hint=lang,
                        display_name=cq.from_user.full_name), cq  # fmt: skip
    m = update.message
    if m is None or m.chat.type != "private" or m.from_user is None:
        return None
    user = UserRef(CHANNEL, str(m.chat.id))
    lang = m.from_user.language_code or ""
    if m.contact is not None and m.contact.user_id == m.from_user.id:
        return Incoming(user, Kind.CONTACT, phone=m.contact.phone_number, update_id=uid,
                        locale_hint=lang), None  # fmt: skip
    if m.text is not None:
        return Incoming(user, Kind.TEXT, text=m.text, update_id=uid, locale_hint=lang,
                        display_name=m.from_user.full_name), None  # fmt: skip
    if any(getattr(m, name, None) is not None for name in _MEDIA) or m.caption is not None:
        return Incoming(user, Kind.MEDIA, update_id=uid, locale_hint=lang,
                        media=media_of(m)), None  # fmt: skip
    return None


def media_of(m: Message) -> Media:
    """The kind of what was sent and the file_id that forwards it (no download here)."""
    if m.photo:
        biggest = m.photo[-1]  # Telegram lists the sizes smallest first
        return Media("photo", biggest.file_id, "image/jpeg", biggest.file_size or 0,
                     origin=CHANNEL)  # fmt: skip
    for kind in ("voice", "audio", "video", "video_note", "animation", "document", "sticker"):
        item = getattr(m, kind, None)
        if item is not None:
            return Media(
                "video" if kind in ("video_note", "animation") else kind, item.file_id,
                getattr(item, "mime_type", None) or "", item.file_size or 0,
                getattr(item, "duration", None) or 0, CHANNEL,
            )  # fmt: skip
    if m.location is not None or m.venue is not None:
        return Media("location")
    if m.contact is not None:
        return Media("contact")
    return Media("other")


def _refused(exc: BotApiError) -> Delivered:
    """What the delivery path does after the Bot API's refusal (the same classes as
    aiogram's exceptions, which _classify reads for the calls that go through it)."""
    if exc.status == 429:
        return Delivered(Delivery.RETRY, retry_after=exc.retry_after, error="429")
    if exc.status == 403:
        return Delivered(Delivery.BLOCKED, error="403")
    if exc.status == 400:
        if "chat not found" in exc.description.lower():
            return Delivered(Delivery.BLOCKED, error="chat not found")
        log.warning("telegram refused a message: %s", exc.description[:200])
        return Delivered(Delivery.FAILED, error=exc.description[:200])
    if exc.status != NETWORK and exc.status < 500:  # 401, 404, 409: ours to fix, said once
        log.error("telegram answered %s: %s", exc.status, exc.description[:200])
    return Delivered(Delivery.RETRY, error=str(exc.status))


def _classify(exc: Exception) -> Delivered:
    if isinstance(exc, BotApiError):
        return _refused(exc)
    if isinstance(exc, TelegramRetryAfter):
        return Delivered(Delivery.RETRY, retry_after=float(exc.retry_after), error="429")
    if isinstance(exc, TelegramForbiddenError):
        return Delivered(Delivery.BLOCKED, error="403")
    if isinstance(exc, TelegramBadRequest):
        if "chat not found" in exc.message.lower():
            return Delivered(Delivery.BLOCKED, error="chat not found")
        log.warning("telegram refused a message: %s", exc.message)
        return Delivered(Delivery.FAILED, error=exc.message[:200])
    return Delivered(Delivery.RETRY, error=type(exc).__name__)


class TelegramChannel:
    name = CHANNEL

    def __init__(self, bot: Bot, catalogue: Catalogue, per_second: float = 29.0) -> None:
        self.bot = bot
        # the replies' calls, as plain JSON to the same Bot API server (bot_api.py says why)
        self.api = BotApi(bot.session.api.api_url(token=bot.token, method=""))
        self.catalogue = catalogue
        self.limits = replace(LIMITS, per_second=per_second)

    def update(self, data: dict[str, Any]) -> Update:
        """A webhook body as an Update; pydantic's ValidationError for what is not one."""
        return Update.model_validate(data, context={"bot": self.bot})

    def parse(self, raw: Update | dict[str, Any]) -> Parsed:
        parsed = Parsed()
        try:
            update = raw if isinstance(raw, Update) else self.update(raw)
        except ValidationError:
            return parsed
        found = incoming_from(update)
        if found is not None:
            parsed.inbound.append(Inbound(found[0], found[1]))
        elif update.callback_query is not None:  # a button in a group: answered, not handled
            parsed.ignored.append(update.callback_query)
        return parsed

    async def acknowledge(self, item: Inbound | Any, answered: bool) -> None:
        cq = item.ack if isinstance(item, Inbound) else item
        if not isinstance(cq, CallbackQuery):
            return
        # Best effort: a button left spinning or a stale keyboard is not worth a retry.
        try:
            await self.api.call("answerCallbackQuery", {"callback_query_id": cq.id})
            if answered and isinstance(cq.message, Message):  # tidy chat: the answered
                m = cq.message  # question's buttons go away (no markup: none left)
                await self.api.call("editMessageReplyMarkup",
                                    {"chat_id": m.chat.id, "message_id": m.message_id})  # fmt: skip
        except BotApiError as exc:
            log.debug("could not acknowledge a button: %s", exc.status)

    async def deliver(self, to: str, out: Outgoing, how: Envelope = PLAIN) -> Delivered:
        if how.replace is not None:
            return await self._edit(to, how.replace, out)
        chat = int(to)
        message_id = None
        pieces = Pieces(how.skip)
        try:
            for reply in out.replies:
                if reply.image_png is not None and pieces.due():
                    if not await self._chart(chat, reply.image_png):
                        # Telegram refused the picture for good: the figures go, and say so
                        reply = replace(reply, parts=(*reply.parts, Msg("chart-not-sent")))
                    pieces.went()
                # Telegram previews a link unless told not to (a one-time link must not be)
                quiet = None if reply.link_preview else NO_PREVIEW
                for text, markup in render(self.catalogue, reply, out.locale):
                    if not pieces.due():
                        continue  # it went in an earlier attempt
                    sent = await self.api.call("sendMessage", {
                        "chat_id": chat, "text": text, "parse_mode": "HTML",
                        "reply_markup": markup, "link_preview_options": quiet,
                    })  # fmt: skip
                    message_id = str(sent["message_id"])
                    pieces.went()
                if reply.attach is not None and reply.attach.media is not None and pieces.due():
                    message_id = await self._forward(chat, reply.attach, out.locale, pieces)
                    pieces.went()
                if reply.commands in ROLE_COMMANDS and pieces.now:
                    await self.set_commands(reply.commands, chat, out.locale)
        except (BotApiError, TelegramRetryAfter, TelegramForbiddenError, TelegramBadRequest,
                TelegramNetworkError, TelegramServerError) as exc:  # fmt: skip
            return pieces.of(_classify(exc))
        return pieces.of(Delivered(Delivery.SENT, message_id))

    async def _forward(self, chat: int, attach: Attachment, locale: str, pieces: Pieces) -> str:
        """The file, or, when Telegram refuses it for good (a file_id it will not take again,
        a recipient who does not accept voice notes), a line saying it could not be passed
        on: the words already went, and a silent gap would leave the reader waiting for it
        (issue 26 item 10). The delivery path then asks whoever sent it to send it again."""
        try:
            return await self._send_file(chat, attach)
        except TelegramBadRequest as exc:
            if "chat not found" in exc.message.lower():
                raise
            log.warning("telegram refused a forwarded file: %s", exc.message[:100])
        line = pieces.not_passed(attach)
        sent = await self.api.call(
            "sendMessage", {"chat_id": chat, "text": self.catalogue.render(line, locale)}
        )
        return str(sent["message_id"])

    async def _chart(self, chat: int, png: bytes) -> bool:
        """The statistics chart before its figures; False when Telegram refuses it for good
        (a network failure or a 429 raises: the whole message is tried again)."""
        try:
            await self.bot.send_photo(chat_id=chat, photo=BufferedInputFile(png, "statistik.png"))
        except TelegramBadRequest as exc:
            log.warning("telegram refused the chart: %s", exc.message[:100])
            return False
        return True

    async def _send_file(self, chat: int, attach: Attachment) -> str:
        """A forwarded file, after the words that name it: by its file_id when it came from
        Telegram (nothing downloaded), else the bytes fetched from the other platform."""
        media = attach.media
        assert media is not None
        kind = media.kind
        if attach.data is None:
            file: str | BufferedInputFile = media.ref
        else:
            if kind == "voice" and "ogg" not in media.mime:  # Telegram plays OGG/Opus only
                kind = "audio"
            ext = mimetypes.guess_extension(media.mime.split(";")[0].strip()) or ""
            file = BufferedInputFile(
                attach.data, filename=f"{kind}{ext or _EXTENSIONS.get(kind, '')}"
            )
        if kind == "voice":
            sent = await self.bot.send_voice(chat_id=chat, voice=file)
        elif kind == "audio":
            sent = await self.bot.send_audio(chat_id=chat, audio=file)
        elif kind == "photo":
            sent = await self.bot.send_photo(chat_id=chat, photo=file)
        elif kind == "video":
            sent = await self.bot.send_video(chat_id=chat, video=file)
        else:
            sent = await self.bot.send_document(chat_id=chat, document=file)
        return str(sent.message_id)

    async def fetch(self, media: Media, max_bytes: int) -> bytes | None:
        if media.size > max_bytes:
            return None
        try:
            found = await self.bot.get_file(media.ref)
        except TelegramBadRequest:  # a wrong or expired file_id, or past the 20 MB a bot gets
            return None
        if not found.file_path or (found.file_size or 0) > max_bytes:
            return None
        try:
            data = await self.bot.download_file(found.file_path)
        except ClientResponseError as exc:
            if exc.status < 500:
                return None
            raise
        return data.read() if data is not None else None

    async def _edit(self, to: str, message_id: str, out: Outgoing) -> Delivered:
        text, markup = render(self.catalogue, out.replies[0], out.locale)[-1]
        inline = markup if markup is not None and "inline_keyboard" in markup else None
        try:
            await self.api.call("editMessageText", {
                "chat_id": int(to), "message_id": int(message_id), "text": text,
                "parse_mode": "HTML", "reply_markup": inline,
            })  # fmt: skip
        except BotApiError as exc:
            if exc.status == 400 and "not modified" in exc.description.lower():
                return Delivered(Delivery.SENT, message_id)  # the same words: nothing to change
            return _refused(exc)
        return Delivered(Delivery.SENT, message_id)

    async def set_commands(
        self, role: str = "citizen", chat: int | None = None, locale: str = "id"
    ) -> None:
        """The command list: everyone's default, or one chat's (a reviewer's, an admin's)."""
        cat = self.catalogue
        commands = [
            BotCommand(command=c, description=cat.text(f"tg-command-{c}", locale))
            for c in ROLE_COMMANDS[role]
        ]
        scope = BotCommandScopeChat(chat_id=chat) if chat is not None else None
        try:
            await self.bot.set_my_commands(commands=commands, scope=scope)
        except (TelegramBadRequest, TelegramNetworkError, TelegramServerError,
                TelegramRetryAfter) as exc:  # fmt: skip
            log.warning("could not set the command list: %s", type(exc).__name__)

    async def close(self) -> None:
        await self.api.close()
        await self.bot.session.close()
