"""Yes / no / don't know from free text in Indonesian and Javanese — domain.md §6.

Whole words only ("ora" is not in "koran", "ga" is not in "gaji"). "Tidak tahu" is a value of
its own, never a silent "no": negation followed by a knowing-word is don't-know, and a
don't-know phrase wins over the yes/no words inside it ("gak tau", "mboten ngertos").
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache

from domain.text import tokens


class Tri(StrEnum):
    YES = "ya"
    NO = "tidak"
    DONT_KNOW = "tidak_tahu"


YES_WORDS = frozenset(
    [
        "ya",
        "iya",
        "iy",
        "iyh",
        "iyah",
        "iyo",
        "y",
        "yoi",
        "yup",
        "yap",
        "yups",
        "yo",
        "yes",
        "yess",
        "inggih",
        "nggih",
        "enggih",
        "injih",
        "ngih",
        "hooh",
        "hoo",
        "hoh",
        "heem",
        "heeh",
        "hem",
        "ok",
        "oke",
        "okey",
        "okay",
        "okee",
        "siap",
        "betul",
        "btul",
        "benar",
        "bener",
        "bnr",
        "leres",
        "sampun",
        "sudah",
        "udah",
        "uda",
        "udh",
        "sdh",
        "punya",
        "duwe",
        "gadhah",
        "ada",
        "ono",
        "wonten",
        "setuju",
        "sip",
        "boleh",
        "purun",
        "sarujuk",
        "agree",
        "correct",
        "gelem",
        "accept",
        "sure",
        "fine",
        "menerima",
    ]
)
NO_WORDS = frozenset(
    [
        "tidak",
        "tdk",
        "tdak",
        "tak",
        "enggak",
        "engga",
        "enggk",
        "nggak",
        "ngga",
        "ngak",
        "nga",
        "gak",
        "ga",
        "gk",
        "g",
        "gx",
        "ndak",
        "nda",
        "ora",
        "ra",
        "boten",
        "mboten",
        "belum",
        "blm",
        "blom",
        "belom",
        "durung",
        "dereng",
        "bukan",
        "dudu",
        "sanes",
        "no",
        "nope",
        "ogah",
        "emoh",
        "disagree",
        "kagak",
        "kaga",
        "menolak",
        "tolak",
        "decline",
        "refuse",
    ]
)
NEGATABLE = frozenset(
    "setuju benar bener betul btul leres ada ono wonten punya duwe gadhah sudah udah "  # noqa: SIM905
    "sampun pernah purun gelem".split()
)
# Words that turn a preceding negation into "don't know": "gak tau", "ora ngerti".
KNOW_WORDS = frozenset(
    [
        "tahu",
        "tau",
        "tw",
        "ngerti",
        "ngertos",
        "mudeng",
        "paham",
        "yakin",
        "pasti",
        "weruh",
        "sumerep",
    ]
)
DONT_KNOW_WORDS = frozenset(
    [
        "gatau",
        "gatahu",
        "gtw",
        "gktau",
        "gataw",
        "entah",
        "embuh",
        "mbuh",
        "kilap",
        "duka",
        "lupa",
        "lali",
        "supe",
        "bingung",
        "mungkin",
        "kayaknya",
        "sepertinya",
    ]
)
DONT_KNOW_PHRASES = (
    ("kurang", "tahu"),
    ("kurang", "tau"),
    ("belum", "cek"),
    ("blm", "cek"),
    ("belum", "tahu"),
    ("belum", "tau"),
    ("tidak", "tahu"),
    ("dont", "know"),
    ("don", "t", "know"),
    ("not", "sure"),
)


def _has_phrase(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


@lru_cache(maxsize=4096)
def parse_tri(text: str) -> Tri | None:
    """None when the text says neither, or says both yes and no ("ya tidak"): ask again."""
    words = tokens(text)
    if not words or len(words) > 12:
        return None
    if any(w in DONT_KNOW_WORDS for w in words):
        return Tri.DONT_KNOW
    if any(_has_phrase(words, p) for p in DONT_KNOW_PHRASES):
        return Tri.DONT_KNOW
    for i, w in enumerate(words[:-1]):
        if w in NO_WORDS and words[i + 1] in KNOW_WORDS:
            return Tri.DONT_KNOW
    for i, w in enumerate(words[:-1]):
        # "tidak setuju", "ora duwe", "belum ada": a negated content word is a plain no
        if w in NO_WORDS and words[i + 1] in NEGATABLE:
            return Tri.NO
    yes = any(w in YES_WORDS for w in words)
    no = any(w in NO_WORDS for w in words)
    if yes and no:
        return None  # "ya tidak": ask again rather than guess (domain.md §6)
    if yes:
        return Tri.YES
    if no:
        return Tri.NO
    return None


class Bpjs(StrEnum):
    """Already a BPJS Ketenagakerjaan member? (domain.md §3.5)"""

    NONE = "tidak"
    EMPLOYER = "pu"  # through an employer: already covered (Penerima Upah)
    SELF_PAID = "bpu"  # paying BPU mandiri themselves
    DONT_KNOW = "tidak_tahu"


# Words that say through whom, in Indonesian and Javanese; the codes themselves count too.
BPJS_WORDS = {
    "kantor": Bpjs.EMPLOYER, "perusahaan": Bpjs.EMPLOYER, "pabrik": Bpjs.EMPLOYER,
    "majikan": Bpjs.EMPLOYER, "pu": Bpjs.EMPLOYER, "sendiri": Bpjs.SELF_PAID,
    "mandiri": Bpjs.SELF_PAID, "bpu": Bpjs.SELF_PAID, "piyambak": Bpjs.SELF_PAID,
}  # fmt: skip


def parse_bpjs(text: str) -> Bpjs | None:
    """The answer in a reply or a list's cell: one kind named, or a plain no / don't know.
    None for anything else, a bare "ya" included (a yes that does not say through whom)."""
    if text.strip().lower().replace("-", "_") in {b.value for b in Bpjs}:
        return Bpjs(text.strip().lower().replace("-", "_"))
    kinds = {BPJS_WORDS[w] for w in tokens(text) if w in BPJS_WORDS}
    if len(kinds) == 1:
        return kinds.pop()
    tri = parse_tri(text)
    if tri is Tri.NO:
        return Bpjs.NONE
    return Bpjs.DONT_KNOW if tri is Tri.DONT_KNOW else None
