"""The one HTTP app: the Telegram and WhatsApp webhooks and health.

Webhooks: verify first (constant-time secret), reject junk with 4xx, dedupe (update ids in the
database), answer 200 once the update is safely handled.
"""

from __future__ import annotations

import hmac
import json
import logging
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from pydantic import ValidationError

from bot.db.engine import unavailable
from bot.db.migrate import HEAD, current
from bot.observe import database_gauges
from bot.service import Siaga
from bot.telegram.adapter import TelegramChannel, parse_update
from bot.whatsapp.adapter import WhatsAppChannel

log = logging.getLogger("siaga.web")
MAX_BODY = 1_000_000  # no Telegram update comes near this


def create_app(
    siaga: Siaga, telegram: TelegramChannel | None, telegram_secret: str,
    whatsapp: WhatsAppChannel | None = None, wa_app_secret: str = "", wa_verify_token: str = "",
) -> FastAPI:  # fmt: skip
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
        body = await request.body()
        if len(body) > MAX_BODY:
            return Response(status_code=413)
        # the HMAC of the raw bytes, checked before anything is parsed
        expected = hmac.new(wa_app_secret.encode(), body, "sha256").hexdigest()
        if not hmac.compare_digest(signature[7:].encode(), expected.encode()):
            return Response(status_code=403)
        try:
            data: Any = json.loads(body)
            if not isinstance(data, dict):
                raise ValueError("not an object")
        except ValueError:
            return Response(status_code=400)
        try:
            await whatsapp.receive(data)
        except Exception as exc:
            log.exception("whatsapp webhook failed")
            # Meta delivers it again; nothing was recorded
            return Response(status_code=503 if unavailable(exc) else 500)
        return Response(content="{}", media_type="application/json")

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz")
    async def readyz() -> Response:
        """Ready when the database answers and its schema is the one this code expects."""
        try:
            version = await current(siaga.engine)
        except Exception as exc:
            return JSONResponse({"status": "database unreachable", "error": type(exc).__name__},
                                status_code=503)  # fmt: skip
        if siaga.storage_full_since is not None:  # until a write succeeds again
            return JSONResponse({"status": "storage full",
                                 "since": siaga.storage_full_since.isoformat()},
                                status_code=503)  # fmt: skip
        if version != HEAD:
            return JSONResponse({"status": "migrations behind", "database": version,
                                 "code": HEAD}, status_code=503)  # fmt: skip
        return JSONResponse({"status": "ready", "schema": version})

    @app.get("/metrics")
    async def metrics() -> Response:
        try:
            gauges = await database_gauges(siaga)
        except Exception:
            log.exception("metrics: database gauges unavailable")
            gauges = {}
        gauges["siaga_storage_full"] = [({}, float(siaga.storage_full_since is not None))]
        return Response(siaga.metrics.render(gauges), media_type="text/plain; version=0.0.4")

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
            except Exception as exc:
                # Telegram delivers the update again later; its id was not recorded.
                return Response(status_code=503 if unavailable(exc) else 500)
        return Response(content="{}", media_type="application/json")

    return app
