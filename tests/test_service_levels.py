"""Service levels (issue 30 item 2): questions answered within the office-hour deadline, the
median first answer in office time, reviews within the review deadline and claims within the
30 working days, per kelurahan and per officer, counted on the real calendar (Idulfitri 2027
and its cuti bersama closed); the late ones red and said in words on the console's Layanan
page, in /statistik and `siaga admin stats`; a CSV no spreadsheet runs; Monday's summary to
the Dinas."""

from __future__ import annotations

import asyncio
import csv
import io
import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest

from bot.app import App
from bot.national_days import with_national_days
from bot.program_loader import default_program_path, load_program
from domain.claims import ClaimKind
from domain.program import Program
from domain.service_levels import (
    ClaimTimes,
    Kept,
    QuestionTimes,
    ReviewTimes,
    claim_kept,
    measure,
    office_minutes,
    question_kept,
    review_kept,
)
from domain.workdays import WEEKDAYS
from handlers.core.records import Role
from tests.harness import Person
from tests.helpers import nik_for
from tests.test_console import review_approve, signed_in
from tests.test_handover import citizen_of_kelun, inbox
from tests.test_review import KELUN, file, make, set_quota

WIB = ZoneInfo("Asia/Jakarta")
TAMAN = "35.77.03.1009"


def wib(*args: int) -> datetime:
    return datetime(*args, tzinfo=WIB)  # type: ignore[misc]


def at(*args: int) -> datetime:
    return wib(*args).astimezone(UTC)


@pytest.fixture(scope="module")
def madiun() -> Program:
    """The program as the composition root builds it, with the national days (no wall clock)."""
    program = load_program(default_program_path())
    return asyncio.run(with_national_days(program, datetime(2027, 1, 4, tzinfo=UTC)))


# --- the rules, on the calendar ----------------------------------------------------------------


def question(
    asked: datetime, answered: datetime | None = None, *, kelurahan: str = KELUN,
    officer: int = 7, closed: datetime | None = None, rating: int | None = None,
) -> QuestionTimes:  # fmt: skip
    return QuestionTimes(kelurahan, officer, asked, answered, closed, rating)


def test_a_question_answered_after_idulfitri_2027_was_on_time_as_the_calendar_says(
    madiun: Program,
) -> None:
    desk = madiun.handover
    asked = wib(2027, 3, 4, 14, 0)  # Thursday before Lebaran
    now = wib(2027, 3, 20, 9, 0)
    since = now - timedelta(days=30)
    # 8 office hours: Thu 14-15, Fri 8-11, then 8-15 March closed (Nyepi, cuti bersama,
    # Idulfitri, cuti bersama) and the weekend: Tuesday 16 March at 12.00
    assert (
        question_kept(desk, question(asked, wib(2027, 3, 16, 11, 59)), since, now) is Kept.ON_TIME
    )
    assert question_kept(desk, question(asked, wib(2027, 3, 16, 12, 1)), since, now) is Kept.LATE
    # weekdays only, it would have been late on Monday 8 March at 12.00, on Nyepi
    weekdays = replace(desk, calendar=WEEKDAYS)
    assert (
        question_kept(weekdays, question(asked, wib(2027, 3, 16, 11, 0)), since, now) is Kept.LATE
    )
    # the wait in office time: 1 h + 3 h + 1 h (16 March 08.00-09.00), not twelve days
    assert office_minutes(desk, asked, wib(2027, 3, 16, 9, 0)) == 5 * 60
    # unanswered: not late before its deadline, late after it
    assert question_kept(desk, question(asked), since, wib(2027, 3, 16, 11, 0)) is Kept.DUE
    assert question_kept(desk, question(asked), since, wib(2027, 3, 16, 12, 30)) is Kept.LATE
    # closed by the resident before the deadline, unanswered: not counted against anyone
    closed = question(asked, closed=wib(2027, 3, 5, 9, 0))
    assert question_kept(desk, closed, since, now) is Kept.NOT_COUNTED
    # answered before the period began: another period's
    old = question(wib(2027, 1, 4, 9, 0), wib(2027, 1, 4, 10, 0))
    assert question_kept(desk, old, since, now) is Kept.NOT_COUNTED


def test_reviews_and_claims_keep_their_own_deadlines(madiun: Program) -> None:
    days = madiun.review_deadline_days
    filed = wib(2027, 3, 1, 9, 0)
    now = wib(2027, 3, 20, 9, 0)
    since = now - timedelta(days=30)

    def review(decided: datetime | None, waiting: bool = False) -> ReviewTimes:
        return ReviewTimes(KELUN, 3, filed, decided, waiting)

    assert review_kept(days, review(filed + timedelta(days=6)), since, now) is Kept.ON_TIME
    assert review_kept(days, review(filed + timedelta(days=8)), since, now) is Kept.LATE
    assert review_kept(days, review(None, waiting=True), since, now) is Kept.LATE
    assert (
        review_kept(days, review(None, waiting=True), since, filed + timedelta(days=2)) is Kept.DUE
    )
    assert review_kept(days, review(None), since, now) is Kept.NOT_COUNTED  # withdrawn

    # reported Thursday 4 March 2027: the 30th working day is 27 April (tests/test_calendar.py)
    assert madiun.claims is not None
    due = madiun.claims.service_due(date(2027, 4, 27) - timedelta(days=54))
    assert due == date(2027, 4, 27)

    def claim(finished: datetime | None) -> ClaimTimes:
        return ClaimTimes(KELUN, at(2027, 3, 4, 9, 0), due, finished)

    later = wib(2027, 5, 3, 9, 0)
    assert (
        claim_kept(claim(at(2027, 4, 27, 15, 0)), later - timedelta(days=30), later) is Kept.ON_TIME
    )
    assert claim_kept(claim(at(2027, 4, 28, 9, 0)), later - timedelta(days=30), later) is Kept.LATE
    assert claim_kept(claim(None), later - timedelta(days=30), wib(2027, 4, 27, 16)) is Kept.DUE
    assert claim_kept(claim(None), later - timedelta(days=30), later) is Kept.LATE


def test_the_figures_per_kelurahan_and_per_officer(madiun: Program) -> None:
    asked = at(2027, 3, 4, 14, 0)
    now = wib(2027, 3, 20, 9, 0)
    qs = [
        question(asked, at(2027, 3, 16, 9, 0), officer=7, closed=at(2027, 3, 16, 10), rating=1),
        question(asked, at(2027, 3, 16, 13, 0), officer=7, closed=at(2027, 3, 16, 14), rating=4),
        question(asked, None, kelurahan=TAMAN),
    ]  # fmt: skip
    f = measure(madiun.handover, 7, qs, [], [], now, 30, [KELUN, TAMAN, "35.77.01.1001"])
    kelun, taman = f.by_kelurahan[KELUN], f.by_kelurahan[TAMAN]
    assert (kelun.questions.on_time, kelun.questions.late, kelun.questions.percent) == (1, 1, 50)
    assert kelun.median_minutes == (5 * 60 + 9 * 60) / 2  # 09.00 and 13.00 on the 16th
    assert (kelun.mean_rating, kelun.low_ratings) == (2.5, 1)
    assert (taman.questions.late, taman.late) == (1, 1)  # never answered, past its deadline
    assert f.by_kelurahan["35.77.01.1001"].empty  # every kelurahan has its row
    assert f.by_officer[7].questions.counted == 2 and 7 in f.by_officer
    assert (f.total.questions.counted, f.total.late) == (3, 2)


# --- the doors: chat, console, CSV, the command line, Monday -----------------------------------


async def two_questions_over_lebaran(siaga: App) -> None:
    """Two residents of Kelun ask on the Thursday before Idulfitri 2027; the lurah answers
    one on Tuesday 16 March at 11.00 (in time; rated 2) and the other at 13.00 (late; rated
    5); a resident of Taman is never answered. In Kelun, too, a nomination waits since 1
    March (late), another is approved the day after it was filed (in time), and a claim is
    open past its due day."""
    siaga.clock = lambda: at(2027, 3, 1, 9, 0)
    await set_quota(siaga, 10)
    made = await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    await make(siaga, "lurah-taman", Role.LURAH, TAMAN)
    await make(siaga, "dinas", Role.ADMIN)
    async with siaga.store() as store:
        lurah = await store.person_by_id(made.id)
        assert lurah is not None
        lurah.display_name = '=HYPERLINK("http://x")'  # a name a spreadsheet would run
        await store.save_person(lurah)
        await store.open_claim(
            kind=ClaimKind.DEATH, event_date=date(2027, 2, 1), relation="family",
            reporter_id=None, nomination_id=None, kelurahan_code=KELUN, named="Warga",
            nik=None, traffic=False, due_on=date(2027, 3, 12), now=at(2027, 2, 1, 9, 0),
        )  # fmt: skip
        await store.commit()
    await file(siaga, "warga-usul-lama", serial=11)
    siaga.clock = lambda: at(2027, 3, 3, 9, 0)
    await review_approve(siaga, lurah, await file(siaga, "warga-usul-baru", serial=12))
    siaga.clock = lambda: at(2027, 3, 4, 14, 0)
    for ext in ("warga-a", "warga-b"):
        warga = await citizen_of_kelun(siaga, ext)
        await warga.say("tanya petugas")
        await warga.say(f"Pertanyaan dari {ext}: kapan kuota dibuka?")
    taman = Person(siaga, "warga-taman")
    for line in ["/menu", "cek", "setuju", "Sri Lestari", nik_for(41, serial=2), "benar",
                 "benar", "Taman", "Taman", "tanya petugas",
                 "Apakah bisa daftar lewat kelurahan?"]:  # fmt: skip
        await taman.say(line)
    lurah_chat = Person(siaga, "lurah-kelun")
    for ticket, hour, rating in ((1, 11, "kurang jelas"), (2, 13, "sangat membantu")):
        siaga.clock = lambda hour=hour: at(2027, 3, 16, hour, 0)  # type: ignore[misc]
        await lurah_chat.tap(f"n|treply:{ticket}")
        await lurah_chat.say("Kuota dibuka lagi bulan April.")
        await lurah_chat.say("tutup")
        await Person(siaga, f"warga-{'ab'[ticket - 1]}").say(rating)
    siaga.clock = lambda: at(2027, 3, 17, 9, 0)


async def test_statistik_names_the_late_kelurahan_in_words(siaga: App) -> None:
    await two_questions_over_lebaran(siaga)
    dinas = Person(siaga, "dinas")
    await dinas.say("/statistik")
    text = dinas.text
    assert "Layanan 30 hari terakhir" in text
    assert "1 dari 3 dijawab dalam 8 jam kerja (33%); 2 terlambat" in text
    assert "Pemeriksaan usulan: 1 dari 2 diputus dalam 7 hari (50%); 1 terlambat" in text
    assert "Klaim: 0 dari 1 selesai dalam 30 hari kerja (0%); 1 terlambat" in text
    assert "Penilaian warga: rata-rata 3.5 dari 2 penilaian; 1 rendah" in text
    assert (
        "🔴 TERLAMBAT · Kelun: tanya 1/2 (50%), usulan 1/2 (50%), klaim 0/1 (0%); "
        "nilai 3.5 (2); terlambat 3"
    ) in text
    assert "🔴 TERLAMBAT · Taman: tanya 0/1 (0%)" in text
    # the officer: 7 h and 9 h of office time; one nomination decided in a day
    assert "tanya 1/2 (50%), median 8 j 0 m; usulan 1/1 (100%); terlambat 1" in text
    # and the rating of 2 ("kurang jelas") reached the Dinas at once
    assert len([m for m in await inbox(siaga, "dinas") if "Penilaian rendah" in m]) == 1
    lurah = Person(siaga, "lurah-taman")
    await lurah.say("/statistik")
    assert "TERLAMBAT · Taman" in lurah.text and "TERLAMBAT · Kelun" not in lurah.text  # own


async def test_the_service_page_shows_the_late_ones_red_and_in_words(
    siaga: App, web: httpx.AsyncClient
) -> None:
    await two_questions_over_lebaran(siaga)
    page = await signed_in(siaga, web, "dinas")
    page = await web.get("/konsol/layanan")
    assert page.status_code == 200
    kelun = re.search(r'<tr class="late">\s*<th scope="row">Kelun</th>(.*?)</tr>', page.text, re.S)
    assert kelun, page.text
    assert "1 dari 2 (50%)" in kelun.group(1)
    assert '<span class="badge">1 terlambat</span>' in kelun.group(1)  # a word, not only red
    assert re.search(r'<tr>\s*<th scope="row">Oro-oro Ombo</th>', page.text)  # not red
    officer = re.search(
        r'<tr class="late">\s*<th scope="row">([^<]*HYPERLINK[^<]*)</th>', page.text
    )
    assert officer and "&#34;" in officer.group(1)  # escaped, shown as typed
    week = await web.get("/konsol/layanan?hari=7")
    assert "7 hari terakhir" in week.text
    bad = await web.get("/konsol/layanan?hari=8")
    assert bad.status_code == 400 and "Periode" in bad.text

    got = await web.get("/konsol/layanan.csv?hari=30")
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(got.text)))
    by_name = {r["nama"]: r for r in rows}
    assert by_name["Kelun"]["tanya_tepat_waktu"] == "1" and by_name["Kelun"]["terlambat"] == "ya"
    assert (by_name["Kelun"]["nilai_rata_rata"], by_name["Kelun"]["nilai_rendah"]) == ("3.5", "1")
    assert (
        by_name["Kelun"]["usulan_terlambat"] == "1" and by_name["Kelun"]["klaim_terlambat"] == "1"
    )
    assert by_name["Taman"]["tanya_persen"] == "0.0"
    officer_rows = [r for r in rows if r["lingkup"] == "petugas"]
    assert officer_rows and all(r["nama"].startswith("'=") for r in officer_rows)  # formula-safe

    # a lurah sees their own kelurahan and themselves
    await signed_in(siaga, web, "lurah-taman")
    own = await web.get("/konsol/layanan")
    assert ">Taman</th>" in own.text and ">Kelun</th>" not in own.text


async def test_monday_s_summary_reaches_the_dinas_once_a_week(siaga: App) -> None:
    await two_questions_over_lebaran(siaga)
    sched = siaga.scheduler()
    siaga.settings.service_summary = "mon 07:30"  # read by the scheduler at each tick
    monday = at(2027, 3, 22, 7, 30)
    assert "service_summary" in await sched.tick(monday)
    assert "service_summary" not in await sched.tick(monday + timedelta(hours=2))
    assert "service_summary" not in await sched.tick(monday + timedelta(days=7, minutes=-1))
    summary = [m for m in await inbox(siaga, "dinas") if "Ringkasan layanan mingguan" in m]
    assert len(summary) == 1
    assert "Layanan 7 hari terakhir (sejak 15-03-2027)" in summary[0]
    assert "🔴 TERLAMBAT · Kelun" in summary[0]
    assert "service_summary" in await sched.tick(monday + timedelta(days=7))
    assert not any("Ringkasan layanan" in m for m in await inbox(siaga, "lurah-kelun"))


async def test_a_quiet_week_sends_no_summary(siaga: App) -> None:
    await make(siaga, "dinas", Role.ADMIN)
    sched = siaga.scheduler()
    siaga.settings.service_summary = "mon 07:30"  # read by the scheduler at each tick
    assert "service_summary" in await sched.tick(at(2027, 3, 22, 7, 30))  # ran, once
    assert not any("Ringkasan layanan" in m for m in await inbox(siaga, "dinas"))
