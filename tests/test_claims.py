"""When something happens (issue 20): a family reports a death, the Dinas follows the case to
the payout with the family told at each step, a stranger learns nothing about anyone's cover,
the lurah is asked for the death letter, and the scholarship reminder comes each year."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import select

from bot.app import App
from bot.db import schema as t
from handlers.core.messages import UserRef
from handlers.core.records import Person as PersonRecord
from handlers.core.records import Role
from handlers.nominations import coverage as dinas
from handlers.nominations import review
from tests.harness import Person
from tests.helpers import nik_for
from tests.test_console import csrf, signed_in
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
    await dinas_chat.say("empat puluh dua juta")  # not an amount: asked again, nothing moved
    assert "belum terbaca" in dinas_chat.text
    await dinas_chat.say("42 juta")
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
    from tests.fake_telegram import TOKEN, FakeTelegram
    from tests.helpers import name_admin
    from tests.test_telegram import Polling, deliverer

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
    deliver = deliverer(siaga, channel)

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


async def report_by_nik(
    siaga: App, who: str, nik: str, relation: str = "Tetangga / lainnya"
) -> str:
    """A death reported yesterday of "Warga Uji", named by NIK or reference: what was said."""
    p = Person(siaga, who)
    await p.say("/kabar")
    await p.press("🕊 Meninggal dunia")
    await p.press(relation)
    await p.say(nik)
    await p.say("Warga Uji")
    await p.say("kemarin")
    return p.text


async def submitted_case(siaga: App) -> PersonRecord:
    """A participant's death reported by the spouse a month into the cover, the case taken
    to "submitted to BPJS" by the Dinas: the Dinas's officer."""
    from handlers.claims import cases as claims

    await participant(siaga)
    admin = await make(siaga, "dinas", Role.ADMIN)
    siaga.clock = lambda: START + timedelta(days=30)
    await report_by_nik(siaga, "istri", nik_for(40, serial=1))
    for step in (claims.S.DOCUMENTS, claims.S.SUBMITTED):
        await act(siaga, claims.move, admin, 1, step)
    return admin


async def test_a_stranger_learns_nothing_about_anyone_s_cover(siaga: App) -> None:
    """A neighbour naming a participant and one naming nobody get the same words (the case
    number aside): whether someone is covered is for the family to hear from the officer."""
    await participant(siaga)
    await make(siaga, "dinas", Role.ADMIN)
    siaga.clock = lambda: START + timedelta(days=30)
    covered = await report_by_nik(siaga, "tetangga-1", nik_for(40, serial=1))
    nobody = await report_by_nik(siaga, "tetangga-2", nik_for(40, serial=77))
    assert covered.replace("#1", "#N") == nobody.replace("#2", "#N")
    for secret in ("Rp42", "PJK-", "terdaftar", "Perlindungan Anda", "01-03-2027"):
        assert secret not in covered
    cards = await inbox(siaga, "dinas")
    assert "Terlindungi pada tanggal kejadian: ya" in cards[0]
    assert "Perkiraan santunan: Rp10.000.000" in cards[0]  # died in the second month
    assert "Tidak ada peserta yang cocok" in cards[-1]  # the officer sees what was typed
    assert "Warga Uji, 3577 01•• •••• 0077" in cards[-1]  # masked, as everywhere
    said = Person(siaga, "tetangga-1")
    await said.say("/status")
    assert "Kasus #1" in said.text and "PJK-" not in said.text
    await said.say("/dataku")  # what they reported is theirs to see, and to cut loose
    assert "Laporan kabar duka" in said.text and "Kasus #1" in said.text
    await said.say("/hapus")
    await said.say("ya")
    async with siaga.store() as store:
        case = await store.claim(1)
    assert case is not None and case.reporter_id is None  # the Dinas keeps the case


async def test_a_participant_reporting_their_own_accident_sees_their_cover(siaga: App) -> None:
    await participant(siaga)
    await make(siaga, "dinas", Role.ADMIN)
    siaga.clock = lambda: START + timedelta(days=40)  # 11 April: month 2 of the cover
    me = Person(siaga, "peserta")
    await me.say("saya kecelakaan kerja tadi pagi di pasar")  # a sentence, at the menu
    # a report starts something heavy: asked first, whatever the reader's confidence (issue 27)
    assert "melaporkan kecelakaan kerja?" in me.text
    await me.press("Ya, lanjutkan")
    assert "Siapa yang melapor" in me.text  # the kind read from the words
    await me.press("Saya sendiri")
    await me.say("hari ini")
    assert "jalan raya" in me.text
    await me.say("tidak")
    said = me.text
    assert "Perlindungan Anda" in said and "02-03-2026 s.d. 01-03-2027" in said
    assert "setelah 3 bulan" in said and "Rp10.000.000" in said  # the reported rule, worded so
    assert "48 jam" in said and "Formulir 3b" in said and "7 hari kerja" in said
    assert "laporan polisi" not in said.split("Berkas")[0]  # not a traffic accident


async def test_the_lurah_is_asked_for_the_letter_and_the_family_hears_it_is_ready(
    siaga: App,
) -> None:
    ref = await participant(siaga)
    await make(siaga, "dinas", Role.ADMIN)
    await make(siaga, "lurah-taman", Role.LURAH, "35.77.03.1009")
    siaga.clock = lambda: START + timedelta(days=100)
    anak = Person(siaga, "anak")
    await anak.say("innalillahi, bapak saya sudah meninggal dunia kemarin")
    assert "melaporkan kabar duka" in anak.text  # asked first (issue 27)
    await anak.press("Ya, lanjutkan")
    assert "Siapa yang melapor" in anak.text  # then straight to the reporter: a death, read
    await anak.press("Keluarga")
    await anak.say(ref)
    await anak.say("Warga Uji")
    await anak.say("kemarin")
    lurah = Person(siaga, "lurah-kelun")
    await lurah.tap("n|claim:1:letterok")
    assert "Terima kasih" in lurah.text
    assert "siap diambil di kantor kelurahan" in (await inbox(siaga, "anak"))[-1]
    assert "surat dari Kelurahan Kelun sudah siap" in (await inbox(siaga, "dinas"))[-1]
    other = Person(siaga, "lurah-taman")  # another kelurahan's lurah: not theirs
    await other.tap("n|claim:1:letterok")
    assert "hanya untuk petugas" in other.text
    family_button = Person(siaga, "anak")  # nor can the family move the case
    await family_button.tap("n|claim:1:paid")
    assert "hanya untuk petugas" in family_button.text


async def test_past_the_service_time_the_dinas_is_reminded_once(siaga: App) -> None:
    from handlers.claims import watch as claims_watch

    await participant(siaga)
    await make(siaga, "dinas", Role.ADMIN)
    siaga.clock = lambda: START + timedelta(days=60)  # Friday 1 May 2026
    await report_by_nik(siaga, "tetangga", nik_for(40, serial=1))
    async with siaga.store() as store:
        due = (await store.claim(1)).due_on  # type: ignore[union-attr]
    # 30 working days after 1 May: six weeks of weekdays (12 June) and six more for the days
    # off between: Ascension and its cuti bersama (14-15 May), Iduladha and its cuti bersama
    # (27-28 May), Pancasila (1 June), Islamic New Year (16 June)
    assert due == date(2026, 6, 22)
    siaga.clock = lambda: datetime(2026, 6, 22, 1, 0, tzinfo=UTC)
    assert (await act(siaga, claims_watch.tend))["overdue"] == 0  # on the day: not yet
    siaga.clock = lambda: datetime(2026, 6, 23, 1, 0, tzinfo=UTC)
    assert (await act(siaga, claims_watch.tend))["overdue"] == 1
    assert "melewati batas layanan 30 hari kerja" in (await inbox(siaga, "dinas"))[-1]
    assert (await act(siaga, claims_watch.tend))["overdue"] == 0  # once


async def test_each_child_gets_a_yearly_scholarship_reminder_until_23_or_stop(
    siaga: App,
) -> None:
    from handlers.claims import cases as claims
    from handlers.claims import watch as claims_watch

    admin = await submitted_case(siaga)
    outcome, _ = await act(siaga, claims.move, admin, 1, claims.S.PAID)
    assert outcome is claims.Moved.NEEDS  # paid needs its amount
    await act(siaga, lambda ctx: claims.move(ctx, admin, 1, claims.S.PAID, amount=42_000_000,
                                             children=(2004, 2014, 2016)))  # fmt: skip
    async with siaga.store() as store:
        kids = await store.children_of(1)
    assert [y for y, _ in kids] == [2004, 2014]  # two children at most
    assert kids[0][1] is None  # born 2004: 23 at the first anniversary: no reminder
    assert kids[1][1] == date(2027, 4, 1)
    siaga.clock = lambda: datetime(2027, 4, 1, 1, 0, tzinfo=UTC)
    assert (await act(siaga, claims_watch.tend))["scholarship"] == 1
    reminder = (await inbox(siaga, "istri"))[-1]
    assert "Pengingat beasiswa" in reminder and "Rapor" in reminder
    assert (await act(siaga, claims_watch.tend))["scholarship"] == 0  # next one in a year
    istri = Person(siaga, "istri")
    await istri.tap("n|kidsstop:1")
    assert "dihentikan" in istri.text
    siaga.clock = lambda: datetime(2028, 4, 2, 1, 0, tzinfo=UTC)
    assert (await act(siaga, claims_watch.tend))["scholarship"] == 0


async def test_the_coverage_ending_reminder_says_how_to_go_on_and_the_discount(siaga: App) -> None:
    await participant(siaga)
    siaga.clock = lambda: datetime(2027, 2, 10, 1, 0, tzinfo=UTC)  # cover ends 1 March 2027
    reminded, _ = await act(siaga, dinas.coverage_reminders)
    assert reminded == 1
    told = (await inbox(siaga, "peserta"))[-1]
    assert "berakhir 01-03-2027" in told and "Rp16.800 per bulan" in told
    # PP 50/2025 still holds for transport on 2 March 2027, no longer for other sectors
    assert "transportasi" in told and "Rp8.400" in told and "31-03-2027" in told
    assert "sektor lainnya" not in told


async def test_statistics_show_cases_amounts_and_the_claim_ratio(siaga: App) -> None:
    from handlers.claims import cases as claims

    admin = await submitted_case(siaga)
    siaga.clock = lambda: START + timedelta(days=45)
    await act(siaga, lambda ctx: claims.move(ctx, admin, 1, claims.S.PAID, amount=10_000_000))
    dinas_chat = Person(siaga, "dinas")
    await dinas_chat.say("/statistik")
    said = dinas_chat.text
    # one participant covered 2 March – 16 April 2026: 46 days = 1.51 months × Rp16.800
    assert "1 dibayar" in said and "Rp10.000.000 dari iuran Rp25.390" in said
    assert "rasio klaim 39386%" in said and "Median 15 hari" in said
    assert "2026-04 JKM (meninggal dunia): 1 kasus, dibayar Rp10.000.000" in said
    assert dinas_chat.last[-1].reply.image_png is not None  # the chart with its claims panel


async def test_console_story_from_the_family_s_first_message_to_a_paid_case(
    siaga: App, web: httpx.AsyncClient
) -> None:
    """The family on the console chat, the Dinas on the web console: each step the officer
    takes on the case's page reaches the family's chat."""
    ref = await participant(siaga)
    await make(siaga, "dinas", Role.ADMIN)
    siaga.clock = lambda: START + timedelta(days=150)
    suami = Person(siaga, "suami")
    await suami.say("istri saya meninggal dunia tadi pagi")
    await suami.press("Ya, lanjutkan")  # a report is asked first (issue 27)
    await suami.press("Keluarga")
    await suami.say(ref)
    await suami.say("Warga Uji")
    await suami.press("Hari ini")
    assert "kasus #1" in suami.text

    await signed_in(siaga, web, "dinas")
    listing = await web.get("/konsol/klaim")
    assert "#1" in listing.text and "dilaporkan" in listing.text
    page = await web.get("/konsol/klaim/1")
    assert ref in page.text and "Warga Uji" in page.text
    token = csrf(page)
    n = await nomination(siaga, ref)
    cover = await web.get(f"/konsol/usulan/{n.id}")  # the participant's cover, for the officer
    assert "Perlindungan peserta" in cover.text and "02-03-2026 s.d. 01-03-2027" in cover.text
    told = []
    for step, extra in (("documents", {}), ("submitted", {}),
                        ("paid", {"jumlah": "42.000.000", "anak": "2015"})):  # fmt: skip
        r = await web.post("/konsol/klaim/1", data={"csrf": token, "langkah": step, **extra})
        assert r.status_code == 303 and "con-claim-moved" in r.headers["location"]
        told.append((await inbox(siaga, "suami"))[-1])
    assert "berkasnya sudah lengkap" in told[0] and "sudah diajukan" in told[1]
    assert "santunan Rp42.000.000 sudah dibayarkan" in told[2]
    page = await web.get("/konsol/klaim/1")
    assert "Dibayar: Rp42.000.000" in page.text and "Lahir 2015" in page.text
    again = await web.post("/konsol/klaim/1", data={"csrf": token, "langkah": "refused",
                                                     "alasan": "terlambat"})  # fmt: skip
    assert "con-claim-not-now" in again.headers["location"]  # a paid case stays paid
    forged = await web.post("/konsol/klaim/1", data={"csrf": "x", "langkah": "refused"})
    assert forged.status_code == 403
    async with siaga.store() as store:
        rows = (
            await store.conn.execute(
                select(t.audit_log.c.action, t.audit_log.c.detail).where(
                    t.audit_log.c.action == "claim.paid"
                )
            )
        ).all()
    assert rows and "via console" in rows[0].detail
    await suami.say("/status")
    assert "Kasus #1" in suami.text and "dibayar" in suami.text


async def test_one_account_cannot_flood_the_dinas_with_reports(siaga: App) -> None:
    await make(siaga, "dinas", Role.ADMIN)
    siaga.clock = lambda: START
    for serial in (1, 2, 3):
        said = await report_by_nik(siaga, "iseng", nik_for(40, serial=serial))
        assert f"kasus #{serial}" in said
    p = Person(siaga, "iseng")
    await p.say("/kabar")
    assert "hubungi langsung Disnaker KUKM" in p.text and "(0351) 454288" in p.text
    siaga.clock = lambda: START + timedelta(days=1, minutes=1)  # a day later: again
    await p.say("/kabar")
    assert "Apa yang terjadi" in p.text


async def test_a_question_in_the_middle_of_a_report_is_answered_and_nothing_is_lost(
    siaga: App,
) -> None:
    ref = await participant(siaga)
    siaga.clock = lambda: START + timedelta(days=100)
    anak = Person(siaga, "anak-tanya")
    await anak.say("/kabar")
    await anak.say("bapak meninggal dunia")  # typed, not pressed
    await anak.say("keluarga")
    await anak.say(ref)
    await anak.say("berapa santunan kalau meninggal?")  # a question at the name step
    assert "Rp42.000.000" in anak.text and "nama lengkap peserta" in anak.text
    await anak.say("Warga Uji")
    await anak.say("2 hari lalu")
    assert "kasus #1" in anak.text
    async with siaga.store() as store:
        case = await store.claim(1)
    assert case is not None and case.event_date == date(2026, 6, 8)


async def test_a_death_at_work_lists_the_jkk_forms_and_the_heirs_documents(siaga: App) -> None:
    siaga.clock = lambda: START
    p = Person(siaga, "rekan")
    await p.say("/kabar")
    await p.press("🕊 Wafat saat bekerja")
    await p.press("Keluarga")
    await p.say(nik_for(40, serial=5))
    await p.say("Warga Lima")
    await p.say("hari ini")
    await p.say("ya")  # on the road
    said = p.text
    assert "Formulir 3 (laporan tahap I)" in said and "Akta kematian" in said
    assert "Surat pernyataan ahli waris" in said and "laporan polisi" in said
    assert "48 jam" in said and "Urutan ahli waris" in said and "Beasiswa anak" in said


def test_the_command_line_lists_and_moves_a_case(tmp_path: Path) -> None:
    """`siaga admin claims` and `siaga admin claim`, beside a family on `siaga chat`."""
    import subprocess
    import sys

    from tests.helpers import chat, chat_env, texts

    def admin(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "bot", "admin", *args], capture_output=True,
                              text=True, env=chat_env(tmp_path), cwd=tmp_path, timeout=120)  # fmt: skip

    out = chat(tmp_path, "ibu", "/kabar", "1", "2", nik_for(40, serial=3), "Warga Tiga", "kemarin")
    assert "kasus #1" in texts(out)
    listed = admin("claims")
    assert listed.returncode == 0 and "#1\tdeath\treported" in listed.stdout
    assert admin("claim", "1", "--status", "paid", "--amount", "1").returncode == 1  # not yet
    for step in ("documents", "submitted"):
        assert admin("claim", "1", "--status", step).returncode == 0
    needs = admin("claim", "1", "--status", "paid")
    assert needs.returncode == 1 and "needs" in needs.stderr  # paid needs its amount
    done = admin("claim", "1", "--status", "paid", "--amount", "42000000", "--children", "2015")
    assert done.returncode == 0, done.stderr
    assert "#1\tdeath\tpaid Rp42.000.000" in admin("claims", "--all").stdout
    told = texts(chat(tmp_path, "ibu", "/status"))
    assert "Rp42.000.000 sudah dibayarkan" in told and "Kasus #1" in told


async def test_a_report_typed_with_typos_and_a_spaced_nik_finds_the_participant(
    siaga: App,
) -> None:
    await participant(siaga)
    await make(siaga, "dinas", Role.ADMIN)
    siaga.clock = lambda: START + timedelta(days=100)
    anak = Person(siaga, "anak-ketik")
    await anak.say("bapak sy udah meningal dunia kmrn")
    assert "melaporkan kabar duka" in anak.text  # the death read despite the typo, asked first
    await anak.say("ya")
    assert "Siapa yang melapor" in anak.text
    await anak.say("2")  # the second button just shown: Keluarga
    nik = nik_for(40, serial=1)
    await anak.say(" ".join((nik[:4], nik[4:8], nik[8:12], nik[12:])))  # as printed on a KTP
    await anak.say("Warga Uji")
    await anak.say("kemarin")
    assert "kasus #1" in anak.text
    assert "Terlindungi pada tanggal kejadian: ya" in (await inbox(siaga, "dinas"))[-1]


async def test_a_reference_without_digits_is_read_as_a_reference_not_by_the_reader(
    siaga: App,
) -> None:
    """References are drawn at random; one with no digit in it ("PJK-ABCDE") went to the
    reader at the "nomor usulan" question and came back as the privacy notice or the welcome."""
    siaga.clock = lambda: START
    p = Person(siaga, "tanpa-angka")
    await p.say("/kabar")
    await p.say("bapak meninggal dunia")
    await p.say("keluarga")
    await p.say("PJK-ABCDE")
    assert "Pemberitahuan Privasi" not in p.text and "Selamat datang" not in p.text
    async with siaga.store() as store:
        _, conv = await store.load(UserRef("console", "tanpa-angka"), "", siaga.clock())
    assert conv.flow == "kabar"


async def test_a_death_told_in_a_sentence_is_met_with_condolences_before_any_question(
    siaga: App,
) -> None:
    """A resident tester: "bapak saya meninggal" got straight to "do you want to report…?"
    with no word of sympathy; /kabar's own first question had one. In each language."""
    from tests.test_reader import Fixed

    words = {"id": "turut berduka cita", "en": "sorry for your loss", "jv": "bela sungkawa"}
    for lang, sympathy in words.items():
        siaga.conversations.reader = Fixed(("report:death", 0.95), language=(lang, 0.99))
        family = Person(siaga, f"keluarga-{lang}")
        await family.say("bapak saya meninggal tadi malam")
        assert sympathy in family.text.lower(), (lang, family.text)
