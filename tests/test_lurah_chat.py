"""The lurah's and the Dinas's chat (issue 18): honest to the citizen when nobody reviews a
kelurahan, alerting the Dinas, and listing such kelurahan in statistics and the doctor."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.app import App, build
from bot.channels.telegram.factory import make_bot
from bot.config import Settings
from handlers.core.records import Role
from handlers.officers import admin
from tests.fake_telegram import TOKEN, FakeTelegram
from tests.harness import Person
from tests.helpers import name_admin, nik_for
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


async def test_statistics_on_telegram_fall_back_to_the_figures_when_the_chart_is_refused(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    settings = Settings(data_dir=tmp_path / "data", telegram_token=TOKEN,
                        telegram_api_url=fake.base_url, quota_reminder="off")  # type: ignore[arg-type]  # fmt: skip
    siaga = await build(settings)
    channel = siaga.telegram(make_bot(settings))
    boss = 555401
    name_admin(siaga, "telegram", str(boss))
    await file(siaga, "warga-stat")
    p = Polling(fake, (siaga, channel))
    try:
        fake.errors["sendPhoto"] = [(400, 0)]  # refused for good
        text = await p.send(fake.message(boss, "/statistik"), chat=boss)
        assert "Usulan: 1" in text and "Grafiknya tidak bisa dikirim" in text
        fake.errors["sendPhoto"] = [(502, 0)]  # down for a moment: the whole message waits
        before = len(fake.to(boss))
        fake.push(fake.message(boss, "/statistik"))
        await until(lambda: any(s.file and s.file[0] == "photo" for s in fake.to(boss)[before:]),
                    within=20)  # fmt: skip
        await until(lambda: "Usulan: 1" in fake.to(boss)[-1].text, within=20)
        assert "Grafiknya tidak bisa dikirim" not in fake.to(boss)[-1].text
    finally:
        await p.close()
        await siaga.close()
        await channel.close()


def test_the_chart_legend_stays_off_the_bars() -> None:
    from collections import Counter

    from bot.chart import figure
    from handlers.nominations.stats import Stats

    s = Stats("2026", 628, 600)
    s.by_kelurahan = {f"Kel {i}": Counter() for i in range(27)}
    s.by_kelurahan["Kel 26"]["approved"] = 40  # the tallest bar, at the right end
    s.by_kelurahan["Kel 25"]["pending"] = 39
    fig = figure(s)
    try:
        fig.canvas.draw()
        ax = fig.axes[0]
        legend = ax.get_legend().get_window_extent()
        bars = [patch.get_window_extent() for patch in ax.patches]
        assert bars and not any(legend.overlaps(bar) for bar in bars)
        assert legend.x1 <= fig.bbox.x1  # and it is inside the picture
    finally:
        from matplotlib import pyplot as plt

        plt.close(fig)


async def test_a_withdrawn_nomination_is_not_an_occupation_named_dash(siaga: App) -> None:
    await make(siaga, "dinas", Role.ADMIN)
    await file(siaga, "warga-batal")
    warga = Person(siaga, "warga-batal")
    await warga.say("/hapus")
    await warga.say("ya")
    dinas = Person(siaga, "dinas")
    await dinas.say("/statistik")
    assert ("\n• -: " not in dinas.text and "dibatalkan" in dinas.text) or "Usulan: 0" in dinas.text


async def test_admin_messages_say_what_is_true(siaga: App, tmp_path: Path) -> None:
    from datetime import timedelta

    night = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)  # 22:00 WIB, inside quiet hours
    siaga.clock = lambda: night
    await make(siaga, "dinas", Role.ADMIN)
    assert await _quota_reminder(siaga) == 0  # no reviewer: no job, no "0 dari 0"
    async with siaga.store() as store:
        assert await store.broadcasts(limit=5) == []
    dinas = Person(siaga, "dinas")
    await dinas.say("/siaran")
    await dinas.say("Sisa kuota kota {kuota_sisa}. Segera usulkan warga.")
    await dinas.press("Semua yang setuju")
    await dinas.press("Semua kelurahan")
    assert "Kuota periode ini belum diatur" in dinas.text  # "-" would go out unannounced
    await make(siaga, "lk", Role.LURAH, KELUN)
    await set_quota(siaga, 10)
    await dinas.say("/siaran")
    await dinas.say("Pengingat: {antrian_kelurahan} usulan menunggu.")
    await dinas.press("Semua lurah")
    await dinas.press("Semua kelurahan")
    await dinas.press("Kirim sekarang")
    await dinas.say("/status_siaran")
    assert "dilanjutkan otomatis pukul 06.00 WIB" in dinas.text
    assert "Perkiraan selesai" not in dinas.text
    siaga.clock = lambda: night + timedelta(hours=9)  # 07:00 WIB: no longer quiet
    await dinas.say("/status_siaran")
    assert "Perkiraan selesai" in dinas.text

    siaga.clock = lambda: night
    await file(siaga, "warga-malam")  # consent given at 22:00 WIB
    warga = Person(siaga, "warga-malam")
    await warga.say("/dataku")
    assert "02-12-2026 22.00 WIB" in warga.text and "UTC" not in warga.text


async def _quota_reminder(siaga: App) -> int:
    from handlers.broadcasts import broadcast

    async with siaga.store() as store:
        queued = await broadcast.quota_reminder(siaga.context(store))
        await store.commit()
    return queued


async def test_the_command_line_says_when_there_is_nothing_and_when_it_did_nothing(
    siaga: App,
) -> None:
    data = siaga.settings.data_dir
    code, out = await run_cli(data, "admin", "reviewers")
    assert code == 0 and "Belum ada" in out
    await make(siaga, "lk", Role.LURAH, KELUN)
    code, out = await run_cli(data, "admin", "reviewers")
    assert code == 0 and "Kelurahan Kelun" in out
    await make(siaga, "dinas", Role.ADMIN)
    code, out = await run_cli(data, "admin", "broadcast", "--text", "Halo lurah",
                              "--audience", "lurah", stdin="n\n")  # fmt: skip
    assert code == 0 and "Siaran tidak dikirim" in out, out
    code, out = await run_cli(data, "admin", "audit")
    assert code == 0 and " WIB " in out and "UTC" not in out


async def test_siaga_telegram_stops_soon_after_sigterm(fake: FakeTelegram, tmp_path: Path) -> None:
    """A SIGTERM in the middle of a long poll (Telegram holds it up to 25 s) ends the
    service within 5 s, not when the poll returns."""
    import asyncio
    import signal
    import sys
    import time

    from tests.helpers import chat_env

    fake.long_poll = 30.0
    env = chat_env(tmp_path / "data", SIAGA_TELEGRAM_TOKEN=TOKEN,
                   SIAGA_TELEGRAM_API_URL=fake.base_url)  # fmt: skip
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "telegram", env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        await until(lambda: any(m == "getUpdates" for m, _ in fake.calls), within=60)
        await asyncio.sleep(0.5)  # well inside the long poll
        asked = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        await asyncio.wait_for(proc.wait(), 15)
        took = time.monotonic() - asked
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
        fake.wake()  # the poll left hanging returns, so the fake server can stop
    assert took < 5.0, f"took {took:.1f} s"
    assert proc.returncode == 0, (await proc.stderr.read()).decode()[-500:]  # type: ignore[union-attr]
