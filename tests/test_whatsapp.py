"""WhatsApp end to end: signed webhooks into the real app, replies through our real client to a
fake Graph API server that checks every request the way Meta does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select, update

from bot.db import schema as t
from bot.delivery.sender import RateLimit
from handlers.core.messages import Reply, UserRef
from handlers.nominations import review
from handlers.officers import admin as admin_use
from tests.fake_whatsapp import (
    VERIFY_TOKEN,
    sign,
    text_message,
)  # fmt: skip
from tests.helpers import nik_for, reference_in
from tests.whatsapp_harness import USER, Wa

PAYLOADS = Path(__file__).parent / "whatsapp_payloads"


async def test_the_handshake_echoes_the_challenge_only_for_the_right_token(wa: Wa) -> None:
    ok = await wa.http.get(
        "/whatsapp/webhook",
        params={
            "hub.mode": "subscribe",
            "hub.verify_token": VERIFY_TOKEN,
            "hub.challenge": "1158201444",
        },
    )
    assert ok.status_code == 200 and ok.text == "1158201444"
    for params in ({"hub.mode": "subscribe", "hub.verify_token": "wrong", "hub.challenge": "1"},
                   {"hub.mode": "unsubscribe", "hub.verify_token": VERIFY_TOKEN},
                   {}):  # fmt: skip
        assert (await wa.http.get("/whatsapp/webhook", params=params)).status_code == 403


async def test_signatures_are_checked_before_anything_is_parsed(wa: Wa) -> None:
    payload = json.loads((PAYLOADS / "text.json").read_text())
    assert await wa.post(payload, signature=None) == 401
    assert await wa.post(payload, signature="sha256=" + "0" * 64) == 403
    assert await wa.post(payload, signature=sign(b"other body")) == 403
    assert wa.graph.sent == []  # nothing was processed
    junk = b"{not json"
    r = await wa.http.post("/whatsapp/webhook", content=junk,
                           headers={"X-Hub-Signature-256": sign(junk)})  # fmt: skip
    assert r.status_code == 400
    assert await wa.post(payload) == 200 and len(wa.graph.sent) == 1
    assert await wa.post(payload) == 200 and len(wa.graph.sent) == 1  # replayed id: nothing new


@pytest.mark.parametrize("kind", ["image", "sticker", "audio", "location", "reaction"])
async def test_media_gets_a_polite_reply(wa: Wa, kind: str) -> None:
    assert await wa.post(json.loads((PAYLOADS / f"{kind}.json").read_text())) == 200
    expected = {"image": "belum bisa mendengar atau membaca foto", "sticker": "Stikernya sudah",
                "audio": "belum bisa mendengar atau membaca pesan suara",
                "location": "Lokasi tidak diperlukan", "reaction": "tidak bisa dibaca"}  # fmt: skip
    assert expected[kind] in wa.last().text


async def test_recorded_interactive_and_contact_payloads_are_understood(wa: Wa) -> None:
    assert await wa.post(json.loads((PAYLOADS / "text.json").read_text())) == 200
    menu = wa.last()
    assert menu.body["interactive"]["type"] == "list"  # five choices: a list, not buttons
    assert any(cid.endswith("|check") for _, cid in menu.choices)
    payload = json.loads((PAYLOADS / "button_reply.json").read_text())
    payload["entry"][0]["changes"][0]["value"]["messages"][0]["id"] = "wamid.second"
    assert await wa.post(payload) == 200
    assert "Pemberitahuan Privasi" in wa.last().text  # the recorded id "0|check" was current
    for name in ("list_reply", "contacts"):  # stale or out-of-place: told, nothing breaks
        p = json.loads((PAYLOADS / f"{name}.json").read_text())
        p["entry"][0]["changes"][0]["value"]["messages"][0]["id"] = f"wamid.{name}"
        assert await wa.post(p) == 200
    assert wa.graph.violations == []


async def test_a_whole_conversation_with_buttons_lists_and_a_throttled_send(wa: Wa) -> None:
    assert "Cek & daftar" in [
        c for c, _ in (await wa.post(text_message(USER, "halo")), wa.last())[1].choices
    ]
    assert "Pemberitahuan Privasi" in await wa.press("Cek & daftar")
    assert wa.last().body["interactive"]["type"] == "button"  # ≤ 3 choices: reply buttons
    assert "nama lengkap" in await wa.press("Setuju")
    assert "NIK" in await wa.say("Sri Rahayu")
    assert "apakah NIK ini benar" in await wa.say(nik_for(42, female=True))
    assert "umurnya 42 tahun" in await wa.press("Benar")
    assert "kecamatan" in await wa.press("Benar")
    assert [c for c, _ in wa.last().choices] == ["Manguharjo", "Taman", "Kartoharjo"] or len(
        wa.last().choices
    ) == 3
    wa.graph.errors.append((429, 130429))  # Meta throttles once: the reply still arrives
    assert "Kecamatan Kartoharjo" in await wa.press("Kartoharjo")
    assert wa.last().body["interactive"]["type"] == "list"  # the kelurahan of Kartoharjo
    assert "pekerjaan" in await wa.press("Kelun")
    assert "BPJS" in await wa.press("pedagang / PKL")
    assert "DTKS" in await wa.press("Belum/tidak")
    assert "anak usia sekolah" in await wa.press("Ya")
    assert "Nomor HP" in await wa.press("Ya")
    assert all("contact" not in json.dumps(m.body) for m in wa.graph.sent)  # no such key here
    summary = await wa.say("0812 3456 7890")
    assert "Ringkasan" in summary
    assert "PERLU DIPERIKSA" in await wa.press("✅ Benar, lanjut") or "MEMENUHI" in wa.last().text
    filed = await wa.press("📨 Ajukan usulan")
    assert reference_in(filed).startswith("PJK-") and "pengingat" in filed
    assert "akan menerima pengingat" in await wa.press("Ya, mau")  # a recorded yes
    assert wa.graph.violations == []
    assert all(m.body.get("recipient") == USER and "to" not in m.body for m in wa.graph.sent)


async def test_a_lurah_approves_from_whatsapp(wa: Wa) -> None:
    lurah = "ID.5550001"
    async with wa.siaga.store() as store:
        ctx = wa.siaga.context(store)
        invite = await admin_use.create_invite(ctx, None, "Kelun")
        await store.set_quota(review.period_of(ctx), 628, ctx.now)
        await store.commit()
    code = wa.siaga.catalogue.render(invite.parts[0], "id").split(": ")[1].split()[0]
    assert "Selamat bergabung" in await wa.say(f"/lurah {code}", lurah)
    from tests.test_review import file

    ref = await file(wa.siaga, "warga-wa", "kelun")
    card = await wa.say("/antrian", lurah)
    assert ref in card
    assert wa.last(lurah).body["interactive"]["type"] == "button"  # three reply buttons
    assert "Setujui usulan" in await wa.press("✅ Setujui", lurah)
    assert "disetujui oleh" in await wa.press("✅ Ya, setujui", lurah)
    async with wa.siaga.store() as store:
        n = await store.nomination_by_ref(ref)
    assert n is not None and n.status.value == "approved"
    assert wa.graph.violations == []


async def test_statuses_update_the_outbox_and_131047_switches_a_broadcast_to_the_template(
    wa: Wa,
) -> None:
    async with wa.siaga.store() as store:
        person = await store.person(UserRef("whatsapp", USER), "", wa.siaga.context(store).now)
        await store.enqueue(person, [Reply.of("help")], wa.siaga.context(store).now, "broadcast")
        await store.conn.execute(update(t.outbox).values(provider_message_id="wamid.OUTBOX1",
                                                         status="sent"))  # fmt: skip
        await store.commit()
    assert await wa.post(json.loads((PAYLOADS / "status_delivered.json").read_text())) == 200
    assert await wa.post(json.loads((PAYLOADS / "status_failed_131047.json").read_text())) == 200
    async with wa.siaga.store() as store:
        row = (await store.conn.execute(select(t.outbox))).one()
    assert (row.delivery, row.status, row.template) == ("failed", "pending", True)
    await wa.siaga.sender({"whatsapp": wa.channel}, RateLimit(per_second=50)).send_once()
    sent = wa.last()
    assert sent.body["type"] == "template" and sent.body["template"]["name"] == "siaga_siaran"
    assert "/bantuan" in sent.text or "Bantuan" in sent.text or sent.text


async def test_outside_the_window_broadcasts_use_the_template_within_a_daily_budget(
    wa: Wa,
) -> None:
    wa.siaga.budgets["whatsapp"].daily = 2
    async with wa.siaga.store() as store:
        now = wa.siaga.context(store).now
        for i in range(4):
            p = await store.person(UserRef("whatsapp", f"ID.77{i}"), "", now)
            await store.enqueue(p, [Reply.of("help")], now, "broadcast")
        await store.conn.execute(update(t.people).values(last_inbound_at=None))
        await store.commit()
    await wa.siaga.sender({"whatsapp": wa.channel}, RateLimit(per_second=50)).send_once()
    assert [m.body["type"] for m in wa.graph.sent] == ["template", "template"]
    async with wa.siaga.store() as store:
        rows = list(await store.conn.execute(select(t.outbox.c.status, t.outbox.c.last_error)))
    assert sorted(r.status for r in rows) == ["pending", "pending", "sent", "sent"]
    assert {r.last_error for r in rows if r.status == "pending"} == {"tier-budget"}
    async with wa.siaga.store() as store:
        await store.conn.execute(update(t.outbox).values(broadcast_id=1))
        from bot.db.schema import broadcasts as b

        await store.conn.execute(b.insert().values(
            id=1, kind="admin", created_at=wa.siaga.context(store).now, audience="opted_in",
            body="x", status="sending", total=4))  # fmt: skip
        await store.commit()
        info = (await store.broadcasts())[0]
    from bot.channels.render import reply_text
    from handlers.broadcasts import broadcast

    text = reply_text(wa.siaga.catalogue, broadcast.progress(info, 70, daily_budget=2), "id")
    assert "2 pesan menunggu" in text and "2 orang baru per hari" in text and "1 hari" in text


async def test_a_huge_or_deeply_nested_webhook_is_refused_without_reading_it_all(wa: Wa) -> None:
    """Issue "Trust defects" items 6 and 7: an unsigned 300 MB POST is not held in memory."""
    pulled = [0]

    async def endless():  # type: ignore[no-untyped-def]
        for _ in range(5000):  # 320 MB if it were all read
            pulled[0] += 65536
            yield b" " * 65536

    headers = {"X-Hub-Signature-256": "sha256=" + "0" * 64}
    r = await wa.http.post("/whatsapp/webhook", content=endless(), headers=headers)
    assert r.status_code == 413 and pulled[0] < 3_000_000
    deep = b'{"entry": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    headers = {"X-Hub-Signature-256": sign(deep), "Content-Type": "application/json"}
    r = await wa.http.post("/whatsapp/webhook", content=deep, headers=headers)
    assert r.status_code == 400


async def test_a_long_text_goes_whole_in_several_messages(wa: Wa) -> None:
    """Nothing is cut off the end of a long reply (the Cloud API takes 4096 per message)."""
    from bot.channels.port import Delivery
    from handlers.core.messages import Msg, Outgoing, Raw

    long = Reply((Msg("lines-join", {"first": Raw("Kalimat panjang. " * 700),
                                     "rest": Raw("akhir")}),))  # fmt: skip
    wa.graph.last_inbound[USER] = wa.graph.clock()  # they wrote a moment ago: free-form goes
    assert await wa.siaga.dispatcher.send(wa.channel, USER, Outgoing("id", [long])) == Delivery.SENT
    pieces = wa.graph.to(USER)
    assert len(pieces) == 3 and wa.graph.violations == []
    joined = " ".join(p.text for p in pieces)
    assert joined.count("Kalimat panjang.") == 700 and joined.endswith("akhir")


async def test_on_whatsapp_people_type_instead_of_pressing(wa: Wa) -> None:
    """Issue "People who type": the same understanding on WhatsApp as on the console."""
    assert "Pemberitahuan Privasi" in await wa.say("mau daftar dong")
    assert "nama lengkap" in await wa.say("nggih")  # a yes-word presses "Setuju"
    assert "bukan nama" in await wa.say("inggih")  # and is never taken as a name
    assert "Rp16.800" in await wa.say("berapa iurannya?")  # the FAQ, then the question again
    assert "nama lengkap" in wa.last().text
    assert "NIK" in await wa.say("nama saya Sri Rahayu")
