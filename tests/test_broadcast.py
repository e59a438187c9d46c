"""Broadcasts: the admin's conversation, who is reached, quiet hours, the weekly reminder, and
delivery against a fake Bot API that enforces Telegram's limits."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, update

from bot.app import App, build
from bot.channels.telegram.adapter import TelegramChannel
from bot.channels.telegram.factory import make_bot
from bot.config import Settings
from bot.db import schema as t
from bot.delivery.sender import RateLimit
from domain.quiet import QuietHours
from handlers.core.records import Role
from handlers.nominations import review
from tests.fake_telegram import TOKEN, FakeTelegram
from tests.harness import Person as Chat
from tests.helpers import name_admin
from tests.test_review import file

KELUN, TAMAN, PANDEAN, NAMBANGAN = (
    "35.77.01.1009",
    "35.77.03.1009",
    "35.77.03.1004",
    "35.77.02.1003",
)
ADMIN_CHAT = 1


@pytest.fixture
async def tg(fake: FakeTelegram, tmp_path: Path) -> AsyncIterator[tuple[App, TelegramChannel]]:
    settings = Settings(
        data_dir=tmp_path / "data", telegram_token=TOKEN,
        telegram_api_url=fake.base_url, quota_reminder="off",
    )  # type: ignore[arg-type]  # fmt: skip
    siaga = await build(settings)
    channel = siaga.telegram(make_bot(settings))
    yield siaga, channel
    await siaga.close()
    await channel.close()


async def person(
    siaga: App, ext: str, role: Role = Role.CITIZEN, kelurahan: str | None = None,
    channel: str = "telegram", opt_in: bool | None = None, blocked: bool = False,
) -> int:  # fmt: skip
    from handlers.core.messages import UserRef

    if role is Role.ADMIN:
        name_admin(siaga, channel, ext)
    async with siaga.store() as store:
        p = await store.person(UserRef(channel, ext), "", siaga.context(store).now)
        p.role, p.kelurahan_code, p.broadcast_opt_in, p.blocked = role, kelurahan, opt_in, blocked
        await store.save_person(p)
        await store.commit()
    return p.id


async def rows(siaga: App, broadcast_id: int) -> list[tuple[str, str, str]]:
    """(external id, status, text) of a broadcast's outbox rows."""
    from bot.channels.render import reply_text
    from handlers.core.messages import Reply

    o = t.outbox
    async with siaga.store() as store:
        found = await store.conn.execute(
            select(o.c.external_id, o.c.status, o.c.payload)
            .where(o.c.broadcast_id == broadcast_id)
            .order_by(o.c.id)
        )
        return [
            (r.external_id, r.status, reply_text(siaga.catalogue, Reply.from_json(r.payload[0]), "id"))
            for r in found
        ]  # fmt: skip


async def admin_chat(siaga: App) -> Chat:
    await person(siaga, str(ADMIN_CHAT), Role.ADMIN)
    return Chat(siaga, str(ADMIN_CHAT), channel="telegram")


async def broadcast(admin: Chat, text: str, audience: str, kelurahan: str | None = None) -> str:
    await admin.say("/siaran")
    await admin.say(text)
    await admin.press(audience)
    if kelurahan:
        await admin.say(kelurahan)
    else:
        await admin.press("Semua kelurahan")
    return admin.text


async def test_preview_fills_placeholders_per_recipient_and_counts_who_is_left_out(
    tg: tuple[App, TelegramChannel],
) -> None:
    siaga, _ = tg
    await person(siaga, "11", Role.LURAH, KELUN)
    await person(siaga, "12", Role.LURAH, TAMAN)
    await person(siaga, "13", Role.LURAH, PANDEAN, opt_in=False)  # said /berhenti
    await person(siaga, "14", Role.LURAH, NAMBANGAN, blocked=True)
    await file(siaga, "warga-1", "kelun")  # one nomination waiting in Kelun
    async with siaga.store() as store:
        ctx = siaga.context(store)
        await store.set_quota(review.period_of(ctx), 628, ctx.now)
        await store.commit()
    admin = await admin_chat(siaga)

    await admin.say("/siaran")
    await admin.say("Sisa {kuota_sisa}, {salah} ya")
    assert "{salah} tidak dikenal" in admin.text  # a typo in a placeholder is caught
    await admin.say(
        "Masih ada sisa kuota sebanyak {kuota_sisa} orang. {nama}, antrian Kelurahan "
        "{nama_kelurahan}: {antrian_kelurahan}. Tolong dicek kembali."
    )
    await admin.press("Semua lurah")
    await admin.press("Semua kelurahan")
    preview = admin.text
    assert "Akan dikirim ke 2 orang" in preview
    assert "• Telegram: 2" in preview
    assert "1 berhenti/belum setuju menerima siaran, 1 memblokir Siaga" in preview
    assert "sisa kuota sebanyak 628 orang. Bapak/Ibu Lurah, antrian Kelurahan Kelun: 1" in preview
    await admin.press("Kirim sekarang")
    assert "Siaran #1 dimulai untuk 2 penerima" in admin.text

    queued = {ext: (status, text) for ext, status, text in await rows(siaga, 1)}
    assert {ext: s for ext, (s, _) in queued.items()} == {
        "11": "pending", "12": "pending", "13": "opted_out", "14": "blocked",
    }  # fmt: skip
    assert "antrian Kelurahan Kelun: 1" in queued["11"][1]
    assert "antrian Kelurahan Taman: 0" in queued["12"][1]
    assert "/berhenti" in queued["11"][1]  # every broadcast says how to stop them


async def test_only_admins_broadcast_and_an_empty_audience_sends_nothing(
    tg: tuple[App, TelegramChannel],
) -> None:
    siaga, _ = tg
    citizen = Chat(siaga, "77", channel="telegram")
    await citizen.say("/siaran")
    assert "hanya untuk admin" in citizen.text
    lurah_id = await person(siaga, "78", Role.LURAH, KELUN)
    lurah = Chat(siaga, "78", channel="telegram")
    await lurah.say("/siaran")
    assert "hanya untuk admin" in lurah.text and lurah_id
    admin = await admin_chat(siaga)
    text = await broadcast(admin, "Halo peserta yang sudah disetujui", "Peserta disetujui")
    assert "Tidak ada penerima" in text
    assert "Kirim sekarang" not in admin.last[-1].buttons


async def test_whatsapp_needs_a_recorded_yes_and_opted_in_audience_only_reaches_yes(
    tg: tuple[App, TelegramChannel],
) -> None:
    siaga, _ = tg
    await person(siaga, "21", opt_in=True)
    await person(siaga, "22", opt_in=None)  # never asked
    await person(siaga, "6281200000001", channel="whatsapp", opt_in=None, role=Role.LURAH,
                 kelurahan=KELUN)  # fmt: skip
    await person(siaga, "6281200000002", channel="whatsapp", opt_in=True, role=Role.LURAH,
                 kelurahan=TAMAN)  # fmt: skip
    admin = await admin_chat(siaga)
    text = await broadcast(admin, "Kabar program", "Semua yang setuju")
    assert "Akan dikirim ke 2 orang" in text and "• WhatsApp: 1" in text  # 21 and …002
    await admin.press("Batal")
    text = await broadcast(admin, "Kabar untuk lurah", "Semua lurah")
    assert "Akan dikirim ke 1 orang" in text and "• WhatsApp: 1" in text


async def test_opting_out_after_queueing_is_respected_and_cancel_stops_the_rest(
    fake: FakeTelegram,
    tg: tuple[App, TelegramChannel],
) -> None:
    siaga, channel = tg
    for i in range(5):
        await person(siaga, str(100 + i), opt_in=True)
    admin = await admin_chat(siaga)
    await broadcast(admin, "Pengingat: cek status usulan", "Semua yang setuju")
    await admin.press("Kirim sekarang")
    await Chat(siaga, "100", channel="telegram").say("/berhenti")  # after it was queued
    await admin.say("/batal_siaran 1")
    assert "Tidak ada siaran" not in admin.text and "Dihentikan: 1 siaran" in admin.text
    sender = siaga.sender({"telegram": channel}, RateLimit(per_second=100))
    await sender.send_once()
    statuses = Counter(s for _, s, _ in await rows(siaga, 1))
    assert statuses == {"cancelled": 5}  # nothing sent after the cancel
    assert not [m for m in fake.sent if "Pengingat" in m.text]

    await broadcast(admin, "Pengingat kedua", "Semua yang setuju")
    await admin.press("Kirim sekarang")
    await Chat(siaga, "101", channel="telegram").say("/berhenti")
    await sender.send_once()
    statuses = Counter(s for _, s, _ in await rows(siaga, 2))
    assert statuses == {"sent": 3, "opted_out": 1}  # 100 left before, 101 after queueing
    assert sorted(m.chat_id for m in fake.sent if "Pengingat kedua" in m.text) == [102, 103, 104]


async def test_quiet_hours_hold_broadcasts_but_not_notices(
    fake: FakeTelegram,
    tg: tuple[App, TelegramChannel],
) -> None:
    siaga, channel = tg
    night = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 22:00 WIB
    clock = {"now": night - timedelta(hours=1)}  # queued at 21:00 WIB, quiet hours begin
    siaga.clock = lambda: clock["now"]
    for i in range(3):
        await person(siaga, str(200 + i), opt_in=True)
    admin = await admin_chat(siaga)
    await broadcast(admin, "Siaran malam", "Semua yang setuju")
    await admin.press("Kirim sekarang")
    lurah = await person(siaga, "300", Role.LURAH, KELUN)  # before the filing: no alert
    await file(siaga, "warga-2", "kelun")
    async with siaga.store() as store:
        p = await store.person_by_id(lurah)
        assert p is not None
        await store.enqueue(p, [__import__("handlers.core.messages").core.messages.Reply.of("help")],
                            siaga.clock())  # fmt: skip
        await store.commit()
    clock["now"] = night
    sender = siaga.sender({"telegram": channel}, RateLimit(per_second=100),
                          quiet=QuietHours(21, 6), clock=lambda: clock["now"])  # fmt: skip
    await sender.send_once()
    assert [m.chat_id for m in fake.sent] == [300]  # the notice went, the broadcast waits
    progress = siaga.progress(sender, {"telegram": channel})
    progress_clock_check = QuietHours(21, 6).ends_after(night).astimezone(siaga.tz)
    assert progress_clock_check.hour == 6
    clock["now"] = night + timedelta(hours=9)  # 07:00 WIB
    await sender.send_once()
    assert sorted(m.chat_id for m in fake.sent if "Siaran malam" in m.text) == [200, 201, 202]
    await progress.tick()
    assert "selesai" in fake.last_text(ADMIN_CHAT)


async def test_weekly_quota_reminder_once_per_slot_with_a_forecast(
    tg: tuple[App, TelegramChannel],
) -> None:
    siaga, _ = tg
    monday = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # 08:00 WIB, a Monday
    siaga.clock = lambda: monday - timedelta(days=1)  # filed and approved the day before
    await person(siaga, "400", Role.LURAH, KELUN)
    await file(siaga, "warga-3", "kelun")
    ref = await file(siaga, "warga-4", "kelun", serial=2)
    boss_id = await person(siaga, "dinas", Role.ADMIN, channel="console")
    async with siaga.store() as store:
        ctx = siaga.context(store)
        await store.set_quota(review.period_of(ctx), 31, ctx.now)
        boss = await store.person_by_id(boss_id)
        n = await store.nomination_by_ref(ref)
        assert boss is not None and n is not None
        await review.approve(ctx, boss, n)  # 1 approved in 30 days, 30 places left
        await store.commit()
    sched = siaga.scheduler()
    siaga.settings.quota_reminder = "mon 08:00"  # read by the scheduler at each tick
    assert "quota_reminder" in await sched.tick(monday + timedelta(minutes=5))
    assert "quota_reminder" not in await sched.tick(monday + timedelta(hours=3))
    assert "quota_reminder" not in await sched.tick(monday + timedelta(days=7, minutes=-1))
    # three weeks of downtime: one reminder, not three
    assert "quota_reminder" in await sched.tick(monday + timedelta(days=22))
    assert "quota_reminder" not in await sched.tick(monday + timedelta(days=22, minutes=1))
    async with siaga.store() as store:
        found = await store.broadcasts()
    assert [b.kind for b in found] == ["quota_reminder", "quota_reminder"]
    (_, status, text), = (await rows(siaga, found[-1].id))  # fmt: skip
    assert status == "pending"
    assert "Sisa kuota kota: 30 tempat" in text
    assert "Usulan menunggu di Kelurahan Kelun: 1" in text
    assert "kuota habis dalam sekitar 900 hari" in text  # 30 places at 1 per 30 days


async def test_3000_recipients_at_30_per_second_each_reached_once_despite_429_and_403(
    fake: FakeTelegram,
    tg: tuple[App, TelegramChannel],
) -> None:
    siaga, channel = tg
    fake.rate, fake.per_chat = 30, 1.0
    chats = list(range(10_000, 13_000))
    blocked = set(chats[::30])  # 100 people blocked the bot
    fake.blocked = blocked
    await add_opted_in(siaga, chats)
    admin = await admin_chat(siaga)
    await broadcast(admin, "Masih ada sisa kuota, silakan cek ke kelurahan.", "Semua yang setuju")
    assert "Akan dikirim ke 3.000 orang" in admin.text
    await admin.press("Kirim sekarang")

    def throttle(sent: object) -> None:  # Telegram may say 429 at any time: every 700th
        if len(fake.sent) % 700 == 0:
            fake.errors.setdefault("sendMessage", []).append((429, 1))

    fake.on_send = throttle
    sender = siaga.sender({"telegram": channel})  # Telegram's real pace
    progress = siaga.progress(sender, {"telegram": channel})
    stop = asyncio.Event()
    tasks = [asyncio.create_task(sender.run(stop, idle=0.2)),
             asyncio.create_task(progress.run(stop, every=3.0))]  # fmt: skip
    started = time.monotonic()
    while await left(siaga) and time.monotonic() - started < 240:  # noqa: ASYNC110 (a DB poll)
        await asyncio.sleep(0.5)
    await asyncio.sleep(3.5)  # the last progress edit
    stop.set()
    await asyncio.gather(*tasks)
    elapsed = time.monotonic() - started

    got = Counter(m.chat_id for m in fake.sent if "sisa kuota" in m.text)
    reachable = set(chats) - blocked
    assert set(got) == reachable and set(got.values()) == {1}  # each exactly once
    assert fake.violations == 0  # never over 30/s nor 1/s per chat (429s were injected only)
    statuses = Counter(s for _, s, _ in await rows(siaga, 1))
    assert statuses == {"sent": 2900, "blocked": 100}
    async with siaga.store() as store:
        n_blocked = (await store.conn.execute(
            select(func.count()).where(t.people.c.blocked.is_(True))
        )).scalar_one()  # fmt: skip
    assert n_blocked == 100
    assert elapsed > 2900 / 30  # paced, not bursted
    progress_msg = fake.to(ADMIN_CHAT)
    assert len(progress_msg) == 1 and progress_msg[0].edits >= 5  # one message, edited
    assert "selesai: terkirim 2.900 dari 3.000" in progress_msg[0].text


async def add_opted_in(siaga: App, chats: list[int]) -> None:
    now = datetime.now(UTC)
    async with siaga.store() as store:
        await store.conn.execute(
            insert(t.people),
            [{"channel": "telegram", "external_id": str(c), "role": "citizen", "locale": "id",
              "broadcast_opt_in": True, "blocked": False, "created_at": now} for c in chats],
        )  # fmt: skip
        await store.commit()


async def left(siaga: App) -> int:
    o = t.outbox
    async with siaga.store() as store:
        q = select(func.count()).where(o.c.status.in_(("pending", "sending")))
        return int((await store.conn.execute(q)).scalar_one())


async def test_a_row_left_sending_by_a_crash_is_not_sent_again(
    fake: FakeTelegram,
    tg: tuple[App, TelegramChannel],
) -> None:
    siaga, channel = tg
    await add_opted_in(siaga, [501, 502])
    admin = await admin_chat(siaga)
    await broadcast(admin, "Siaran uji", "Semua yang setuju")
    await admin.press("Kirim sekarang")
    o = t.outbox
    async with siaga.store() as store:  # as a sender killed mid-request leaves it
        await store.conn.execute(
            update(o).where(o.c.external_id == "501")
            .values(status="sending", claimed_at=datetime.now(UTC) - timedelta(minutes=5))
        )  # fmt: skip
        await store.commit()
    await siaga.sender({"telegram": channel}, RateLimit(per_second=100)).send_once()
    assert [m.chat_id for m in fake.sent if "Siaran uji" in m.text] == [502]
    assert dict((e, s) for e, s, _ in await rows(siaga, 1)) == {"501": "unconfirmed",
                                                                 "502": "sent"}  # fmt: skip


def test_the_cli_previews_queues_lists_and_cancels(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.helpers import chat_env

    data = tmp_path / "data"

    async def setup() -> None:
        siaga = await build(Settings(data_dir=data, quota_reminder="off"))
        await person(siaga, "31", Role.LURAH, KELUN)
        await person(siaga, "32", Role.LURAH, TAMAN)
        await siaga.close()

    asyncio.run(setup())

    def admin(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "bot", "admin", *args], env=chat_env(data),
                              capture_output=True, text=True, timeout=60)  # fmt: skip

    bad = admin("broadcast", "--audience", "lurah", "--text", "Halo {namaa}")
    assert bad.returncode == 2 and "{namaa} tidak dikenal" in bad.stdout
    said = admin("broadcast", "--audience", "lurah", "--kelurahan", "taman", "--yes",
                 "--text", "Rapat di Dinas, Kelurahan {nama_kelurahan}")  # fmt: skip
    assert said.returncode == 0, said.stderr
    assert "Akan dikirim ke 1 orang" in said.stdout and "Kelurahan Taman" in said.stdout
    assert "Siaran #1 diantrekan untuk 1 penerima" in said.stdout
    assert "terkirim 0 dari 1" in admin("broadcasts").stdout
    assert "Dihentikan: 1 siaran, 1 pesan" in admin("broadcast-cancel", "1").stdout
    assert "dihentikan" in admin("broadcasts").stdout


async def test_two_workers_senders_never_send_one_row_twice(
    fake: FakeTelegram, tg: tuple[App, TelegramChannel]
) -> None:
    siaga, channel = tg
    chats = list(range(30_000, 30_400))
    await add_opted_in(siaga, chats)
    admin = await admin_chat(siaga)
    await broadcast(admin, "Dua pekerja, satu pesan", "Semua yang setuju")
    await admin.press("Kirim sekarang")
    # a second worker on the same database, with its own connection pool and bot session
    other = await build(siaga.settings)
    other_channel = other.telegram(make_bot(siaga.settings))
    try:
        senders = [s.sender({"telegram": c}, RateLimit(per_second=400))
                   for s, c in ((siaga, channel), (other, other_channel))]  # fmt: skip
        for _ in range(3):
            await asyncio.gather(*(s.send_once() for s in senders))
        got = Counter(m.chat_id for m in fake.sent if "Dua pekerja" in m.text)
        assert set(got) == set(chats) and set(got.values()) == {1}
        assert all(s.sent > 0 for s in senders), [s.sent for s in senders]  # both took part
    finally:
        await other_channel.close()
        await other.close()


async def test_a_preview_full_of_ampersands_and_a_long_text_reach_telegram_whole(
    fake: FakeTelegram,
    tg: tuple[App, TelegramChannel],
) -> None:
    """Issue "Trust defects" item 10: cut first, then escape; a long text goes in pieces."""
    import html

    from bot.channels.port import Delivery
    from handlers.core.messages import Button, Msg, Outgoing, Raw, Reply

    siaga, channel = tg
    await person(siaga, "100", opt_in=True)
    admin = await admin_chat(siaga)
    await broadcast(admin, "&" * 995, "Semua yang setuju")
    preview = Outgoing("id", [s.reply for s in admin.last])
    assert await siaga.dispatcher.send(channel, str(ADMIN_CHAT), preview) == Delivery.SENT
    assert any(m.text.count("&") == 995 for m in fake.to(ADMIN_CHAT))  # unescaped by the fake
    long = Reply((Msg("lines-join", {"first": Raw("Panjang & lebar. " * 600),
                                     "rest": Raw("akhir")}),),
                 (Button(Msg("btn-yes"), "1|ya"),))  # fmt: skip
    before = len(fake.to(ADMIN_CHAT))
    assert (
        await siaga.dispatcher.send(channel, str(ADMIN_CHAT), Outgoing("id", [long]))
        == Delivery.SENT
    )
    pieces = fake.to(ADMIN_CHAT)[before:]
    assert len(pieces) == 3
    assert [p.markup is not None for p in pieces] == [False, False, True]  # buttons come last
    assert " ".join(html.unescape(p.text) for p in pieces).count("Panjang & lebar.") == 600
    assert pieces[-1].text.endswith("akhir")


async def test_rows_a_killed_sender_left_are_counted_as_uncertain_and_done_at_once(
    fake: FakeTelegram, tg: tuple[App, TelegramChannel]
) -> None:
    """Issue 26 item 17: "terkirim 3 dari 3" with two rows nobody knows arrived was wrong, and
    the report waited out the lease (120 s) before it said done."""
    siaga, channel = tg
    now = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)  # 10:00 WIB: not quiet hours
    siaga.clock = lambda: now
    await add_opted_in(siaga, [601, 602, 603])
    admin = await admin_chat(siaga)
    await broadcast(admin, "Siaran uji", "Semua yang setuju")
    await admin.press("Kirim sekarang")
    o = t.outbox
    async with siaga.store() as store:  # a sender killed mid-request, five seconds ago
        await store.conn.execute(update(o).where(o.c.external_id == "601")
                                 .values(status="sent", sent_at=now))  # fmt: skip
        await store.conn.execute(
            update(o).where(o.c.external_id.in_(("602", "603")))
            .values(status="sending", claimed_at=now - timedelta(seconds=5))
        )  # fmt: skip
        await store.commit()
    sender = siaga.sender({"telegram": channel}, RateLimit(per_second=100))  # the restart
    progress = siaga.progress(sender, {"telegram": channel})
    await sender.send_once()
    await progress.tick()
    shown = fake.last_text(ADMIN_CHAT)
    assert "selesai: terkirim 1 dari 3" in shown, shown
    assert "2 pesan belum pasti sampai" in shown
    assert not [m for m in fake.sent if "Siaran uji" in m.text]  # and none sent again
    assert dict((e, s) for e, s, _ in await rows(siaga, 1)) == {
        "601": "sent", "602": "unconfirmed", "603": "unconfirmed"}  # fmt: skip
    from bot.channels.render import reply_text
    from handlers.broadcasts import broadcast as use

    async with siaga.store() as store:
        info = (await store.broadcasts())[0]
    for locale, words in (("en", "sent 1 of 3"), ("en", "2 messages uncertain"),
                          ("jv", "kakintun 1 saking 3"), ("jv", "2 pesen dereng mesthi")):  # fmt: skip
        assert words in reply_text(siaga.catalogue, use.progress(info, 29.0), locale)
