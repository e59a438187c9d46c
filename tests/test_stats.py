"""Statistics in chat and on the command line, and the chart (a PNG, one bar per kelurahan)."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from PIL import Image

from bot.app import App
from bot.chart import HEIGHT_PX, WIDTH_PX
from handlers.core.records import Role
from handlers.nominations import review, stats
from tests.harness import Person as Chat
from tests.helpers import chat_env, nik_for
from tests.test_review import act, file, make, nomination, set_quota


async def test_statistics_for_an_admin_with_a_chart(siaga: App) -> None:
    await set_quota(siaga, 628)
    boss = await make(siaga, "dinas", Role.ADMIN)
    refs = [await file(siaga, f"w{i}", serial=200 + i) for i in range(3)]
    await file(siaga, "t", kelurahan="kel taman", serial=300)
    await act(siaga, review.approve, boss, await nomination(siaga, refs[0]))
    await act(siaga, review.reject, boss, await nomination(siaga, refs[1]), "Data tidak sesuai")
    async with siaga.store() as store:
        s = await stats.collect(siaga.context(store))
    assert len(s.by_kelurahan) == 27  # one bar group per kelurahan, empty ones included
    assert s.by_kelurahan["Kelun"]["approved"] == 1 and s.by_kelurahan["Taman"]["pending"] == 1
    assert s.quota_used == 1 and s.median_days_to_decision is not None
    admin_chat = Chat(siaga, "dinas")
    said = await admin_chat.say("/statistik")
    assert "Usulan: 4" in said[0].text and "sisa 627" in said[0].text
    png = said[0].reply.image_png
    assert png is not None
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (WIDTH_PX, HEIGHT_PX)


async def test_statistics_are_for_admins_only(siaga: App) -> None:
    said = await Chat(siaga, "warga").say("/statistik")
    assert "hanya untuk admin" in said[0].text


async def test_opting_out_of_broadcasts_and_back(siaga: App) -> None:
    p = Chat(siaga, "x")
    await p.say("/berhenti")
    assert "tidak akan menerima pengingat" in p.text
    await p.say("/dataku")
    assert "Mau menerima pengingat/siaran: Tidak" in p.text
    await p.say("/mulai")
    await p.say("/dataku")
    assert "Mau menerima pengingat/siaran: Ya" in p.text


def test_admin_stats_writes_the_png(tmp_path: Path) -> None:
    env = chat_env(tmp_path)
    lines = "\n".join(["1", "setuju", "Ani", nik_for(30), "1", "1", "kelun", "ojol", "1", "ya",
                       "ya", "lewati", "1", "1"]) + "\n"  # fmt: skip
    subprocess.run([sys.executable, "-m", "bot", "chat", "--jsonl", "--user", "a"], input=lines,
                   text=True, env=env, cwd=tmp_path, capture_output=True, check=True)  # fmt: skip
    out = tmp_path / "grafik.png"
    r = subprocess.run([sys.executable, "-m", "bot", "admin", "stats", "--png", str(out)],
                       text=True, env=env, cwd=tmp_path, capture_output=True, timeout=120)  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "Usulan: 1" in r.stdout
    assert Image.open(out).size == (WIDTH_PX, HEIGHT_PX)
