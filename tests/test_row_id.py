"""One parser for a row's id, wherever it comes from: a chat button, a console path or field,
an admin command (review of the issue-26 fixes, finding 12: three parsers disagreed; the
chat's took 0, the console's stopped at 2**31 though ids are 64-bit everywhere)."""

from __future__ import annotations

import pytest

from domain.text import row_id


@pytest.mark.parametrize(
    ("typed", "read"),
    [("12", 12), ("1", 1), ("0", None), ("000", None), ("²", None), ("1²", None), ("-3", None),
     ("", None), (" 7", None), ("９", None), ("9" * 18, int("9" * 18)), ("9" * 19, None),
     (str(2**31), 2**31)],
)  # fmt: skip
def test_an_id_is_ascii_digits_above_zero_that_fit_64_bits(typed: str, read: int | None) -> None:
    assert row_id(typed) == read
