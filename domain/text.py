"""Text normalisation shared by every free-text parser.

Citizens type on cheap phones: capitals, punctuation, emoji, elongations ("iyaaa", "gakkk")
and words glued together. Every parser works on the same normalised token list so that the
rules for "what counts as the same word" live in one place (domain.md §6, Normalisation).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MAX_INPUT = 500  # a longer answer is never a name, a NIK or a kelurahan: trim before work


def _fold_char(ch: str) -> str:
    if ch.isalnum():
        return ch
    if ch in "-'’`":
        # "oro-oro", "ho'oh": keep as joiners, they are dropped or split below
        return ch
    return " "


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Lower-case ASCII-ish words separated by single spaces, elongations collapsed."""
    text = unicodedata.normalize("NFKD", text[:MAX_INPUT]).casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = "".join(_fold_char(c) for c in text)
    text = text.replace("'", "").replace("’", "").replace("`", "")
    text = text.replace("-", " ")
    out: list[str] = []
    for word in text.split():
        out.append(collapse_repeats(word))
    return " ".join(out)


def ascii_digits(text: str) -> str:
    """Digits however a phone keyboard typed them (fullwidth ４, Arabic-Indic ٤, superscript
    ², circled ①) as ASCII, so every later isdigit() and int() agrees: Python's isdigit()
    accepts "²" but int() refuses it."""
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.digit(c)) if not c.isascii() and c.isdigit() else c for c in text
    )


def row_id(text: str) -> int | None:
    """A row's id as a button ("n|treply:12"), a console path or field, or an admin command
    gives it: ASCII digits only, since int() refuses the "²" isdigit() takes, at most 18 of
    them, since a database id is a 64-bit integer, and above zero (ids start at 1). None for
    anything else: a forged or mangled button, answered as an expired one. The one parser
    for ids (review of issue 26, finding 12)."""
    if not (text.isascii() and text.isdigit() and len(text) <= 18):
        return None
    value = int(text)
    return value if value > 0 else None


_AGE_UNITS = ("", "th", "thn", "tahun", "taun", "taon", "yo", "y", "yr", "yrs", "years")
_EDGE = ".,!?;:()\"'“”"


def parse_age(text: str, low: int = 1, high: int = 120) -> int | None:
    """A whole number of years typed alone or in a short sentence ("41", "umur saya 41",
    "41 th", "41thn."). Exactly one number, written as a plain whole number: "1e9", "0x20"
    and "1.5" are not ages, whatever digits they hold."""
    found: list[int] = []
    for word in ascii_digits(text[:MAX_INPUT]).lower().split():
        word = word.strip(_EDGE)
        if not any(c.isdigit() for c in word):
            continue
        digits = word.rstrip("abcdefghijklmnopqrstuvwxyz")
        if not digits.isdigit() or len(digits) > 3 or word[len(digits) :] not in _AGE_UNITS:
            return None
        found.append(int(digits))
    if len(found) != 1 or not low <= found[0] <= high:
        return None
    return found[0]


def collapse_repeats(word: str) -> str:
    """Three or more of the same letter become one ("iyaaa" → "iya", "gakkk" → "gak"); digits
    stay as typed ("1000", a NIK's "0001")."""
    if len(word) < 3:
        return word
    res: list[str] = []
    run = 1
    for i, ch in enumerate(word):
        if i and ch == word[i - 1] and not ch.isdigit():
            run += 1
        else:
            run = 1
        res.append(ch)
        if run == 3:
            # drop the two extra copies already appended; keep a single letter
            del res[-2:]
        elif run > 3:
            res.pop()
    return "".join(res)


def tokens(text: str) -> tuple[str, ...]:
    return tuple(normalise(text).split())


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, giving up (returning limit + 1) once it exceeds limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        best = i
        for j, cb in enumerate(b, 1):
            val = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            cur.append(val)
            best = min(best, val)
        if best > limit:
            return limit + 1
        prev = cur
    return prev[-1]


_NIK_RUN = re.compile(r"\d[\d .\-]{8,30}\d")
# The letter O typed for a zero inside a number ("0812 3456 789O", "3577 0147 O885 0001"):
# an O or o that is not part of a word and stands next to a digit (residents' finding D3: it
# was dropped, leaving a shorter number that still looked valid).
_O_FOR_ZERO = re.compile(r"(?<![^\W\d_])[Oo]+(?![^\W\d_])")


def o_as_zero(text: str) -> str:
    """Each O or o beside a digit, and not inside a word ("no hp", "OK"), read as 0."""

    def zero(m: re.Match[str]) -> str:
        near = text[max(m.start() - 2, 0) : m.start()] + text[m.end() : m.end() + 2]
        return "0" * len(m.group()) if _has_digit(near) else m.group()

    return _O_FOR_ZERO.sub(zero, text)


def nik_in(text: str) -> str:
    """The NIK in "nik saya 3577 0112 …": the one long run of digits (spaces, dots and dashes
    inside it allowed) when the words around it are not digits; else the text as typed, for
    the NIK parser to explain what is wrong with it."""
    text = o_as_zero(text)
    runs = _NIK_RUN.findall(text[:MAX_INPUT])
    if len(runs) == 1 and text.strip() != runs[0] and not _has_digit(text.replace(runs[0], "")):
        return str(runs[0])  # "nik saya …", "… 🙏"
    return text


# A long number as people type one, a NIK, a KK or a phone ("3577…", "0812-3456-7890",
# "+62 812 …"): eight digits or more, single spaces, dots or dashes between them. Python's \d
# takes every script's digits, so "３５７７…" is one too.
LONG_NUMBER = re.compile(r"\+?\d(?:[ .\-]?\d){7,}")


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


_AMOUNT = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(juta|jt|ribu|rb|k)?$", re.ASCII)
_SCALE = {"juta": 1_000_000, "jt": 1_000_000, "ribu": 1_000, "rb": 1_000, "k": 1_000}


def parse_rupiah(text: str) -> int | None:
    """An amount of rupiah as officers type it: "42.000.000", "Rp 42.000.000,00", "42 juta",
    "1,5 jt", "750 ribu". None when it is not one."""
    # digits however typed, as ASCII: "²³".isdigit() is True but int("²³") raises
    raw = (
        ascii_digits(text).strip().lower().replace("rp", "").replace(" ", "").replace("\u00a0", "")
    )
    scaled = _AMOUNT.match(raw)
    if scaled and scaled.group(2):
        number = float(scaled.group(1).replace(",", "."))
        return round(number * _SCALE[scaled.group(2)])
    raw = re.sub(r",\d{1,2}$", "", raw)  # ",00": the cents
    digits = raw.replace(".", "").replace(",", "")
    return int(digits) if digits.isascii() and digits.isdigit() else None


# A person correcting themselves inside one message: "gak jadi 45, 46 ding", "eh salah, Wahyu
# Hidayat", "mboten sios mboten, sarujuk", "dulu ojol, skrg dagang". Words that take back what
# follows them up to the next comma …
_TAKEN_BACK = (
    r"(?:g(?:a|ak|k)|nggak|enggak|ngga|tidak|tdk|ndak)\s+jadi|ora\s+sid[ao]|mboten\s+sios|"
    r"bukan|dudu|sanes|instead\s+of"
)
# … and words after which comes what is meant now ("ding" closes it instead: "45, 46 ding").
_NOW_MEANT = (
    r"y(?:g|ang)\s+(?:bener|benar)|eh\s+salah|salah\s+(?:ketik|tulis)|maksudnya|"
    r"maksud\s+(?:saya|sy|aku|kula)|maksudku|i\s+mean|sorry|ralat|koreksi|harusnya|"
    r"seharusnya|sekarang|skrg|skrang|saiki|sakniki|now"
)
_CORRECTION = re.compile(
    rf"\b(?:(?P<back>(?:{_TAKEN_BACK}))|(?P<now>{_NOW_MEANT})|(?P<ding>ding))\b", re.IGNORECASE
)
_CLAUSE_END = re.compile(r"[,;.]")


def corrected(text: str) -> str | None:
    """What a message means after the person corrected themselves in it: the words after the
    last correction, without what was taken back; None when it corrects nothing or nothing
    is left after the correction ("gak jadi daftar" takes back, it does not correct)."""
    found = list(_CORRECTION.finditer(text[:MAX_INPUT]))
    if not found:
        return None
    last = found[-1]
    if last.group("ding"):
        rest = _CLAUSE_END.split(text[: last.start()])[-1]
    elif last.group("back"):
        end = _CLAUSE_END.search(text, last.end())
        rest = text[end.end() :] if end else ""
    else:
        rest = text[last.end() :]
    rest = rest.strip(" ,.;:!-")
    return rest or None
