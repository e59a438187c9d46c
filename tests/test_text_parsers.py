from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.answers import Tri, parse_tri
from domain.phone import parse_phone
from domain.program import Program
from domain.reference import make_reference, parse_reference
from domain.regions import MatchKind


@pytest.mark.parametrize(
    "text,expected",
    [
        ("ya", Tri.YES), ("Iyaaa!!", Tri.YES), ("inggih", Tri.YES), ("nggih", Tri.YES),
        ("hooh", Tri.YES), ("sudah", Tri.YES), ("sampun", Tri.YES), ("👍 ok", Tri.YES),
        ("tidak", Tri.NO), ("gakkk", Tri.NO), ("ora", Tri.NO), ("mboten", Tri.NO),
        ("durung", Tri.NO), ("dereng", Tri.NO), ("belum", Tri.NO),
        ("gak tau", Tri.DONT_KNOW), ("tidak tahu", Tri.DONT_KNOW), ("gatau", Tri.DONT_KNOW),
        ("mboten ngertos", Tri.DONT_KNOW), ("ora ngerti", Tri.DONT_KNOW), ("embuh", Tri.DONT_KNOW),
        ("kurang tahu", Tri.DONT_KNOW), ("belum cek", Tri.DONT_KNOW), ("lupa", Tri.DONT_KNOW),
        ("tidak setuju", Tri.NO), ("ora duwe", Tri.NO), ("belum ada", Tri.NO),
        ("koran", None), ("gaji", None), ("ya tidak", None), ("", None), ("🙂", None),
    ],
)  # fmt: skip
def test_yes_no_dont_know(text: str, expected: Tri | None) -> None:
    assert parse_tri(text) is expected


@given(st.text(max_size=6000))
def test_yes_no_parser_never_raises(text: str) -> None:
    parse_tri(text)


@given(st.text(max_size=6000))
def test_occupation_parser_never_raises(program: Program, text: str) -> None:
    program.occupations.classify(text)


@given(st.text(max_size=600))
def test_region_resolver_never_raises(program: Program, text: str) -> None:
    program.regions.resolve(text)


def test_taman_kartoharjo_and_manguharjo_are_ambiguous(program: Program) -> None:
    for name in ("Taman", "Kartoharjo", "manguharjo"):
        m = program.regions.resolve(name)
        assert m.kind is MatchKind.AMBIGUOUS
        assert m.kelurahan is not None and m.kecamatan is not None


def test_the_chosen_kecamatan_settles_the_ambiguity(program: Program) -> None:
    m = program.regions.resolve("Taman", within="35.77.03")
    assert m.kind is MatchKind.KELURAHAN and m.kelurahan is not None
    assert m.kelurahan.code == "35.77.03.1009"


def test_a_place_outside_the_city_resolves_to_nothing(program: Program) -> None:
    assert program.regions.resolve("Jiwan").kind is MatchKind.NONE
    assert program.regions.resolve("Surabaya").kind is MatchKind.NONE


def test_half_a_name_offers_the_candidates(program: Program) -> None:
    m = program.regions.resolve("Nambangan")
    assert m.kind is MatchKind.AMBIGUOUS
    assert [k.name for k in m.candidates] == ["Nambangan Lor", "Nambangan Kidul"]


def test_phone_numbers() -> None:
    assert parse_phone("0812-3456-7890") == "+6281234567890"
    assert parse_phone("+62 812 3456 789") == "+628123456789"
    assert parse_phone("12345") is None
    assert parse_phone("021 555 1234") is None  # a landline, not a mobile


def test_reference_codes_round_trip() -> None:
    ref = make_reference(bytes([1, 2, 3, 4, 5]))
    assert ref.startswith("PJK-") and len(ref) == 9
    assert parse_reference(ref.lower().replace("-", " ")) == ref
    assert parse_reference("PJK-0000O") is None


# --- days as typed, and the claim calendar (issue 20) -----------------------------------------


@pytest.mark.parametrize(("typed", "day"), [
    ("28-11-2026", "2026-11-28"), ("28/11", "2026-11-28"), ("28 November", "2026-11-28"),
    ("tgl 1-12-26", "2026-12-01"), ("kemarin", "2026-12-01"), ("Wingi", "2026-12-01"),
    ("3 hari lalu", "2026-11-29"), ("2 dina kepungkur", "2026-11-30"), ("hari ini", "2026-12-02"),
    ("30 des", "2025-12-30"),  # no year: the latest 30 December not after today
    # last night, and a day with its time (a death is reported the morning after)
    ("tadi malam", "2026-12-01"), ("semalam", "2026-12-01"), ("kemarin sore", "2026-12-01"),
    ("mau bengi", "2026-12-01"), ("wingi bengi", "2026-12-01"), ("tadi pagi", "2026-12-02"),
    ("last night", "2026-12-01"), ("yesterday evening", "2026-12-01"),
    ("31-02-2026", None), ("besok", None), ("kapan ya", None), ("malam", None),
])  # fmt: skip
def test_a_day_as_people_type_it(typed: str, day: str | None) -> None:
    from datetime import date

    from domain.dates import parse_day

    found = parse_day(typed, date(2026, 12, 2))
    assert (found.isoformat() if found else None) == day


def test_working_days_and_the_reported_three_month_rule(program: Program) -> None:
    from datetime import date

    from domain.workdays import WEEKDAYS

    # with no holidays known, weekdays only (the real calendar: tests/test_calendar.py)
    assert WEEKDAYS.add_working_days(date(2026, 5, 1), 30) == date(2026, 6, 12)  # six weeks on
    assert WEEKDAYS.add_working_days(date(2026, 5, 2), 1) == date(2026, 5, 4)  # Saturday → Monday
    rules = program.claims
    assert rules is not None
    joined = date(2026, 3, 2)
    assert rules.jkm_amount(42_000_000, joined, date(2026, 6, 1)) == 10_000_000  # month 3
    assert rules.jkm_amount(42_000_000, joined, date(2026, 6, 2)) == 42_000_000
    assert rules.jkm_amount(42_000_000, None, date(2026, 6, 1)) == 42_000_000  # unknown start


@pytest.mark.parametrize(("typed", "amount"), [
    ("42.000.000", 42_000_000), ("Rp 42.000.000,00", 42_000_000), ("42 juta", 42_000_000),
    ("1,5 jt", 1_500_000), ("750 ribu", 750_000), ("Rp42jt", 42_000_000),
    ("empat puluh juta", None), ("12a", None), ("", None),
])  # fmt: skip
def test_an_amount_of_rupiah_as_officers_type_it(typed: str, amount: int | None) -> None:
    from domain.text import parse_rupiah

    assert parse_rupiah(typed) == amount
