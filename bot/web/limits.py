"""How large a request's body may be, checked before any route or gate runs (issue 26 item 4).

A 300 MB POST to /konsol/keluar with no cookie took the process from 224 to 838 MB: the
console read the whole body, then asked who was there. BodyLimit sits in front of an ASGI
app: a declared Content-Length past the cap is refused before a byte is read, and a streamed
body is counted as it arrives and refused the moment it passes the cap (the rest is never
read). uvicorn has no such ceiling of its own.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

FORM = 20_000  # bytes: the console's longest form is a reason, a question or a broadcast
UPLOAD = 5 * 1024 * 1024 + 64 * 1024  # the BPJS confirmation file (5 MB) in its multipart
SERVER = UPLOAD  # no route takes more (a webhook: 1 MB, checked again by the webhook itself)
UPLOAD_PATH = "/peserta/pratinjau"  # the one console form that carries a file


def console_cap(scope: Scope) -> int:
    """A console form gets FORM; only the BPJS upload and an officer's file for a resident
    (issue 30) get the upload's size."""
    path = scope["path"]
    return UPLOAD if path.endswith(UPLOAD_PATH) or is_desk_file(path) else FORM


def is_desk_file(path: str) -> bool:
    """/konsol/tiket/N/berkas: a file answering a resident's question."""
    return "/tiket/" in path and path.endswith("/berkas")


class TooLarge(Exception):
    """Raised into the app from receive(): the body passed its cap, stop reading it."""


class BodyLimit:
    """An ASGI guard: 413 for a body past `cap(scope)` bytes, declared or streamed; 400 for
    a Content-Length that is no number. `refuse` makes the 413 answer (a page in the
    officer's language); by default an empty 413."""

    def __init__(
        self, app: ASGIApp, cap: Callable[[Scope], int],
        refuse: Callable[[Scope], ASGIApp] | None = None,
    ) -> None:  # fmt: skip
        self.app, self.cap, self.refuse = app, cap, refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cap = self.cap(scope)
        declared = [v for k, v in scope["headers"] if k == b"content-length"]
        if declared:
            text = declared[0].decode("latin-1")
            if len(declared) > 1 or not (text.isascii() and text.isdigit()):
                await _plain(send, 400)
                return
            if int(text) > cap:
                await self._too_large(scope, receive, send)
                return
        seen, over, started = 0, False, False

        async def counted() -> Message:
            nonlocal seen, over
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > cap:
                    over = True
                    raise TooLarge
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            if over and not started:
                return  # the app's answer to a body cut short: replaced by the 413 below
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except Exception:
            if not over or started:
                raise
        if over and not started:
            await self._too_large(scope, receive, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.refuse is None:
            await _plain(send, 413)
        else:
            await self.refuse(scope)(scope, receive, send)


async def _plain(send: Send, status: int) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-length", b"0"), (b"connection", b"close")]})  # fmt: skip
    await send({"type": "http.response.body", "body": b""})
