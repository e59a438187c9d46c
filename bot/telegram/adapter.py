"""Telegram updates in, replies out. Shared by long polling and the webhook.

Each update becomes one Incoming handled by Siaga in one transaction, its update_id recorded in
that same transaction, so a redelivered update changes nothing. One user's updates run one after
another, in arrival order; different users' run concurrently.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any, TypeVar

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
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardMarkup,
    Message,
    Update,
)

from bot.db import outbox
from bot.outcomes import Delivery
from bot.sender import Delivered, RowInfo
from bot.serial import KeyedSerial
from bot.service import Siaga
from bot.telegram.render import render
from handlers.messages import Incoming, Kind, Outgoing, UserRef

log = logging.getLogger("siaga.telegram")
CHANNEL = "telegram"
T = TypeVar("T")

COMMANDS = ("start", "status", "bantuan", "batal", "ulang", "bahasa", "dataku", "hapus")

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
        return Incoming(user, Kind.BUTTON, data=cq.data or "", update_id=uid, locale_hint=lang), cq
    m = update.message
    if m is None or m.chat.type != "private" or m.from_user is None:
        return None
    user = UserRef(CHANNEL, str(m.chat.id))
    lang = m.from_user.language_code or ""
    if m.contact is not None and m.contact.user_id == m.from_user.id:
        return Incoming(user, Kind.CONTACT, phone=m.contact.phone_number, update_id=uid,
                        locale_hint=lang), None  # fmt: skip
    if m.text is not None:
        return Incoming(user, Kind.TEXT, text=m.text, update_id=uid, locale_hint=lang), None
    if any(getattr(m, name, None) is not None for name in _MEDIA) or m.caption is not None:
        return Incoming(user, Kind.MEDIA, update_id=uid, locale_hint=lang), None
    return None


class TelegramChannel:
    def __init__(self, siaga: Siaga, bot: Bot) -> None:
        self.siaga = siaga
        self.bot = bot
        self.serial = KeyedSerial()  # handling, per user
        self.outgoing = KeyedSerial()  # sending, per chat: replies leave in order

    # --- calling the Bot API with the error policy --------------------------------------------
    async def call(
        self, make: Callable[[], Awaitable[T]], chat_id: str | None = None,
        outcome: list[str] | None = None,
    ) -> T | None:  # fmt: skip
        """429: wait retry_after and retry. 403: the person blocked us, mark and stop.
        Network errors and 5xx: retry with backoff. "Message is not modified": ignore.
        When it gives up, why is appended to `outcome` (blocked, failed, or pending: try later)."""
        delay = 0.5
        why = Delivery.RETRY
        for _attempt in range(6):
            try:
                return await make()
            except TelegramRetryAfter as exc:
                await asyncio.sleep(exc.retry_after)
            except TelegramForbiddenError:
                if chat_id is not None:
                    await self.mark_blocked(chat_id)
                why = Delivery.BLOCKED
                break
            except TelegramBadRequest as exc:
                if "not modified" in str(exc).lower() or "query is too old" in str(exc).lower():
                    return None
                log.warning("telegram refused a request: %s", exc.message)
                why = Delivery.FAILED
                break
            except (TelegramNetworkError, TelegramServerError) as exc:
                log.warning(
                    "telegram unreachable (%s), retrying in %.1fs", type(exc).__name__, delay
                )
                await asyncio.sleep(delay)
                delay = min(delay * 2, 30)
        if outcome is not None:
            outcome.append(why)
        return None

    async def mark_blocked(self, chat_id: str) -> None:
        async with self.siaga.store() as store:
            await outbox.mark_blocked(store.conn, CHANNEL, chat_id)
            await store.commit()

    # --- updates ----------------------------------------------------------------------------
    def dispatch(self, update: Update) -> asyncio.Task[None] | None:
        """Queue an update behind the same user's earlier ones; returns at once."""
        found = incoming_from(update)
        if found is None:
            if update.callback_query is not None:  # answered even when ignored
                return asyncio.create_task(self._answer_callback(update.callback_query))
            return None
        msg, query = found
        return self.serial.submit(msg.user.external_id, lambda: self.process(msg, query))

    async def process(self, msg: Incoming, cq: CallbackQuery | None) -> None:
        """Handle (one committed transaction), then queue the replies for sending, so the
        webhook can answer as soon as the state is safe in the database."""
        try:
            out = await self.siaga.handle(msg)
        except Exception:
            log.exception("update %s failed", msg.update_id)
            if cq is not None:
                await self._answer_callback(cq)
            raise
        self.outgoing.submit(msg.user.external_id, lambda: self._deliver(msg, cq, out))

    async def _deliver(self, msg: Incoming, cq: CallbackQuery | None, out: Outgoing) -> None:
        if cq is not None:
            await self._answer_callback(cq)
            if out.replies and isinstance(cq.message, Message):
                # tidy chat: the answered question's buttons go away
                m = cq.message
                await self.call(
                    lambda: self.bot.edit_message_reply_markup(
                        chat_id=m.chat.id, message_id=m.message_id, reply_markup=None
                    )
                )
        self.siaga.replies.settle(out.receipt, await self.send(msg.user.external_id, out))

    async def drain(self) -> None:
        await self.serial.drain()
        await self.outgoing.drain()

    async def _answer_callback(self, cq: CallbackQuery) -> None:
        await self.call(lambda: self.bot.answer_callback_query(cq.id))

    async def send(self, chat_id: str, out: Outgoing) -> str:
        """Send the replies in order; returns how it went (see bot.receipts)."""
        outcome: list[str] = []
        for reply in out.replies:
            if reply.image_png is not None:
                photo = BufferedInputFile(reply.image_png, filename="statistik.png")
                await self.call(
                    partial(self.bot.send_photo, chat_id=int(chat_id), photo=photo), chat_id
                )
            for text, markup in render(self.siaga.catalogue, reply, out.locale):
                await self.call(
                    lambda text=text, markup=markup: self.bot.send_message(  # type: ignore[misc]
                        chat_id=int(chat_id), text=text, parse_mode="HTML", reply_markup=markup
                    ),
                    chat_id,
                    outcome,
                )
                if outcome:  # later replies would read out of order: the rest waits or goes
                    return outcome[0]
        return Delivery.SENT

    async def deliver(self, chat_id: str, out: Outgoing, info: RowInfo | None = None) -> Delivered:
        """For the outbox sender: one attempt, and what happened. No waiting here: on a 429
        the sender pauses every send for retry_after."""
        message_id = None
        pieces = [p for r in out.replies for p in render(self.siaga.catalogue, r, out.locale)]
        for text, markup in pieces:
            try:
                sent = await self.bot.send_message(
                    chat_id=int(chat_id), text=text, parse_mode="HTML", reply_markup=markup
                )
            except TelegramRetryAfter as exc:
                return Delivered(Delivery.RETRY, retry_after=float(exc.retry_after), error="429")
            except TelegramForbiddenError:
                return Delivered(Delivery.BLOCKED, error="403")
            except TelegramBadRequest as exc:
                if "chat not found" in str(exc).lower():
                    return Delivered(Delivery.BLOCKED, error="chat not found")
                log.warning("telegram refused an outbox message: %s", exc.message)
                return Delivered(Delivery.FAILED, error=exc.message)
            except (TelegramNetworkError, TelegramServerError) as exc:
                return Delivered(Delivery.RETRY, error=type(exc).__name__)
            message_id = str(sent.message_id)
        return Delivered(Delivery.SENT, message_id)

    async def show(
        self, chat_id: str, message_id: str | None, out: Outgoing, final: bool = False
    ) -> str | None:
        """A message kept up to date (a broadcast's progress): edited in place when it exists."""
        text, markup = render(self.siaga.catalogue, out.replies[0], out.locale)[-1]
        if message_id is not None:
            inline = markup if isinstance(markup, InlineKeyboardMarkup) else None
            # "not modified" and a deleted message are both fine: the next edit tries again
            await self.call(
                lambda: self.bot.edit_message_text(
                    chat_id=int(chat_id), message_id=int(message_id), text=text,
                    parse_mode="HTML", reply_markup=inline,
                )
            )  # fmt: skip
            return message_id
        sent = await self.call(
            lambda: self.bot.send_message(
                chat_id=int(chat_id), text=text, parse_mode="HTML", reply_markup=markup
            ),
            chat_id,
        )
        return str(sent.message_id) if isinstance(sent, Message) else None

    async def set_commands(self) -> None:
        cat = self.siaga.catalogue
        commands = [
            BotCommand(command=c, description=cat.text(f"tg-command-{c}", "id")) for c in COMMANDS
        ]
        await self.call(lambda: self.bot.set_my_commands(commands=commands))


def parse_update(data: dict[str, Any], bot: Bot) -> Update:
    return Update.model_validate(data, context={"bot": bot})
