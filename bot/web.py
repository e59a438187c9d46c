"""The one HTTP app: Telegram webhook and health (WhatsApp and metrics join it later).

Webhooks: verify first (constant-time secret), reject junk with 4xx, dedupe (update ids in the
database), answer 200 once the update is safely handled.
"""

from __future__ import annotations

import hmac
import json
import logging
from typing import Any

from fastapi import FastAPI, Request, Response
from pydantic import ValidationError

from bot.service import Siaga
from bot.telegram.adapter import TelegramChannel, parse_update

log = logging.getLogger("siaga.web")
MAX_BODY = 1_000_000  # no Telegram update comes near this


def create_app(siaga: Siaga, telegram: TelegramChannel | None, telegram_secret: str) -> FastAPI:
    app = FastAPI(title="Siaga", docs_url=None, redoc_url=None, openapi_url=None)

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/telegram/webhook")
    async def telegram_webhook(request: Request) -> Response:
        given = request.headers.get("x-telegram-bot-api-secret-token", "")
        if (
            telegram is None
            or not telegram_secret
            or not hmac.compare_digest(given.encode(), telegram_secret.encode())
        ):
            return Response(status_code=401)
        body = await request.body()
        if len(body) > MAX_BODY:
            return Response(status_code=413)
        try:
            data: Any = json.loads(body)
            if not isinstance(data, dict):
                raise ValueError("not an object")
            update = parse_update(data, telegram.bot)
        except (ValueError, ValidationError):
            return Response(status_code=400)
        task = telegram.dispatch(update)
        if task is not None:
            try:
                await task
            except Exception:
                # 500: Telegram delivers the update again later; its id was not recorded.
                return Response(status_code=500)
        return Response(content="{}", media_type="application/json")

    return app
