"""Where the time of one webhook update goes: the whole in-process path (the ASGI app's
TelegramFirst, aiogram's Update model, the channel, the delivery path, the handlers, SQLite,
the reply sent through aiogram to a fake Bot API server over HTTP), profiled with cProfile.

    python bench/profile_update.py [--updates 600] [--kind start|answer] [--top 25]

Each update is a new user's "/start" (`start`, as the shared yardstick sends) or the same
users' second message, a typed answer at the menu (`answer`). Prints the time per update and
a table of where it goes, by the part of the program that spends it (its own time, summed over
the functions of each part), for the README.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import pstats
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fake_telegram import FakeTelegram  # noqa: E402

TOKEN = "123456:TEST-token-for-fake-server"
SECRET = "bench-secret"

# The parts of the path, by where a function's code lives: first match wins.
PARTS = (
    ("handlers (conversation, use cases)", ("/handlers/",)),
    ("domain (rules, text)", ("/domain/",)),
    ("SQL: SQLAlchemy + sqlite3", ("sqlalchemy", "sqlite3", "/bot/db/")),
    ("rendering (Fluent catalogue)", ("/bot/i18n", "fluent", "/bot/channels/render")),
    ("aiogram: Update in, sendMessage out (pydantic)", ("aiogram", "pydantic")),
    ("HTTP client to the Bot API (aiohttp)", ("aiohttp", "multidict", "yarl")),
    (
        "channel + delivery path (bot/)",
        ("/bot/channels", "/bot/delivery", "/bot/web", "/bot/metrics", "prometheus"),
    ),
    ("asyncio event loop", ("asyncio", "selectors", "socket", "ssl")),
    ("JSON", ("json",)),
)


def part_of(filename: str) -> str:
    for name, marks in PARTS:
        if any(m in filename for m in marks):
            return name
    return "other (stdlib, logging, …)"


def update(uid: int, text: str, n: int) -> bytes:
    return json.dumps(
        {
            "update_id": n,
            "message": {
                "message_id": n,
                "date": 1700000000,
                "text": text,
                "chat": {"id": uid, "type": "private"},
                "from": {"id": uid, "is_bot": False, "first_name": "U"},
            },
        }
    ).encode()


async def post(app, body: bytes) -> int:  # type: ignore[no-untyped-def]
    scope = {"type": "http", "method": "POST", "path": "/telegram/webhook",
             "headers": [(b"x-telegram-bot-api-secret-token", SECRET.encode()),
                         (b"content-length", str(len(body)).encode())]}  # fmt: skip
    sent = False
    status = 0

    async def receive():  # type: ignore[no-untyped-def]
        nonlocal sent
        if sent:
            await asyncio.sleep(3600)
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message):  # type: ignore[no-untyped-def]
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


async def main(n: int, kind: str, top: int) -> None:
    from bot.app import build
    from bot.channels.telegram.factory import make_bot
    from bot.config import Settings

    fake = FakeTelegram()
    api = await fake.start()
    data = Path(tempfile.mkdtemp())
    settings = Settings(data_dir=data, telegram_token=TOKEN, telegram_api_url=api,  # type: ignore[arg-type]
                        telegram_webhook_secret=SECRET, log_level="WARNING")  # fmt: skip
    siaga = await build(settings)
    app = siaga.web(siaga.telegram(make_bot(settings)), SECRET)
    counter = 0

    async def round_of(text: str, base: int) -> None:
        nonlocal counter
        for i in range(n):
            counter += 1
            assert await post(app, update(base + i, text, counter)) == 200
        await siaga.dispatcher.drain()

    await round_of("/start", 10_000)  # warm-up: compiled statements, caches
    start_uid = 100_000
    if kind == "answer":
        await round_of("/start", start_uid)
    profile = cProfile.Profile()
    began = time.perf_counter()
    profile.enable()
    await round_of("/start" if kind == "start" else "apa itu jkm", start_uid)
    profile.disable()
    elapsed = time.perf_counter() - began
    await siaga.close()
    await fake.stop()
    stats = pstats.Stats(profile)
    own: Counter[str] = Counter()
    calls = 0
    for (filename, _line, _name), (_cc, nc, tt, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        own[part_of(filename)] += tt
        calls += nc
    total = sum(own.values())
    print(
        f"{kind}: {n} updates, {elapsed / n * 1e3:.2f} ms per update in-process "
        f"(profiled), {calls / n:.0f} function calls per update"
    )
    print("| part | share of the time | ms per update |")
    print("|---|---|---|")
    for name, t in own.most_common():
        print(f"| {name} | {t / total * 100:.0f} % | {t / n * 1e3:.2f} |")
    if top:
        stats.sort_stats("tottime").print_stats(top)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--updates", type=int, default=600)
    ap.add_argument("--kind", choices=["start", "answer"], default="start")
    ap.add_argument("--top", type=int, default=0)
    a = ap.parse_args()
    asyncio.run(main(a.updates, a.kind, a.top))
