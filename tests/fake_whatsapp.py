"""A fake WhatsApp Cloud API (Graph API) server on loopback, strict about what it accepts.

Our real client posts to it over HTTP (SIAGA_WHATSAPP_API_URL). Every request is checked the
way Meta checks it (messaging_product, exactly one recipient field, the message type and the
interactive limits); a request that breaks a rule is refused with error 100 and recorded in
`violations`. Errors can be injected: (HTTP status, Cloud API error code) per call.

The customer-service window is enforced as Meta enforces it: a free-form message (anything
but a template) to someone who never wrote, or whose last message is older than 24 hours on
the test's clock, is refused with 131047 and recorded in `outside_window`. The harness tells
the fake when a person writes (`heard`), as Meta knows it, not from Siaga's database. A
template must be one of `templates` (approved: name and language), its parameters as Meta
takes them (no line breaks or tabs, at most four spaces in a row: 132018).
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from aiohttp import web

from tests.loopback import serve

TOKEN = "EAAG-test-token"
PHONE_ID = "106540352242922"
VERSION = "v21.0"
APP_SECRET = "app-secret-for-tests"
VERIFY_TOKEN = "verify-me"
WINDOW = timedelta(hours=24)
# The templates "approved" for this number, (name, language): the README's list to submit.
APPROVED = {("siaga_siaran", "id"), ("siaga_kabar", "id"), ("siaga_kabar", "en")}


@dataclass
class WaSent:
    to: str
    body: dict[str, Any]

    @property
    def text(self) -> str:
        t = self.body["type"]
        if t == "text":
            return str(self.body["text"]["body"])
        if t == "interactive":
            return str(self.body["interactive"]["body"]["text"])
        if t in ("audio", "image", "video", "document", "sticker"):
            return ""
        params = self.body["template"]["components"][0]["parameters"]
        return str(params[0]["text"])

    @property
    def template(self) -> tuple[str, str, str] | None:
        """(name, language code, quick-reply payload or "") of a template message."""
        if self.body["type"] != "template":
            return None
        tpl = self.body["template"]
        payload = ""
        for c in tpl.get("components") or []:
            if c.get("type") == "button":
                payload = str(c["parameters"][0]["payload"])
        return str(tpl["name"]), str(tpl["language"]["code"]), payload

    @property
    def media_id(self) -> str:
        """The uploaded media a file message names ("" for words)."""
        item = self.body.get(self.body["type"])
        return str(item.get("id", "")) if isinstance(item, dict) else ""

    @property
    def choices(self) -> list[tuple[str, str]]:
        """(title, id) of reply buttons or list rows."""
        if self.body["type"] != "interactive":
            return []
        inter = self.body["interactive"]
        if inter["type"] == "button":
            return [(b["reply"]["title"], b["reply"]["id"]) for b in inter["action"]["buttons"]]
        return [(r["title"], r["id"]) for s in inter["action"]["sections"] for r in s["rows"]]


def _problems(body: Any) -> list[str]:
    p: list[str] = []
    if not isinstance(body, dict):
        return ["not a JSON object"]
    if body.get("messaging_product") != "whatsapp":
        p.append("messaging_product must be whatsapp")
    if ("to" in body) == ("recipient" in body):
        p.append("exactly one of to / recipient")
    if body.get("recipient_type", "individual") != "individual":
        p.append("recipient_type")
    kind = body.get("type")
    if kind == "text":
        text = (body.get("text") or {}).get("body")
        if not isinstance(text, str) or not text or len(text) > 4096:
            p.append("text.body must be 1..4096 characters")
    elif kind == "interactive":
        inter = body.get("interactive") or {}
        text = (inter.get("body") or {}).get("text")
        if not isinstance(text, str) or not text or len(text) > 1024:
            p.append("interactive.body.text must be 1..1024 characters")
        action = inter.get("action") or {}
        if inter.get("type") == "button":
            buttons = action.get("buttons") or []
            if not 1 <= len(buttons) <= 3:
                p.append("1..3 reply buttons")
            ids = [b["reply"]["id"] for b in buttons]
            if len(set(ids)) != len(ids) or any(len(i) > 256 for i in ids):
                p.append("button ids unique, at most 256")
            if any(not 1 <= len(b["reply"]["title"]) <= 20 for b in buttons):
                p.append("button titles 1..20 characters")
        elif inter.get("type") == "list":
            if not 1 <= len(action.get("button", "")) <= 20:
                p.append("list button 1..20 characters")
            rows = [r for s in action.get("sections") or [] for r in s.get("rows") or []]
            if not 1 <= len(rows) <= 10:
                p.append("1..10 list rows")
            if any(not 1 <= len(r["title"]) <= 24 for r in rows):
                p.append("row titles 1..24 characters")
            if any(len(s.get("title", "")) > 24 for s in action.get("sections") or []):
                p.append("section titles at most 24 characters")
            ids = [r["id"] for r in rows]
            if len(set(ids)) != len(ids) or any(len(i) > 200 for i in ids):
                p.append("row ids unique, at most 200")
        else:
            p.append("interactive.type must be button or list")
    elif kind in ("audio", "image", "video", "document", "sticker"):
        item = body.get(kind) or {}
        if ("id" in item) == ("link" in item):
            p.append(f"{kind} needs exactly one of id / link")
    elif kind == "template":
        p.extend(_template_problems(body.get("template") or {}))
    else:
        p.append(f"unexpected type {kind!r}")
    return p


def _template_problems(tpl: dict[str, Any]) -> list[str]:
    p: list[str] = []
    if not tpl.get("name") or not (tpl.get("language") or {}).get("code"):
        return ["template name and language"]
    for c in tpl.get("components") or []:
        if c.get("type") == "body":
            for param in c.get("parameters") or []:
                text = str(param.get("text") or "")
                if not text or re.search(r"[\n\t]| {5}", text) or len(text) > 1024:
                    p.append("132018 body parameter: no line breaks, tabs or 5 spaces")
        elif c.get("type") == "button":
            params = c.get("parameters") or []
            if c.get("sub_type") != "quick_reply" or not str(c.get("index", "")).isdigit():
                p.append("button component: sub_type quick_reply and an index")
            if (
                len(params) != 1
                or params[0].get("type") != "payload"
                or not params[0].get("payload")
            ):
                p.append("a quick reply button takes one payload")
        else:
            p.append(f"component type {c.get('type')!r}")
    return p


@dataclass
class FakeGraph:
    sent: list[WaSent] = field(default_factory=list)
    violations: list[tuple[list[str], Any]] = field(default_factory=list)
    errors: list[tuple[int, int]] = field(default_factory=list)  # (status, code) for next calls
    error_for: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # per recipient
    base_url: str = ""
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _runner: web.AppRunner | None = None
    # Media: what people sent (media id → bytes, mime) and what the business uploaded.
    received: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    uploaded: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    # The 24-hour window: when each person last wrote (by BSUID and by phone), on `clock`.
    window: timedelta | None = WINDOW
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    last_inbound: dict[str, datetime] = field(default_factory=dict)
    outside_window: list[WaSent] = field(default_factory=list)  # refused with 131047
    templates: set[tuple[str, str]] = field(default_factory=lambda: set(APPROVED))
    on_send: Callable[[WaSent], None] | None = None  # called after each accepted message

    def heard(self, payload: Any) -> None:
        """A webhook body on its way to Siaga: the people who wrote in it opened their window."""
        for entry in payload.get("entry") or [] if isinstance(payload, dict) else []:
            for change in entry.get("changes") or []:
                for m in (change.get("value") or {}).get("messages") or []:
                    for who in (m.get("from_user_id"), m.get("from")):
                        if who:
                            self.last_inbound[str(who)] = self.clock()

    async def start(self) -> str:
        app = web.Application(client_max_size=120 * 1024 * 1024)
        app.router.add_post("/{version}/{phone}/messages", self._messages)
        app.router.add_post("/{version}/{phone}/media", self._upload)
        app.router.add_get("/{version}/{media_id}", self._media_info)
        app.router.add_get("/download/{media_id}", self._download)
        self._runner, self.base_url = await serve(app)
        return self.base_url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @staticmethod
    def _error(status: int, code: int, message: str) -> web.Response:
        body = {"error": {"message": message, "type": "OAuthException", "code": code,
                          "fbtrace_id": "AbCdEf"}}  # fmt: skip
        return web.json_response(body, status=status)

    async def _messages(self, request: web.Request) -> web.Response:
        if request.headers.get("Authorization") != f"Bearer {TOKEN}":
            return self._error(401, 190, "Invalid OAuth access token")
        if request.match_info["version"] != VERSION or request.match_info["phone"] != PHONE_ID:
            return self._error(400, 100, "Unsupported post request")
        try:
            body = json.loads(await request.read())
        except ValueError:
            return self._error(400, 100, "Invalid JSON")
        problems = _problems(body)
        if problems:
            self.violations.append((problems, body))
            return self._error(400, 100, "; ".join(problems))
        to = str(body.get("to") or body.get("recipient"))
        queued = self.error_for.get(to) or self.errors
        if queued:
            status, code = queued.pop(0)
            return self._error(status, code, f"injected {code}")
        if body["type"] == "template":
            tpl = body["template"]
            if (tpl["name"], tpl["language"]["code"]) not in self.templates:
                self.violations.append((["template not approved"], body))
                return self._error(404, 132001, "Template name does not exist in the translation")
        elif self.window is not None:
            last = self.last_inbound.get(to)
            if last is None or self.clock() - last > self.window:
                self.outside_window.append(WaSent(to, body))
                return self._error(400, 131047, "Re-engagement message")
        self.sent.append(WaSent(to, body))
        if self.on_send is not None:
            self.on_send(self.sent[-1])
        key = "wa_id" if "to" in body else "user_id"
        mid = f"wamid.FAKE{next(self._ids)}"
        return web.json_response({"messaging_product": "whatsapp",
                                  "contacts": [{"input": to, key: to}],
                                  "messages": [{"id": mid}]})  # fmt: skip

    def to(self, who: str) -> list[WaSent]:
        return [s for s in self.sent if s.to == who]

    def _authorised(self, request: web.Request) -> bool:
        return request.headers.get("Authorization") == f"Bearer {TOKEN}"

    async def _upload(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            return self._error(401, 190, "Invalid OAuth access token")
        form = await request.post()
        file = form.get("file")
        if form.get("messaging_product") != "whatsapp" or not isinstance(file, web.FileField):
            self.violations.append((["upload needs messaging_product and file"], dict(form)))
            return self._error(400, 100, "upload needs messaging_product and file")
        media_id = f"{next(self._ids) + 9_000_000_000}"
        self.uploaded[media_id] = (file.file.read(), str(form.get("type") or ""))
        return web.json_response({"id": media_id})

    async def _media_info(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            return self._error(401, 190, "Invalid OAuth access token")
        media_id = request.match_info["media_id"]
        found = self.received.get(media_id) or self.uploaded.get(media_id)
        if found is None:  # Meta's answer for an expired or unknown media id
            return self._error(400, 100, "Unsupported get request. Object does not exist")
        return web.json_response({
            "messaging_product": "whatsapp", "url": f"{self.base_url}/download/{media_id}",
            "mime_type": found[1], "file_size": len(found[0]), "id": media_id,
        })  # fmt: skip

    async def _download(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            return web.Response(status=401)
        found = self.received.get(request.match_info["media_id"])
        found = found or self.uploaded.get(request.match_info["media_id"])
        return web.Response(status=404) if found is None else web.Response(body=found[0])

    def receive(self, data: bytes, mime: str) -> str:
        """A file a person sends: kept on 'Meta's side'; returns its media id."""
        media_id = f"{next(self._ids) + 1_000_000_000}"
        self.received[media_id] = (data, mime)
        return media_id


def sign(body: bytes, secret: str = APP_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


_mids = itertools.count(1)


def text_message(user: str, text: str) -> dict[str, Any]:
    return _envelope(user, {"type": "text", "text": {"body": text}})


def reply_message(user: str, choice_id: str, title: str, list_row: bool = False) -> dict[str, Any]:
    kind = "list_reply" if list_row else "button_reply"
    return _envelope(user, {"type": "interactive",
                            "interactive": {"type": kind, kind: {"id": choice_id, "title": title}}})  # fmt: skip


def _envelope(user: str, message: dict[str, Any]) -> dict[str, Any]:
    phone = "62812" + user.split(".")[-1][-7:]
    return {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{
        "field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "6281100000000", "phone_number_id": PHONE_ID},
            "contacts": [{"profile": {"name": "Warga"}, "wa_id": phone, "user_id": user}],
            "messages": [{"from": phone, "from_user_id": user, "id": f"wamid.IN{next(_mids)}",
                          "timestamp": "1795939200", **message}],
        }}]}]}  # fmt: skip


def button_message(user: str, payload: str, text: str) -> dict[str, Any]:
    """A tap on a template's quick-reply button (a "button" message with its payload)."""
    return _envelope(user, {"type": "button", "button": {"payload": payload, "text": text}})


def media_message(user: str, kind: str, **fields: Any) -> dict[str, Any]:
    """An inbound image, audio (a voice note with voice=True), video, document or sticker."""
    return _envelope(user, {"type": kind, kind: fields})
