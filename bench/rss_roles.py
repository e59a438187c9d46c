"""Resident memory of `siaga serve` per role (issue 28 point 3), as deployed: a real process
on a new SQLite database, against the fake Bot API over HTTP.

    python bench/rss_roles.py [--users 200]

For each role: RSS idle after start-up; after `--users` new people's "/start" through the
webhook (roles that take webhooks); after one person has typed a NIK (the check's first
sealed NIK loads the encryption bindings); after one console page (roles that serve it).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.telegram import SECRET, free_port, rss_mb  # noqa: E402
from tests.fake_telegram import TOKEN, FakeTelegram  # noqa: E402
from tests.helpers import nik_for  # noqa: E402

ROLES = ("all", "webhook", "console", "jobs")
NIK_CHECK = ("/start", "1", "setuju", "Warga Uji")  # then a NIK: the check's questions


def update(n: int, uid: int, text: str) -> dict[str, object]:
    return {"update_id": n, "message": {
        "message_id": n, "date": 1_700_000_000, "text": text,
        "chat": {"id": uid, "type": "private"},
        "from": {"id": uid, "is_bot": False, "first_name": "U"}}}  # fmt: skip


async def measure(role: str, users: int, api: str) -> dict[str, float | None]:
    port = free_port()
    env = {**os.environ, "SIAGA_DATA_DIR": tempfile.mkdtemp(), "SIAGA_TELEGRAM_TOKEN": TOKEN,
           "SIAGA_TELEGRAM_API_URL": api, "SIAGA_TELEGRAM_WEBHOOK_SECRET": SECRET,
           "SIAGA_QUOTA_REMINDER": "off", "SIAGA_LOG_LEVEL": "WARNING"}  # fmt: skip
    siaga = str(Path(sys.executable).with_name("siaga"))
    proc = subprocess.Popen([siaga, "serve", "--role", role, "--host", "127.0.0.1",
                             "--port", str(port)], env=env)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    found: dict[str, float | None] = {"idle": None, "users": None, "nik": None, "page": None}
    try:
        async with aiohttp.ClientSession() as http:
            for _ in range(600):
                try:
                    async with http.get(base + "/healthz") as r:
                        if r.status == 200:
                            break
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.1)
            await asyncio.sleep(2)  # start-up's own work settles (the holidays' child, gc)
            found["idle"] = rss_mb(proc.pid)
            head = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
            hook = base + "/telegram/webhook"
            if role in ("all", "webhook"):
                for i in range(users):
                    body = update(i + 1, 500_000 + i, "/start")
                    async with http.post(hook, json=body, headers=head) as r:
                        assert r.status == 200, r.status
                found["users"] = rss_mb(proc.pid)
                n = users + 1
                for text in (*NIK_CHECK, nik_for(40)):
                    async with http.post(hook, json=update(n, 900_001, text), headers=head) as r:
                        assert r.status == 200, r.status
                    n += 1
                found["nik"] = rss_mb(proc.pid)
            if role in ("all", "console"):
                async with http.get(base + "/konsol/") as r:  # a stranger's page: templates
                    assert r.status < 500 and "html" in r.content_type, r.status
                found["page"] = rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return found


async def main(users: int) -> None:
    fake = FakeTelegram()
    api = await fake.start()
    try:
        for role in ROLES:
            began = time.perf_counter()
            found = await measure(role, users, api)
            print(json.dumps({"role": role, **found, "s": round(time.perf_counter() - began, 1)}))
    finally:
        await fake.stop()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=200)
    asyncio.run(main(ap.parse_args().users))
