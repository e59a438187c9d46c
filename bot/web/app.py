"""The one HTTP app: the Telegram and WhatsApp webhooks and health.

Webhooks: verify first (constant-time secret), reject junk with 4xx, dedupe (update ids in the
database), answer 200 once the update is safely handled.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST
from pydantic import ValidationError

from bot.channels.telegram.adapter import TelegramChannel
from bot.channels.whatsapp.adapter import WhatsAppChannel
from bot.delivery.dispatcher import Dispatcher, refused_for_now
from bot.delivery.gauges import database_gauges
from bot.web.limits import SERVER, BodyLimit

log = logging.getLogger("siaga.web")
MAX_BODY = 1_000_000  # no Telegram update comes near this
READY_TIMEOUT = 5.0  # seconds /readyz waits for the database before answering 503
TELEGRAM_PATH = "/telegram/webhook"
SECRET_HEADER = b"x-telegram-bot-api-secret-token"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


# The database's schema version and the one the code expects (the composition root's check)
Schema = Callable[[], Awaitable[tuple[str | None, str]]]


def create_app(
    dispatcher: Dispatcher, telegram: TelegramChannel | None, telegram_secret: str,
    whatsapp: WhatsAppChannel | None = None, wa_app_secret: str = "", wa_verify_token: str = "",
    schema: Schema | None = None,
) -> ASGIApp:  # fmt: skip
    """The HTTP app: FastAPI, with the Telegram webhook served in front of it (TelegramFirst)."""
    conversations = dispatcher.conversations
    app = FastAPI(title="Siaga", docs_url=None, redoc_url=None, openapi_url=None)

    @app.get("/whatsapp/webhook")
    async def whatsapp_verify(request: Request) -> Response:
        """Meta's subscription handshake: echo hub.challenge for the right verify token."""
        q = request.query_params
        token = q.get("hub.verify_token", "")
        if (
            whatsapp is None
            or not wa_verify_token
            or q.get("hub.mode") != "subscribe"
            or not hmac.compare_digest(token.encode(), wa_verify_token.encode())
        ):
            return Response(status_code=403)
        return Response(content=q.get("hub.challenge", ""), media_type="text/plain")

    @app.post("/whatsapp/webhook")
    async def whatsapp_webhook(request: Request) -> Response:
        if whatsapp is None or not wa_app_secret:
            return Response(status_code=403)
        signature = request.headers.get("x-hub-signature-256", "")
        if not signature.startswith("sha256="):
            return Response(status_code=401)
        body = await _request_body(request)
        if body is None:
            return Response(status_code=413)
        # the HMAC of the raw bytes, checked before anything is parsed
        expected = hmac.new(wa_app_secret.encode(), body, "sha256").hexdigest()
        if not hmac.compare_digest(signature[7:].encode(), expected.encode()):
            return Response(status_code=403)
        try:
            data = _json_object(body)
        except ValueError:
            return Response(status_code=400)
        try:
            await dispatcher.take(whatsapp, whatsapp.parse(data))
        except Exception as exc:
            log.exception("whatsapp webhook failed")
            # Meta delivers it again; nothing was recorded
            return Response(status_code=503 if refused_for_now(exc) else 500)
        return Response(content="{}", media_type="application/json")

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz")
    async def readyz() -> Response:
        """Ready when the database answers and its schema is the one this code expects."""
        try:
            # bounded: a probe that waits on a busy database is no answer to "ready?"
            assert schema is not None, "the composition root hands in the schema check"
            version, head = await asyncio.wait_for(schema(), READY_TIMEOUT)
        except TimeoutError:
            return JSONResponse({"status": "database busy"}, status_code=503)
        except Exception as exc:
            return JSONResponse({"status": "database unreachable", "error": type(exc).__name__},
                                status_code=503)  # fmt: skip
        if conversations.storage_full_since is not None:  # until a write succeeds again
            return JSONResponse({"status": "storage full",
                                 "since": conversations.storage_full_since.isoformat()},
                                status_code=503)  # fmt: skip
        if version != head:
            return JSONResponse({"status": "migrations behind", "database": version,
                                 "code": head}, status_code=503)  # fmt: skip
        return JSONResponse({"status": "ready", "schema": version})

    @app.get("/metrics")
    async def metrics() -> Response:
        try:
            gauges = await database_gauges(conversations)
        except Exception:
            log.exception("metrics: database gauges unavailable")
            gauges = {}
        gauges["siaga_storage_full"] = [({}, float(conversations.storage_full_since is not None))]
        return Response(conversations.metrics.render(gauges), media_type=CONTENT_TYPE_LATEST)

    app.mount("/konsol", LazyConsole(conversations))
    # no route takes a body larger than SERVER: refused before any of it is read
    return BodyLimit(TelegramFirst(app, dispatcher, telegram, telegram_secret), lambda _: SERVER)


class LazyConsole:
    """The web console, built on its first request: Jinja2 and the pages cost the webhook
    workers nothing until someone opens the console."""

    def __init__(self, conversations: Any) -> None:
        self.conversations = conversations
        self.app: ASGIApp | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.app is None:
            from bot.web.console.table import build

            self.app = build(self.conversations)
        await self.app(scope, receive, send)


class TelegramFirst:
    """POST /telegram/webhook answered in plain ASGI; every other request goes to FastAPI.

    The webhook is the hottest path: every Telegram message and button. Through FastAPI it
    crossed seven middleware and routing layers it uses none of (no dependencies, validation
    or exception handlers): 8 % of an update's CPU under load, measured with py-spy. Same
    checks and answers as any route: 401 without the right secret (compared in constant time,
    before the body is read), 413, 400 for junk, 503 when the database is out (Telegram
    delivers the update again), 200 once the update is safely handled.
    """

    def __init__(
        self, app: ASGIApp, dispatcher: Dispatcher, telegram: TelegramChannel | None, secret: str
    ) -> None:
        self.app = app
        self.dispatcher = dispatcher
        self.telegram = telegram
        self.secret = secret.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != TELEGRAM_PATH or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        status, body = await self.handle(scope, receive)
        headers = [(b"content-length", str(len(body)).encode())]
        if body:
            headers.append((b"content-type", b"application/json"))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def handle(self, scope: Scope, receive: Receive) -> tuple[int, bytes]:
        given = next((v for k, v in scope["headers"] if k == SECRET_HEADER), b"")
        declared = next((v for k, v in scope["headers"] if k == b"content-length"), b"").decode()
        if self.telegram is None or not self.secret or not hmac.compare_digest(given, self.secret):
            return 401, b""
        if _declared_too_big(declared):
            return 413, b""  # refused before a byte of it is read
        body = await _body(receive)
        if body is None:
            return 413, b""
        try:
            update = self.telegram.update(_json_object(body))
        except (ValueError, ValidationError, RecursionError):
            return 400, b""
        try:
            await self.dispatcher.take(self.telegram, self.telegram.parse(update))
        except Exception as exc:
            # Telegram delivers the update again later; its id was not recorded.
            return (503 if refused_for_now(exc) else 500), b""
        return 200, b"{}"


def _json_object(body: bytes) -> dict[str, Any]:
    """A JSON object, or ValueError: junk, another type, or nesting deep enough to exhaust
    the parser's recursion (a 100,000-deep array is a few hundred kilobytes)."""
    try:
        data = json.loads(body)
    except RecursionError:
        raise ValueError("nested too deep") from None
    if not isinstance(data, dict):
        raise ValueError("not an object")
    return data


def _declared_too_big(content_length: str) -> bool:
    return content_length.isascii() and content_length.isdigit() and int(content_length) > MAX_BODY


async def _request_body(request: Request) -> bytes | None:
    """The body, read as it streams in, or None once it passes MAX_BODY: an unauthenticated
    sender cannot make the process hold more than that (a 300 MB POST took 889 MB of RSS)."""
    if _declared_too_big(request.headers.get("content-length", "")):
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


async def _body(receive: Receive) -> bytes | None:
    """The request body, or None when it grows past MAX_BODY (no more of it is read)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)
