"""The quota as the program counts it (issue 29 item 2): used = participants covered today +
approved nominations waiting for BPJS, out of the Dinas's total or the program file's; /kuota,
`siaga admin quota`, the console's Ringkasan and the weekly reminder say how it is made."""

from __future__ import annotations

from pathlib import Path

import httpx

from bot.app import App
from handlers import nominations as review
from handlers.broadcasts import broadcast
from handlers.core.records import Role
from tests.harness import Person
from tests.test_console import signed_in
from tests.test_handover import inbox
from tests.test_participants_linking import LIST, NOW, load_list
from tests.test_review import KELUN, act, file, make, nomination


async def approve(siaga: App, ref: str) -> review.Result:
    lurah = await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    result: review.Result = await act(siaga, review.approve, lurah, await nomination(siaga, ref))
    return result


async def test_the_quota_counts_those_covered_and_those_waiting(siaga: App, tmp_path: Path) -> None:
    siaga.clock = lambda: NOW
    first, second, third = [await file(siaga, f"warga-{i}", serial=300 + i) for i in (1, 2, 3)]
    await load_list(siaga, tmp_path, LIST)  # three covered in June 2026
    await make(siaga, "dinas", Role.ADMIN)
    dinas = Person(siaga, "dinas")
    await dinas.say("/kuota")  # no total set by the Dinas: the program file's
    assert "17.152 tempat, terpakai 3, sisa 17.149" in dinas.text
    assert "menurut berkas program: Disnaker KUKM FGD 26 Nov 2024" in dinas.text
    await dinas.say("/kuota 5")
    said = dinas.text
    assert "5 tempat, terpakai 3, sisa 2" in said
    assert ("3 peserta terlindungi hari ini" in said and "+ 0 usulan disetujui menunggu BPJS"
            in said and "(ditetapkan Disnaker KUKM); sisa 2" in said)  # fmt: skip
    assert (await approve(siaga, first)).outcome is review.Outcome.DONE
    assert (await approve(siaga, second)).left == 0
    refused = await approve(siaga, third)  # 3 covered + 2 waiting = 5 of 5
    assert refused.outcome is review.Outcome.WAITLISTED
    await dinas.say("/kuota")
    assert "5 tempat, terpakai 5, sisa 0" in dinas.text and "+ 2 usulan" in dinas.text
    # covers over: the next year's count has room again
    siaga.clock = lambda: NOW.replace(year=2027, month=3)
    await dinas.say("/kuota")
    assert "0 peserta terlindungi hari ini" in dinas.text


async def test_the_console_and_the_weekly_reminder_say_how_the_quota_is_made(
    siaga: App, web: httpx.AsyncClient, tmp_path: Path
) -> None:
    siaga.clock = lambda: NOW
    await load_list(siaga, tmp_path, LIST)
    await make(siaga, "dinas", Role.ADMIN)
    page = await signed_in(siaga, web, "dinas")
    assert 'id="kuota-sisa">17149<' in page.text
    assert "3 peserta terlindungi hari ini" in page.text
    await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    assert await act(siaga, broadcast.quota_reminder) >= 0
    told = "\n".join(await inbox(siaga, "lurah-kelun"))
    assert "17.149" in told
    assert "3 peserta terlindungi hari ini" in told
