"""The console's questions page, /konsol/tiket (issue 30 item 1), over HTTP: the questions
waiting and held, oldest first, with the time waited in office hours and the asker's own
nomination; held, answered (an FAQ's words in the resident's language a click away) and
closed from the browser, the resident hearing it on their channel as from the chat; an
officer holds at most the program's number at once (chat and console alike); a hold that
lapsed is handed back as in the chat; a lurah sees their own kelurahan's only."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import select

from bot.app import App
from bot.db import schema as t
from handlers.core.messages import UserRef
from handlers.core.records import Role
from tests.harness import Person
from tests.helpers import nik_for
from tests.test_console import csrf, signed_in
from tests.test_handover import inbox
from tests.test_review import KELUN, file, make, nomination, set_quota

# Wednesday 2026-12-02 10:00 WIB: inside office hours (Mon–Thu 08–15, Fri 08–11).
OFFICE = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)


async def ask(siaga: App, who: str, question: str) -> Person:
    warga = Person(siaga, who)
    await warga.say("tanya petugas")
    await warga.say(question)
    assert "tiket #" in warga.text, warga.text
    return warga


async def post(web: httpx.AsyncClient, path: str, **form: str) -> httpx.Response:
    page = await web.get("/konsol/tiket")
    return await web.post(path, data={"csrf": csrf(page), **form})


async def note_after(web: httpx.AsyncClient, r: httpx.Response) -> str:
    assert r.status_code == 303, (r.status_code, r.text[:300])
    page = await web.get(r.headers["location"])
    found = re.search(r'<p class="note" role="status">([^<]*)</p>', page.text)
    assert found, page.text
    return found.group(1)


async def test_questions_are_listed_oldest_first_held_answered_and_closed_from_the_console(
    siaga: App, web: httpx.AsyncClient
) -> None:
    now = [OFFICE]
    siaga.clock = lambda: now[0]
    await set_quota(siaga, 10)
    await make(siaga, "lk", Role.LURAH, KELUN)
    ref = await file(siaga, "warga-usul")  # filed in Kelun: the card shows the nomination
    await ask(siaga, "warga-usul", "Kapan usulan saya diputuskan?")
    now[0] = OFFICE + timedelta(hours=1)
    baru = Person(siaga, "warga-baru")  # in the middle of the check, in Kelun, not filed
    for line in ["/menu", "cek", "setuju", "Sri Rahayu", nik_for(41, serial=7), "benar",
                 "benar", "Kelun"]:  # fmt: skip
        await baru.say(line)
    await ask(siaga, "warga-baru", "Apakah tukang parkir bisa ikut?")
    now[0] = OFFICE + timedelta(hours=4, minutes=30)  # 14.30 WIB
    await signed_in(siaga, web, "lk")

    listed = await web.get("/konsol/tiket")
    assert listed.status_code == 200
    body = listed.text
    assert body.index("Kapan usulan saya") < body.index("tukang parkir")  # oldest first
    assert "4:30" in body and "3:30" in body  # office hours waited
    n = await nomination(siaga, ref)
    assert f'href="/konsol/usulan/{n.id}">{ref}</a>' in body
    assert "belum ada usulan" in body  # the second asker has filed nothing

    held = await post(web, "/konsol/tiket/1/pegang")
    assert "Tiket #1 Bapak/Ibu pegang" in await note_after(web, held)
    told = (await inbox(siaga, "warga-usul"))[-1]
    assert "Petugas Kelurahan Kelun sekarang menjawab" in told and "tiket #1" in told
    only_held = await web.get("/konsol/tiket?status=held")
    assert "Kapan usulan saya" in only_held.text and "tukang parkir" not in only_held.text

    page = await web.get("/konsol/tiket/1?faq=premium")  # one click: the FAQ's words
    assert page.status_code == 200
    draft = re.search(r'<textarea id="teks"[^>]*>([^<]*)</textarea>', page.text)
    assert draft and draft.group(1).startswith("Iuran BPJS Ketenagakerjaan peserta Pro JKK-JKM")

    sent = await post(web, "/konsol/tiket/1/jawab",
                      teks="Minggu depan, Bu.\nSilakan cek /status.")  # fmt: skip
    assert "Terkirim ke warga (tiket #1)" in await note_after(web, sent)
    answer = (await inbox(siaga, "warga-usul"))[-1]
    assert answer.startswith("Petugas Kelurahan Kelun: Minggu depan, Bu. Silakan cek /status.")
    page = await web.get("/konsol/tiket/1")
    assert "Kapan usulan saya" in page.text and "Minggu depan, Bu." in page.text

    closed = await post(web, "/konsol/tiket/1/tutup")
    assert "Tiket #1 ditutup" in await note_after(web, closed)
    assert "Seberapa membantu" in (await inbox(siaga, "warga-usul"))[-1]
    assert "Kapan usulan saya" not in (await web.get("/konsol/tiket")).text
    async with siaga.store() as store:
        rows = (await store.conn.execute(
            select(t.audit_log.c.action, t.audit_log.c.detail)
            .where(t.audit_log.c.action.like("ticket.%"))
        )).all()  # fmt: skip
    assert ("ticket.held", "via console") in rows and ("ticket.closed", "via console") in rows


async def test_the_faq_comes_in_the_resident_s_language(siaga: App, web: httpx.AsyncClient) -> None:
    siaga.clock = lambda: OFFICE
    await make(siaga, "dinas", Role.ADMIN)
    await ask(siaga, "warga-en", "How long does the cover last please?")
    async with siaga.store() as store:
        resident = await store.person(UserRef("console", "warga-en"), "", OFFICE)
        resident.locale = "en"
        await store.save_person(resident)
        await store.commit()
    await signed_in(siaga, web, "dinas")
    await post(web, "/konsol/tiket/1/pegang")
    page = await web.get("/konsol/tiket/1?faq=duration")
    assert ">Cover lasts 12 months from registration with BPJS Ketenagakerjaan" in page.text
    assert "Perlindungan berlaku" not in page.text  # not the officer's language
    bad = await web.get("/konsol/tiket/1?faq=con-nomination")
    assert bad.status_code == 400


async def test_a_lurah_sees_only_their_own_kelurahan(siaga: App, web: httpx.AsyncClient) -> None:
    siaga.clock = lambda: OFFICE
    await make(siaga, "lk", Role.LURAH, KELUN)
    await make(siaga, "dinas", Role.ADMIN)
    await ask(siaga, "warga-tanpa", "Dinas buka jam berapa?")  # no kelurahan: the Dinas's
    await signed_in(siaga, web, "lk")
    assert "Dinas buka jam berapa" not in (await web.get("/konsol/tiket?kelurahan=")).text
    assert (await web.get("/konsol/tiket/1")).status_code == 404
    r = await post(web, "/konsol/tiket/1/pegang")
    assert r.status_code == 404
    async with siaga.store() as store:
        assert (await store.conn.execute(select(t.tickets.c.status))).scalar_one() == "open"
    forged = await web.post("/konsol/tiket/1/tutup", data={"csrf": "x"})
    assert forged.status_code == 403


async def test_an_officer_holds_at_most_the_program_s_number_in_chat_and_console(
    siaga: App, web: httpx.AsyncClient
) -> None:
    siaga.clock = lambda: OFFICE
    limit = siaga.program.handover.max_held
    await make(siaga, "dinas", Role.ADMIN)
    for i in range(limit + 2):
        await ask(siaga, f"warga-{i}", f"Pertanyaan nomor {i} untuk petugas")
    await signed_in(siaga, web, "dinas")
    for i in range(1, limit + 1):
        held = await post(web, f"/konsol/tiket/{i}/pegang")
        assert "pegang" in await note_after(web, held)
    refused = await post(web, f"/konsol/tiket/{limit + 1}/pegang")
    assert f"sudah memegang {limit} pertanyaan" in await note_after(web, refused)
    chat = Person(siaga, "dinas")
    await chat.tap(f"n|treply:{limit + 2}")  # the chat's Balas keeps the same limit
    assert f"sudah memegang {limit} pertanyaan" in chat.text
    async with siaga.store() as store:
        held_rows = (await store.conn.execute(
            select(t.tickets.c.id).where(t.tickets.c.status == "held")
        )).scalars().all()  # fmt: skip
    assert sorted(held_rows) == list(range(1, limit + 1))
    closed = await post(web, "/konsol/tiket/1/tutup")  # one closed: room for another
    assert "ditutup" in await note_after(web, closed)
    await chat.tap(f"n|treply:{limit + 2}")
    assert "Tulis jawaban" in chat.text


async def test_a_lapsed_hold_is_handed_back_as_in_the_chat(
    siaga: App, web: httpx.AsyncClient
) -> None:
    now = [OFFICE]
    siaga.clock = lambda: now[0]
    await make(siaga, "dinas", Role.ADMIN)
    await ask(siaga, "warga-lama", "Apakah ada biaya pendaftaran?")
    now[0] = OFFICE + timedelta(hours=2)  # the question waited two hours before it is held
    await signed_in(siaga, web, "dinas")
    await post(web, "/konsol/tiket/1/pegang")
    now[0] += timedelta(minutes=5)  # held five minutes ago: not quiet yet (the hold counts)
    await siaga.scheduler().tick(now[0])
    assert "sedang dijawab" in (await web.get("/konsol/tiket/1")).text
    now[0] += timedelta(minutes=30)  # now quiet for 35 minutes: handed back
    assert "tickets" in await siaga.scheduler().tick(now[0])
    await signed_in(siaga, web, "dinas")  # the session idled out meanwhile
    assert "kembali ke antrean" in (await inbox(siaga, "warga-lama"))[-1]
    sent = await post(web, "/konsol/tiket/1/jawab", teks="Tidak ada biaya, Bu.")
    assert "tidak lagi Bapak/Ibu pegang" in await note_after(web, sent)
    assert not any("Tidak ada biaya" in x for x in await inbox(siaga, "warga-lama"))
    assert "menunggu" in (await web.get("/konsol/tiket/1")).text


async def test_an_answer_too_long_is_named_and_kept_on_the_page(
    siaga: App, web: httpx.AsyncClient
) -> None:
    siaga.clock = lambda: OFFICE
    await make(siaga, "dinas", Role.ADMIN)
    await ask(siaga, "warga-panjang", "Bagaimana cara mendaftar?")
    await signed_in(siaga, web, "dinas")
    await post(web, "/konsol/tiket/1/pegang")
    long = "Datang ke kelurahan. " * 60  # 1,260 characters: past the chat's 1,000
    r = await post(web, "/konsol/tiket/1/jawab", teks=long)
    assert r.status_code == 422
    assert "Jawaban: paling panjang 1.000 huruf." in r.text
    assert "Datang ke kelurahan. Datang ke kelurahan." in r.text  # the words kept
    assert not any("Datang ke kelurahan" in x for x in await inbox(siaga, "warga-panjang"))


def test_the_time_waited_counts_office_hours_only_and_skips_days_off() -> None:
    from datetime import date, time, timezone

    from domain.handover import DEFAULT
    from domain.workdays import Calendar

    wib = timezone(timedelta(hours=7))
    desk = replace(DEFAULT, calendar=Calendar(frozenset({date(2027, 3, 10), date(2027, 3, 11)})))
    tue_14 = datetime(2027, 3, 9, 14, 0, tzinfo=wib)  # Tuesday before Idulfitri 1448 H
    assert desk.office_time(tue_14, tue_14 + timedelta(minutes=30)) == timedelta(minutes=30)
    # 14.00–15.00 Tuesday; Wednesday and Thursday off; Friday 08–15 (DEFAULT: every weekday)
    friday_noon = datetime(2027, 3, 12, 12, 0, tzinfo=wib)
    assert desk.office_time(tue_14, friday_noon) == timedelta(hours=5)
    night = datetime.combine(date(2027, 3, 8), time(20), wib)  # Monday 20.00: after hours
    assert desk.office_time(night, night + timedelta(hours=11)) == timedelta(0)
    assert desk.office_time(friday_noon, tue_14) == timedelta(0)  # an end before the start


PNG = b"\x89PNG\r\n\x1a\n" + b"officer-photo-marker" * 40


async def upload(
    web: httpx.AsyncClient, tid: int, data: bytes, name: str = "formulir.png", caption: str = ""
) -> httpx.Response:
    page = await web.get("/konsol/tiket")
    return await web.post(f"/konsol/tiket/{tid}/berkas",
                          data={"csrf": csrf(page), "teks": caption},
                          files={"berkas": (name, data, "application/octet-stream")})  # fmt: skip


async def test_a_file_answers_from_the_browser_and_goes_with_the_ticket(
    siaga: App, web: httpx.AsyncClient
) -> None:
    siaga.clock = lambda: OFFICE
    await make(siaga, "lk", Role.LURAH, KELUN)
    await file(siaga, "warga-berkas")
    await ask(siaga, "warga-berkas", "Formulirnya seperti apa ya?")
    await signed_in(siaga, web, "lk")
    await post(web, "/konsol/tiket/1/pegang")
    for data, said in ((b"", "Pilih berkas dulu"), (b"MZ\x90\x00 not a photo", "bukan foto"),
                       (b"%PDF-" + b"x" * (5 * 1024 * 1024), "lebih besar dari 5 MB")):  # fmt: skip
        assert said in await note_after(web, await upload(web, 1, data))
    huge = await upload(web, 1, b"%PDF-" + b"x" * (6 * 1024 * 1024))
    assert huge.status_code == 413  # refused before a byte is read past the cap
    sent = await upload(web, 1, PNG, caption="Ini contoh formulirnya, Bu.")
    assert "Terkirim ke warga (tiket #1)" in await note_after(web, sent)
    told = (await inbox(siaga, "warga-berkas"))[-1]
    assert told.startswith("Petugas Kelurahan Kelun: Ini contoh formulirnya, Bu.")
    assert "[foto] Ini contoh formulirnya" in (await web.get("/konsol/tiket/1")).text
    async with siaga.store() as store:
        kept = (await store.conn.execute(select(t.desk_files.c.data))).scalars().all()
    assert kept == [PNG]  # the one file sent; the refused ones were never kept
    await post(web, "/konsol/tiket/1/tutup")
    async with siaga.store() as store:  # closing forgets the ticket's files, bytes and all
        assert (await store.conn.execute(select(t.desk_files))).all() == []
