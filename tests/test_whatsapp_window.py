"""WhatsApp's 24-hour customer-service window (issue 26 item 9), through a fake Graph API that
enforces it on the test's clock: whatever Siaga has for someone who has not written for a day
(an officer's answer, a lurah's decision, a reminder) waits, one approved utility template
tells them there is news, and the waiting messages come, in order, as soon as they write.
Nothing is lost and nothing is sent twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from bot.db import schema as t
from bot.delivery.sender import OutboxSender, RateLimit
from handlers.core.messages import Reply, UserRef
from handlers.core.records import Role
from tests.fake_whatsapp import WaSent, button_message, text_message
from tests.harness import Person
from tests.helpers import nik_for
from tests.test_review import KELUN, make, set_quota
from tests.whatsapp_harness import USER, Wa

# Wednesday 2026-12-02 10:00 WIB: inside office hours (Mon–Thu 08–15, Fri 08–11).
OFFICE = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)


def sender_of(wa: Wa) -> OutboxSender:
    return wa.siaga.sender({"whatsapp": wa.channel}, RateLimit(per_second=50,
                                                              per_chat_interval=0.0))  # fmt: skip


async def drain(sender: OutboxSender) -> None:
    while await sender.send_once():
        pass


def new(wa: Wa, before: int, user: str = USER) -> list[WaSent]:
    return wa.graph.to(user)[before:]


async def statuses(wa: Wa, external_id: str = USER) -> list[tuple[str, str]]:
    o = t.outbox
    async with wa.siaga.store() as store:
        rows = await store.conn.execute(
            select(o.c.kind, o.c.status).where(o.c.external_id == external_id).order_by(o.c.id)
        )
        return [(r.kind, r.status) for r in rows]


async def test_an_officers_answer_a_day_later_comes_as_the_template_then_as_itself(
    wa: Wa,
) -> None:
    now = [OFFICE]
    wa.siaga.clock = lambda: now[0]
    await make(wa.siaga, "lurah-kelun", Role.LURAH, KELUN)
    for line in ["/menu", "cek", "setuju", "Sri Rahayu", nik_for(40), "benar", "benar", "Kelun"]:
        await wa.say(line)
    assert "pekerjaan" in wa.last().text
    await wa.say("tanya petugas")
    assert "tiket #1" in await wa.say("Bagaimana kalau saya pindah kerja?")

    now[0] = OFFICE + timedelta(hours=25)  # Thursday: the officer answers a day later
    lurah = Person(wa.siaga, "lurah-kelun")
    await lurah.tap("n|treply:1")  # "the officer now answers you" goes to the citizen …
    await lurah.say("Bisa, Bu. Bawa surat kuasa ke kelurahan.")  # … and so does the answer
    sender = sender_of(wa)
    before = len(wa.graph.to(USER))
    await drain(sender)
    got = new(wa, before)
    # one template for the whole wait, not one per waiting message; nothing free-form tried
    assert [m.template and m.template[:2] for m in got] == [("siaga_kabar", "id")]
    assert got[0].text == "pertanyaan ke petugas"  # {{1}}: what the news is about
    assert wa.graph.outside_window == [] and wa.graph.violations == []
    now[0] += timedelta(hours=3)
    await drain(sender)
    assert len(new(wa, before)) == 1  # still waiting, and told once

    now[0] += timedelta(hours=1)  # the citizen taps the template's button
    payload = got[0].template[2] if got[0].template else ""
    assert await wa.post(button_message(USER, payload, "Baca pesan")) == 200
    arrived = [m.text for m in new(wa, before + 1)]
    assert len(arrived) == 2, arrived
    assert "sekarang menjawab" in arrived[0]  # in the order they were written
    assert arrived[1].startswith("Petugas Kelurahan Kelun: Bisa, Bu.")
    await drain(sender)
    assert len(new(wa, before)) == 3  # nothing twice
    assert {s for _, s in await statuses(wa)} == {"sent"}

    # the conversation goes on: the citizen's words go to the officer, the bot stays silent
    assert await wa.post(text_message(USER, "Baik, terima kasih")) == 200
    assert len(new(wa, before)) == 3
    # the button pressed again, with nothing waiting: said plainly, not silence
    assert await wa.post(button_message(USER, payload, "Baca pesan")) == 200
    assert "Tidak ada pesan yang menunggu" in wa.last().text


async def test_a_lurahs_decision_a_week_later_waits_for_the_citizen_and_comes_first(
    wa: Wa,
) -> None:
    now = [OFFICE]
    wa.siaga.clock = lambda: now[0]
    await make(wa.siaga, "lurah-kelun", Role.LURAH, KELUN)
    await set_quota(wa.siaga, 628)
    for line in ["halo", "1", "setuju", "Warga Uji", nik_for(40), "1", "1", "kelun", "ojol",
                 "1", "ya", "ya", "lewati", "1", "1"]:  # fmt: skip
        await wa.say(line)
    assert any("PJK-" in m.text for m in wa.graph.to(USER)[-3:])

    now[0] = OFFICE + timedelta(days=7)
    lurah = Person(wa.siaga, "lurah-kelun")
    await lurah.say("/antrian")
    await lurah.press("✅ Setujui")
    await lurah.press("✅ Ya, setujui")
    assert "disetujui oleh" in lurah.text
    sender = sender_of(wa)
    before = len(wa.graph.to(USER))
    await drain(sender)
    got = new(wa, before)
    assert [m.template and m.template[:2] for m in got] == [("siaga_kabar", "id")]
    assert got[0].text == "usulan Pro JKK-JKM"
    assert not any("DISETUJUI" in m.text for m in wa.graph.to(USER))

    now[0] += timedelta(days=2)  # they write (not the button): the decision, then the reply
    await wa.say("halo")
    arrived = new(wa, before + 1)
    assert len(arrived) == 2 and "DISETUJUI" in arrived[0].text  # the decision, then the menu
    assert "DISETUJUI" not in arrived[1].text
    await drain(sender)
    assert len(new(wa, before + 1)) == 2
    assert wa.graph.outside_window == [] and wa.graph.violations == []
    kinds = await statuses(wa)
    assert {s for _, s in kinds} == {"sent"} and ("news", "sent") in kinds


async def test_each_language_has_its_template_and_the_daily_tier_counts_them(wa: Wa) -> None:
    wa.siaga.budgets["whatsapp"].daily = 2  # people a day reached outside the window
    now = datetime(2026, 12, 10, 3, 0, tzinfo=UTC)
    wa.siaga.clock = lambda: now
    people = {"ID.801": "en", "ID.802": "jv", "ID.803": "id"}
    async with wa.siaga.store() as store:
        for ext, locale in people.items():
            p = await store.person(UserRef("whatsapp", ext), "", now)
            p.locale = locale
            await store.save_person(p)
            # two messages each, written while they were away
            await store.enqueue(p, [Reply.of("citizen-approved", ref="PJK-2026-000001")], now)
            await store.enqueue(p, [Reply.of("citizen-coverage-ending", ref="PJK-2026-000001",
                                             end="31-12-2026")], now)  # fmt: skip
        await store.conn.execute(update(t.people).values(last_inbound_at=now - timedelta(days=3)))
        await store.commit()
    await drain(sender_of(wa))
    sent = {m.to: m for m in wa.graph.sent}
    assert len(wa.graph.sent) == 2 and set(sent) == {"ID.801", "ID.802"}  # the tier: 2 a day
    assert sent["ID.801"].template and sent["ID.801"].template[:2] == ("siaga_kabar", "en")
    assert sent["ID.801"].text == "a Pro JKK-JKM nomination"
    # Meta has no Javanese templates: the Indonesian one goes, its parameter in Indonesian
    assert sent["ID.802"].template and sent["ID.802"].template[:2] == ("siaga_kabar", "id")
    assert sent["ID.802"].text == "usulan Pro JKK-JKM"
    async with wa.siaga.store() as store:
        o = t.outbox
        waiting = await store.conn.execute(
            select(o.c.last_error).where(o.c.external_id == "ID.803", o.c.kind == "news")
        )
        assert [r.last_error for r in waiting] == ["tier-budget"]  # tomorrow, not lost
    assert wa.graph.outside_window == [] and wa.graph.violations == []


async def test_a_131047_sends_the_template_and_keeps_the_message(wa: Wa) -> None:
    """Siaga's record said the window was open; Meta said it was not: the template path."""
    now = datetime(2026, 12, 10, 3, 0, tzinfo=UTC)
    wa.siaga.clock = lambda: now
    wa.graph.last_inbound[USER] = now - timedelta(days=2)  # what Meta knows
    async with wa.siaga.store() as store:
        p = await store.person(UserRef("whatsapp", USER), "", now)  # stored: wrote just now
        await store.enqueue(p, [Reply.of("citizen-approved", ref="PJK-2026-000002")], now)
        await store.commit()
    sender = sender_of(wa)
    await drain(sender)
    assert len(wa.graph.outside_window) == 1  # tried once, refused
    assert [m.template and m.template[:2] for m in wa.graph.sent] == [("siaga_kabar", "id")]
    assert await wa.post(text_message(USER, "halo")) == 200
    texts = [m.text for m in wa.graph.sent[1:]]
    assert "DISETUJUI" in texts[0] and len(texts) == 2
    await drain(sender)
    assert len(wa.graph.sent) == 3


async def test_a_131047_in_a_status_webhook_holds_the_message_for_the_template(wa: Wa) -> None:
    """Meta may accept the text and report the refusal later, in a status webhook."""
    import json
    from pathlib import Path

    now = datetime(2026, 12, 10, 3, 0, tzinfo=UTC)
    wa.siaga.clock = lambda: now
    wa.graph.last_inbound[USER] = now  # the fake takes the text …
    async with wa.siaga.store() as store:
        p = await store.person(UserRef("whatsapp", USER), "", now)
        await store.enqueue(p, [Reply.of("citizen-approved", ref="PJK-2026-000003")], now)
        await store.commit()
    sender = sender_of(wa)
    await drain(sender)
    assert len(wa.graph.sent) == 1 and "DISETUJUI" in wa.graph.sent[0].text
    async with wa.siaga.store() as store:
        wamid = await store.conn.scalar(select(t.outbox.c.provider_message_id))
    payload = json.loads((Path(__file__).parent / "whatsapp_payloads" /
                          "status_failed_131047.json").read_text())  # fmt: skip
    payload["entry"][0]["changes"][0]["value"]["statuses"][0]["id"] = wamid
    assert await wa.post(payload) == 200  # … and reports later that it was refused
    await drain(sender)
    assert [m.template and m.template[:2] for m in wa.graph.sent[1:]] == [("siaga_kabar", "id")]
    assert await wa.post(text_message(USER, "halo")) == 200
    assert "DISETUJUI" in wa.graph.sent[2].text and len(wa.graph.sent) == 4
    await drain(sender)
    assert len(wa.graph.sent) == 4


async def test_a_late_131047_after_the_person_wrote_sends_the_message_again_at_once(
    wa: Wa,
) -> None:
    """Review of the issue-26 fixes, finding 7: the status report came after the person had
    written again (their window open): the message was held all the same, a news template
    spent on them, and it waited for yet another message of theirs."""
    import json
    from pathlib import Path

    now = [datetime(2026, 12, 10, 3, 0, tzinfo=UTC)]
    wa.siaga.clock = lambda: now[0]
    wa.graph.last_inbound[USER] = now[0]  # the fake takes the text …
    async with wa.siaga.store() as store:
        p = await store.person(UserRef("whatsapp", USER), "", now[0])
        await store.enqueue(p, [Reply.of("citizen-approved", ref="PJK-2026-000004")], now[0])
        await store.commit()
    sender = sender_of(wa)
    await drain(sender)
    assert len(wa.graph.sent) == 1 and "DISETUJUI" in wa.graph.sent[0].text
    now[0] += timedelta(minutes=10)
    assert await wa.post(text_message(USER, "halo")) == 200  # they write meanwhile
    came = len(wa.graph.sent)
    async with wa.siaga.store() as store:
        wamid = await store.conn.scalar(
            select(t.outbox.c.provider_message_id).where(t.outbox.c.kind == "notice")
        )
    payload = json.loads((Path(__file__).parent / "whatsapp_payloads" /
                          "status_failed_131047.json").read_text())  # fmt: skip
    payload["entry"][0]["changes"][0]["value"]["statuses"][0]["id"] = wamid
    now[0] += timedelta(minutes=1)
    assert await wa.post(payload) == 200  # … and only now reports the first send refused
    await drain(sender)
    again = wa.graph.sent[came:]
    assert [m.template for m in again] == [None], again  # the message itself, no template
    assert "DISETUJUI" in again[0].text
    assert ("news", "pending") not in await statuses(wa)


async def test_a_broadcast_in_pieces_whose_retry_falls_outside_the_window_sends_the_template(
    wa: Wa,
) -> None:
    """Review of the issue-26 fixes, finding 9: piece 1 of a long broadcast went free-form,
    piece 2 failed; the retry came after the window had closed and switched to the template,
    told to skip one piece: it took the template for that piece, sent nothing and recorded
    the row as sent."""
    from handlers.core.messages import Msg, Raw

    now = [OFFICE]
    wa.siaga.clock = lambda: now[0]
    wa.graph.last_inbound[USER] = OFFICE - timedelta(hours=23)  # the window: one hour left
    long = Reply((Msg("lines-join", {"first": Raw("Kalimat panjang. " * 400),
                                     "rest": Raw("akhir")}),))  # fmt: skip
    async with wa.siaga.store() as store:
        p = await store.person(UserRef("whatsapp", USER), "", OFFICE - timedelta(hours=23))
        await store.enqueue(p, [long], OFFICE, "broadcast")
        await store.commit()

    def fail_the_next(sent: WaSent) -> None:
        wa.graph.error_for[USER] = [(500, 1)]  # piece 2: the platform down for a moment
        wa.graph.on_send = None

    wa.graph.on_send = fail_the_next
    sender = sender_of(wa)
    await sender.send_once()
    assert len(wa.graph.to(USER)) == 1  # piece 1 only
    now[0] = OFFICE + timedelta(hours=2)  # the retry: the window has closed
    await drain(sender)
    went = wa.graph.to(USER)[1:]
    assert [m.body["type"] for m in went] == ["template"], went
    assert await statuses(wa) == [("broadcast", "sent")]
