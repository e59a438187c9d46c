"""Issue 30's story for the questions page: a resident asks on WhatsApp (the fake Graph API,
our real webhook and client), the Dinas holds and answers it on the web console, the answer
reaches the resident on WhatsApp as an officer's chat answer would, the Dinas closes it and
the resident rates it with WhatsApp's own list."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from bot.db import schema as t
from bot.delivery.sender import RateLimit
from handlers.core.records import Role
from tests.test_console import csrf, press
from tests.test_console import link_for as chat_link
from tests.test_review import make
from tests.whatsapp_harness import USER, Wa

# Wednesday 2026-12-02 10:00 WIB: inside office hours (Mon–Thu 08–15, Fri 08–11).
OFFICE = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)


async def test_a_question_asked_on_whatsapp_is_answered_from_the_console_and_rated(
    wa: Wa,
) -> None:
    siaga = wa.siaga
    siaga.clock = lambda: OFFICE
    sender = siaga.sender({"whatsapp": wa.channel},
                          RateLimit(per_second=50, per_chat_interval=0.0))  # fmt: skip

    async def deliver() -> None:
        while await sender.send_once():
            pass

    await make(siaga, "dinas", Role.ADMIN)
    await wa.say("halo")
    await wa.say("tanya petugas")
    assert "tiket #1" in await wa.say("Suami saya stroke, apakah istri bisa menggantikan?")

    web = wa.http  # the same app serves the webhook and the console
    signed = await press(web, await chat_link(siaga, "dinas"))
    assert signed.status_code == 303
    listed = await web.get("/konsol/tiket")
    assert "Suami saya stroke" in listed.text and "belum ada usulan" in listed.text
    token = csrf(listed)
    held = await web.post("/konsol/tiket/1/pegang", data={"csrf": token})
    assert held.status_code == 303
    await deliver()
    assert "Petugas Disnaker KUKM Kota Madiun sekarang menjawab" in wa.last().text

    sent = await web.post("/konsol/tiket/1/jawab", data={
        "csrf": token, "teks": "Bisa, Bu. Bawa surat keterangan dokter ke kelurahan.",
    })  # fmt: skip
    assert sent.status_code == 303
    await deliver()
    assert wa.last().text.startswith(
        "Petugas Disnaker KUKM Kota Madiun: Bisa, Bu. Bawa surat keterangan dokter ke kelurahan."
    )  # as from the chat: the officer's role, never their own account
    pdf = b"%PDF-1.4\n" + b"formulir-tahap-1" * 64  # a file from the browser, to WhatsApp
    page = await web.get("/konsol/tiket/1")
    filed = await web.post("/konsol/tiket/1/berkas", data={"csrf": csrf(page), "teks": ""},
                           files={"berkas": ("formulir.pdf", pdf, "application/pdf")})  # fmt: skip
    assert filed.status_code == 303
    await deliver()
    words, document = wa.graph.to(USER)[-2:]
    assert words.text.startswith("Petugas Disnaker KUKM Kota Madiun: berkas")
    assert document.body["type"] == "document"
    assert wa.graph.uploaded[document.media_id][0] == pdf  # uploaded to Meta from our bytes
    # the resident's reply goes to the officer while the bot stays silent, as in the chat
    before = len(wa.graph.to(USER))
    await wa.say("Baik, terima kasih Pak")
    assert len(wa.graph.to(USER)) == before
    page = await web.get("/konsol/tiket/1")
    assert "Baik, terima kasih Pak" in page.text

    closed = await web.post("/konsol/tiket/1/tutup", data={"csrf": token})
    assert closed.status_code == 303
    await deliver()
    assert "Seberapa membantu" in wa.last().text
    assert "Terima kasih atas penilaiannya" in await wa.press("5")
    async with siaga.store() as store:
        ticket = (await store.conn.execute(select(t.tickets))).one()
    assert (ticket.status, ticket.rating) == ("closed", 5)
    assert wa.graph.violations == []
