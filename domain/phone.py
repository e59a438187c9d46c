"""Indonesian mobile numbers as people type them: 0812-3456-789, +62 812…, 62812…"""

from __future__ import annotations

from domain.text import ascii_digits, o_as_zero

_INSIDE = frozenset("0123456789 .-()+\u00a0")  # what may stand between a number's digits


def parse_phone(text: str) -> str | None:
    """E.164 form (+62…) or None. Mobile numbers start with 8 after the country code and have
    9 to 12 digits after it. Digits from any keyboard ("０８１２…") are read as ASCII: the
    console's form reaches here unconverted, and a stored number is ASCII (issue 26)."""
    text = o_as_zero(ascii_digits(text))
    digits = [i for i, c in enumerate(text) if c.isdigit()]
    if digits and any(c not in _INSIDE for c in text[digits[0] : digits[-1]]):
        return None  # a letter inside the number ("0812 3456 78l9") is not dropped silently
    raw = "".join(c for c in text if c.isdigit() or c == "+")
    if raw.startswith("+"):
        raw = raw[1:]
    if "+" in raw or not raw.isdigit():
        return None
    if raw.startswith("62"):
        rest = raw[2:]
    elif raw.startswith("0"):
        rest = raw[1:]
    else:
        return None
    if not rest.startswith("8") or not 9 <= len(rest) <= 12:
        return None
    return "+62" + rest
