"""A participant finds their own cover, never someone else's (issue 29 item 3): linked on
WhatsApp by the platform's own number (told once, may refuse), on Telegram by sharing their
own contact (someone else's is refused), or by the lurah (audited); a stranger typing a listed
NIK learns nothing; a death reported for a listed participant shows their cover to the Dinas."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bench.participants_list import HEADER
from bot.app import App, build
from bot.channels.telegram.factory import make_bot
from bot.config import Settings
from bot.db import schema as t
from bot.participants_file import read_participants
from handlers import participants
from handlers.core.records import Role
from tests.fake_telegram import TOKEN, FakeTelegram
from tests.harness import Person
from tests.helpers import nik_for
from tests.test_claims import report_by_nik
from tests.test_handover import inbox
from tests.test_review import make
from tests.test_telegram import CHAT, Polling

NOW = datetime(2026, 6, 1, 3, 0, tzinfo=UTC)  # 10.00 WIB
ANI, BUDI, CITRA = (nik_for(40, serial=s) for s in (201, 202, 203))
ANI_WA = "6281234567001"
LIST = [
    f"{ANI},Ani Lestari,Kelun,2026-01-15,2027-01-14,081234567001,BPU,ojol,26012345678",
    f"{BUDI},Budi Santoso,Kelun,2026-03-01,2027-02-28,081234567002,PU,RT/RW,",
    f"{CITRA},Citra Dewi,Taman,2026-01-01,2026-12-31,,BPU,,",
]


async def load_list(siaga: App, tmp: Path, lines: list[str]) -> None:
    """The list imported as `siaga admin import-participants --yes` does, in-process."""
    path = tmp / "peserta.csv"
    path.write_text(HEADER + "".join(line + "\n" for line in lines), encoding="utf-8")
    async with siaga.store() as store:
        parsed = read_participants(path, siaga.program, store.vault.index)
        ctx = siaga.context(store)
        await participants.apply_import(
            ctx, await participants.plan_import(ctx, parsed.rows), "test", path.name
        )
        await store.commit()


@pytest.fixture
async def listed(siaga: App, tmp_path: Path) -> App:
    siaga.clock = lambda: NOW
    await load_list(siaga, tmp_path, LIST)
    return siaga


async def audit(siaga: App, action: str) -> list[tuple[int | None, int | None, str]]:
    a = t.audit_log
    async with siaga.store() as store:
        rows = await store.conn.execute(
            select(a.c.actor, a.c.subject, a.c.outcome).where(a.c.action == action)
        )
        return [(r.actor, r.subject, r.outcome) for r in rows]


async def waiting_for(siaga: App, channel: str, ext: str) -> list[str]:
    """What waits in the outbox for this account, rendered in its language."""
    from bot.channels.render import reply_text
    from bot.db import outbox
    from handlers.core.messages import Reply

    async with siaga.store() as store:
        rows = await outbox.pending_for(store.conn, channel, ext)
    return [reply_text(siaga.catalogue, Reply.from_json(r), row.locale)
            for row in rows for r in row.payload]  # fmt: skip


async def test_a_whatsapp_participant_is_linked_by_their_number_and_may_refuse(
    listed: App,
) -> None:
    ani = Person(listed, ANI_WA, channel="whatsapp")
    await ani.say("/status")
    said = ani.text
    assert "Perlindungan: 15-01-2026 s.d. 14-01-2027" in said
    assert "bukan penerima upah (BPU)" in said and "Rp42.000.000" in said
    assert "Rp48.000.000" in said  # what JKK pays for a death at work
    assert "kelurahan meninjaunya mulai 15-11-2026" in said  # 60 days before the end
    told = await waiting_for(listed, "whatsapp", ANI_WA)  # told once, with "Bukan saya"
    assert len(told) == 1 and "Nomor WhatsApp ini tercatat pada daftar peserta" in told[0]
    await ani.say("/status")
    assert "15-01-2026 s.d. 14-01-2027" in ani.text
    assert len(await waiting_for(listed, "whatsapp", ANI_WA)) == 1  # not told again
    assert await audit(listed, "participant.linked") != []
    # Budi's number, but Budi's phone is in his son's hands: "Bukan saya"
    son = Person(listed, "6281234567002", channel="whatsapp")
    await son.say("/peserta")  # /peserta tells it in the reply itself, with the button
    assert "Nomor WhatsApp ini tercatat" in son.text and "28-02-2027" in son.text
    await son.press("Bukan saya")
    assert "Tautan dilepas" in son.text
    await son.say("/status")
    assert "28-02-2027" not in son.text and "Tulis nomor usulan" in son.text
    await son.say("/peserta")
    assert "28-02-2027" not in son.text and "Minta petugas kelurahan" in son.text


async def test_a_stranger_who_types_a_listed_nik_learns_nothing(listed: App) -> None:
    """DESIGN rule 8: the same words as for any NIK, at the menu, in /status and in a check."""

    async def said(who: str, nik: str) -> list[str]:
        p = Person(listed, who, channel="whatsapp")
        out = []
        for line in ("/status", nik, "/menu", nik):
            await p.say(line)
            said = p.text.replace(nik, "<NIK>").replace(nik[-4:], "<4>")
            out.append(re.sub(r"kode akun \d+", "kode akun N", said))
        return out

    stranger = await said("6281299990001", ANI)
    other = await said("6281299990002", nik_for(40, serial=299))
    assert stranger == other
    joined = "\n".join(stranger)
    for secret in ("Ani", "14-01-2027", "Rp42", "Kelun", "peserta Pro JKK-JKM ("):
        assert secret not in joined


async def test_the_lurah_links_a_resident_of_their_own_kelurahan_only(listed: App) -> None:
    from tests.test_review import KELUN, TAMAN

    resident = Person(listed, "citra-di-konsol")
    await resident.say("/peserta")
    assert "Minta petugas kelurahan" in resident.text and "kode akun" in resident.text
    code = resident.text.split("kode akun ")[1].split(".")[0].strip()
    await make(listed, "lurah-kelun", Role.LURAH, KELUN)
    kelun = Person(listed, "lurah-kelun")
    await kelun.say(f"/tautkan {CITRA} {code}")
    assert "tidak ada pada daftar peserta kelurahan Anda" in kelun.text  # Citra is in Taman
    await kelun.say("/tautkan 1234")
    assert "Tulis /tautkan NIK KODE" in kelun.text
    await make(listed, "lurah-taman", Role.LURAH, TAMAN)
    taman = Person(listed, "lurah-taman")
    await taman.say(f"/tautkan {CITRA} {code}")
    assert f"Tertaut: Citra Dewi (NIK 3577 01•• •••• 0203, Taman) ke akun {code}" in taman.text
    assert CITRA not in taman.text
    told = await inbox(listed, "citra-di-konsol")
    assert "Petugas kelurahan sudah menautkan" in told[-1] and "31-12-2026" in told[-1]
    await resident.say("/status")
    assert "Perlindungan: 01-01-2026 s.d. 31-12-2026" in resident.text
    linked = await audit(listed, "participant.linked")
    assert any(actor != subject and subject == int(code) for actor, subject, _ in linked)
    assert tuple({o for _, _, o in await audit(listed, "participant.link_refused")}) == ("refused",)
    citizen = Person(listed, "tetangga")
    await citizen.say(f"/tautkan {ANI} {code}")
    assert "hanya untuk lurah" in citizen.text


async def test_a_death_reported_for_a_listed_participant_shows_their_cover_to_the_dinas(
    listed: App,
) -> None:
    await make(listed, "dinas", Role.ADMIN)
    listed.clock = lambda: NOW + timedelta(days=30)
    covered = await report_by_nik(listed, "tetangga-1", ANI)
    nobody = await report_by_nik(listed, "tetangga-2", nik_for(40, serial=298))
    assert covered.replace("#1", "#N") == nobody.replace("#2", "#N")  # the family: same words
    cards = await inbox(listed, "dinas")
    card = next(c for c in cards if "Kasus klaim #1" in c)
    assert "Ada di daftar peserta: Ani Lestari (NIK 3577 01•• •••• 0201, Kelun" in card
    assert "15-01-2026–14-01-2027. Terlindungi pada tanggal kejadian: ya" in card
    assert "Perkiraan santunan: Rp42.000.000" in card  # more than three months in
    assert "Tidak ada peserta yang cocok" in next(c for c in cards if "Kasus klaim #2" in c)


# --- Telegram: the contact button, through the real adapter and the fake Bot API -----------


@pytest.fixture
async def tg_listed(fake: FakeTelegram, tmp_path: Path) -> AsyncIterator[tuple[App, Polling]]:
    settings = Settings(data_dir=tmp_path / "data", telegram_token=TOKEN,
                        telegram_api_url=fake.base_url)  # type: ignore[arg-type]  # fmt: skip
    siaga = await build(settings)
    siaga.clock = lambda: NOW
    await load_list(siaga, tmp_path, LIST)
    channel = siaga.telegram(make_bot(settings))
    polling = Polling(fake, (siaga, channel))
    yield siaga, polling
    await polling.close()
    await siaga.close()
    await channel.close()


async def test_a_telegram_participant_links_by_sharing_their_own_contact_only(
    fake: FakeTelegram, tg_listed: tuple[App, Polling]
) -> None:
    siaga, p = tg_listed
    text = await p.send(fake.message(CHAT, "/peserta"))
    assert "Kirim nomor saya" in text
    keys = fake.to(CHAT)[-1].markup
    assert keys is not None and keys["keyboard"][0][0]["request_contact"] is True
    # Budi's contact card, forwarded: not the sender's own (another user_id)
    budi = {"phone_number": "+6281234567002", "first_name": "Budi", "user_id": 999}
    text = await p.send(fake.message(CHAT, None, contact=budi))
    assert "Kartu kontak tidak bisa dipakai di sini" in text and "28-02-2027" not in text
    # a card without a user_id (typed into the phone book) is no proof either
    typed = {"phone_number": "+6281234567002", "first_name": "Budi"}
    text = await p.send(fake.message(CHAT, None, contact=typed))
    assert "Kartu kontak tidak bisa dipakai di sini" in text
    # the sender's own number, which the list holds for Ani
    own = {"phone_number": "6281234567001", "first_name": "Ani", "user_id": CHAT}
    text = await p.send(fake.message(CHAT, None, contact=own))
    assert "nomor Bapak/Ibu cocok dengan daftar peserta" in text
    assert "15-01-2026 s.d. 14-01-2027" in text
    async with siaga.store() as store:
        linked = (await store.conn.execute(select(t.participants.c.linked_via).where(
            t.participants.c.person_id.is_not(None)))).scalars().all()  # fmt: skip
    assert linked == ["telegram"]


async def test_a_key_rotation_reseals_the_list_and_links_keep_working(tmp_path: Path) -> None:
    from bot.db.keys import rotate

    data = tmp_path / "data"
    siaga = await build(Settings(data_dir=data))
    siaga.clock = lambda: NOW
    await load_list(siaga, tmp_path, LIST)
    async with siaga.store() as store:
        before = (await store.conn.execute(select(t.participants.c.sealed))).scalars().all()
    _, counts = await rotate(siaga.settings, siaga.engine, siaga.clock())
    await siaga.close()
    assert counts["participants"] == 3
    siaga = await build(Settings(data_dir=data))
    siaga.clock = lambda: NOW
    try:
        async with siaga.store() as store:
            after = (await store.conn.execute(select(t.participants.c.sealed))).scalars().all()
        assert not set(before) & set(after)
        ani = Person(siaga, ANI_WA, channel="whatsapp")  # the phone's index is the new key's
        await ani.say("/status")
        assert "15-01-2026 s.d. 14-01-2027" in ani.text
        listing = tmp_path / "peserta.csv"  # the same list again: nothing changed
        async with siaga.store() as store:
            parsed = read_participants(listing, siaga.program, store.vault.index)
            plan = await participants.plan_import(siaga.context(store), parsed.rows)
        assert plan.change.same == 3 and not plan.change.added
    finally:
        await siaga.close()
