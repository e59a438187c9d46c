"""A fake Telegram Bot API server on loopback, answering like Telegram does.

The real aiogram Bot talks to it over HTTP (SIAGA_TELEGRAM_API_URL). It queues updates for
getUpdates, records every call, keeps the messages it "delivered" per chat (with their
keyboards, so a test can press a button), and can inject 429 with retry_after, 403 and 5xx.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import html
import itertools
import json
import re
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.loopback import serve

TOKEN = "123456:TEST-token-for-fake-server"


class _BadRequest(Exception):
    pass


def _attached(params: dict[str, Any], given: Any) -> Any:
    """An upload named "attach://<field>" is the multipart field of that name."""
    if isinstance(given, str) and given.startswith("attach://"):
        return params.get(given.removeprefix("attach://"), given)
    return given


@dataclass
class Sent:
    chat_id: int
    message_id: int
    text: str
    markup: dict[str, Any] | None
    edits: int = 0
    file: tuple[str, str, bytes] | None = None  # (method's kind, file_id sent, bytes uploaded)

    @property
    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback_data) of an inline keyboard, or (label, "") of reply keys."""
        if not self.markup:
            return []
        if "inline_keyboard" in self.markup:
            return [
                (b["text"], b.get("callback_data", ""))
                for row in self.markup["inline_keyboard"]
                for b in row
            ]
        return [(b["text"], "") for row in self.markup.get("keyboard", []) for b in row]


@dataclass
class FakeTelegram:
    updates: list[dict[str, Any]] = field(default_factory=list)
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    sent: list[Sent] = field(default_factory=list)
    errors: dict[str, list[tuple[int, int]]] = field(
        default_factory=dict
    )  # method → [(status, retry_after)]
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _update_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1000))
    _new: asyncio.Event = field(default_factory=asyncio.Event)
    base_url: str = ""
    _runner: web.AppRunner | None = None
    # Telegram's limits, enforced on sendMessage when set: at most `rate` messages in any
    # one-second window, one message per chat per `per_chat` seconds. A breach is answered
    # 429 like Telegram does, and counted.
    rate: float | None = None
    per_chat: float | None = None
    violations: int = 0
    why: list[str] = field(default_factory=list)  # what each violation was
    blocked: set[int] = field(default_factory=set)  # chats that blocked the bot: always 403
    on_send: Any = None  # called with each accepted message (a test's kill switch)
    _window: collections.deque[float] = field(default_factory=collections.deque)
    _chat_last: dict[int, float] = field(default_factory=dict)
    # While `hold` is set, sendMessage requests hang and are never delivered (the network ate
    # them): a test kills the service meanwhile. `held` counts them; release() lets them fail.
    hold: bool = False
    held: int = 0
    _release: asyncio.Event = field(default_factory=asyncio.Event)
    # Files people "sent": file_id → bytes. getFile answers for them (and refuses one larger
    # than the 20 MB a bot may download); /file/bot<token>/<path> serves the bytes.
    files: dict[str, bytes] = field(default_factory=dict)
    long_poll: float = 0.5  # at most this long a getUpdates with no update waits (Telegram: 50 s)
    _file_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def wake(self) -> None:
        """Answer every waiting getUpdates now."""
        self.long_poll = 0.5
        self._new.set()

    def release(self) -> None:
        self.hold = False
        self._release.set()

    # --- server ---------------------------------------------------------------------------
    async def start(self) -> str:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._file)
        self._runner, self.base_url = await serve(app)
        return self.base_url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            return dict(await request.json())
        form = await request.post()
        out: dict[str, Any] = {}
        for k, v in form.items():
            if isinstance(v, web.FileField):
                out[k] = ("upload", v.file.read())
                continue
            text = v if isinstance(v, str) else str(v)
            try:
                out[k] = json.loads(text)
            except ValueError:
                out[k] = text
        return out

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != TOKEN:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        params = await self._params(request)
        self.calls.append((method, params))
        queued = self.errors.get(method)
        if queued:
            status, retry = queued.pop(0)
            body: dict[str, Any] = {"ok": False, "error_code": status}
            if status == 429:
                body["description"] = f"Too Many Requests: retry after {retry}"
                body["parameters"] = {"retry_after": retry}
            elif status == 403:
                body["description"] = "Forbidden: bot was blocked by the user"
            else:
                body["description"] = "Internal Server Error"
            return web.json_response(body, status=status)
        if method == "sendMessage" and self.hold:
            self.held += 1
            await self._release.wait()
            return web.json_response({"ok": False, "error_code": 502,
                                      "description": "Bad Gateway"}, status=502)  # fmt: skip
        if method == "sendMessage":
            chat = int(params.get("chat_id") or 0)
            if chat in self.blocked:
                body = {"ok": False, "error_code": 403,
                        "description": "Forbidden: bot was blocked by the user"}  # fmt: skip
                return web.json_response(body, status=403)
            refused = self._limited(chat) or _bad_text(params)
            if refused is not None:
                return refused
        handler = getattr(self, "m_" + method, None)
        if handler is None:
            return web.json_response({"ok": True, "result": True})
        try:
            result = await handler(params)
        except _BadRequest as exc:
            return web.json_response({"ok": False, "error_code": 400,
                                      "description": str(exc)}, status=400)  # fmt: skip
        return web.json_response({"ok": True, "result": result})

    # --- methods --------------------------------------------------------------------------
    async def m_getMe(self, p: dict[str, Any]) -> Any:
        return {"id": 42, "is_bot": True, "first_name": "Siaga", "username": "siaga_madiun_bot"}

    async def m_getWebhookInfo(self, p: dict[str, Any]) -> Any:
        return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}

    async def m_getUpdates(self, p: dict[str, Any]) -> Any:
        offset = int(p.get("offset") or 0)
        self.updates = [u for u in self.updates if u["update_id"] >= offset]
        if not self.updates:
            self._new.clear()
            wait = min(float(p.get("timeout") or 0), self.long_poll)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new.wait(), timeout=wait)
        return list(self.updates[:100])

    def _limited(self, chat_id: int) -> web.Response | None:
        now = time.monotonic()
        if self.rate is not None:
            while self._window and self._window[0] <= now - 1.0:
                self._window.popleft()
            if len(self._window) >= self.rate:
                self.why.append(f"rate {len(self._window)}/s")
                return self._too_many()
        if self.per_chat is not None:
            last = self._chat_last.get(chat_id)
            if last is not None and now - last < self.per_chat - 0.02:  # 20 ms of clock jitter
                self.why.append(f"chat {chat_id} after {now - last:.3f}s")
                return self._too_many()
        self._window.append(now)
        self._chat_last[chat_id] = now
        return None

    def _too_many(self) -> web.Response:
        self.violations += 1
        body = {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 1",
                "parameters": {"retry_after": 1}}  # fmt: skip
        return web.json_response(body, status=429)

    async def m_sendMessage(self, p: dict[str, Any]) -> Any:
        mid = next(self._ids)
        chat_id = int(p["chat_id"])
        markup = p.get("reply_markup")
        self.sent.append(
            Sent(chat_id, mid, p["text"], markup if isinstance(markup, dict) else None)
        )
        if self.on_send is not None:
            self.on_send(self.sent[-1])
        return {"message_id": mid, "date": int(time.time()), "chat": {"id": chat_id, "type": "private"},
                "text": p["text"]}  # fmt: skip

    async def _send_file(self, kind: str, p: dict[str, Any]) -> Any:
        mid = next(self._ids)
        chat_id = int(p["chat_id"])
        given = _attached(p, p[kind])
        if isinstance(given, tuple):  # uploaded bytes: Telegram keeps them under a new id
            file_id, data = self.new_file(given[1]), given[1]
        else:
            file_id, data = str(given), b""
        self.sent.append(Sent(chat_id, mid, str(p.get("caption") or ""), None,
                              file=(kind, file_id, data)))  # fmt: skip
        return {"message_id": mid, "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private"},
                kind: {"file_id": file_id, "file_unique_id": file_id, "duration": 1}
                if kind in ("voice", "audio", "video")
                else {"file_id": file_id, "file_unique_id": file_id}}  # fmt: skip

    async def m_sendVoice(self, p: dict[str, Any]) -> Any:
        return await self._send_file("voice", p)

    async def m_sendAudio(self, p: dict[str, Any]) -> Any:
        return await self._send_file("audio", p)

    async def m_sendVideo(self, p: dict[str, Any]) -> Any:
        return await self._send_file("video", p)

    async def m_sendDocument(self, p: dict[str, Any]) -> Any:
        return await self._send_file("document", p)

    async def m_sendPhoto(self, p: dict[str, Any]) -> Any:
        mid = next(self._ids)
        chat_id = int(p["chat_id"])
        given = _attached(p, p["photo"])
        if isinstance(given, tuple):
            file_id, data = self.new_file(given[1]), given[1]
        else:
            file_id, data = str(given), b""
        self.sent.append(Sent(chat_id, mid, "", None, file=("photo", file_id, data)))
        return {"message_id": mid, "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private"},
                "photo": [{"file_id": file_id, "file_unique_id": file_id, "width": 1,
                           "height": 1}]}  # fmt: skip

    async def m_getFile(self, p: dict[str, Any]) -> Any:
        file_id = str(p.get("file_id"))
        if file_id not in self.files:
            raise _BadRequest("Bad Request: wrong file_id or the file is temporarily unavailable")
        size = len(self.files[file_id])
        if size > 20 * 1024 * 1024:
            raise _BadRequest("Bad Request: file is too big")
        return {"file_id": file_id, "file_unique_id": file_id, "file_size": size,
                "file_path": f"files/{file_id}"}  # fmt: skip

    async def _file(self, request: web.Request) -> web.StreamResponse:
        file_id = request.match_info["path"].rpartition("/")[2]
        if request.match_info["token"] != TOKEN or file_id not in self.files:
            return web.Response(status=404)
        return web.Response(body=self.files[file_id])

    def new_file(self, data: bytes) -> str:
        file_id = f"AwACAgUAAxkBAAI{next(self._file_ids):04d}"
        self.files[file_id] = data
        return file_id

    def voice(self, chat_id: int, data: bytes, seconds: int, lang: str = "id") -> dict[str, Any]:
        """A person's voice note: the file is kept here, the update carries its file_id."""
        file_id = self.new_file(data)
        return self.message(chat_id, lang=lang, voice={
            "file_id": file_id, "file_unique_id": file_id, "duration": seconds,
            "mime_type": "audio/ogg", "file_size": len(data),
        })  # fmt: skip

    async def m_editMessageText(self, p: dict[str, Any]) -> Any:
        for s in self.sent:
            if s.chat_id == int(p["chat_id"]) and s.message_id == int(p["message_id"]):
                s.text = p["text"]
                s.edits += 1
        return True

    async def m_editMessageReplyMarkup(self, p: dict[str, Any]) -> Any:
        for s in self.sent:
            if s.chat_id == int(p["chat_id"]) and s.message_id == int(p["message_id"]):
                s.markup = (
                    p.get("reply_markup") if isinstance(p.get("reply_markup"), dict) else None
                )
        return True

    # --- a user's side --------------------------------------------------------------------
    def _user(self, chat_id: int, lang: str) -> dict[str, Any]:
        return {"id": chat_id, "is_bot": False, "first_name": "Warga", "language_code": lang}

    def push(self, update: dict[str, Any]) -> dict[str, Any]:
        update.setdefault("update_id", next(self._update_ids))
        self.updates.append(update)
        self._new.set()
        return update

    def message(
        self, chat_id: int, text: str | None = None, lang: str = "id", **extra: Any
    ) -> dict[str, Any]:
        msg: dict[str, Any] = {"message_id": next(self._ids), "date": int(time.time()),
                               "chat": {"id": chat_id, "type": "private"},
                               "from": self._user(chat_id, lang), **extra}  # fmt: skip
        if text is not None:
            msg["text"] = text
        return {"update_id": next(self._update_ids), "message": msg}

    def callback(
        self, chat_id: int, data: str, message_id: int = 1, lang: str = "id"
    ) -> dict[str, Any]:
        return {
            "update_id": next(self._update_ids),
            "callback_query": {
                "id": str(next(self._ids)), "from": self._user(chat_id, lang), "chat_instance": "x",
                "data": data,
                "message": {"message_id": message_id, "date": int(time.time()),
                            "chat": {"id": chat_id, "type": "private"}, "text": "…"},
            },
        }  # fmt: skip

    def press(self, chat_id: int, label: str) -> dict[str, Any]:
        """The callback update for pressing `label` on the latest message that shows it."""
        for s in reversed(self.sent):
            if s.chat_id != chat_id:
                continue
            for text, data in s.buttons:
                if text == label:
                    return self.callback(chat_id, data, s.message_id)
        raise AssertionError(f"no button {label!r} for chat {chat_id}")

    def to(self, chat_id: int) -> list[Sent]:
        return [s for s in self.sent if s.chat_id == chat_id]

    def last_text(self, chat_id: int) -> str:
        mine = self.to(chat_id)
        return mine[-1].text if mine else ""

    def count(self, method: str) -> int:
        return sum(1 for m, _ in self.calls if m == method)


_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


def _bad_text(params: dict[str, Any]) -> web.Response | None:
    """Telegram's own checks on a text: HTML entities must be whole (a text cut inside
    "&amp;" is refused), and at most 4096 characters (UTF-16 units) once they are parsed."""
    text = str(params.get("text", ""))
    if params.get("parse_mode") == "HTML":
        for m in re.finditer("&", text):
            if not _ENTITY.match(text, m.start()):
                return _bad_request("Bad Request: can't parse entities: unsupported entity")
        text = html.unescape(re.sub(r"</?(b|i|u|s|code|pre|a)[^>]*>", "", text))
    if not text or len(text.encode("utf-16-le")) // 2 > 4096:
        return _bad_request(
            "Bad Request: message is too long" if text else "Bad Request: message text is empty"
        )
    return None


def _bad_request(description: str) -> web.Response:
    body = {"ok": False, "error_code": 400, "description": description}
    return web.json_response(body, status=400)
