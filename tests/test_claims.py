"""When something happens (issue 20): a family reports a death, the Dinas follows the case to
the payout with the family told at each step, a stranger learns nothing about anyone's cover,
the lurah is asked for the death letter, and the scholarship reminder comes each year."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from bot.app import App
from bot.db import schema as t
from handlers import dinas, review
from handlers.messages import UserRef
from handlers.records import Role
from tests.harness import Person
from tests.test_handover import inbox
from tests.test_review import KELUN, act, file, make, nomination, set_quota
from tests.test_telegram import until

START = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # 09.00 WIB, a Monday


async def participant(siaga: App, who: str = "peserta", serial: int = 1) -> str:
    """A resident of Kelun filed, approved and registered from 2 March 2026: the reference."""
    siaga.clock = lambda: START - timedelta(days=10)
    await set_quota(siaga, 10)
    ref = await file(siaga, who, serial=serial)
    lurah = await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    await act(siaga, review.approve, lurah, await nomination(siaga, ref))
    siaga.clock = lambda: START
    report = await act(siaga, dinas.mark_registered, [ref], START.date())
    assert report.registered == [ref]
    return ref


async def test_a_family_reports_a_death_and_is_told_each_step_to_the_payout(siaga: App) -> None:
    ref = await participant(siaga)
    await make(siaga, "dinas", Role.ADMIN)
    siaga.clock = lambda: START + timedelta(days=200)
    istri = Person(siaga, "istri")
    await istri.say("/kabar")
    assert "Apa yang terjadi" in istri.text
    await istri.press("🕊 Meninggal dunia")
    await istri.press("Keluarga")
    await istri.say(ref)
    await istri.say("Warga Uji")
    await istri.say("kemarin")
    said = istri.text
    assert "kasus #1" in said and "akta kematian" in said and "Janda/duda" in said
    assert "30 hari kerja" in said and "(0351) 454288" in said and "Beasiswa anak" in said
    assert "Petugas Disnaker KUKM" in said and "Rp42" not in said  # no cover details
    card = (await inbox(siaga, "dinas"))[-1]
    assert (
        "Kasus klaim #1" in card and ref in card and "Terlindungi pada tanggal kejadian: ya" in card
    )
    letter = (await inbox(siaga, "lurah-kelun"))[-1]
    assert "surat keterangan kematian" in letter and "Warga Uji" in letter

    dinas_chat = Person(siaga, "dinas")
    await dinas_chat.say("/kasus")
    assert "1 kasus klaim terbuka" in dinas_chat.text
    await dinas_chat.press("📄 Berkas lengkap")
    assert "berkasnya sudah lengkap" in (await inbox(siaga, "istri"))[-1]
    await dinas_chat.press("📤 Diajukan ke BPJS")
    assert "3 hari kerja" in (await inbox(siaga, "istri"))[-1]
    await dinas_chat.press("💰 Dibayar")
    await dinas_chat.say("42.000.000")
    await dinas_chat.say("2014")
    assert "Kasus #1 sekarang: dibayar" in dinas_chat.text
    assert (
        "Rp42.000.000" in (await inbox(siaga, "istri"))[-1]
        or "42" in (await inbox(siaga, "istri"))[-1]
    )
    await istri.say("/status")
    assert "Kasus #1" in istri.text and "dibayar" in istri.text
    async with siaga.store() as store:
        actions = [r.action for r in await store.conn.execute(select(t.audit_log))]
    for step in (
        "claim.reported",
        "claim.letter_asked",
        "claim.documents",
        "claim.submitted",
        "claim.paid",
    ):
        assert step in actions


async def test_telegram_a_death_reported_by_a_spouse_reaches_the_payout(
    fake: object, tmp_path: Path
) -> None:
    """The family and the Dinas both on Telegram, through the real client and a fake Bot
    API: the report, the Dinas's buttons on the card, and each step told to the family."""
    from bot.app import build
    from bot.channels.telegram.factory import make_bot
    from bot.config import Settings
    from bot.delivery.sender import RateLimit
    from tests.fake_telegram import TOKEN, FakeTelegram
    from tests.helpers import name_admin
    from tests.test_telegram import Polling

    assert isinstance(fake, FakeTelegram)
    settings = Settings(data_dir=tmp_path / "data", telegram_token=TOKEN,
                        telegram_api_url=fake.base_url, quota_reminder="off")  # type: ignore[arg-type]  # fmt: skip
    siaga = await build(settings)
    ref = await participant(siaga)
    family, dinas_chat = 555301, 555302
    name_admin(siaga, "telegram", str(dinas_chat))
    async with siaga.store() as store:
        admin = await store.person(UserRef("telegram", str(dinas_chat)), "id", START)
        admin.role = Role.ADMIN
        await store.save_person(admin)
        await store.commit()
    siaga.clock = lambda: START + timedelta(days=120)
    channel = siaga.telegram(make_bot(settings))
    p = Polling(fake, (siaga, channel))
    sender = siaga.sender({"telegram": channel}, RateLimit(per_second=100, per_chat_interval=0.0))

    async def deliver() -> None:
        while await sender.send_once():
            pass

    try:
        await p.send(fake.message(family, "/start"), chat=family)
        await p.send(fake.press(family, "🕊 Duka / kecelakaan"), chat=family)
        await p.send(fake.press(family, "🕊 Meninggal dunia"), chat=family)
        await p.send(fake.press(family, "Keluarga"), chat=family)
        await p.send(fake.message(family, ref.lower()), chat=family)  # typed in lower case
        await p.send(fake.message(family, "Warga Uji"), chat=family)
        before = len(fake.to(family))
        fake.push(fake.message(family, "kemarin"))
        await until(lambda: len(fake.to(family)) >= before + 4)
        told = "\n".join(s.text for s in fake.to(family)[before:])
        assert "kasus #1" in told and "Urutan ahli waris" in told and "Beasiswa anak" in told
        assert "Rp42" not in told  # a reporter who is not the participant: no cover details
        await deliver()
        card = fake.to(dinas_chat)[-1]
        assert "Kasus klaim #1" in card.text and ref in card.text

        for label, words in (("📄 Berkas lengkap", "berkasnya sudah lengkap"),
                             ("📤 Diajukan ke BPJS", "sudah diajukan ke BPJS")):  # fmt: skip
            await p.send(fake.press(dinas_chat, label), chat=dinas_chat)
            await deliver()
            assert words in fake.last_text(family)
        await p.send(fake.press(dinas_chat, "💰 Dibayar"), chat=dinas_chat)
        await p.send(fake.message(dinas_chat, "Rp 42.000.000"), chat=dinas_chat)
        text = await p.send(fake.press(dinas_chat, "Tidak ada anak"), chat=dinas_chat)
        assert "sekarang: dibayar" in text
        await deliver()
        assert "santunan Rp42.000.000 sudah dibayarkan" in fake.last_text(family)
        text = await p.send(fake.message(family, "/status"), chat=family)
        assert "Kasus #1" in text and "dibayar" in text
    finally:
        await p.close()
        await siaga.close()
        await channel.close()
