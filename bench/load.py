"""Sustained load through the Telegram webhook path: two `siaga serve` workers on one
PostgreSQL, a loopback load generator sending at a fixed rate (open loop), a fake Bot API.

    python bench/load.py --database postgresql+asyncpg://postgres@127.0.0.1:5432 [--peak 40]

The peak we assume for Kota Madiun: a quota reminder broadcast to the program's 16,524
participants, one in ten answering within the next ten minutes with about 15 messages each
(a whole check): 16,524 × 0.1 × 15 / 600 s ≈ 41 updates/s, rounded to 40. The bench runs 1×,
2× and 4× that for `--seconds` each and reports achieved updates/s, p50/p99 latency (POST sent →
200, which Siaga answers once the update is committed) and errors (anything but 200).
Each virtual user walks the start of a real check, so updates touch people, conversations and
processed ids like real traffic; the two workers share the load round-robin, as behind a proxy.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import asyncpg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fake_telegram import TOKEN, FakeTelegram  # noqa: E402
from tests.helpers import nik_for  # noqa: E402

SECRET = "load-bench-secret"
SCRIPT = ("/start", "1", "setuju", "Warga Uji", None, "1", "1", "kelun", "ojol", "1", "ya", "ya")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def fresh_database(server: str) -> str:
    name = f"siaga_load_{os.getpid()}"
    conn = await asyncpg.connect(
        server.replace("postgresql+asyncpg://", "postgresql://") + "/postgres"
    )
    await conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    await conn.execute(f"CREATE DATABASE {name}")
    await conn.close()
    return f"{server}/{name}"


def start_worker(
    port: int, url: str, api: str, data: Path, background: bool = True
) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SIAGA_")}
    env.update(SIAGA_DATABASE_URL=url, SIAGA_TELEGRAM_TOKEN=TOKEN, SIAGA_TELEGRAM_API_URL=api,
               SIAGA_TELEGRAM_WEBHOOK_SECRET=SECRET, SIAGA_DATA_DIR=str(data),
               SIAGA_NIK_KEY="", SIAGA_QUOTA_REMINDER="off", SIAGA_LOG_LEVEL="WARNING",
               SIAGA_BACKGROUND="true" if background else "false")  # fmt: skip
    return subprocess.Popen([sys.executable, "-m", "bot", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip


async def wait_ready(port: int) -> None:
    async with aiohttp.ClientSession() as s:
        for _ in range(200):
            try:
                async with s.get(f"http://127.0.0.1:{port}/readyz") as r:
                    if r.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError(f"worker on {port} never became ready")


class Users:
    """Virtual users: each sends the next line of its script; new users join as needed."""

    def __init__(self, fake: FakeTelegram) -> None:
        self.fake = fake
        self.ids = itertools.count(7_000_000)
        self.active: list[tuple[int, int]] = []  # (chat id, next line)
        self.busy: set[int] = set()

    def next_update(self) -> tuple[int, dict[str, object]]:
        i = next((n for n, (c, _) in enumerate(self.active) if c not in self.busy), None)
        if i is None:
            self.active.append((next(self.ids), 0))
            i = len(self.active) - 1
        chat, step = self.active[i]
        line = SCRIPT[step] or nik_for(40, serial=chat % 9000 + 1)
        if step + 1 < len(SCRIPT):
            self.active[i] = (chat, step + 1)
        else:
            self.active.pop(i)
        self.busy.add(chat)
        return chat, self.fake.message(chat, line)


async def run_level(
    rate: float, seconds: float, ports: list[int], fake: FakeTelegram
) -> dict[str, float]:
    users = Users(fake)
    latencies: list[float] = []
    errors = 0
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    urls = itertools.cycle([f"http://127.0.0.1:{p}/telegram/webhook" for p in ports])
    tasks: list[asyncio.Task[None]] = []
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=400)) as s:

        async def one(chat: int, update: dict[str, object], url: str) -> None:
            nonlocal errors
            started = time.perf_counter()
            try:
                async with s.post(url, json=update, headers=headers) as r:
                    await r.read()
                    ok = r.status == 200
            except aiohttp.ClientError:
                ok = False
            latencies.append(time.perf_counter() - started)
            errors += 0 if ok else 1
            users.busy.discard(chat)

        begin = time.perf_counter()
        sent = 0
        while (elapsed := time.perf_counter() - begin) < seconds:
            due = int(elapsed * rate) + 1
            while sent < due:
                chat, update = users.next_update()
                tasks.append(asyncio.create_task(one(chat, update, next(urls))))
                sent += 1
            await asyncio.sleep(0.002)
        await asyncio.gather(*tasks)
        took = time.perf_counter() - begin
    latencies.sort()
    return {
        "offered_per_s": rate,
        "achieved_per_s": len(latencies) / took,
        "p50_ms": statistics.median(latencies) * 1e3,
        "p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1e3,
        "errors": float(errors),
    }


async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--database", required=True, help="PostgreSQL server URL, no database name")
    ap.add_argument("--peak", type=float, default=40.0)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    fake = FakeTelegram()
    await fake.start()
    url = await fresh_database(args.database.rstrip("/"))
    data = Path(os.environ.get("TMPDIR", "/tmp")) / f"siaga-load-{os.getpid()}"
    data.mkdir(parents=True, exist_ok=True)
    (data / "siaga.key").unlink(missing_ok=True)
    ports = [free_port() for _ in range(args.workers)]
    first = start_worker(ports[0], url, fake.base_url, data)  # creates the schema and the key
    await wait_ready(ports[0])
    # the sender and scheduler in the first worker only, as in production
    workers = [first] + [start_worker(p, url, fake.base_url, data, False) for p in ports[1:]]
    for p in ports[1:]:
        await wait_ready(p)
    try:
        print(f"{args.workers} workers on PostgreSQL; peak assumed {args.peak:.0f} updates/s")
        for factor in (1, 2, 4):
            r = await run_level(args.peak * factor, args.seconds, ports, fake)
            print(f"{factor}× peak: " + ", ".join(f"{k} {v:.1f}" for k, v in r.items()), flush=True)
    finally:
        for w in workers:
            w.terminate()
        for w in workers:
            w.wait(timeout=30)
        await fake.stop()


if __name__ == "__main__":
    asyncio.run(main())
