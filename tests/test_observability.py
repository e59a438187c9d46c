"""Readiness, metrics, the doctor, and 503 (not 500) when the database is down."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.db.engine import make_engine
from handlers.core.messages import Reply, UserRef
from handlers.nominations import review
from tests.conftest import POSTGRES, sqlite_only
from tests.fake_telegram import TOKEN, FakeTelegram
from tests.fake_whatsapp import sign, text_message
from tests.helpers import chat_env
from tests.whatsapp_harness import USER, Wa


async def test_readyz_says_ready_then_behind_when_the_schema_is_old(wa: Wa) -> None:
    r = await wa.http.get("/readyz")
    assert r.status_code == 200 and r.json()["status"] == "ready"
    async with wa.siaga.db.engine.begin() as conn:
        await conn.execute(text("UPDATE alembic_version SET version_num = '0004'"))
    r = await wa.http.get("/readyz")
    assert r.status_code == 503 and r.json()["status"] == "migrations behind"
    assert (await wa.http.get("/healthz")).status_code == 200  # alive all the same


async def test_metrics_count_updates_latency_backlog_and_quota(wa: Wa) -> None:
    await wa.say("halo")
    await wa.say("halo lagi")
    async with wa.siaga.store() as store:
        ctx = wa.siaga.context(store)
        person = await store.person(UserRef("telegram", "9"), "", ctx.now)
        await store.enqueue(person, [Reply.of("help")], ctx.now)
        period = review.period_of(ctx)
        await store.set_quota(period, 628, ctx.now)
        await store.commit()
    body = (await wa.http.get("/metrics")).text
    assert 'siaga_updates_total{channel="whatsapp",outcome="ok"} 2' in body
    assert 'siaga_handle_seconds_count{channel="whatsapp"} 2' in body
    assert 'siaga_handle_seconds_bucket{channel="whatsapp",le="+Inf"} 2' in body
    assert 'siaga_outbox_backlog{channel="telegram"} 1' in body
    assert f'siaga_quota_left{{period="{period}"}} 628' in body


@sqlite_only("points the engine at an SQLite path that cannot open")
async def test_webhooks_answer_503_while_the_database_is_unreachable(
    wa: Wa, tmp_path: Path
) -> None:
    working = wa.siaga.db.engine
    wa.siaga.db.engine = make_engine(f"sqlite+aiosqlite:///{tmp_path}/missing/dir/siaga.db")
    refused = text_message(USER, "halo")
    try:
        body = json.dumps(refused).encode()
        r = await wa.http.post("/whatsapp/webhook", content=body,
                               headers={"X-Hub-Signature-256": sign(body)})  # fmt: skip
        assert r.status_code == 503  # Meta retries; nothing was lost
        assert (await wa.http.get("/readyz")).status_code == 503
    finally:
        await wa.siaga.db.engine.dispose()
        wa.siaga.db.engine = working
    # recovered by itself: Meta delivers the refused message again (the person's later ones
    # wait for it, issue 26 item 20), and the next is taken as usual
    assert await wa.post(refused) == 200
    assert await wa.post(text_message(USER, "halo")) == 200


async def run_cli(data: Path, *args: str, stdin: str = "", **env: str) -> tuple[int, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, env=chat_env(data, **env),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    out, _ = await asyncio.wait_for(proc.communicate(stdin.encode()), 60)
    return int(proc.returncode or 0), out.decode()


async def test_doctor_gives_a_verdict_for_each_part(fake: FakeTelegram, tmp_path: Path) -> None:
    data = tmp_path / "data"
    code, first = await run_cli(data, "doctor")
    assert code == 0, first
    if POSTGRES:  # the test's database exists already, migrated
        assert "OK         Basis data: terhubung, skema terbaru" in first
    else:
        assert "PERINGATAN Basis data: belum ada" in first
    assert "PERINGATAN Telegram: SIAGA_TELEGRAM_TOKEN kosong" in first
    assert (await run_cli(data, "chat", "--jsonl", stdin="/menu\n"))[0] == 0
    code, ok = await run_cli(data, "doctor", SIAGA_TELEGRAM_TOKEN=TOKEN,
                             SIAGA_TELEGRAM_API_URL=fake.base_url, SIAGA_ADMINS="telegram:1")  # fmt: skip
    assert code == 0, ok
    assert "OK         Basis data: terhubung, skema terbaru" in ok
    assert "OK         Telegram: bot @siaga_madiun_bot" in ok
    assert "PERINGATAN Webhook Telegram: tidak terdaftar" in ok
    assert "OK         Kunci NIK" in ok
    code, bad = await run_cli(data, "doctor", SIAGA_WHATSAPP_TOKEN="x")
    assert code == 1 and "GAGAL      WhatsApp: belum lengkap" in bad
    (data / "siaga.key").chmod(0o644)
    assert "GAGAL      Kunci NIK" in (await run_cli(data, "doctor"))[1]


def test_doctor_warns_before_the_disk_fills_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.cli import doctor

    data = tmp_path / "not-yet-created"  # judged by the disk it will be on
    monkeypatch.setattr(doctor, "LOW_DISK", 0)
    monkeypatch.setattr(doctor, "NO_DISK", 0)
    assert doctor._free_space(data).verdict == doctor.OK
    monkeypatch.setattr(doctor, "LOW_DISK", 1 << 62)  # more than any disk has free
    low = doctor._free_space(data)
    assert (low.verdict, low.what) == (
        doctor.WARN,
        "Ruang disk",
    ) and "tinggal sedikit" in low.detail
    monkeypatch.setattr(doctor, "NO_DISK", 1 << 62)
    assert doctor._free_space(data).verdict == doctor.FAIL


def test_several_workers_are_counted_together_in_multiprocess_mode(tmp_path: Path) -> None:
    """Issue "One way in, one way out" item 6: behind one URL each scrape sees every worker."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    worker = ("from bot.metrics import Metrics; m = Metrics(); "
              "m.observe('telegram', 'ok', 0.01); m.observe('whatsapp', 'ok', 0.2)")  # fmt: skip
    for _ in range(2):  # two workers, each its own process
        subprocess.run([sys.executable, "-c", worker], env=env, check=True, timeout=60)
    scrape = "from bot.metrics import Metrics; print(Metrics().render({}).decode())"
    body = subprocess.run([sys.executable, "-c", scrape], env=env, check=True, timeout=60,
                          capture_output=True, text=True).stdout  # fmt: skip
    assert 'siaga_updates_total{channel="telegram",outcome="ok"} 2.0' in body
    assert 'siaga_handle_seconds_count{channel="whatsapp"} 2.0' in body
