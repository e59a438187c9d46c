"""A rating of an officer's answer said in words (after "Tanya petugas"), 1 (no help) to 5,
read the way the check reads a yes or a no (domain.answers): whole message only, courtesy
words around it ignored, a last letter doubled forgiven, a negated good word a low mark
("gak membantu", "ora apik", "not helpful"), a typo in a longer word forgiven, and a number
with what frames it ("nilai 2", "bintang 1", "2 dari 5", "1/5"). A bare digit is not read
here: it is the rating buttons' own (a typed "2" presses the button shown).

Issue 30 item 3: a 1 or a 2 reaches the Dinas, so a low mark said in words must count as
one; a sentence that merely contains a rating word ("kurang tahu syaratnya") must not.
"""

from __future__ import annotations

from domain.answers import COURTESY, NO_WORDS
from domain.text import edit_distance
from domain.understand import words as spelled

LOW = 2  # a rating at or below this alerts the Dinas

# Whole phrases, Indonesian, Javanese (ngoko and krama) and English.
PHRASES: dict[str, int] = {
    "sangat membantu": 5, "mantap": 5, "bagus sekali": 5, "sangat puas": 5, "apik tenan": 5,
    "sae sanget": 5, "sanget mbiyantu": 5, "mbiyantu sanget": 5, "excellent": 5,
    "very helpful": 5, "very good": 5, "luar biasa": 5, "top": 5,
    "membantu": 4, "bagus": 4, "puas": 4, "apik": 4, "good": 4, "helpful": 4,
    "matur nuwun": 4, "sae": 4, "mbiyantu": 4, "mbantu": 4, "jelas": 4, "useful": 4,
    "lumayan": 3, "cukup": 3, "biasa": 3, "lumayan apik": 3, "biasa saja": 3, "okay": 3,
    "cukupan": 3, "so so": 3,
    "kurang": 2, "kurang membantu": 2, "kurang jelas": 2, "not great": 2, "kurang puas": 2,
    "kurang apik": 2, "kirang sae": 2, "kirang mbiyantu": 2, "kurang mbantu": 2, "poor": 2,
    "kecewa": 2, "bingung": 2, "masih bingung": 2, "tetap bingung": 2,
    "tidak membantu": 1, "jelek": 1, "buruk": 1, "ora mbantu": 1, "elek": 1, "useless": 1,
    "not helpful": 1, "sangat buruk": 1, "jelek sekali": 1, "parah": 1, "awon": 1,
    "mboten mbiyantu": 1, "boten mbiyantu": 1, "bad": 1, "very bad": 1, "terrible": 1,
    "unhelpful": 1, "mengecewakan": 1, "sangat kecewa": 1, "sangat kurang": 1,
    "tidak berguna": 1, "ora guna": 1, "elek banget": 1, "jelek banget": 1,
}  # fmt: skip

# Good words a negation turns into a low mark ("tidak jelas", "ora apik", "not useful").
_POSITIVE = {p: n for p, n in PHRASES.items() if n >= 4 and " " not in p}
_HELP = frozenset({"membantu", "mbantu", "mbiyantu", "helpful", "useful"})
_NEGATIONS = NO_WORDS | {"boten", "mboten", "not", "ndak", "nggak", "gak", "ora"}
# A number given as a rating: what may stand before it, or after it.
_BEFORE = frozenset({"nilai", "nilainya", "bintang", "skor", "score", "rating", "rate", "biji",
                     "kasih", "beri", "saya", "aku", "kula", "i", "give", "angka"})  # fmt: skip
_AFTER = frozenset({"bintang", "dari", "saja", "stars", "star", "of", "out", "5", "lima"})
# Words that only make a mark stronger ("banget", "blas": at all).
_STRONG = frozenset({"banget", "sekali", "bgt", "pol", "tenan", "sanget", "blas", "babar",
                     "pisan", "sama", "really", "so"})  # fmt: skip
_VOCABULARY = frozenset(w for p in PHRASES for w in p.split())


def _word(w: str) -> str:
    """ "jelekk", "bagusss": a doubled last letter forgiven (three are collapsed already); a
    longer word one typo away from a rating word is that word ("membatu", "mengecewakn")."""
    if w in _VOCABULARY:
        return w
    if len(w) >= 3 and w[-1] == w[-2] and w[:-1] in _VOCABULARY:
        return w[:-1]
    if len(w) >= 6:
        near = [v for v in _VOCABULARY if len(v) >= 6 and edit_distance(w, v, 1) <= 1]
        if len(near) == 1:
            return near[0]
    return w


def read_rating(text: str) -> int | None:
    """The rating a whole message gives, or None when it is something else."""
    if "?" in text:
        return None  # "kurang jelas?" asks; it does not rate
    said = [_word(w) for w in spelled(text.replace("/", " dari "))]
    said = [w for w in said if w not in COURTESY and w not in ("ya", "nggih", "yes")]
    if not said or len(said) > 6:
        return None
    number = _number(said)
    if number is not None:
        return number
    phrase = " ".join(said)
    if phrase in PHRASES:
        return PHRASES[phrase]
    plain = [w for w in said if w not in _STRONG]
    if plain != said:  # "membantu banget" is a 5, "gak jelas blas" still a low mark
        found = _plain(plain)
        return 5 if found == 4 else found
    return _plain(said)


def _plain(said: list[str]) -> int | None:
    phrase = " ".join(said)
    if phrase in PHRASES:
        return PHRASES[phrase]
    if len(said) == 2 and said[0] in _NEGATIONS and said[1] in _POSITIVE:
        return 1 if said[1] in _HELP else 2
    if (
        len(said) == 3
        and said[0] in _NEGATIONS
        and said[1] in ("terlalu", "begitu", "very", "patia", "pati")
    ):
        return 2 if said[2] in _POSITIVE else None
    return None


def _number(said: list[str]) -> int | None:
    digits = [w for w in said if w.isdigit()]
    if len(digits) not in (1, 2) or len(said) == 1:
        return None  # a bare digit is the button's; none, or too many, is not a rating
    if len(digits) == 2 and not ("dari" in said or "of" in said):
        return None
    value = int(digits[0])
    rest = [w for w in said if w != digits[0]]
    if not 1 <= value <= 5 or not all(w in _BEFORE or w in _AFTER for w in rest):
        return None
    return value


def is_low(rating: int) -> bool:
    return rating <= LOW
