"""The Bot API calls of every reply (sendMessage, editMessageText, answerCallbackQuery,
editMessageReplyMarkup) as JSON over aiohttp, without aiogram's models.

Why not aiogram's Bot for these: each of its calls builds a pydantic model of the method and of
every button, serialises them to a form, and validates the answer into a Message model; for one
menu that was a fifth of an update's time (issue 28's profile), and Siaga needs only the
message's id back. aiogram still reads the updates and makes the rarer calls (files, the
command list). The error classes follow the Bot API's answer: `ok`, `error_code`,
`description`, `parameters.retry_after`.
"""

from __future__ import annotations

import json
from typing import Any

import aiohttp

NETWORK = 599  # no answer from the Bot API (connection refused, reset, timed out)


class BotApiError(Exception):
    def __init__(self, status: int, description: str, retry_after: float = 0.0) -> None:
        super().__init__(f"{status} {description}")
        self.status, self.description, self.retry_after = status, description, retry_after


class BotApi:
    def __init__(self, base: str, timeout: float = 60.0) -> None:
        self._base = base  # ".../bot<token>/", the method's name follows
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: aiohttp.ClientSession | None = None

    def _open(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        return self._session

    async def call(self, method: str, params: dict[str, Any]) -> Any:
        """The method's `result`; BotApiError for a refusal or no answer. Parameters that are
        None are left out, as the Bot API reads a missing one as its default."""
        body = json.dumps({k: v for k, v in params.items() if v is not None})
        try:
            async with self._open().post(
                self._base + method, data=body, headers={"Content-Type": "application/json"}
            ) as resp:
                status, raw = resp.status, await resp.read()
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise BotApiError(NETWORK, type(exc).__name__) from exc
        try:
            data = json.loads(raw)
        except ValueError:
            data = None
        if not isinstance(data, dict):
            raise BotApiError(status if status >= 400 else 502, "not a Bot API answer")
        if not data.get("ok"):
            retry = float((data.get("parameters") or {}).get("retry_after") or 0)
            code = int(data.get("error_code") or status)
            raise BotApiError(code, str(data.get("description") or ""), retry)
        return data.get("result")

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
