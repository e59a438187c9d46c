"""Webhook throughput: App's whole path against a bare aiogram echo bot, same fake server.

    python bench/telegram.py [--updates 10000] [--concurrency 50]

Each update is a /start from a distinct user, posted over HTTP to the target's webhook. A
reply counts when the fake Bot API server receives its sendMessage. Reports updates/s of both,
their ratio (target Siaga ≥ 0.5 × echo), p99 latency (POST sent → reply received), and each
target's RSS after the distinct users (target: App ≤ 40 MB above the echo bot).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fake_telegram import FakeTelegram  # noqa: E402

SECRET = "bench-secret"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def measure(kind: str, n: int, concurrency: int, fake: FakeTelegram) -> dict[str, float]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "bench" / "telegram_target.py"), kind, "--port", str(port),
         "--api", fake.base_url],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    await asyncio.get_running_loop().run_in_executor(None, proc.stdout.readline)
    url = f"http://127.0.0.1:{port}/telegram/webhook"
    await asyncio.sleep(0.5)
    rss_ready = rss_mb(proc.pid)
    fake.sent.clear()
    arrived: dict[int, float] = {}
    original = fake.m_sendMessage

    async def record(p: dict[str, object]) -> object:
        arrived.setdefault(int(str(p["chat_id"])), time.perf_counter())
        return await original(p)  # type: ignore[arg-type]

    fake.m_sendMessage = record  # type: ignore[method-assign]
    posted: dict[int, float] = {}
    base_chat = 10_000_000 if kind == "siaga" else 20_000_000
    # aiohttp as the load generator: lighter than httpx, so the generator (sharing two cores
    # with the target) limits the figures less.
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as client:
        for _ in range(100):  # wait until the server accepts connections
            try:
                async with client.get(url.replace("/telegram/webhook", "/healthz")):
                    break
            except aiohttp.ClientError:
                await asyncio.sleep(0.1)
        queue: asyncio.Queue[int] = asyncio.Queue()
        for i in range(n):
            queue.put_nowait(i)

        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"}

        async def worker() -> None:
            while not queue.empty():
                i = queue.get_nowait()
                chat = base_chat + i
                update = fake.message(chat, "/start")
                posted[chat] = time.perf_counter()
                async with client.post(url, data=json.dumps(update), headers=headers) as r:
                    await r.read()

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        while len(arrived) < n and time.perf_counter() - started < 600:
            await asyncio.sleep(0.05)
        took = max(arrived.values()) - started
    fake.m_sendMessage = original  # type: ignore[method-assign]
    latencies = sorted((arrived[c] - posted[c]) * 1e3 for c in arrived)
    rss = rss_mb(proc.pid)
    proc.terminate()
    proc.wait(10)
    return {
        "rate": len(arrived) / took,
        "p50": statistics.median(latencies),
        "p99": latencies[int(0.99 * (len(latencies) - 1))],
        "rss": rss,
        "rss_ready": rss_ready,
        "replies": len(arrived),
    }


async def main_async(n: int, concurrency: int, runs: int) -> None:
    fake = FakeTelegram()
    await fake.start()
    results: dict[str, list[dict[str, float]]] = {"echo": [], "siaga": []}
    for _ in range(runs):
        for kind in ("echo", "siaga"):
            results[kind].append(await measure(kind, n, concurrency, fake))
    await fake.stop()
    for i, (e, s) in enumerate(zip(results["echo"], results["siaga"], strict=True), 1):
        print(f"run {i}: echo {e['rate']:.0f}/s, siaga {s['rate']:.0f}/s, "
              f"ratio {s['rate'] / e['rate']:.2f}, RSS +{s['rss'] - e['rss']:.1f} MB")  # fmt: skip
    med = {k: {m: statistics.median(r[m] for r in v) for m in v[0]} for k, v in results.items()}
    for kind in ("echo", "siaga"):
        r = med[kind]
        print(f"{kind:6s} updates/s {r['rate']:8.0f}  p50 {r['p50']:7.1f} ms  p99 {r['p99']:7.1f} ms  "
              f"RSS ready {r['rss_ready']:6.1f} MB, after {n} users {r['rss']:6.1f} MB  replies {r['replies']:.0f}/{n}")  # fmt: skip
    print(f"ratio siaga/echo: {med['siaga']['rate'] / med['echo']['rate']:.2f}  (target ≥ 0.5)")
    print(f"RSS siaga − echo: {med['siaga']['rss'] - med['echo']['rss']:.1f} MB  (target ≤ 40)")
    print(f"(medians of {runs} runs, {concurrency} concurrent connections)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--updates", type=int, default=10_000)
    ap.add_argument("--concurrency", type=int, default=50)
    ap.add_argument("--runs", type=int, default=1)
    a = ap.parse_args()
    asyncio.run(main_async(a.updates, a.concurrency, a.runs))


if __name__ == "__main__":
    main()
