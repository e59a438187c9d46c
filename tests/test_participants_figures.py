"""Figures on the participant list (issue 29 item 5): per kelurahan, segment and occupation;
covers ending per month; renewals decided and pending; the claim ratio on the list's cover, in
/statistik (as `siaga admin stats` prints it) and on the console's Ringkasan."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import httpx

from bot.app import App
from handlers.claims import cases as claims
from handlers.core.records import Role
from tests.harness import Person
from tests.test_claims import report_by_nik
from tests.test_console import signed_in
from tests.test_participants_linking import ANI, LIST, NOW, load_list
from tests.test_review import act, make

MONTH = 365.25 / 12


def premiums_so_far() -> int:
    """The city's premiums for the three listed covers from 1 January to 1 June 2026: BPU
    Rp16,800 and PU Rp11,800 a month (program file), counted by days."""
    until = NOW.date()
    covers = ((date(2026, 1, 15), 16_800), (date(2026, 3, 1), 11_800), (date(2026, 1, 1), 16_800))
    return sum(round(((until - start).days + 1) / MONTH * monthly) for start, monthly in covers)


async def test_the_dinas_sees_the_list_s_figures_and_its_claim_ratio(
    siaga: App, web: httpx.AsyncClient, tmp_path: Path
) -> None:
    siaga.clock = lambda: NOW
    await load_list(siaga, tmp_path, LIST)
    admin = await make(siaga, "dinas", Role.ADMIN)
    await report_by_nik(siaga, "keluarga-ani", ANI)
    for step in (claims.S.DOCUMENTS, claims.S.SUBMITTED):
        await act(siaga, claims.move, admin, 1, step)
    await act(siaga, lambda ctx: claims.move(ctx, admin, 1, claims.S.PAID, amount=42_000_000))
    dinas = Person(siaga, "dinas")
    await dinas.say("/statistik")
    said = dinas.text
    assert "Daftar peserta: 3 terlindungi hari ini. Per segmen: BPU: 2, PU: 1." in said
    assert "Per kelurahan: Kelun: 2, Taman: 1." in said
    assert "RT/RW: 1" in said and "ojol: 1" in said
    assert "(12 bulan ke depan): 2026-12: 1, 2027-01: 1, 2027-02: 1." in said
    premiums = premiums_so_far()
    ratio = f"{42_000_000 / premiums * 100:.0f}%"
    shown = f"{premiums:,}".replace(",", ".")
    assert f"klaim dibayar Rp42.000.000 ÷ iuran Rp{shown} = {ratio}" in said
    # in December the three covers' renewals are open: one decided, two pending
    siaga.clock = lambda: NOW.replace(month=12, day=20) + timedelta(hours=1)
    await make(siaga, "lurah-kelun", Role.LURAH, "35.77.01.1009")
    lurah = Person(siaga, "lurah-kelun")
    await lurah.say("/perpanjangan")
    await lurah.press("Perpanjang")
    await dinas.say("/statistik")
    assert "Perpanjangan yang sedang dibuka: 1 diputuskan, 1 menunggu" in dinas.text
    assert "Kelun: 1/1, Taman: 0/1" in dinas.text
    page = await signed_in(siaga, web, "dinas")
    assert "Perpanjangan yang sedang dibuka: 1 diputuskan" in page.text
    assert "Daftar peserta:" in page.text
