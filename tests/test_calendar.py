"""The real calendar (issue 30 item 4): office hours, the answer deadline and the claims' working
days skip Indonesia's national holidays, the cuti bersama of each year's SKB 3 Menteri and the
city's own days off from the program file. Tested across Idulfitri 1448 H (10-11 March 2027).

March 2027 around Lebaran, as the SKB sets it (Menteri Agama 1205/2026, Menteri
Ketenagakerjaan 3/2026, Menteri PANRB 2/2026):

    Mon  8  Nyepi              Tue  9  cuti bersama    Wed 10  Idulfitri   Thu 11  Idulfitri
    Fri 12  cuti bersama       Mon 15  cuti bersama    Thu 25  cuti bersama  Fri 26  Good Friday

Office hours (program file): Monday-Thursday 08.00-15.00, Friday 08.00-11.00; an answer is due
within 8 office hours.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml

from bot.app import App, build
from bot.config import Settings
from bot.national_days import national_days_off, with_national_days
from bot.program_loader import ProgramFileError, default_program_path, load_program
from domain.program import Program
from handlers.core.records import Role
from tests.helpers import nik_for
from tests.test_claims import participant, report_by_nik
from tests.test_handover import citizen_of_kelun, inbox
from tests.test_review import KELUN, make

WIB = ZoneInfo("Asia/Jakarta")
ROOT = Path(__file__).resolve().parent.parent


def wib(*args: int) -> datetime:
    return datetime(*args, tzinfo=WIB)  # type: ignore[misc]


def at(*args: int) -> datetime:
    """The app's clock is UTC (Context.now): a local time in Madiun, as the clock gives it."""
    return wib(*args).astimezone(UTC)


@pytest.fixture(scope="session")
def madiun() -> Program:
    """The program as the composition root builds it, on a fixed day (no wall clock)."""
    program = load_program(default_program_path())
    return asyncio.run(with_national_days(program, datetime(2027, 1, 4, tzinfo=UTC)))


# --- the days: each year's SKB, no more and no fewer ------------------------------------------

# The SKB's own lists, to hold the package (holidays 0.109) to them: national holidays, then
# cuti bersama. 2026: SKB 1497/2025, 2/2025, 5/2025 (19 Sep 2025); 2027: SKB 1205/2026,
# 3/2026, 2/2026 (15 Sep 2026); as published by setneg.go.id and Kemenko PMK.
SKB = {
    2026: (
        ["01-01", "01-16", "02-17", "03-19", "03-21", "03-22", "04-03", "04-05", "05-01",
         "05-14", "05-27", "05-31", "06-01", "06-16", "08-17", "08-25", "12-25"],
        ["02-16", "03-18", "03-20", "03-23", "03-24", "05-15", "05-28", "12-24"],
    ),
    2027: (
        ["01-01", "01-05", "02-06", "03-08", "03-10", "03-11", "03-26", "03-28", "05-01",
         "05-06", "05-17", "05-20", "06-01", "06-06", "08-15", "08-17", "12-25", "12-26"],
        ["02-05", "03-09", "03-12", "03-15", "03-25", "05-18", "05-19", "12-24"],
    ),
}  # fmt: skip


@pytest.mark.parametrize("year", [2026, 2027])
def test_the_days_off_of_a_year_are_exactly_its_skb(madiun: Program, year: int) -> None:
    national, cuti = SKB[year]
    assert (len(national), len(cuti)) == {2026: (17, 8), 2027: (18, 8)}[year]
    expected = {date.fromisoformat(f"{year}-{d}") for d in national + cuti}
    assert {d for d in madiun.calendar.days_off if d.year == year} == expected


DAYS = [
    ("Nyepi, Monday 8 March 2027, is a day off", "2027-03-08", False),
    ("the cuti bersama before Lebaran, Tuesday 9 March 2027, is a day off", "2027-03-09", False),
    ("Idulfitri, Wednesday 10 March 2027, is a day off", "2027-03-10", False),
    ("the cuti bersama after Lebaran, Monday 15 March 2027, is a day off", "2027-03-15", False),
    ("Tuesday 16 March 2027 is the first working day after Lebaran", "2027-03-16", True),
    ("Thursday 4 March 2027, before Lebaran, is a working day", "2027-03-04", True),
    ("Saturday 13 March 2027 is no working day whatever the calendar", "2027-03-13", False),
    ("Ascension's cuti bersama, Friday 15 May 2026, is a day off", "2026-05-15", False),
    ("Christmas Eve 2026, a Thursday, is a cuti bersama", "2026-12-24", False),
    ("Monday 7 December 2026 is an ordinary working day", "2026-12-07", True),
]


@pytest.mark.parametrize(("day", "working"), [c[1:] for c in DAYS], ids=[c[0] for c in DAYS])
def test_a_day_is_a_working_day_or_not(madiun: Program, day: str, working: bool) -> None:
    assert madiun.calendar.is_working_day(date.fromisoformat(day)) is working


# --- office hours ----------------------------------------------------------------------------

DEADLINES = [
    # 1 h on Thursday (14-15), 3 h on Friday (8-11); 8-15 March closed; 4 h on Tuesday 16
    ("a question asked the Thursday before Idulfitri 2027 at 14.00 is due Tuesday 16 March "
     "at 12.00, after the holidays and cuti bersama", (2027, 3, 4, 14, 0), (2027, 3, 16, 12, 0)),
    # 7 h on Tuesday 16 (8-15), 1 h on Wednesday 17
    ("a question asked on Idulfitri itself is due Wednesday 17 March at 09.00",
     (2027, 3, 10, 10, 0), (2027, 3, 17, 9, 0)),
    # 7 h on Wednesday 24; 25 (cuti bersama) and 26 (Good Friday) closed; 1 h on Monday 29
    ("a question asked Wednesday 24 March 2027 at 08.00 is due Monday 29 March at 09.00, "
     "over Good Friday and its cuti bersama", (2027, 3, 24, 8, 0), (2027, 3, 29, 9, 0)),
    # 7 h on Monday 7 December, 1 h on Tuesday 8: no holiday in the way
    ("a question asked on an ordinary Monday at 08.00 is due Tuesday at 09.00",
     (2026, 12, 7, 8, 0), (2026, 12, 8, 9, 0)),
]  # fmt: skip


@pytest.mark.parametrize(("asked", "due"), [c[1:] for c in DEADLINES],
                         ids=[c[0] for c in DEADLINES])  # fmt: skip
def test_the_answer_deadline_counts_office_hours_on_working_days(
    madiun: Program, asked: tuple[int, ...], due: tuple[int, ...]
) -> None:
    assert madiun.handover.deadline(wib(*asked)) == wib(*due)


OPENINGS = [
    ("on Idulfitri morning the desk next opens Tuesday 16 March at 08.00",
     (2027, 3, 10, 10, 0), (2027, 3, 16, 8, 0)),
    ("on Friday 5 March 2027 after 11.00 the desk next opens Tuesday 16 March",
     (2027, 3, 5, 12, 0), (2027, 3, 16, 8, 0)),
    ("on Christmas Eve 2026 the desk next opens Monday 28 December",
     (2026, 12, 24, 9, 0), (2026, 12, 28, 8, 0)),
    ("on an ordinary Thursday at 10.00 the desk is open now",
     (2027, 3, 4, 10, 0), (2027, 3, 4, 10, 0)),
]  # fmt: skip


@pytest.mark.parametrize(("asked", "opens"), [c[1:] for c in OPENINGS],
                         ids=[c[0] for c in OPENINGS])  # fmt: skip
def test_the_desk_opens_on_the_next_working_day(
    madiun: Program, asked: tuple[int, ...], opens: tuple[int, ...]
) -> None:
    assert madiun.handover.next_opening(wib(*asked)) == wib(*opens)
    assert madiun.handover.is_open(wib(*asked)) is (asked == opens)


async def test_a_question_asked_before_idulfitri_goes_to_the_dinas_only_after_the_holidays(
    siaga: App,
) -> None:
    siaga.clock = lambda: at(2027, 3, 4, 14, 0)  # Thursday before Lebaran
    await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    await make(siaga, "dinas", Role.ADMIN)
    warga = await citizen_of_kelun(siaga, "warga-lebaran")
    await warga.say("tanya petugas")
    await warga.say("Apakah santunan bisa diurus saat libur Lebaran?")
    assert "tiket #1" in warga.text
    scheduler = siaga.scheduler()
    # weekdays only, the 8 office hours ran out on Monday 8 March at 12.00: Nyepi
    assert "tickets" not in await scheduler.tick(at(2027, 3, 8, 12, 0))
    assert "tickets" not in await scheduler.tick(at(2027, 3, 16, 11, 59))
    assert "tickets" in await scheduler.tick(at(2027, 3, 16, 12, 0))
    assert "⏰ Tiket #1" in (await inbox(siaga, "dinas"))[-1]


async def test_on_idulfitri_the_citizen_is_told_the_next_working_day(siaga: App) -> None:
    siaga.clock = lambda: at(2027, 3, 10, 10, 0)  # Wednesday, Idulfitri, in office hours
    await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    warga = await citizen_of_kelun(siaga, "warga-idulfitri")
    await warga.say("tanya petugas")
    await warga.say("Kapan kantor buka lagi?")
    assert "di luar jam kerja" in warga.text
    assert "paling cepat Selasa 16-03-2027 mulai pukul 08.00 WIB" in warga.text


# --- the claims' 30 working days -------------------------------------------------------------


async def test_a_claim_reported_before_idulfitri_2027_is_due_after_30_working_days(
    siaga: App,
) -> None:
    await participant(siaga)
    siaga.clock = lambda: at(2027, 3, 4, 9, 0)  # Thursday before Lebaran
    await report_by_nik(siaga, "tetangga", nik_for(40, serial=1))
    async with siaga.store() as store:
        claim = await store.claim(1)
    assert claim is not None
    # By hand, from Thursday 4 March: Fri 5 (1); 8-15 March closed (Nyepi, cuti bersama,
    # Idulfitri, cuti bersama); 16-19 (2-5), 22-24 (6-8); 25 (cuti bersama) and 26 (Good
    # Friday) closed; 29-31 (9-11), 1-2 April (12-13), 5-9 (14-18), 12-16 (19-23), 19-23
    # (24-28), 26-27 (29-30). Weekdays only it would have been Thursday 15 April.
    assert claim.due_on == date(2027, 4, 27)


def _program_file(tmp_path: Path, mutate: Any) -> Path:
    data = yaml.safe_load(default_program_path().read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "program.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _with_local_day_off(tmp_path: Path, day: str) -> Path:
    return _program_file(tmp_path, lambda d: d["calendar"].update(local_days_off=[{
        "date": date.fromisoformat(day), "since": date(2027, 1, 2),
        "ref": "a test's Surat Edaran Wali Kota", "name": "Hari Jadi (test)",
    }]))  # fmt: skip


async def test_a_local_day_off_in_the_program_file_moves_the_claims_deadline(
    tmp_path: Path,
) -> None:
    program_file = _with_local_day_off(tmp_path, "2027-04-27")
    siaga = await build(Settings(data_dir=tmp_path / "data", program_file=program_file))
    try:
        await participant(siaga)
        siaga.clock = lambda: at(2027, 3, 4, 9, 0)
        await report_by_nik(siaga, "tetangga", nik_for(40, serial=1))
        async with siaga.store() as store:
            claim = await store.claim(1)
    finally:
        await siaga.close()
    assert claim is not None
    assert claim.due_on == date(2027, 4, 28)  # 27 April, the 30th working day, is closed


def test_a_local_day_off_closes_the_desk(tmp_path: Path) -> None:
    program = load_program(_with_local_day_off(tmp_path, "2027-03-16"))
    program = asyncio.run(with_national_days(program, datetime(2027, 1, 4, tzinfo=UTC)))
    assert program.handover.next_opening(wib(2027, 3, 10, 10, 0)) == wib(2027, 3, 17, 8, 0)
    assert program.handover.deadline(wib(2027, 3, 4, 14, 0)) == wib(2027, 3, 17, 12, 0)


# --- the program file's section ---------------------------------------------------------------


def test_the_loader_refuses_a_decree_without_its_ref(tmp_path: Path) -> None:
    def unsourced(d: dict[str, Any]) -> None:
        del d["calendar"]["decrees"][1]["ref"]

    with pytest.raises(ProgramFileError, match=r"calendar\.decrees\[1\]\.ref: Field required"):
        load_program(_program_file(tmp_path, unsourced))


def test_the_loader_refuses_a_local_day_off_without_its_ref(tmp_path: Path) -> None:
    def unsourced(d: dict[str, Any]) -> None:
        d["calendar"]["local_days_off"] = [
            {"date": date(2027, 6, 20), "since": date(2027, 1, 2), "name": "Hari Jadi"}
        ]

    with pytest.raises(ProgramFileError, match=r"calendar\.local_days_off\[0\]\.ref"):
        load_program(_program_file(tmp_path, unsourced))


@pytest.mark.parametrize(
    ("mutate", "says"),
    [
        (lambda d: d["calendar"]["decrees"][0]["cuti_bersama"].append(date(2027, 1, 4)),
         "2027-01-04 is not in 2026"),
        (lambda d: d["calendar"]["decrees"][1]["cuti_bersama"].append("10 Maret"),
         r"decrees\[1\]\.cuti_bersama\[8\]"),
        (lambda d: d["calendar"]["decrees"].append(dict(d["calendar"]["decrees"][0])),
         "one decree per year"),
        (lambda d: d["calendar"]["decrees"][1].update(not_off=[date(2027, 3, 9)]),
         "2027-03-09 is both a day off and not one"),
    ],
    ids=["a cuti bersama outside its decree's year", "a date that is not a date",
         "two decrees for one year", "a day both off and not"],
)  # fmt: skip
def test_the_loader_refuses_a_calendar_that_cannot_be_right(
    tmp_path: Path, mutate: Any, says: str
) -> None:
    with pytest.raises(ProgramFileError, match=says):
        load_program(_program_file(tmp_path, mutate))


def test_a_correction_in_the_program_file_overrides_the_package(tmp_path: Path) -> None:
    """Should the sidang isbat move Idulfitri 1448 H a day, the file says so and wins."""

    def moved(d: dict[str, Any]) -> None:
        d["calendar"]["decrees"][1].update(added=[date(2027, 3, 16)], not_off=[date(2027, 3, 8)])

    program = load_program(_program_file(tmp_path, moved))
    program = asyncio.run(with_national_days(program, datetime(2027, 1, 4, tzinfo=UTC)))
    assert program.calendar.is_working_day(date(2027, 3, 8))
    assert not program.calendar.is_working_day(date(2027, 3, 16))


# --- memory: the worker never loads the package ---------------------------------------------


def test_a_worker_knows_the_holidays_without_loading_the_holidays_package(
    tmp_path: Path,
) -> None:
    """bot/national_days.py: the package (16 MB of RSS) is read in a child process."""
    script = (
        "import asyncio, json, sys\n"
        "from datetime import date\n"
        "from bot.app import build\n"
        "from bot.config import Settings\n"
        "async def main():\n"
        f"    app = await build(Settings(data_dir={str(tmp_path / 'data')!r}))\n"
        "    off = date(2027, 3, 10) in app.program.calendar.days_off\n"
        "    await app.close()\n"
        "    print(json.dumps({'loaded': 'holidays' in sys.modules, 'idulfitri_off': off}))\n"
        "asyncio.run(main())\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, timeout=120, cwd=ROOT, env=dict(os.environ))  # fmt: skip
    assert json.loads(out.stdout.splitlines()[-1]) == {"loaded": False, "idulfitri_off": True}


async def test_without_the_package_the_program_file_s_days_still_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-python"))
    with caplog.at_level(logging.ERROR, logger="siaga.calendar"):
        version, national = await national_days_off(1990, 1991)  # a range no test has read
    assert (version, national) == ("", frozenset())
    assert "national holidays not read" in caplog.text
    program = load_program(default_program_path())
    assert not program.calendar.is_working_day(date(2027, 3, 9))  # the SKB's cuti bersama
    assert program.calendar.is_working_day(date(2027, 3, 10))  # Idulfitri: the package's


def test_the_years_known_follow_the_clock_given_not_the_wall_clock(madiun: Program) -> None:
    """Built for January 2027, the calendar knows 2026 to 2029 whatever today is."""
    assert date(2029, 12, 25) in madiun.calendar.days_off
    assert date(2025, 12, 25) not in madiun.calendar.days_off
