"""Complete citizen conversations through the real handlers on an SQLite file (WAL).

    python bench/conversation.py [--conversations 5000]

Reports conversations/s, p50 and p99 milliseconds per message (target p99 ≤ 10 ms on one
core), and the database size per 1,000 filed nominations. One asyncio loop, one process: the
figure is one core's.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import KELURAHAN_SPELLINGS, synthetic_nik

from bot.app import build
from bot.config import Settings
from handlers.core.messages import Incoming, Kind, UserRef

OCCUPATIONS = [
    "ojol",
    "bakul pecel",
    "narik grab",
    "rewang",
    "nguli",
    "buruh tani",
    "tukang parkir",
]


def script(rng: random.Random, on: date) -> list[str]:
    nik = synthetic_nik(rng, on)
    # keep every NIK inside 3577 and of working age so each conversation ends in a filing
    nik = "35770" + str(rng.randint(1, 3)) + nik[6:]
    born_year = rng.randint(1962, 2006) % 100
    nik = nik[:10] + f"{born_year:02d}" + f"{rng.randint(1, 9999):04d}"
    return [
        "halo", "1", "setuju", "Warga Uji", nik, "1", "1",
        rng.choice(KELURAHAN_SPELLINGS), rng.choice(OCCUPATIONS), "1",
        rng.choice(["ya", "gak tau"]), rng.choice(["ya", "tidak"]), "lewati", "1", "1",
    ]  # fmt: skip


async def run(n: int, db_dir: Path) -> None:
    siaga = await build(Settings(data_dir=db_dir))
    rng = random.Random(42)
    on = date.today()
    latencies: list[float] = []
    filed = 0
    started = time.perf_counter()
    for i in range(n):
        user = UserRef("console", f"bench-{i}")
        for line in script(rng, on):
            t0 = time.perf_counter()
            out = await siaga.handle(Incoming(user, Kind.TEXT, text=line))
            latencies.append((time.perf_counter() - t0) * 1e3)
        if out.replies and "PJK-" in str(out.replies[0].to_json()):
            filed += 1
    took = time.perf_counter() - started
    await siaga.close()
    size = sum(f.stat().st_size for f in db_dir.glob("siaga.db*"))
    latencies.sort()
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]  # noqa: E731
    print(f"conversations: {n}  messages: {len(latencies)}  filed nominations: {filed}")
    print(f"conversations/s: {n / took:,.1f}   messages/s: {len(latencies) / took:,.0f}")
    p50, p99 = statistics.median(latencies), p(0.99)
    print(f"ms per message: p50 {p50:.2f}  p99 {p99:.2f}  max {latencies[-1]:.1f}")
    if filed:
        per = size / filed * 1000 / 1e6
        print(f"database: {size / 1e6:.1f} MB in all, {per:.2f} MB per 1,000 nominations")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--conversations", type=int, default=5000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(run(args.conversations, Path(tmp)))


if __name__ == "__main__":
    main()
