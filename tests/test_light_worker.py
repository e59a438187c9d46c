"""A webhook worker loads what serving updates needs and nothing more (DESIGN rule 7, issue 28
point 3): built as `siaga serve --role webhook` builds it, on a database behind the code, and
after handling an update through its webhook, it holds no console templates, charts,
spreadsheet readers, Rich or Alembic; the console's worker and `all` still serve the console."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

HEAVY = (
    "jinja2",  # the console's templates
    "bot.web.console",  # the console's pages
    "bot.chart",  # the statistics chart (matplotlib)
    "matplotlib",
    "openpyxl",  # spreadsheet readers and writers (registries, the BPJS file)
    "bot.registry",
    "bot.export",
    "rich",  # the terminal console
    "alembic",  # the schema's upgrade runs in a child process
    "mako",
    "numpy",
)

PROBE = """
import asyncio, json, sys, tempfile
from pathlib import Path

HEAVY = %r


async def request(app, method, path, body=b"", headers=()):
    # plain ASGI, as uvicorn calls the app (an HTTP client library would load more modules)
    scope = {"type": "http", "method": method, "path": path, "query_string": b"",
             "root_path": "", "scheme": "http", "server": ("siaga", 80),
             "headers": [(b"content-length", str(len(body)).encode()), *headers]}
    status = []

    async def receive():
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message):
        if message["type"] == "http.response.start":
            status.append(message["status"])

    await app(scope, receive, send)
    return status[0]


async def main(role):
    from tests.fake_telegram import TOKEN, FakeTelegram
    from bot.config import Settings
    from bot.cli.serve import http_service

    fake = FakeTelegram()
    api = await fake.start()
    settings = Settings(data_dir=Path(tempfile.mkdtemp()), telegram_token=TOKEN,
                        telegram_api_url=api, telegram_webhook_secret="s3cret")
    service = await http_service(settings, role)
    update = {"update_id": 1, "message": {"message_id": 1, "date": 1700000000, "text": "/start",
              "chat": {"id": 7, "type": "private"}, "from": {"id": 7, "is_bot": False,
              "first_name": "U"}}}
    hook = await request(service.web, "POST", "/telegram/webhook", json.dumps(update).encode(),
                         [(b"x-telegram-bot-api-secret-token", b"s3cret")])
    console = await request(service.web, "GET", "/konsol/")
    await service.app.dispatcher.drain()
    await service.app.close()
    for channel in service.channels.values():
        await channel.close()
    await fake.stop()
    print(json.dumps({"webhook": hook, "console": console, "background": service.background,
                      "loaded": sorted(m for m in HEAVY if m in sys.modules)}))


asyncio.run(main(sys.argv[1]))
"""


def _worker(role: str) -> dict[str, object]:
    out = subprocess.run([sys.executable, "-c", PROBE % (HEAVY,), role], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert out.returncode == 0, out.stderr[-2000:]
    found: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return found


def test_a_webhook_worker_serves_updates_without_the_console_charts_or_spreadsheets() -> None:
    worker = _worker("webhook")
    assert worker["webhook"] == 200
    assert worker["console"] == 404  # the console is another worker's
    assert worker["background"] is False  # the jobs worker sends and schedules
    assert worker["loaded"] == [], worker["loaded"]


@pytest.mark.parametrize("role", ["all", "console"])
def test_the_console_is_served_by_its_roles(role: str) -> None:
    worker = _worker(role)
    assert worker["console"] != 404
    assert worker["webhook"] == (200 if role == "all" else 401)  # no Telegram here
    assert worker["background"] is (role == "all")
