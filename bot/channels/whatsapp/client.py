"""A thin client for the WhatsApp Cloud API (Graph API) messages endpoint, on aiohttp.

Why not pywa: Siaga needs one endpoint and full control of the error codes (130429, 131056,
131047 …) that decide retries and templates; aiohttp is already loaded for aiogram, so this
costs no new dependency or import time.
"""

from __future__ import annotations

import json
from typing import Any

import aiohttp

# Cloud API error codes the sender acts on
THROUGHPUT = 130429  # too many messages from this number: back off
PAIR_RATE = 131056  # too many messages to this one user: wait before the next
OUTSIDE_WINDOW = 131047  # more than 24 hours since the user wrote: only a template may go
UNDELIVERABLE = 131026  # not a WhatsApp user, or cannot receive
BLOCKED = 131031  # the business account is restricted or the user blocked it


class GraphError(Exception):
    def __init__(self, status: int, code: int, message: str) -> None:
        super().__init__(f"{status} {code} {message}")
        self.status, self.code, self.message = status, code, message

    @property
    def transient(self) -> bool:
        return self.status >= 500 or self.code in (THROUGHPUT, PAIR_RATE) or self.status == 429


class WhatsAppClient:
    def __init__(self, base_url: str, version: str, phone_number_id: str, token: str) -> None:
        self.graph = f"{base_url.rstrip('/')}/{version}"
        self.url = f"{self.graph}/{phone_number_id}/messages"
        self.media_url = f"{self.graph}/{phone_number_id}/media"
        self._headers = {"Authorization": f"Bearer {token}"}
        self._session: aiohttp.ClientSession | None = None

    def _open(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                headers=self._headers, timeout=aiohttp.ClientTimeout(total=30)
            )
        return self._session

    async def _call(self, method: str, url: str, **kw: Any) -> dict[str, Any]:
        """One Graph API call; GraphError for a refusal or a network failure (status 599)."""
        try:
            async with self._open().request(method, url, **kw) as resp:
                raw = await resp.text()
                status = resp.status
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise GraphError(599, 0, type(exc).__name__) from exc
        try:
            data = json.loads(raw) if raw else {}
        except ValueError:
            data = {}
        if status >= 400 or "error" in data:
            err = data.get("error") or {}
            raise GraphError(
                status, int(err.get("code") or 0), str(err.get("message") or raw)[:200]
            )
        return data if isinstance(data, dict) else {}

    async def download(self, media_id: str, max_bytes: int) -> bytes | None:
        """A received file's bytes: its URL from the media id, then the file itself (both
        with the token). None when it is larger than `max_bytes`."""
        info = await self._call("GET", f"{self.graph}/{media_id}")
        if int(info.get("file_size") or 0) > max_bytes or not info.get("url"):
            return None
        try:
            async with self._open().get(str(info["url"])) as resp:
                if resp.status >= 400:
                    raise GraphError(resp.status, 0, "media download refused")
                data = await resp.content.read(max_bytes + 1)
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise GraphError(599, 0, type(exc).__name__) from exc
        return data if len(data) <= max_bytes else None

    async def upload(self, data: bytes, mime: str, filename: str) -> str:
        """Upload a file to send it; returns the media id a message names."""
        form = aiohttp.FormData()
        form.add_field("messaging_product", "whatsapp")
        form.add_field("type", mime)
        form.add_field("file", data, filename=filename, content_type=mime)
        return str((await self._call("POST", self.media_url, data=form))["id"])

    async def send(self, recipient: str, message: dict[str, Any]) -> str:
        """Send one message; returns its id (wamid). A recipient with a dot is a business-
        scoped user id (BSUID, "ID.1234…"), sent as `recipient`; digits are a phone number."""
        key = "recipient" if "." in recipient else "to"
        body = {"messaging_product": "whatsapp", "recipient_type": "individual",
                key: recipient, **message}  # fmt: skip
        data = await self._call("POST", self.url, json=body)
        return str(data["messages"][0]["id"])

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
