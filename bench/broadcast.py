"""Broadcast throughput: one broadcast to the program's size, through the real service.

    python bench/broadcast.py [--recipients 16524] [--limit 300] [--runs 3]

The fake Bot API server (this process) enforces `--limit` messages/s and 1/s per chat, as
Telegram does at 30/s; `siaga telegram` runs in a subprocess with its sender set just under
the limit (29/30 of it, as for Telegram). Reports, per run and as medians: achieved rate ÷
allowed rate (target ≥ 0.95; first to last message), messages lost and duplicated (target 0),
and 429s the server had to give (0 means the limit was never crossed).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.app import build  # noqa: E402
from bot.config import Settings  # noqa: E402
from tests.fake_telegram import TOKEN, FakeTelegram  # noqa: E402
from tests.helpers import chat_env  # noqa: E402
from tests.test_broadcast import add_opted_in, admin_chat, broadcast  # noqa: E402

PROFILE: list[str] = []  # e.g. ["-m", "cProfile", "-o", "/tmp/broadcast.prof"]
TEXT = "Masih ada sisa kuota sebanyak {kuota_sisa} orang. Tolong dicek kembali di kelurahan."


async def run_once(n: int, limit: float) -> dict[str, float]:
    fake = FakeTelegram(rate=limit, per_chat=1.0)
    await fake.start()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        siaga = await build(Settings(data_dir=data, quota_reminder="off"))
        chats = list(range(1_000_000, 1_000_000 + n))
        await add_opted_in(siaga, chats)
        admin = await admin_chat(siaga)
        await broadcast(admin, TEXT, "Semua yang setuju")
        await admin.press("Kirim sekarang")
        await siaga.close()

        arrivals: list[float] = []
        fake.on_send = lambda sent: arrivals.append(time.monotonic()) if sent.chat_id != 1 else None
        env = chat_env(
            data, SIAGA_TELEGRAM_TOKEN=TOKEN, SIAGA_TELEGRAM_API_URL=fake.base_url,
            SIAGA_TELEGRAM_RATE=str(limit * 29 / 30), SIAGA_QUIET_HOURS_START="0",
            SIAGA_QUIET_HOURS_END="0", SIAGA_QUOTA_REMINDER="off",
        )  # fmt: skip
        proc = await asyncio.create_subprocess_exec(
            sys.executable, *PROFILE, "-m", "bot", "telegram", env=env,
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + n / limit * 3 + 60
        while len(arrivals) < n and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
        await asyncio.sleep(2)  # anything late (a duplicate) arrives now
        proc.terminate()
        await proc.wait()
    await fake.stop()
    got = Counter(m.chat_id for m in fake.sent if m.chat_id != 1)
    achieved = (len(arrivals) - 1) / (arrivals[-1] - arrivals[0]) if len(arrivals) > 1 else 0.0
    return {
        "achieved_per_s": achieved,
        "ratio": achieved / limit,
        "lost": float(len(set(chats) - set(got))),
        "duplicated": float(sum(c - 1 for c in got.values())),
        "refused_429": float(fake.violations),
    }


async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--recipients", type=int, default=16_524)
    ap.add_argument("--limit", type=float, default=300.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--profile", help="write a cProfile of the service to this file")
    args = ap.parse_args()
    if args.profile:
        PROFILE.extend(["-m", "cProfile", "-o", args.profile])
    results = []
    for i in range(args.runs):
        r = await run_once(args.recipients, args.limit)
        results.append(r)
        print(f"run {i + 1}: " + ", ".join(f"{k} {v:.3f}" for k, v in r.items()), flush=True)
    print(f"\n{args.recipients} recipients, allowed {args.limit:.0f}/s (sender at 29/30 of it)")
    for key in results[0]:
        print(f"  median {key}: {statistics.median(r[key] for r in results):.3f}")


if __name__ == "__main__":
    asyncio.run(main())
