"""Tanya petugas with voice notes and photos (issue 17): the file goes from the citizen to the
officer and the answer comes back on every channel (the console, Telegram by file_id, and
WhatsApp ⇄ Telegram by download and upload), the bot silent in between; what cannot be
forwarded is said to whoever sent it; office hours, the deadline and the quiet time; and
nothing of a file is left behind."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from bot.app import App
from bot.db import schema as t
from handlers.core.messages import Incoming, Kind, Media, UserRef
from handlers.core.records import Role
from tests.harness import Person
from tests.helpers import name_admin, nik_for
from tests.test_handover import citizen_of_kelun, inbox
from tests.test_review import KELUN, make
from tests.test_story_console import admin

# Wednesday 2026-12-02 10:00 WIB: inside office hours (Mon–Thu 08–15, Fri 08–11).
OFFICE = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)


def console_of(siaga: App, who: str) -> tuple[object, io.StringIO]:
    out = io.StringIO()
    return siaga.console(who, jsonl=True, out=out), out


def lines(out: io.StringIO, start: int = 0) -> list[dict[str, object]]:
    return [json.loads(x) for x in out.getvalue().splitlines()[start:]]


async def media_kept(siaga: App) -> int:
    async with siaga.store() as store:
        return await store.media_count()


def files_holding(folder: Path, *needles: bytes) -> list[str]:
    """Files under `folder` whose bytes contain any of `needles`."""
    return [
        str(p) for p in folder.rglob("*")
        if p.is_file() and any(n in p.read_bytes() for n in needles)
    ]  # fmt: skip


async def test_console_story_a_voice_note_reaches_the_lurah_and_the_answer_comes_back(
    siaga: App, tmp_path: Path
) -> None:
    siaga.clock = lambda: OFFICE
    await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    recording = tmp_path / "suara.ogg"
    recording.write_bytes(b"OggS" + b"citizen-voice-marker" * 50)
    warga, warga_out = console_of(siaga, "warga-suara")
    lurah, lurah_out = console_of(siaga, "lurah-kelun")
    for line in ["/menu", "cek", "setuju", "Sri Rahayu", nik_for(41), "benar", "benar", "Kelun"]:
        await siaga.say(warga, line)  # type: ignore[arg-type]

    mark = len(lines(warga_out))
    await siaga.say(warga, f"!suara {recording} 42")  # type: ignore[arg-type]
    offer = lines(warga_out, mark)[-1]
    assert (
        "belum bisa mendengar" in str(offer["text"]) and "📨 Kirim ke petugas" in offer["buttons"]
    )
    await siaga.say(warga, "1")  # type: ignore[arg-type]  # the number is the button just shown
    opened = str(lines(warga_out)[-1]["text"])
    assert "tiket #1" in opened and "pekerjaan" in opened  # and the check goes on

    await siaga.dispatcher.deliver_waiting(lurah, "lurah-kelun")  # type: ignore[arg-type]
    card = str(lines(lurah_out)[-1]["text"])
    assert "tiket #1" in card and "Kelun" in card and "📎 pesan suara (0:42)" in card
    await siaga.say(lurah, "1")  # type: ignore[arg-type]  # Balas
    assert "Tulis jawaban" in str(lines(lurah_out)[-1]["text"])
    await siaga.say(lurah, "Bisa, Bu. Bawa surat kuasa ke kelurahan.")  # type: ignore[arg-type]

    mark = len(lines(warga_out))
    await siaga.dispatcher.deliver_waiting(warga, "warga-suara")  # type: ignore[arg-type]
    got = [str(x["text"]) for x in lines(warga_out, mark)]
    assert any("Petugas Kelurahan Kelun sekarang menjawab" in x and "selesai" in x for x in got)
    assert got[-1].startswith("Petugas Kelurahan Kelun: Bisa, Bu.")

    mark = len(lines(warga_out))
    await siaga.say(warga, f"!suara {recording} 5")  # type: ignore[arg-type]
    await siaga.say(warga, "Baik pak, terima kasih")  # type: ignore[arg-type]
    assert lines(warga_out, mark) == []  # the bot is silent: the officer answers
    mark = len(lines(lurah_out))
    await siaga.dispatcher.deliver_waiting(lurah, "lurah-kelun")  # type: ignore[arg-type]
    relayed = [str(x["text"]) for x in lines(lurah_out, mark)]
    assert any("📎 pesan suara (0:05)" in x for x in relayed)
    assert any("terima kasih" in x for x in relayed)
    assert await media_kept(siaga) == 2

    await siaga.say(lurah, "tutup")  # type: ignore[arg-type]
    assert await media_kept(siaga) == 0  # closing forgets every file's reference
    await siaga.say(warga, "selesai")  # type: ignore[arg-type]  # nothing held now: the bot
    assert lines(warga_out)[-1]["text"]
    async with siaga.store() as store:
        ticket = (await store.conn.execute(select(t.tickets))).one()
    assert [m.get("media") for m in ticket.messages] == ["voice", None, "voice", None]
    assert files_holding(siaga.settings.data_dir, b"citizen-voice-marker") == []


async def test_sticker_location_and_a_two_hour_voice_note_get_a_clear_word(siaga: App) -> None:
    siaga.clock = lambda: OFFICE
    await make(siaga, "dinas", Role.ADMIN)
    warga = Person(siaga, "warga-aneh")
    await warga.say("halo")

    def sent(kind: str, **kw: object) -> Incoming:
        return Incoming(warga.user, Kind.MEDIA, media=Media(kind, origin="console", **kw))  # type: ignore[arg-type]

    await warga.send(sent("sticker", ref="x"))
    assert "Stikernya sudah sampai" in warga.text
    await warga.send(sent("location"))
    assert "tulis nama kelurahannya" in warga.text
    await warga.send(sent("voice", ref="/tmp/long.ogg", seconds=2 * 3600))
    assert "terlalu panjang" in warga.text and "10 menit" in warga.text
    await warga.send(sent("video", ref="/tmp/big.mp4", size=50 * 1024 * 1024, seconds=30))
    assert "terlalu besar" in warga.text and "16 MB" in warga.text
    await warga.send(sent("photo", ref="/tmp/ktp.jpg"))
    await warga.press("📨 Kirim ke petugas")
    assert "tiket #1" in warga.text and "jangan mengirim foto KTP" in warga.text
    assert (
        "📎 foto" in (await inbox(siaga, "dinas"))[-1]
        or "foto" in (await inbox(siaga, "dinas"))[-1]
    )


async def test_a_question_the_faq_cannot_answer_becomes_a_ticket(siaga: App) -> None:
    siaga.clock = lambda: OFFICE
    await make(siaga, "dinas", Role.ADMIN)
    warga = Person(siaga, "warga-tanya-bebas")
    await warga.say("Suami saya stroke, apakah istri bisa menggantikan mengurus?")
    assert "tiket #1" in warga.text
    assert "menggantikan mengurus" in (await inbox(siaga, "dinas"))[-1]
    faq = Person(siaga, "warga-faq")
    await faq.say("berapa iurannya?")  # the FAQ answers this one: no ticket
    assert "tiket" not in faq.text and "16.800" in faq.text


async def test_after_hours_the_citizen_is_told_when_and_the_deadline_escalates(siaga: App) -> None:
    friday_evening = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)  # Fri 19:00 WIB
    siaga.clock = lambda: friday_evening
    await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    await make(siaga, "dinas", Role.ADMIN)
    warga = await citizen_of_kelun(siaga, "warga-malam")
    await warga.say("tanya petugas")
    await warga.say("Bagaimana kalau saya pindah kerja?")
    assert "di luar jam kerja" in warga.text
    assert "Senin 07-12-2026 mulai pukul 08.00 WIB" in warga.text

    scheduler = siaga.scheduler()
    monday_noon = datetime(2026, 12, 7, 5, 0, tzinfo=UTC)  # 4 of the 8 office hours gone
    assert "tickets" not in await scheduler.tick(monday_noon)
    tuesday_11 = datetime(2026, 12, 8, 4, 0, tzinfo=UTC)  # Mon 7 h + Tue 1 h + 2 h: past 8
    assert "tickets" in await scheduler.tick(tuesday_11)
    escalated = (await inbox(siaga, "dinas"))[-1]
    assert "⏰ Tiket #1" in escalated and "8 jam kerja" in escalated
    assert "tickets" not in await scheduler.tick(tuesday_11 + timedelta(hours=1))  # once
    shown = admin(siaga.settings.data_dir, "stats")
    assert "Tanya petugas: 1 menunggu" in shown and "1 diteruskan ke Dinas" in shown


async def test_a_quiet_officer_is_let_go_and_the_citizen_is_back_with_the_bot(siaga: App) -> None:
    now = [OFFICE]
    siaga.clock = lambda: now[0]
    await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    warga = await citizen_of_kelun(siaga, "warga-sepi")
    await warga.say("tanya petugas")
    await warga.say("Apakah ojek pangkalan boleh?")
    lurah = Person(siaga, "lurah-kelun")
    await lurah.tap("n|treply:1")
    now[0] = OFFICE + timedelta(minutes=31)
    assert "tickets" in await siaga.scheduler().tick(now[0])
    assert "kembali ke antrean" in (await inbox(siaga, "warga-sepi"))[-1]
    assert "dikembalikan ke antrean" in (await inbox(siaga, "lurah-kelun"))[-1]
    await warga.say("ojol")  # the bot answers again: the check goes on
    assert "BPJS" in warga.text
    await lurah.say("Boleh, Bu.")  # the hold lapsed: nothing reaches the citizen
    assert "tidak lagi Bapak/Ibu pegang" in lurah.text and "pesan tidak dikirim" in lurah.text
    assert not any("Boleh, Bu" in x for x in await inbox(siaga, "warga-sepi"))


async def test_a_rating_in_words(siaga: App) -> None:
    siaga.clock = lambda: OFFICE
    await make(siaga, "dinas", Role.ADMIN)
    warga = Person(siaga, "warga-nilai")
    await warga.say("tanya petugas")
    await warga.say("Kapan pendaftaran dibuka lagi?")
    dinas = Person(siaga, "dinas")
    await dinas.tap("n|treply:1")
    await dinas.say("Januari, Bu.")
    await dinas.say("tutup")
    await warga.say("kurang membantu")
    assert "Terima kasih atas penilaiannya" in warga.text
    async with siaga.store() as store:
        assert (await store.conn.execute(select(t.tickets.c.rating))).scalar_one() == 2
        rows = await store.conn.execute(select(t.audit_log.c.action))
        assert "ticket.rated" in {r.action for r in rows}


async def test_a_telegram_citizen_and_lurah_trade_voice_notes_by_file_id(
    fake: object, tmp_path: Path
) -> None:
    from bot.app import build
    from bot.channels.telegram.factory import make_bot
    from bot.config import Settings
    from tests.fake_telegram import TOKEN, FakeTelegram
    from tests.test_telegram import Polling, deliverer

    assert isinstance(fake, FakeTelegram)
    settings = Settings(data_dir=tmp_path / "data", telegram_token=TOKEN,
                        telegram_api_url=fake.base_url, quota_reminder="off")  # type: ignore[arg-type]  # fmt: skip
    siaga = await build(settings)
    siaga.clock = lambda: OFFICE
    channel = siaga.telegram(make_bot(settings))
    citizen, officer = 555101, 555102
    async with siaga.store() as store:
        lurah = await store.person(UserRef("telegram", str(officer)), "id", OFFICE)
        lurah.role, lurah.kelurahan_code = Role.LURAH, KELUN
        await store.save_person(lurah)
        await store.commit()
    p = Polling(fake, (siaga, channel))
    deliver = deliverer(siaga, channel)

    try:
        for text in ("halo", "1", "setuju", "Rina", nik_for(34), "1", "1", "kelun"):
            await p.send(fake.message(citizen, text), chat=citizen)
        voice = b"OggS" + b"tg-citizen-voice" * 40
        text = await p.send(fake.voice(citizen, voice, 42), chat=citizen)
        assert "belum bisa mendengar" in text
        text = await p.send(fake.press(citizen, "📨 Kirim ke petugas"), chat=citizen)
        assert "tiket #1" in text
        await deliver()
        to_lurah = fake.to(officer)
        assert "tiket #1" in to_lurah[-2].text and "pesan suara (0:42)" in to_lurah[-2].text
        assert to_lurah[-1].file is not None and to_lurah[-1].file[0] == "voice"
        assert fake.files[to_lurah[-1].file[1]] == voice  # the same file, by its file_id
        assert not any(m == "getFile" for m, _ in fake.calls)  # nothing downloaded

        await p.send(fake.press(officer, "✍ Balas"), chat=officer)
        answer = b"OggS" + b"tg-lurah-voice" * 40
        text = await p.send(fake.voice(officer, answer, 7), chat=officer)
        assert "Terkirim" in text
        await deliver()
        back = fake.to(citizen)
        assert "Petugas Kelurahan Kelun: pesan suara (0:07)" in back[-2].text
        assert back[-1].file is not None and fake.files[back[-1].file[1]] == answer

        before = len(fake.to(citizen))
        fake.push(fake.message(citizen, "Terima kasih, Pak"))
        await p.send(fake.message(officer, "Sama-sama, Bu."), chat=officer)  # the next update
        await deliver()
        assert "Terima kasih, Pak" in fake.to(officer)[-2].text or any(
            "Terima kasih, Pak" in s.text for s in fake.to(officer)
        )
        assert all("Siaga" not in s.text or "Petugas" in s.text
                   for s in fake.to(citizen)[before:])  # fmt: skip
        await p.send(fake.press(officer, "Tutup"), chat=officer)
        await deliver()
        assert "Seberapa membantu" in fake.to(citizen)[-1].text
    finally:
        await p.close()
    assert await media_kept(siaga) == 0
    await siaga.close()
    await channel.close()


async def test_whatsapp_to_telegram_and_back_downloads_and_uploads(
    fake: object, graph: object, tmp_path: Path
) -> None:
    from bot.app import build
    from bot.channels.telegram.factory import make_bot
    from bot.channels.whatsapp.client import WhatsAppClient
    from bot.config import Settings
    from bot.delivery.sender import RateLimit
    from tests.fake_telegram import TOKEN, FakeTelegram
    from tests.fake_whatsapp import (
        APP_SECRET,
        PHONE_ID,
        VERIFY_TOKEN,
        VERSION,
        FakeGraph,
        media_message,
        text_message,
    )
    from tests.fake_whatsapp import TOKEN as WA_TOKEN
    from tests.test_telegram import Polling
    from tests.whatsapp_harness import USER, Wa

    assert isinstance(fake, FakeTelegram) and isinstance(graph, FakeGraph)
    settings = Settings(data_dir=tmp_path / "data", telegram_token=TOKEN,
                        telegram_api_url=fake.base_url, quota_reminder="off",
                        whatsapp_app_secret=APP_SECRET, whatsapp_verify_token=VERIFY_TOKEN)  # type: ignore[arg-type]  # fmt: skip
    siaga = await build(settings)
    siaga.clock = lambda: OFFICE
    tg = siaga.telegram(make_bot(settings))
    wa_channel = siaga.whatsapp(WhatsAppClient(graph.base_url, VERSION, PHONE_ID, WA_TOKEN))
    assert wa_channel is not None
    officer = 555201
    name_admin(siaga, "telegram", str(officer))
    import httpx

    app = siaga.web(None, "", wa_channel)
    sender = siaga.sender({"telegram": tg, "whatsapp": wa_channel},
                          RateLimit(per_second=100, per_chat_interval=0.0))  # fmt: skip

    async def deliver() -> None:
        while await sender.send_once():
            pass

    p = Polling(fake, (siaga, tg))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://siaga") as http:  # fmt: skip
        wa = Wa(siaga, wa_channel, http, graph)
        try:
            await p.send(fake.message(officer, "/menu"), chat=officer)  # the Dinas is here
            await wa.say("halo")
            await wa.say("tanya petugas")
            voice = b"OggS" + b"wa-citizen-voice" * 40
            media_id = graph.receive(voice, "audio/ogg; codecs=opus")
            assert await wa.post(media_message(USER, "audio", id=media_id, voice=True,
                                               mime_type="audio/ogg; codecs=opus")) == 200  # fmt: skip
            assert "tiket #1" in wa.last().text
            await deliver()
            card, file = fake.to(officer)[-2:]
            assert "tiket #1" in card.text and "pesan suara" in card.text
            assert file.file is not None and file.file[2] == voice  # downloaded, uploaded again

            await p.send(fake.press(officer, "✍ Balas"), chat=officer)
            answer = b"OggS" + b"tg-admin-voice" * 40
            await p.send(fake.voice(officer, answer, 9), chat=officer)
            await deliver()
            assert (
                "Petugas Disnaker KUKM Kota Madiun: pesan suara (0:09)" in graph.to(USER)[-2].text
            )
            sent = graph.to(USER)[-1]
            assert sent.body["type"] == "audio" and graph.uploaded[sent.media_id][0] == answer

            quiet = len(graph.to(USER))
            assert await wa.post(text_message(USER, "Terima kasih, Pak")) == 200
            assert len(graph.to(USER)) == quiet  # the bot is silent: the officer answers
            await deliver()
            assert "Terima kasih, Pak" in fake.to(officer)[-1].text

            gone = graph.receive(b"OggS-expired", "audio/ogg")
            del graph.received[gone]  # the media id no longer downloads
            await wa.post(media_message(USER, "audio", id=gone, voice=True, mime_type="audio/ogg"))
            await deliver()
            assert "tidak bisa diambil" in fake.to(officer)[-1].text  # said, not lost
            assert graph.violations == []
        finally:
            await p.close()
    await siaga.close()
    await tg.close()
    await wa_channel.close()


async def test_a_file_the_platform_refuses_to_forward_is_said_to_both_sides(
    fake: object, tmp_path: Path
) -> None:
    """Issue 26 item 10: sendVoice with the file_id answered 400; the officer saw "pesan suara
    (0:05)" and no file, and nobody was asked to send it again."""
    from bot.app import build
    from bot.channels.telegram.factory import make_bot
    from bot.config import Settings
    from tests.fake_telegram import TOKEN, FakeTelegram
    from tests.test_telegram import Polling, deliverer

    assert isinstance(fake, FakeTelegram)
    settings = Settings(data_dir=tmp_path / "data", telegram_token=TOKEN,
                        telegram_api_url=fake.base_url, quota_reminder="off")  # type: ignore[arg-type]  # fmt: skip
    siaga = await build(settings)
    siaga.clock = lambda: OFFICE
    channel = siaga.telegram(make_bot(settings))
    citizen, officer = 555301, 555302
    async with siaga.store() as store:
        lurah = await store.person(UserRef("telegram", str(officer)), "id", OFFICE)
        lurah.role, lurah.kelurahan_code = Role.LURAH, KELUN
        await store.save_person(lurah)
        await store.commit()
    p = Polling(fake, (siaga, channel))
    deliver = deliverer(siaga, channel)
    try:
        for text in ("hello", "1", "agree", "Rina", nik_for(34), "1", "1", "kelun"):
            await p.send(fake.message(citizen, text, lang="en"), chat=citizen)
        await p.send(fake.voice(citizen, b"OggS" + b"x" * 100, 5, lang="en"), chat=citizen)
        text = await p.send(fake.press(citizen, "📨 Send to officer"), chat=citizen)
        assert "ticket #1" in text
        fake.errors["sendVoice"] = [(400, 0)]  # Telegram will not take the file_id
        await deliver()
        to_lurah = fake.to(officer)
        assert "pesan suara (0:05)" in to_lurah[-2].text
        assert to_lurah[-1].file is None
        assert "tidak bisa diteruskan" in to_lurah[-1].text  # said to the officer, in theirs
        told = fake.to(citizen)[-1].text
        assert "could not be passed on" in told and "send it again" in told  # and in English
        await deliver()
        assert fake.count("sendVoice") == 1  # said once, not tried again and again
    finally:
        await p.close()
    await siaga.close()
    await channel.close()
