"""Floods (issue 30 item 5): one account asks at most the program's number of new questions
a day ("Tanya petugas"), as for reports; beyond it the resident gets the office's phone
number and no ticket is opened. Counted by the account: erasing one's data does not reset
it; a day later it is open again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from bot.app import App
from bot.db import schema as t
from handlers.core.records import Role
from tests.harness import Person
from tests.test_review import make

# Wednesday 2026-12-02 10:00 WIB: inside office hours.
OFFICE = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)


async def tickets(siaga: App) -> int:
    async with siaga.store() as store:
        return int(
            (await store.conn.execute(select(func.count()).select_from(t.tickets))).scalar_one()
        )


async def test_a_day_s_questions_are_capped_and_then_the_office_phone_is_given(
    siaga: App,
) -> None:
    now = [OFFICE]
    siaga.clock = lambda: now[0]
    limit = siaga.program.handover.questions_per_day
    await make(siaga, "dinas", Role.ADMIN)
    dinas = Person(siaga, "dinas")
    warga = Person(siaga, "warga-banjir")
    for i in range(1, limit + 1):
        await warga.say("tanya petugas")
        await warga.say(f"Pertanyaan ke-{i}: kapan kuota dibuka lagi?")
        assert f"tiket #{i}" in warga.text
        await dinas.tap(f"n|tclose:{i}")  # answered and closed: the next may be asked
        now[0] += timedelta(minutes=10)
    await warga.say("tanya petugas")
    assert "hubungi langsung Disnaker KUKM Kota Madiun" in warga.text
    assert "(0351) 454288" in warga.text
    assert "tulis pertanyaan" not in warga.text.lower()  # not asked to type it for nothing
    await warga.say("/petugas")
    assert "(0351) 454288" in warga.text
    assert await tickets(siaga) == limit

    await warga.say("/hapus")  # erasing one's data does not reset the day's count
    await warga.say("ya")
    await warga.say("tanya petugas")
    assert "(0351) 454288" in warga.text
    assert await tickets(siaga) == 0  # the erasure took the questions with it

    now[0] = OFFICE + timedelta(days=1, minutes=1)  # a day after the first: open again
    await warga.say("tanya petugas")
    await warga.say("Sekarang boleh bertanya lagi?")
    assert "tiket #" in warga.text and await tickets(siaga) == 1


async def test_an_officer_is_not_capped(siaga: App) -> None:
    siaga.clock = lambda: OFFICE
    await make(siaga, "dinas", Role.ADMIN)
    await make(siaga, "lk", Role.LURAH, "35.77.01.1009")
    lurah = Person(siaga, "lk")
    dinas = Person(siaga, "dinas")
    for i in range(1, siaga.program.handover.questions_per_day + 2):
        await lurah.say("tanya petugas")
        await lurah.say(f"Pertanyaan lurah ke-{i} untuk Dinas")
        assert f"tiket #{i}" in lurah.text, lurah.text
        await dinas.tap(f"n|tclose:{i}")
