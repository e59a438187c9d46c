"""New nominations reach a reviewer as one notice at a time (issue 26 item 16): 200 filings in
13 s had queued 1,600 notices, a 200-second backlog per lurah at Telegram's one message a
second per chat. What a reviewer has not read yet is gathered in one notice with the count;
nothing is lost, the queue shows every nomination."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.app import App, build
from bot.channels.telegram.adapter import TelegramChannel
from bot.channels.telegram.factory import make_bot
from bot.config import Settings
from handlers.core.records import Role
from handlers.nominations.notices import UNREAD_GAP
from tests.fake_telegram import TOKEN, FakeTelegram
from tests.harness import Person as Chat
from tests.helpers import nik_for
from tests.test_decide_once import officer
from tests.test_handover import inbox
from tests.test_review import KELUN, file, make
from tests.test_telegram import deliverer
from tests.test_whatsapp_window import drain, sender_of, statuses
from tests.whatsapp_harness import Wa

START = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # 09.00 WIB, a Monday


@pytest.fixture
async def tg(fake: FakeTelegram, tmp_path: Path) -> AsyncIterator[tuple[App, TelegramChannel]]:
    settings = Settings(data_dir=tmp_path / "data", telegram_token=TOKEN, quota_reminder="off",
                        telegram_api_url=fake.base_url)  # type: ignore[arg-type]  # fmt: skip
    siaga = await build(settings)
    channel = siaga.telegram(make_bot(settings))
    yield siaga, channel
    await siaga.close()
    await channel.close()


def filing(serial: int) -> list[str]:
    """A resident's lines from the menu to a filed nomination in Kelun."""
    return ["1", "setuju", "Warga Uji", nik_for(40, serial=serial), "1", "1", "kelun", "ojol",
            "1", "ya", "ya", "lewati", "1", "1"]  # fmt: skip


async def test_fifty_filings_in_a_burst_give_each_reviewer_one_notice_with_the_count(
    siaga: App,
) -> None:
    for i in range(3):
        await make(siaga, f"lk{i}", Role.LURAH, KELUN)
    await Chat(siaga, "lk2").say("/notifikasi 7")  # a daily digest instead: no notice
    refs = [await file(siaga, f"warga{i}", serial=600 + i) for i in range(50)]
    for lurah in ("lk0", "lk1"):
        notes = await inbox(siaga, lurah)
        assert len(notes) == 1, notes
        assert notes[0].startswith("50 usulan baru menunggu pemeriksaan di Kelurahan Kelun: ")
        assert ", ".join(refs[-5:]) + " dan 45 lainnya." in notes[0]
        assert "Warga Uji" not in notes[0]  # several residents: references only, no names
    assert await inbox(siaga, "lk2") == []
    queue = Chat(siaga, "lk0")
    await queue.say("/antrian")
    assert "Usulan 1 dari 50" in queue.text  # nothing lost: every nomination waits there
    assert await inbox(siaga, "lk0") == []  # read in the queue: the notice would say nothing new
    assert len(await inbox(siaga, "lk1")) == 1


async def test_filings_at_the_same_moment_add_up_in_one_notice(siaga: App) -> None:
    """Two filings at once must neither both start a notice nor lose a count (PostgreSQL
    runs these units of work side by side)."""
    for i in range(2):
        await make(siaga, f"lk{i}", Role.LURAH, KELUN)
    residents = []
    for i in range(20):
        p = Chat(siaga, f"warga{i}")
        for line in filing(620 + i)[:-1]:
            await p.say(line)
        residents.append(p)
    await asyncio.gather(*(p.say(filing(620 + i)[-1]) for i, p in enumerate(residents)))
    assert all("Nomor usulan: PJK-" in p.text for p in residents)
    for lurah in ("lk0", "lk1"):
        notes = await inbox(siaga, lurah)
        assert len(notes) == 1, notes
        assert notes[0].startswith("20 usulan baru menunggu pemeriksaan di Kelurahan Kelun: ")


async def test_with_the_sender_running_an_unread_notice_gathers_the_next_ones(
    fake: FakeTelegram, tg: tuple[App, TelegramChannel]
) -> None:
    """On Telegram, the sender running between filings: the first filing is told at once;
    while that notice is unread, the next ones wait and go as one; a reviewer who opened
    the queue meanwhile hears of the next filing at once."""
    siaga, channel = tg
    clock = {"now": START}
    siaga.clock = lambda: clock["now"]
    deliver = deliverer(siaga, channel)
    away, busy = 811_001, 811_002
    for chat, name in ((away, "Bu Sri"), (busy, "Pak Joko")):
        await officer(siaga, str(chat), name, channel="telegram")
    refs: list[str] = []

    async def one(i: int) -> None:
        clock["now"] += timedelta(seconds=10)
        refs.append(await file(siaga, f"warga{i}", serial=650 + i))
        await deliver()

    await one(0)
    for chat in (away, busy):
        assert [s.text for s in fake.to(chat)] == [
            f"Usulan baru di Kelurahan Kelun: {refs[0]} atas nama Warga Uji (kemungkinan "
            "memenuhi syarat). Ketik /antrian untuk meninjau."
        ]
    for i in range(1, 10):
        await one(i)
    assert len(fake.to(away)) == len(fake.to(busy)) == 1  # unread: the rest wait
    clock["now"] += timedelta(seconds=10)
    await Chat(siaga, str(busy), channel="telegram").say("/antrian")  # reads all ten there
    for i in range(10, 50):
        await one(i)
    assert len(fake.to(away)) == 1
    assert [s.text for s in fake.to(busy)][1].startswith(
        f"Usulan baru di Kelurahan Kelun: {refs[10]}"
    )
    clock["now"] += UNREAD_GAP
    await deliver()
    later = fake.to(away)[1].text
    assert len(fake.to(away)) == 2  # 50 filings, two notices
    assert later.startswith("49 usulan baru menunggu pemeriksaan di Kelurahan Kelun: ")
    assert later.endswith(f"{', '.join(refs[-5:])} dan 44 lainnya. Ketik /antrian untuk meninjau.")
    assert fake.to(away)[1].buttons == [("📋 Lihat antrean", fake.to(away)[1].buttons[0][1])]
    busy_said = [s.text for s in fake.to(busy)]
    assert len(busy_said) == 3 and busy_said[2].startswith("39 usulan baru menunggu")
    clock["now"] += UNREAD_GAP
    await deliver()
    assert len(fake.to(away)) == 2 and len(fake.to(busy)) == 3  # nothing more, nothing lost


async def test_a_whatsapp_reviewer_outside_the_window_gets_one_waiting_notice(wa: Wa) -> None:
    """Review of issue 26, finding 2: for a reviewer outside WhatsApp's 24-hour window the
    first notice waits (`waiting`), and each later filing found no pending notice to add to,
    so 20 filings left 20 waiting notices, sent in a burst when the lurah next wrote."""
    clock = {"now": START}
    wa.siaga.clock = lambda: clock["now"]
    lurah = "6281200000777"  # has never written: outside the window
    await officer(wa.siaga, lurah, "Bu Sri", channel="whatsapp")
    sender = sender_of(wa)
    refs = []
    for i in range(20):
        clock["now"] += timedelta(seconds=10)
        refs.append(await file(wa.siaga, f"warga{i}", serial=700 + i))
        await drain(sender)
    kinds = await statuses(wa, lurah)
    assert kinds.count(("new_nominations", "waiting")) == 1, kinds
    assert [k for k in kinds if k[0] == "new_nominations"] == [("new_nominations", "waiting")]
    assert [m.template and m.template[:2] for m in wa.graph.to(lurah)] == [("siaga_kabar", "id")]
    clock["now"] += timedelta(hours=1)
    before = len(wa.graph.to(lurah))
    await wa.say("halo", user=lurah)  # the waiting notice first, then the reply
    came = [m.text for m in wa.graph.to(lurah)[before:]]
    notices = [m for m in came if "usulan baru" in m.lower()]
    assert len(notices) == 1, came
    assert notices[0].startswith("20 usulan baru menunggu pemeriksaan di Kelurahan Kelun: ")
    assert ", ".join(refs[-5:]) + " dan 15 lainnya." in notices[0]
