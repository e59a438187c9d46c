from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from domain.nik import NikError, Sex, mask_digits, parse_nik

ON = date(2026, 11, 22)
CITY = frozenset({"357701", "357702", "357703"})


def parse(text: str, on: date = ON):  # type: ignore[no-untyped-def]
    return parse_nik(text, on, CITY, "3577")


def test_a_man_born_in_1985() -> None:
    r = parse("3577011708850001")
    assert r.nik is not None
    assert r.nik.birth_date == date(1985, 8, 17)
    assert r.nik.sex is Sex.MALE
    assert r.nik.district == "357701"


def test_a_woman_has_forty_added_to_the_day() -> None:
    r = parse("3577 02 570885 0002")
    assert r.nik is not None
    assert r.nik.sex is Sex.FEMALE
    assert r.nik.birth_date == date(1985, 8, 17)


def test_spaces_dots_and_dashes_are_ignored() -> None:
    assert parse("3577.01.170885.0001").ok
    assert parse("3577-0117-0885-0001").ok


def test_the_century_keeps_age_under_one_hundred() -> None:
    r = parse("3577010101050001")
    assert r.nik is not None and r.nik.birth_date == date(2005, 1, 1)
    r = parse("3577010101300001")
    assert r.nik is not None and r.nik.birth_date == date(1930, 1, 1)


def test_29_february_2000_exists_but_not_in_1900() -> None:
    r = parse("3577012902000001")
    assert r.nik is not None and r.nik.birth_date == date(2000, 2, 29)
    assert parse("3577013002000001").error is NikError.BAD_DATE


def test_each_failure_has_its_own_reason() -> None:
    assert parse("").error is NikError.EMPTY
    assert parse("3577O11708850001").error is NikError.NOT_DIGITS
    assert parse("357701170885").error is NikError.TOO_SHORT
    assert parse("35770117088500011").error is NikError.TOO_LONG
    assert parse("9977011708850001").error is NikError.BAD_PROVINCE
    assert parse("3500011708850001").error is NikError.BAD_REGENCY
    assert parse("3577091708850001").error is NikError.BAD_DISTRICT  # Kota Madiun has 01–03
    assert parse("3577013208850001").error is NikError.BAD_DATE
    assert parse("3577011713850001").error is NikError.BAD_DATE
    assert parse("3577011708850000").error is NikError.SERIAL_ZERO


def test_a_kk_number_with_a_zero_day_is_told_apart() -> None:
    assert parse("3577010008200001").error is NikError.LOOKS_LIKE_KK


def test_a_serial_ending_in_zero_is_legitimate() -> None:
    assert parse("3577011708850010").ok


def test_outside_kota_madiun_any_kecamatan_code_is_accepted() -> None:
    r = parse("3519081708850007")
    assert r.nik is not None and r.nik.regency == "3519"


def test_masked_form_hides_the_middle() -> None:
    assert mask_digits("3577011708850001") == "3577 01•• •••• 0001"
    r = parse("3577011708850001")
    assert r.nik is not None and "1708" not in r.nik.masked()


@given(st.text(max_size=300))
def test_parser_never_raises_on_any_text(text: str) -> None:
    r = parse(text)
    assert r.ok or r.error is not None


@given(
    st.sampled_from(["357701", "357702", "357703", "351908", "317101"]),
    st.dates(min_value=ON - timedelta(days=99 * 365), max_value=ON),
    st.booleans(),
    st.integers(min_value=1, max_value=9999),
)
def test_generated_niks_parse_back_to_their_parts(
    district: str, born: date, female: bool, serial: int
) -> None:
    day = born.day + (40 if female else 0)
    text = f"{district}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"
    r = parse(text)
    assert r.nik is not None, (text, r.error)
    assert r.nik.birth_date == born
    assert r.nik.sex is (Sex.FEMALE if female else Sex.MALE)
    assert r.nik.district == district
    assert int(r.nik.serial) == serial
