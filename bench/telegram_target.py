"""One webhook server for bench/telegram.py: App's, or a bare aiogram echo bot's."""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TOKEN = "123456:TEST-token-for-fake-server"
SECRET = "bench-secret"


async def run_echo(port: int, api: str) -> None:
    from aiogram import Bot, Dispatcher
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer
    from aiogram.types import Message
    from aiogram.webhook.aiohttp_server import SimpleRequestHandler

    bot = Bot(TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(api)))
    dp = Dispatcher()

    @dp.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "?")

    app = web.Application()
    SimpleRequestHandler(dp, bot, secret_token=SECRET, handle_in_background=False).register(
        app, path="/telegram/webhook"
    )
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    print("ready", flush=True)
    await asyncio.Event().wait()


async def run_siaga(port: int, api: str) -> None:
    import uvicorn

    from bot.app import build
    from bot.channels.telegram.factory import make_bot
    from bot.config import Settings

    data = Path(tempfile.mkdtemp())
    # Migrate in a separate process first, as a deployment does (`siaga db upgrade`): the
    # server then starts on a current database and never loads Alembic.
    env = {**os.environ, "SIAGA_DATA_DIR": str(data)}
    subprocess.run([sys.executable, "-m", "bot", "db", "upgrade"], env=env, check=True,
                   stdout=subprocess.DEVNULL, cwd=ROOT)  # fmt: skip
    settings = Settings(data_dir=data, telegram_token=TOKEN, telegram_api_url=api)  # type: ignore[arg-type]
    siaga = await build(settings)
    app = siaga.web(siaga.telegram(make_bot(settings)), SECRET)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    print("ready", flush=True)
    await server.serve()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("kind", choices=["siaga", "echo"])
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--api", required=True)
    a = ap.parse_args()
    asyncio.run(run_siaga(a.port, a.api) if a.kind == "siaga" else run_echo(a.port, a.api))


if __name__ == "__main__":
    main()
