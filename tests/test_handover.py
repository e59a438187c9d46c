"""Tanya petugas (issue 17, text first): a citizen's question reaches the kelurahan's officer,
the answer comes back in the officer's role, the bot stays silent in between, one officer
holds a ticket, and the citizen rates the answer."""

from __future__ import annotations

from sqlalchemy import select

from bot.app import App
from bot.channels.render import reply_text
from bot.db import outbox
from bot.db import schema as t
from handlers.core.messages import Reply
from handlers.core.records import Role
from tests.harness import Person
from tests.helpers import nik_for
from tests.test_review import KELUN, make


async def inbox(siaga: App, ext: str) -> list[str]:
    """What others sent this console person (the outbox), oldest first."""
    async with siaga.store() as store:
        rows = await outbox.pending_for(store.conn, "console", ext)
    return [reply_text(siaga.catalogue, Reply.from_json(r), row.locale)
            for row in rows for r in row.payload]  # fmt: skip


async def citizen_of_kelun(siaga: App, ext: str) -> Person:
    p = Person(siaga, ext)
    for line in ["/menu", "cek", "setuju", "Sri Rahayu", nik_for(40), "benar", "benar", "Kelun"]:
        await p.say(line)
    assert "pekerjaan" in p.text  # at the occupation question, the kelurahan known
    return p


async def test_a_question_goes_to_the_lurah_and_the_answer_comes_back(siaga: App) -> None:
    await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    lurah = Person(siaga, "lurah-kelun")
    await lurah.say("/menu")
    warga = await citizen_of_kelun(siaga, "warga-tanya")

    await warga.say("mau tanya petugas")
    assert "pertanyaan" in warga.text.lower()
    await warga.say("Suami saya sakit, bisa diwakili?")
    assert "tiket #1" in warga.text and "pekerjaan" in warga.text  # back where they were
    card = (await inbox(siaga, "lurah-kelun"))[-1]
    assert "tiket #1" in card and "Suami saya sakit" in card and "Kelun" in card

    await lurah.say("1")  # "Balas" on the card just received
    assert "Tulis jawaban" in lurah.text
    await lurah.say("Bisa, bawa surat kuasa ke kelurahan.")
    assert "Terkirim" in lurah.text
    answer = (await inbox(siaga, "warga-tanya"))[-1]
    assert answer.startswith("Petugas Kelurahan Kelun: Bisa, bawa surat kuasa")

    said = await warga.say("Terima kasih pak, besok saya ke sana")
    assert said == []  # the bot is silent: the officer answers
    assert "besok saya ke sana" in (await inbox(siaga, "lurah-kelun"))[-1]

    await lurah.say("tutup")
    assert "ditutup" in lurah.text
    assert "Seberapa membantu" in (await inbox(siaga, "warga-tanya"))[-1]
    await warga.say("5")  # the rating's button, from the message just received
    assert "Terima kasih atas penilaiannya" in warga.text
    async with siaga.store() as store:
        ticket = (await store.conn.execute(select(t.tickets))).one()
    assert (ticket.status, ticket.rating, len(ticket.messages)) == ("closed", 5, 3)
    await warga.say("ojol")  # and the check goes on where it stopped
    assert "BPJS" in warga.text


async def test_one_officer_holds_a_ticket_and_another_kelurahan_cannot(siaga: App) -> None:
    await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    await make(siaga, "dinas", Role.ADMIN)
    await make(siaga, "lurah-taman", Role.LURAH, "35.77.03.1009")
    warga = await citizen_of_kelun(siaga, "warga-2")
    await warga.say("tanya petugas")
    await warga.say("Kapan kuota tahun depan dibuka?")
    first, second, stranger = (Person(siaga, x) for x in ("lurah-kelun", "dinas", "lurah-taman"))
    await first.tap("n|treply:1")
    assert "Tulis jawaban" in first.text
    await second.tap("n|treply:1")
    assert "sudah dijawab petugas lain" in second.text
    await stranger.tap("n|treply:1")
    assert "bukan untuk kelurahan" in stranger.text


async def test_with_no_reviewer_the_dinas_gets_the_question(siaga: App) -> None:
    await make(siaga, "dinas", Role.ADMIN)
    warga = Person(siaga, "warga-3")  # no kelurahan known at all
    await warga.say("halo")
    await warga.say("mau tanya petugas")
    await warga.say("Anak saya dapat beasiswa dari mana?")
    assert "tiket #1" in warga.text
    assert "tiket #1" in (await inbox(siaga, "dinas"))[-1]
    nobody = Person(siaga, "warga-4")
    await nobody.say("/petugas")
    await nobody.say("Apakah ada petugas?")
    assert "tiket #2" in nobody.text


async def test_erasure_takes_the_questions_with_it(siaga: App) -> None:
    await make(siaga, "dinas", Role.ADMIN)
    warga = Person(siaga, "warga-hapus")
    await warga.say("tanya petugas")
    await warga.say("Data saya dipakai untuk apa saja?")
    await warga.say("/hapus")
    await warga.say("ya")
    async with siaga.store() as store:
        assert (await store.conn.execute(select(t.tickets))).all() == []


async def test_a_voice_note_or_help_offers_an_officer(siaga: App) -> None:
    await make(siaga, "dinas", Role.ADMIN)
    warga = Person(siaga, "warga-suara")
    await warga.say("halo")
    said = await warga.media()  # a voice note Siaga cannot read
    assert "🙋 Tanya petugas" in said[-1].buttons
    await warga.press("🙋 Tanya petugas")
    assert "tulis pertanyaan" in warga.text.lower()
    await warga.say("/batal")
    await warga.say("/bantuan")
    assert "/petugas" in warga.text and "🙋 Tanya petugas" in warga.last[-1].buttons


async def test_officers_see_waiting_questions_and_the_dinas_the_figures(siaga: App) -> None:
    await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    await make(siaga, "dinas", Role.ADMIN)
    warga = await citizen_of_kelun(siaga, "warga-5")
    await warga.say("tanya petugas")
    await warga.say("Kalau pindah rumah ke Taman bagaimana?")
    lurah, dinas = Person(siaga, "lurah-kelun"), Person(siaga, "dinas")
    await lurah.say("/tiket")
    assert "#1 Kelun (menunggu)" in lurah.text and "pindah rumah" in lurah.text
    await lurah.press("✍ #1")
    await lurah.say("Tetap bisa, lapor ke kelurahan baru.")
    await lurah.say("tutup")
    await warga.say("4")
    await dinas.say("/statistik")
    assert "Tanya petugas: 0 menunggu, 0 sedang dijawab, 1 ditutup" in dinas.text
    assert "nilai rata-rata 4.0 dari 1 penilaian" in dinas.text
    citizen_asks = Person(siaga, "warga-6")
    await citizen_asks.say("/tiket")
    assert "hanya untuk lurah/petugas kelurahan" in citizen_asks.text
