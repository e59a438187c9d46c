"""Whole numbers written in words, as people type an age (issue 27 point 5): Indonesian
("empat puluh satu", "dua belas"), Javanese ngoko and krama ("patang puluh siji", "seket",
"selawe", "kalih dasa gangsal") and English ("forty-one", "forty one")."""

from __future__ import annotations

import re
from functools import lru_cache

from domain.text import tokens

UNITS = {
    # Indonesian
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6,
    "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100,
    # Javanese ngoko, with the linking -ng forms before puluh ("patang puluh")
    "siji": 1, "loro": 2, "rong": 2, "telu": 3, "telung": 3, "papat": 4, "patang": 4,
    "limang": 5, "enem": 6, "nem": 6, "pitu": 7, "pitung": 7, "wolu": 8, "wolung": 8,
    "sanga": 9, "songo": 9, "sangang": 9, "sewelas": 11, "rolas": 12, "telulas": 13,
    "patbelas": 14, "limalas": 15, "nembelas": 16, "pitulas": 17, "wolulas": 18,
    "sangalas": 19,
    # Javanese krama
    "setunggal": 1, "kalih": 2, "tigang": 3, "sekawan": 4, "gangsal": 5, "sedasa": 10,
    # English
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "hundred": 100,
}  # fmt: skip
# Tens said in one word: Javanese "selikur" (21) … "sangang likur" aside, "selawe" (25),
# "seket" (50), "sewidak" (60); English twenty … ninety.
TENS = {
    "selikur": 21, "rolikur": 22, "telulikur": 23, "patlikur": 24, "nemlikur": 26,
    "pitulikur": 27, "wolulikur": 28, "sangalikur": 29, "selawe": 25, "seket": 50,
    "sewidak": 60, "suwidak": 60, "twenty": 20,
    "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
TIMES_TEN = frozenset({"puluh", "dasa", "doso"})
PLUS_TEN = frozenset({"belas", "las"})
PLUS_TWENTY = frozenset({"likur"})  # Javanese 21–29 but 25: "wolu likur" is 28
_GLUED = re.compile(r"^(\w+?)(puluh|belas|dasa|likur)$")  # "empatpuluh", "duabelas"


def _split(words: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for w in words:
        m = _GLUED.match(w)
        if m and m.group(1) in UNITS:
            out += [m.group(1), m.group(2)]
        else:
            out.append(w)
    return out


def _is_number_word(w: str) -> bool:
    return w in UNITS or w in TENS or w in TIMES_TEN or w in PLUS_TEN or w in PLUS_TWENTY


@lru_cache(maxsize=4096)
def number_in_words(text: str) -> int | None:
    """The one number the words of the message say ("umurku patang puluh siji" → 41); None
    when they say none, or two apart ("dua anak, umur tiga puluh")."""
    words = _split(tokens(text))
    runs: list[list[str]] = []
    for i, w in enumerate(words):
        if not _is_number_word(w):
            continue
        if runs and i > 0 and _is_number_word(words[i - 1]):
            runs[-1].append(w)
        else:
            runs.append([w])
    if len(runs) != 1:
        return None
    total, current = 0, 0
    for w in runs[0]:
        if w in TIMES_TEN:
            total += (current or 1) * 10
            current = 0
        elif w in PLUS_TEN:
            current = (current or 1) + 10
        elif w in PLUS_TWENTY:
            current = (current or 1) + 20
        elif w in TENS:
            total += TENS[w]
        else:
            current += UNITS[w]
    return total + current


def has_number(text: str) -> bool:
    """Digits, or a number in words: what a yes or a no typed with it must not hide."""
    return any(c.isdigit() for c in text) or number_in_words(text) is not None
