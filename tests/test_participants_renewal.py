"""The yearly renewal (issue 29 item 4): sixty days before a cover ends the kelurahan's
reviewers get a renewal list (/perpanjangan, the console's Perpanjangan); a linked resident is
asked first in their language; renew / not renewed with a reason / ask the resident; the
undecided past the deadline go to the Dinas; "not renewed" frees a place used by an approval
the same day, and the resident is told why and how to continue; the list for BPJS exports
formula-safe; every decision is audited."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from openpyxl import load_workbook
from sqlalchemy import select

from bot.app import App
from bot.channels.render import reply_text
from bot.db import outbox
from bot.db import schema as t
from handlers import nominations as review
from handlers.core.messages import Reply, UserRef
from handlers.core.records import Role
from handlers.participants import renewal
from tests.harness import Person
from tests.helpers import nik_for
from tests.test_console import csrf, signed_in
from tests.test_handover import inbox
from tests.test_participants_linking import ANI, ANI_WA, BUDI, CITRA, LIST, load_list
from tests.test_registry import admin
from tests.test_review import KELUN, TAMAN, act, file, make, nomination, set_quota

DEC1 = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)  # Ani's cover (to 14-01-2027) is in the window
EQUALS = nik_for(35, serial=204)
LISTED = [*LIST, f"{EQUALS},=1+2,Taman,2026-01-20,2027-01-19,,BPU,,"]


async def waiting_for(siaga: App, channel: str, ext: str) -> list[str]:
    async with siaga.store() as store:
        rows = await outbox.pending_for(store.conn, channel, ext)
    return [reply_text(siaga.catalogue, Reply.from_json(r), row.locale)
            for row in rows for r in row.payload]  # fmt: skip


async def audited(siaga: App, prefix: str) -> list[str]:
    a = t.audit_log
    async with siaga.store() as store:
        rows = await store.conn.execute(select(a.c.action).where(a.c.action.like(prefix + "%")))
        return [r.action for r in rows]


async def test_a_lurah_decides_in_the_chat_and_the_freed_place_is_used_the_same_day(
    siaga: App, tmp_path: Path
) -> None:
    siaga.clock = lambda: DEC1
    await load_list(siaga, tmp_path, LIST)
    # Ani linked on WhatsApp, speaking Javanese
    ani = Person(siaga, ANI_WA, channel="whatsapp")
    await ani.say("/status")
    async with siaga.store() as store:
        person = await store.person(UserRef("whatsapp", ANI_WA), "", DEC1)
        person.locale = "jv"
        await store.save_person(person)
        await store.commit()
    await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    # Ani's review opened on 15 November: the residents are asked, nobody is told twice
    assert await act(siaga, renewal.daily) == (1, 0, 0)
    question = (await waiting_for(siaga, "whatsapp", ANI_WA))[-1]
    assert "menapa panjenengan taksih manggen lan nyambut damel ing Kota Madiun?" in question
    async with siaga.store() as store:
        pid = (await store.participant_by_nik(ANI)).id  # type: ignore[union-attr]
    await ani.tap(f"n|stay:{pid}:yes")
    assert "Matur nuwun" in ani.text
    assert (await act(siaga, renewal.daily))[0] == 0  # asked once
    # the quota is full: three covered, three places; a nomination waits
    await set_quota(siaga, 3)
    ref = await file(siaga, "warga-baru", serial=310)
    lurah = await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    first = await act(siaga, review.approve, lurah, await nomination(siaga, ref))
    assert first.outcome is review.Outcome.WAITLISTED
    chat = Person(siaga, "lurah-kelun")
    await chat.say("/perpanjangan")
    said = chat.text
    assert "1 menunggu keputusan" in said and "Ani Lestari (NIK 3577 01•• •••• 0201, Kelun)" in said
    assert "Jawaban warga: masih tinggal dan bekerja di Kota Madiun" in said
    assert "Budi" not in said  # his cover ends in February: not yet in the window
    assert ANI not in said
    await chat.press("Tidak diperpanjang")
    assert "Mengapa kepesertaan Ani Lestari tidak diperpanjang?" in chat.text
    await chat.press("Lainnya")
    assert "Tulis alasannya" in chat.text
    await chat.say("Ikut anak ke Surabaya tahun depan")
    assert "Ani Lestari: tidak diperpanjang" in chat.text and "Warga sudah diberi tahu" in chat.text
    told_ani = (await waiting_for(siaga, "whatsapp", ANI_WA))[-1]
    assert "mboten dipunlajengaken dening kelurahan (alesan: Sanesipun)" in told_ani
    assert "nglajengaken piyambak" in told_ani and "Rp16.800" in told_ani  # how to go on
    # the freed place, the same day
    again = await act(siaga, review.approve, lurah, await nomination(siaga, ref))
    assert again.outcome is review.Outcome.DONE
    await chat.say("/perpanjangan")
    assert "0 menunggu keputusan, 1 sudah diputuskan" in chat.text
    assert "renewal.not_renewed" in await audited(siaga, "renewal.")
    assert "renewal.resident_answered" in await audited(siaga, "renewal.")
    # another kelurahan's lurah cannot decide Ani's renewal
    await make(siaga, "lurah-taman", Role.LURAH, TAMAN)
    taman = Person(siaga, "lurah-taman")
    await taman.tap(f"n|renew:{pid}:renew")
    assert "hanya untuk lurah" in taman.text


async def test_a_lurah_decides_in_the_console_and_the_list_for_bpjs_is_formula_safe(
    siaga: App, web: httpx.AsyncClient, tmp_path: Path
) -> None:
    siaga.clock = lambda: DEC1
    await load_list(siaga, tmp_path, LISTED)
    await make(siaga, "lurah-taman", Role.LURAH, TAMAN)
    page = await signed_in(siaga, web, "lurah-taman")
    page = await web.get("/konsol/perpanjangan")
    assert page.status_code == 200
    assert "Citra Dewi" in page.text and "Ani Lestari" not in page.text  # own kelurahan only
    assert CITRA not in page.text and "3577 01•• •••• 0203" in page.text
    async with siaga.store() as store:
        citra = await store.participant_by_nik(CITRA)
        equals = await store.participant_by_nik(EQUALS)
    assert citra is not None and equals is not None
    token = csrf(page)
    r = await web.post(f"/konsol/perpanjangan/{citra.id}",
                       data={"csrf": token, "keputusan": "not_renewed", "alasan": ""})  # fmt: skip
    assert r.status_code == 303 and "con-renewal-needs" in r.headers["location"]
    for who in (citra, equals):
        r = await web.post(f"/konsol/perpanjangan/{who.id}",
                           data={"csrf": token, "keputusan": "renew"})  # fmt: skip
        assert r.status_code == 303 and "con-renewal-done" in r.headers["location"]
    r = await web.post(f"/konsol/perpanjangan/{citra.id}",
                       data={"csrf": token, "keputusan": "ask"})  # fmt: skip
    assert "con-renewal-not-now" in r.headers["location"]  # decided already
    page = await web.get("/konsol/perpanjangan")
    assert "diperpanjang" in page.text
    xlsx = await web.get("/konsol/perpanjangan.xlsx")
    assert xlsx.status_code == 200
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("no", "nik", "nama") and len(rows) == 3
    by_name = {r[2]: r for r in rows[1:]}
    assert by_name["Citra Dewi"][1] == CITRA  # 16 digits as text, not 3.57701E+15
    assert by_name["Citra Dewi"][10:12] == ("2027-01-01", "2027-12-31")  # the next year
    assert "=1+2" in by_name  # typed text stays text
    cells = [c for c in sheet.iter_rows(min_row=2) for c in c]
    assert all(c.data_type != "f" for c in cells)
    # the same list from the command line, and each export audited
    out = tmp_path / "perpanjangan.xlsx"
    r_cli = admin(siaga.settings.data_dir, "export-renewals", "--out", str(out))
    assert "2 peserta diperpanjang" in r_cli.stdout, r_cli.stderr
    assert (await audited(siaga, "export.renewals")).count("export.renewals") == 2
    # the lurah links a resident's account from the console
    resident = Person(siaga, "citra-di-konsol")
    await resident.say("/peserta")
    code = resident.text.split("kode akun ")[1].split(".")[0]
    page = await web.get("/konsol/perpanjangan")
    r = await web.post("/konsol/perpanjangan/tautkan",
                       data={"csrf": csrf(page), "nik": CITRA, "kode": code})  # fmt: skip
    assert r.status_code == 200 and "Tertaut: Citra Dewi (NIK 3577 01•• •••• 0203, Taman)" in r.text
    await resident.say("/status")
    assert "01-01-2026 s.d. 31-12-2026" in resident.text
    assert "diperpanjang" in resident.text or "disetujui kelurahan" in resident.text


async def test_undecided_renewals_past_the_deadline_go_to_the_dinas_once(
    siaga: App, tmp_path: Path
) -> None:
    siaga.clock = lambda: DEC1
    await load_list(siaga, tmp_path, LIST)
    await make(siaga, "dinas", Role.ADMIN)
    await make(siaga, "lurah-taman", Role.LURAH, TAMAN)
    siaga.clock = lambda: DEC1 + timedelta(days=20)  # 21 December: Citra's deadline was the 17th
    assert (await act(siaga, renewal.daily))[2] == 1
    assert (await act(siaga, renewal.daily))[2] == 0  # once
    notice = (await inbox(siaga, "dinas"))[-1]
    assert "1 perpanjangan belum diputuskan" in notice and "Citra Dewi (Taman)" in notice
    dinas = Person(siaga, "dinas")
    await dinas.say("/perpanjangan")
    assert "Citra Dewi" in dinas.text and "Ani" not in dinas.text  # the Dinas's share: late
    assert "Lewat batas waktu" in dinas.text
    await dinas.press("Perpanjang")
    assert "Citra Dewi: diperpanjang" in dinas.text
    assert BUDI not in dinas.text
    # 30 December: Budi's review opens today, and Kelun's lurah is told once
    await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    siaga.clock = lambda: datetime(2026, 12, 30, 3, 0, tzinfo=UTC)
    assert (await act(siaga, renewal.daily))[1] == 1
    told = (await inbox(siaga, "lurah-kelun"))[-1]
    assert "1 peserta di kelurahan Anda" in told and "/perpanjangan" in told
