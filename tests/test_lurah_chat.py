"""The lurah's and the Dinas's chat (issue 18): honest to the citizen when nobody reviews a
kelurahan, alerting the Dinas, and listing such kelurahan in statistics and the doctor."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.app import App
from handlers.records import Role
from tests.harness import Person
from tests.helpers import nik_for
from tests.test_handover import inbox
from tests.test_observability import run_cli
from tests.test_review import KELUN, file, make


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
