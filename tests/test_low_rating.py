"""A low rating reaches someone (issue 30 item 3): a 1 or a 2, pressed or said in words in
Indonesian, Javanese or English, tells the Dinas at once with the question and the answer
given, their long numbers masked; a good mark, a sentence that only contains a rating word,
or the same low mark pressed twice tells nobody (again)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.app import App
from bot.db import schema as t
from domain.ratings import read_rating
from handlers.core.records import Role
from tests.harness import Person
from tests.helpers import nik_for
from tests.test_handover import citizen_of_kelun, inbox
from tests.test_review import KELUN, make

PHONE = "081234567890"


async def answered_and_closed(siaga: App, ext: str, question: str) -> Person:
    """A resident of Kelun asks, the lurah answers (with a phone number) and closes."""
    lurah = Person(siaga, "lurah-kelun")
    warga = await citizen_of_kelun(siaga, ext)
    await warga.say("tanya petugas")
    await warga.say(question)
    await lurah.say("/tiket")
    await lurah.press(next(b for s in lurah.last for b in s.buttons if b.startswith("✍")))
    await lurah.say(f"Silakan telepon kantor di {PHONE} hari kerja.")
    await lurah.say("tutup")
    assert "Seberapa membantu" in (await inbox(siaga, ext))[-1]
    return warga


@pytest.fixture
async def desk(siaga: App) -> App:
    await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    await make(siaga, "dinas", Role.ADMIN)
    lurah = Person(siaga, "lurah-kelun")
    await lurah.say("/menu")
    return siaga


async def alerts(siaga: App) -> list[str]:
    return [m for m in await inbox(siaga, "dinas") if "Penilaian rendah" in m]


async def test_a_rating_of_1_reaches_the_dinas_with_the_question_and_the_answer(
    desk: App,
) -> None:
    nik = nik_for(40, serial=7)
    warga = await answered_and_closed(desk, "warga-1", f"NIK saya {nik} kok belum masuk?")
    await warga.say("1")  # the rating's button, from the message just received
    assert "Terima kasih atas penilaiannya" in warga.text
    [alert] = await alerts(desk)
    assert "nilai 1 dari 5" in alert and "tiket #1" in alert and "Kelun" in alert
    assert "Petugas Kelurahan Kelun" in alert  # who answered
    assert "kok belum masuk" in alert and "Silakan telepon kantor" in alert
    # the numbers masked, as the ticket keeps them sealed at rest
    assert nik not in alert and PHONE not in alert and "••••" in alert
    async with desk.store() as store:
        rows = (await store.conn.execute(select(t.outbox.c.payload))).all()
        audit = (await store.conn.execute(select(t.audit_log.c.action))).scalars().all()
    assert not any(nik in str(r.payload) or PHONE in str(r.payload) for r in rows)
    assert "ticket.low_rating" in audit

    await warga.tap("n|trate:1:1")  # the same low mark pressed again: nobody told twice
    assert len(await alerts(desk)) == 1


@pytest.mark.parametrize("words", ["gak membantu", "ora mbantu blas", "not helpful",
                                   "kurang jelas pak", "mboten mbiyantu", "nilai 2"])  # fmt: skip
async def test_a_low_mark_in_words_reaches_the_dinas(desk: App, words: str) -> None:
    warga = await answered_and_closed(desk, "warga-2", "Syaratnya apa saja untuk daftar?")
    await warga.say(words)
    assert "penilaian" in warga.text.lower() or "rating" in warga.text.lower()
    [alert] = await alerts(desk)
    assert "Syaratnya apa saja" in alert
    async with desk.store() as store:
        rating = (await store.conn.execute(select(t.tickets.c.rating))).scalar_one()
    assert rating in (1, 2)


@pytest.mark.parametrize("said", ["5", "3", "bagus", "sae sanget", "membantu banget"])
async def test_a_good_or_middling_mark_tells_nobody(desk: App, said: str) -> None:
    warga = await answered_and_closed(desk, "warga-3", "Kapan kuota dibuka lagi?")
    await warga.say(said)
    assert "penilaian" in warga.text.lower()
    assert await alerts(desk) == []


async def test_a_sentence_with_a_rating_word_is_not_a_rating(desk: App) -> None:
    warga = await answered_and_closed(desk, "warga-4", "Berapa iuran per bulan?")
    await warga.say("kurang tahu syaratnya apa saja?")
    assert await alerts(desk) == []
    async with desk.store() as store:
        rating = (await store.conn.execute(select(t.tickets.c.rating))).scalar_one()
    assert rating is None


# --- the words, as a table ---------------------------------------------------------------------

LOW_WORDS = [
    ("tidak membantu", 1), ("gak membantu", 1), ("ga membantu sama sekali", 1),
    ("kurang membantu", 2), ("kurang jelas", 2), ("tidak jelas", 2), ("jelek", 1),
    ("jelekk", 1), ("mengecewakn", 1), ("kecewa", 2), ("masih bingung", 2),
    ("elek", 1), ("ora mbantu", 1), ("ora apik", 2), ("mboten mbiyantu", 1), ("boten sae", 2),
    ("kirang sae", 2), ("awon", 1), ("bad", 1), ("not helpful", 1), ("not useful", 1),
    ("poor", 2), ("terrible", 1), ("bintang 1", 1), ("nilai 2 aja", 2), ("2 dari 5", 2),
    ("1/5", 1), ("kasih 1", 1),
]  # fmt: skip
OTHER_WORDS = [
    ("bagus", 4), ("bagus sekali", 5), ("membantu banget", 5), ("sae", 4), ("apik tenan", 5),
    ("very helpful", 5), ("lumayan", 3), ("biasa saja", 3), ("2", None), ("1", None),
    ("terima kasih", None), ("kurang tahu", None), ("kurang jelas?", None),
    ("saya kurang paham syaratnya", None), ("nik saya 3577014708850001", None),
    ("ya", None), ("nilai 7", None),
]  # fmt: skip


@pytest.mark.parametrize(("said", "rating"), LOW_WORDS + OTHER_WORDS)
def test_ratings_said_in_words(said: str, rating: int | None) -> None:
    assert read_rating(said) == rating
