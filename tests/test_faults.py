"""Faults a running Siaga must survive.

- `kill -9` of a worker in the middle of a conversation (before its commit, and after it with
  the reply still on its way), then a restart: the citizen gets every answer, and what they did
  counts once.
- The database down for 10 s (PostgreSQL behind a proxy the test cuts): webhooks answer 503, so
  the platform delivers again, and the service recovers by itself.
- A full disk under SQLite: a clear message, 503 on the webhook, /readyz and /metrics say so,
  nothing half-saved; once space is freed the conversation goes on where it was."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import random
import signal
import socket
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from bot.app import App, build
from bot.channels.telegram.factory import make_bot
from bot.config import Settings
from bot.db import schema as t
from bot.delivery.handling import Unavailable
from handlers.core.messages import Incoming, Kind, UserRef
from tests.conftest import postgres_only, sqlite_only
from tests.fake_telegram import TOKEN, FakeTelegram
from tests.helpers import chat_env, nik_for, reference_in
from tests.test_telegram import until

SECRET = "fault-suite-secret"
CHAT = 660_001


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Worker:
    """One `siaga serve` process on loopback, as a deployment runs it."""

    def __init__(self, data: Path, fake: FakeTelegram) -> None:
        self.data, self.fake = data, fake
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        env = chat_env(
            self.data, SIAGA_TELEGRAM_TOKEN=TOKEN, SIAGA_TELEGRAM_API_URL=self.fake.base_url,
            SIAGA_TELEGRAM_WEBHOOK_SECRET=SECRET, SIAGA_OUTBOX_LEASE_SECONDS="2",
            SIAGA_QUIET_HOURS_START="0", SIAGA_QUIET_HOURS_END="0", SIAGA_QUOTA_REMINDER="off",
        )  # fmt: skip
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1", "--port",
            str(self.port), env=env,
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
        )  # fmt: skip
        async with httpx.AsyncClient() as http:
            for _ in range(300):
                try:
                    if (await http.get(self.url + "/readyz")).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)
        raise AssertionError("siaga serve did not become ready")

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)

    async def reaped(self) -> None:
        if self.proc is not None:
            await self.proc.wait()

    async def post(self, update: dict[str, Any]) -> int:
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        async with httpx.AsyncClient(timeout=30) as http:
            r = await http.post(self.url + "/telegram/webhook", json=update, headers=headers)
            return r.status_code


@pytest.fixture
async def worker(fake: FakeTelegram, tmp_path: Path) -> AsyncIterator[Worker]:
    w = Worker(tmp_path / "data", fake)
    await w.start()
    yield w
    if w.proc is not None and w.proc.returncode is None:
        w.proc.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(w.proc.wait(), 15)
        except TimeoutError:
            w.kill()
            await w.reaped()


def distinct(texts: list[str]) -> list[str]:
    """The chat as read once: replies are sent at least once, so a reply whose send was cut
    by the kill may come again after the restart; the repeat is dropped here."""
    seen: set[str] = set()
    return [x for x in texts if not (x in seen or seen.add(x))]  # type: ignore[func-returns-value]


async def replies(fake: FakeTelegram, n: int, within: float = 20.0) -> list[str]:
    """Wait until the chat shows at least n different messages; return them in order."""
    deadline = time.monotonic() + within
    while len(texts := distinct([m.text for m in fake.to(CHAT)])) < n:
        if time.monotonic() > deadline:
            raise AssertionError(f"{len(texts)} of {n} messages arrived: {[x[:50] for x in texts]}")
        await asyncio.sleep(0.05)
    return texts


async def delivered(worker: Worker, update: dict[str, Any]) -> None:
    """What Telegram does: deliver the update again until the webhook answers 200."""
    for _ in range(200):
        try:
            if await worker.post(update) == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.1)
    raise AssertionError("the webhook never accepted the update")


# The typed conversation from greeting to a filed nomination; each step answers one message
# (filing answers two: the reference and the question about reminders).
STEPS = ["halo", "1", "setuju", "Bambang", nik_for(55), "iya", "bener", "madiunlor",
         "bakul pecel", "ora", "inggih", "mboten", "lewati", "1", "1"]  # fmt: skip
# after its commit, with the reply held on the way: killed; and killed at a random moment
# while the webhook request is in flight (before or after the commit)
AFTER_COMMIT = {3, 14}
IN_FLIGHT = {6, 10}


async def test_killed_mid_conversation_the_citizen_loses_no_answer_and_files_once(
    fake: FakeTelegram, worker: Worker
) -> None:
    rnd = random.Random(8)
    expected = 0
    for i, said in enumerate(STEPS):
        update = fake.message(CHAT, said)
        expected += 2 if i == len(STEPS) - 1 else 1
        if i in AFTER_COMMIT:
            fake.hold = True
            assert await worker.post(update) == 200  # the state is committed
            while fake.held == 0:  # noqa: ASYNC110 (the reply is on its way, never to arrive)
                await asyncio.sleep(0.01)
            worker.kill()
            await worker.reaped()
            fake.release()
            await worker.start()  # the kept reply goes out after the lease (2 s here)
        elif i in IN_FLIGHT:
            attempt = asyncio.create_task(worker.post(update))
            await asyncio.sleep(rnd.uniform(0.0, 0.05))
            worker.kill()
            await worker.reaped()
            await asyncio.gather(attempt, return_exceptions=True)
            await worker.start()
            await delivered(worker, update)  # Telegram had no 200: it delivers again
        else:
            await delivered(worker, update)
        await replies(fake, expected)
    texts = await replies(fake, expected)
    assert len(texts) == expected == 16
    # every answer came, in order, and no message was applied twice (a repeated step would
    # have answered out of turn, and the flow would not have reached the summary)
    for at, words in ((0, "Selamat datang"), (1, "Pemberitahuan Privasi"), (3, "NIK"),
                      (12, "Ringkasan"), (13, "MEMENUHI SYARAT"), (15, "pengingat")):  # fmt: skip
        assert words in texts[at], (at, texts[at][:80])
    assert reference_in(texts[14]).startswith("PJK-")
    siaga = await build(Settings(data_dir=worker.data))
    try:
        for _ in range(100):  # the sender writes its outcomes a moment after the send
            async with siaga.store() as store:
                filed = await store.conn.scalar(select(func.count()).select_from(t.nominations))
                left = await store.conn.scalar(
                    select(func.count()).where(t.outbox.c.status.in_(("pending", "sending")))
                )
            if left == 0:
                break
            await asyncio.sleep(0.1)
        assert (filed, left) == (1, 0)
    finally:
        await siaga.close()
    # and the next message is answered as usual, by the restarted worker
    await delivered(worker, fake.message(CHAT, "/status"))
    assert len(await replies(fake, expected + 1)) == expected + 1


# --- the database down for ten seconds ---------------------------------------------------------


class Proxy:
    """A TCP proxy in front of PostgreSQL. cut() drops every connection and stops listening
    (what a stopped server looks like to its clients: connection refused); restore() listens
    again on the same port."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.listen_port = 0
        self.server: asyncio.Server | None = None
        self.open: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self.server = await asyncio.start_server(self._client, "127.0.0.1", self.listen_port)
        self.listen_port = self.server.sockets[0].getsockname()[1]

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(self.host, self.port)
        except OSError:
            writer.close()
            return
        self.open |= {writer, up_writer}

        async def pipe(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
            try:
                while data := await r.read(65536):
                    w.write(data)
                    await w.drain()
            except OSError:
                pass
            finally:
                w.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    async def cut(self) -> None:
        assert self.server is not None
        self.server.close()
        for w in self.open:
            w.transport.abort()
        self.open.clear()
        await self.server.wait_closed()

    async def restore(self) -> None:
        await self.start()


async def hook(web: httpx.AsyncClient, update: dict[str, Any]) -> int:
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    r = await web.post("/telegram/webhook", content=json.dumps(update), headers=headers)
    return r.status_code


@postgres_only("a database server to take away")
async def test_database_down_for_ten_seconds_webhooks_say_503_and_it_recovers_by_itself(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    url = make_url(os.environ["SIAGA_DATABASE_URL"])
    proxy = Proxy(url.host or "127.0.0.1", url.port or 5432)
    await proxy.start()
    via_proxy = url.set(host="127.0.0.1", port=proxy.listen_port)
    settings = Settings(data_dir=tmp_path / "data", telegram_token=TOKEN, quota_reminder="off",
                        database_url=via_proxy.render_as_string(hide_password=False),
                        telegram_api_url=fake.base_url)  # type: ignore[arg-type]  # fmt: skip
    siaga = await build(settings)
    channel = siaga.telegram(make_bot(settings))
    app = siaga.web(channel, SECRET)
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://siaga") as web:  # fmt: skip
            assert await hook(web, fake.message(CHAT, "/start")) == 200
            await until(lambda: len(fake.to(CHAT)) == 1)

            await proxy.cut()
            update = fake.message(CHAT, "1")
            codes, ready, started = [], [], time.monotonic()
            while time.monotonic() - started < 10:  # Telegram retries; so do we, each second
                codes.append(await hook(web, update))
                ready.append((await web.get("/readyz")).status_code)
                assert (await web.get("/healthz")).status_code == 200  # alive, not ready
                await asyncio.sleep(1)
            assert set(codes) == {503} and set(ready) == {503} and len(codes) >= 8
            assert len(fake.to(CHAT)) == 1  # nothing answered, nothing recorded

            await proxy.restore()  # no restart: the pool reconnects on its own
            started = time.monotonic()
            while await hook(web, update) != 200:
                assert time.monotonic() - started < 10, "did not recover"
                await asyncio.sleep(0.5)
            await until(lambda: len(fake.to(CHAT)) == 2)
            assert "Pemberitahuan Privasi" in fake.last_text(CHAT)
            assert (await web.get("/readyz")).status_code == 200
            assert await hook(web, update) == 200  # delivered once more: changes nothing
            await siaga.dispatcher.drain()
            assert len(fake.to(CHAT)) == 2
            metrics = (await web.get("/metrics")).text
            assert 'siaga_updates_total{channel="telegram",outcome="unavailable"}' in metrics
    finally:
        await siaga.close()
        await channel.close()
        await proxy.cut()


# --- a full disk under SQLite ----------------------------------------------------------------


async def fill_up(siaga: App) -> int:
    """The database file may grow no further (SQLite's page limit set to its size now), and
    new people keep writing until a write fails: SQLITE_FULL, "database or disk is full",
    exactly what a full disk gives, without filling this machine's disk."""
    async with siaga.engine.connect() as conn:
        pages = await conn.scalar(text("PRAGMA page_count"))
        await conn.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
    for i in range(5000):
        try:
            await siaga.handle(Incoming(UserRef("console", f"ramai-{i}"), Kind.TEXT, text="halo"))
        except Unavailable as exc:
            assert exc.reason == "storage-full"
            return i
    raise AssertionError("the database never filled up")


async def free_space(siaga: App) -> None:
    async with siaga.engine.connect() as conn:
        await conn.exec_driver_sql("PRAGMA max_page_count = 1073741823")


async def people_named(siaga: App, ext: str) -> int:
    async with siaga.store() as store:
        n = await store.conn.scalar(select(func.count()).where(t.people.c.external_id == ext))
    return int(n or 0)


@sqlite_only("the embedded database and its disk")
async def test_a_full_disk_under_sqlite_is_reported_clearly_and_loses_nothing(
    fake: FakeTelegram, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings(data_dir=tmp_path / "data", telegram_token=TOKEN, quota_reminder="off",
                        telegram_api_url=fake.base_url)  # type: ignore[arg-type]  # fmt: skip
    siaga = await build(settings)
    channel = siaga.telegram(make_bot(settings))
    app = siaga.web(channel, SECRET)
    out = io.StringIO()
    console = siaga.console("warga-baru", jsonl=True, out=out)
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://siaga") as web:  # fmt: skip
            with caplog.at_level(logging.CRITICAL, logger="siaga"):
                assert await fill_up(siaga) > 0
                await siaga.say(console, "halo")  # the console says it plainly and stays open
            said = json.loads(out.getvalue().splitlines()[-1])["text"]
            assert "penyimpanan server penuh" in said and "belum tersimpan" in said
            assert any("storage full" in r.getMessage() for r in caplog.records)
            assert await people_named(siaga, "warga-baru") == 0  # rolled back, not half-saved
            update = fake.message(CHAT, "/start")
            assert await hook(web, update) == 503  # Telegram keeps it and delivers it again
            ready = await web.get("/readyz")
            assert ready.status_code == 503 and ready.json()["status"] == "storage full"
            assert "siaga_storage_full 1" in (await web.get("/metrics")).text

            await free_space(siaga)  # the admin frees space: no restart needed
            await siaga.say(console, "halo")
            said = json.loads(out.getvalue().splitlines()[-1])["text"]
            assert "Selamat datang" in said
            assert await hook(web, update) == 200
            await siaga.dispatcher.drain()
            assert len(fake.to(CHAT)) == 1 and "Selamat datang" in fake.last_text(CHAT)
            assert (await web.get("/readyz")).status_code == 200
            assert "siaga_storage_full 0" in (await web.get("/metrics")).text
    finally:
        await siaga.close()
        await channel.close()
