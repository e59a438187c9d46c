"""The lurah's and the Dinas's chat (issue 18): honest to the citizen when nobody reviews a
kelurahan, alerting the Dinas, and listing such kelurahan in statistics and the doctor."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.app import App, build
from bot.channels.telegram.factory import make_bot
from bot.config import Settings
from handlers import admin
from handlers.records import Role
from tests.fake_telegram import TOKEN, FakeTelegram
from tests.harness import Person
from tests.helpers import nik_for
from tests.test_handover import inbox
from tests.test_observability import run_cli
from tests.test_review import KELUN, act, file, make, nomination, set_quota
from tests.test_telegram import Polling, until


async def test_a_kelurahan_nobody_reviews_is_said_alerted_and_listed(
    siaga: App, tmp_path: Path
) -> None:
    await make(siaga, "dinas", Role.ADMIN)
    await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    warga = Person(siaga, "warga-josenan")
    for line in ["1", "setuju", "Warga Uji", nik_for(45, serial=7), "1", "1", "josenan", "ojol",
                 "1", "ya", "ya", "lewati", "1", "1"]:  # fmt: skip
        await warga.say(line)
    assert "belum punya petugas peninjau di Siaga" in warga.text
    assert "Disnaker KUKM yang menerima usulan ini" in warga.text
    assert "menerima usulan ini hari ini" not in warga.text  # no lurah was promised
    alert = (await inbox(siaga, "dinas"))[-1]
    assert "⚠️ Usulan PJK-" in alert and "Kelurahan Josenan" in alert and "/undang Josenan" in alert

    await file(siaga, "warga-kelun")  # a kelurahan with a lurah: the usual words, no alert
    kelun = Person(siaga, "warga-kelun")
    await kelun.say("/status")
    assert len(await inbox(siaga, "dinas")) == 1

    dinas = Person(siaga, "dinas")
    await dinas.say("/statistik")
    assert "Kelurahan tanpa petugas peninjau (26): Josenan (1 menunggu), " in dinas.text
    assert "Kelun," not in dinas.text.split("tanpa petugas")[1]

    morning = datetime(2026, 12, 3, 0, 30, tzinfo=UTC)  # 07:30 WIB
    assert "reviewer_gaps" in await siaga.scheduler().tick(morning)
    daily = (await inbox(siaga, "dinas"))[-1]
    assert "1 kelurahan punya usulan yang menunggu" in daily and "Josenan (1 menunggu)" in daily
    assert "reviewer_gaps" not in await siaga.scheduler().tick(morning)  # once a day

    code, out = await run_cli(siaga.settings.data_dir, "doctor")
    assert code == 0, out
    assert "PERINGATAN Petugas peninjau: 26 kelurahan tanpa petugas: Josenan (1 menunggu)" in out


async def test_a_new_lurah_goes_from_invite_to_a_decision_without_a_slash_command(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    """On Telegram: the invite typed as read over the phone ("8znt pwxz"), then only buttons
    and the numbers of the buttons just seen; the chat gets the reviewer's command list."""
    settings = Settings(data_dir=tmp_path / "data", telegram_token=TOKEN,
                        telegram_api_url=fake.base_url, quota_reminder="off")  # type: ignore[arg-type]  # fmt: skip
    siaga = await build(settings)
    channel = siaga.telegram(make_bot(settings))
    await set_quota(siaga, 10)
    ref = await file(siaga, "warga-kelun")
    out = await act(siaga, admin.create_invite, None, "Kelun")
    code = str(out.parts[0].args["code"])
    spoken = f"{code[:4].lower()} {code[4:].lower()}"
    p = Polling(fake, (siaga, channel))
    lurah = 555301
    try:
        text = await p.send(fake.message(lurah, f"/lurah {spoken}"), chat=lurah)
        assert "peninjau usulan Pro JKK-JKM untuk Kelurahan Kelun" in text and " /" not in text
        labels = [b[0] for b in fake.to(lurah)[-1].buttons]
        assert labels[:4] == ["📋 Antrean usulan", "📝 Usulkan warga", "❓ Pertanyaan warga",
                              "📊 Statistik"]  # fmt: skip
        await until(lambda: any(m == "setMyCommands" for m, _ in fake.calls))  # after the words
        scoped = [c for m, c in fake.calls if m == "setMyCommands" and c.get("scope")]
        assert scoped and scoped[-1]["scope"] == {"type": "chat", "chat_id": lurah}
        assert [c["command"] for c in scoped[-1]["commands"]][:3] == ["start", "antrian", "usulkan"]

        text = await p.send(fake.press(lurah, "📋 Antrean usulan"), chat=lurah)
        assert ref in text and "Usulan 1 dari 1" in text
        text = await p.send(fake.message(lurah, "1"), chat=lurah)  # ✅ Setujui, typed
        assert "Setujui usulan " + ref in text
        async with siaga.store() as store:
            assert (await store.nomination_by_ref(ref)).status.value == "pending"  # type: ignore[union-attr]
        text = await p.send(fake.press(lurah, "✅ Ya, setujui"), chat=lurah)
        assert "disetujui oleh Warga (Petugas Kelurahan Kelun)" in "\n".join(
            s.text for s in fake.to(lurah)[-3:]
        )
        async with siaga.store() as store:
            assert (await store.nomination_by_ref(ref)).status.value == "approved"  # type: ignore[union-attr]
        sent = [params for m, params in fake.calls if m == "sendMessage"
                and int(params["chat_id"]) == lurah]  # fmt: skip
        assert sent  # every word the lurah read came from the bot
    finally:
        await p.close()
        await siaga.close()
        await channel.close()


async def test_a_lurah_reviewing_with_a_typed_reason_confirms_before_the_citizen_hears(
    siaga: App,
) -> None:
    await set_quota(siaga, 10)
    await make(siaga, "lk", Role.LURAH, KELUN)
    ref = await file(siaga, "warga-tolak")
    lurah = Person(siaga, "lk")
    await lurah.say("/antrian")
    await lurah.press("❌ Tolak")
    await lurah.say("Sudah pindah ke Ponorogo sejak Mei")
    assert 'dengan alasan "Sudah pindah ke Ponorogo sejak Mei"' in lurah.text
    assert not any("DITOLAK" in x for x in await inbox(siaga, "warga-tolak"))  # not yet
    await lurah.press("↩ Kembali")  # changed their mind: the card again, nothing decided
    assert ref in lurah.text
    assert (await nomination(siaga, ref)).status.value == "pending"
    await lurah.press("❌ Tolak")
    await lurah.press("Bukan warga sini")
    await lurah.press("❌ Ya, tolak")
    assert "ditolak oleh" in lurah.text
    assert (await nomination(siaga, ref)).status.value == "rejected"
