"""The words people in Madiun type that exact rules read (domain.md §6): chat spellings spelled
out ("sy" → saya, "brp" → berapa; the trained reader's line uses them too, domain.reading), a
typed button label with its typos, a name out of a sentence (a rating said in words:
domain.ratings).

What a message asks for is the trained reader's (issue 27: domain.reading, bot/reader); the
word tables that read requests and FAQ questions before it are gone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from domain.text import tokens

# Chat spellings, spelled out before matching (domain.md §6: abbreviations).
ABBREVIATIONS = {
    "sy": "saya", "sya": "saya", "aq": "aku", "ak": "aku", "gw": "saya", "gue": "saya",
    "mo": "mau", "mw": "mau", "pgn": "pengen", "pengin": "pengen", "pingin": "pengen",
    "gmn": "gimana", "gmna": "gimana", "gimn": "gimana", "bgmn": "bagaimana", "brp": "berapa",
    "brpa": "berapa", "brapa": "berapa", "pira": "berapa", "pinten": "berapa", "dftr": "daftar",
    "daptar": "daftar", "dafar": "daftar", "ndaftar": "daftar", "tlg": "tolong",
    "tolongin": "tolong", "tulung": "tolong", "ga": "gak", "gk": "gak", "nggak": "gak",
    "enggak": "gak", "ngga": "gak", "tdk": "tidak", "yg": "yang", "utk": "untuk", "untk": "untuk",
    "dgn": "dengan", "dg": "dengan", "kpn": "kapan", "bs": "bisa", "bsa": "bisa", "blm": "belum",
    "dereng": "belum", "sdh": "sudah", "udh": "sudah", "udah": "sudah", "krn": "karena",
    "tp": "tapi", "jg": "juga", "aja": "saja", "aj": "saja", "dpt": "dapat", "dapet": "dapat",
    "oleh": "dapat", "msh": "masih", "lg": "lagi", "knp": "kenapa", "napa": "kenapa",
    "pie": "piye", "pripun": "piye", "kepiye": "piye", "kpiye": "piye", "sarat": "syarat",
    "usulanku": "usulan", "dataku": "data", "makasih": "terima kasih", "makasi": "terima kasih",
    "mksh": "terima kasih", "thx": "thanks", "tq": "thanks", "askum": "assalamualaikum",
    "ass": "assalamualaikum", "asalamualaikum": "assalamualaikum", "assalamu": "assalamualaikum",
    "alaikum": "", "hallo": "halo", "hai": "halo", "hi": "halo", "hello": "halo", "helo": "halo",
    "hy": "halo", "cs": "petugas", "admin": "petugas", "operator": "petugas", "officer": "petugas",
    "agent": "petugas", "human": "petugas", "manusia": "petugas", "pegawai": "petugas",
    "bhs": "bahasa", "basa": "bahasa", "boso": "bahasa", "language": "bahasa", "jowo": "jawa",
    "javanese": "jawa", "inggris": "english", "engl": "english", "indo": "indonesia",
    "indonesian": "indonesia", "pake": "pakai", "nganggo": "pakai", "ngeregister": "daftar",
    "cekk": "cek", "cekcek": "cek", "sarate": "syarat", "jawi": "jawa",
}  # fmt: skip


def words(text: str) -> tuple[str, ...]:
    """The message's words, normalised, abbreviations spelled out."""
    out: list[str] = []
    for w in tokens(text):
        spelled = ABBREVIATIONS.get(w, w)
        out += spelled.split()
    return tuple(out)


@dataclass(frozen=True)
class LabelMatch:
    index: int | None  # the button typed, or None
    close: tuple[int, ...] = ()  # two or more labels equally close: ask which


LABEL_THRESHOLD = 86  # similarity (0–100) for a typed label with a typo or two


def similarity(a: str, b: str) -> float:
    """100 × 2·LCS / (len a + len b): the normalised Indel similarity (rapidfuzz's
    fuzz.ratio). Written here because importing rapidfuzz for this one function cost 4.6 MB of
    every worker's memory. The longest common subsequence is counted bit-parallel (Allison &
    Dix 1986; Hyyrö 2004): one pass over b, a's positions as the bits of one integer."""
    if not a and not b:
        return 100.0
    masks: dict[str, int] = {}
    for i, ch in enumerate(a):
        masks[ch] = masks.get(ch, 0) | (1 << i)
    full = (1 << len(a)) - 1
    v = full
    for ch in b:
        u = v & masks.get(ch, 0)
        v = ((v + u) | (v - u)) & full
    lcs = len(a) - v.bit_count()
    return 200.0 * lcs / (len(a) + len(b))


@lru_cache(maxsize=4096)
def _label_key(label: str) -> str:
    return " ".join(tokens(label))


def match_label(text: str, labels: Sequence[str]) -> LabelMatch:
    """Which button label was typed, whatever its case, emoji, punctuation or a small typo."""
    typed = " ".join(tokens(text))
    if not typed or not labels:
        return LabelMatch(None)
    scores = [similarity(typed, _label_key(label)) for label in labels]
    best = max(scores)
    if best < LABEL_THRESHOLD:
        return LabelMatch(None)
    near = tuple(i for i, s in enumerate(scores) if s >= best - 3)
    if len(near) > 1 and best < 100:
        return LabelMatch(None, near)
    return LabelMatch(scores.index(best))


# How a name is introduced (id, jv, en, chat spellings): the words before the name itself.
NAME_OPENERS = tuple(tuple(o.split()) for o in (
    "nama lengkap saya adalah", "nama lengkap saya", "nama lengkap sy", "nama lengkapnya",
    "nama lengkap",
    "nama saya adalah", "nama saya yaitu", "nama saya", "nama sy", "nama aku", "nama ku",
    "nama gw", "nama gue", "nama kula", "nama kulo", "nm saya", "nm sy", "namaku", "namaq",
    "namane", "namanya", "nama", "jenengku", "jeneng kula", "jeneng kulo", "jeneng",
    "asma kula", "asmanipun", "nami kula", "nami kulo", "nami", "my full name is",
    "my name is", "my names", "my name", "names", "name is", "name", "i am", "im", "this is",
    "perkenalkan",
    "kenalkan", "its", "it is", "ini", "saya", "sy", "aku", "kula", "kulo", "gw", "gue",
))  # fmt: skip
GREETING_WORDS = frozenset((
    "halo", "hai", "hi", "hello", "pagi", "siang", "sore", "malam", "enjing", "sonten", "dalu",
    "permisi", "assalamualaikum", "punten", "kulonuwun", "morning", "afternoon", "evening",
))  # fmt: skip
# Greetings that are names too ("Sugeng Riyanto", "Selamet"): a greeting only before a time
# of day.
GREETING_BEFORE_TIME = frozenset(("selamat", "sugeng", "good"))
LINK_WORDS = frozenset(("adalah", "yaitu", "yaiku", "is", "inggih", "punika"))
POLITE_TAIL = frozenset(("pak", "bu", "kak", "mas", "mbak", "min", "ya", "nggih", "ok", "oke",
                         "here", "sesuai", "ktp"))  # fmt: skip


def name_in(text: str) -> str:
    """The name in "nama saya Budi Santoso", "nama sy Budi", "halo, jenengku Sri nggih" or
    "my name is Sri": the words after the opener, a greeting before it and a courtesy word
    after it left out (issue 27 point 5). A bare name is returned as typed."""
    parts = [p for p in text.replace(":", " ").split() if p.strip(",.!;")]
    low = [p.lower().replace("'", "").replace("’", "").strip(",.!;") for p in parts]
    start = 0
    while start < len(low) - 1 and (
        low[start] in GREETING_WORDS
        or (low[start] in GREETING_BEFORE_TIME and low[start + 1] in GREETING_WORDS)
    ):
        start += 1
    for opener in NAME_OPENERS:
        end = start + len(opener)
        if tuple(low[start:end]) == opener and len(parts) > end:
            start = end
            break
    while start < len(parts) - 1 and low[start] in LINK_WORDS:
        start += 1
    rest = parts[start:]
    clause = next((i for i, p in enumerate(rest) if p.endswith(",")), None)
    if clause is not None and start > 0:  # "saya Sri, istrinya pak Agus": the name, then more
        rest = rest[: clause + 1]
    while len(rest) > 1 and rest[-1].lower().strip(",.!🙏") in POLITE_TAIL:
        rest = rest[:-1]
    return " ".join(rest).strip(" ,.!🙏")


# Leaving the program ("saya mau berhenti jadi peserta", "metu saka peserta", "stop being a
# participant"): a question for an officer (what happens to the cover, the city's list), never
# a new check, which the reader took it for by its words about membership (finding A3).
LEAVE_WORDS = frozenset({"berhenti", "keluar", "mundur", "metu", "medal", "kendel", "leave",
                         "quit", "cabut", "undur", "resign", "mengundurkan", "stop",
                         "keluarkan", "hapuskan"})  # fmt: skip
MEMBER_WORDS = frozenset({"peserta", "kepesertaan", "anggota", "keanggotaan", "participant",
                          "member", "membership", "pesertanya"})  # fmt: skip
MESSAGE_WORDS = frozenset({"pesan", "pengingat", "siaran", "chat", "message", "messages",
                           "reminder", "reminders", "notifikasi", "wa"})  # fmt: skip


def leaving_program(text: str) -> bool:
    """Words of leaving the program's cover; stopping the messages is another request."""
    said = set(tokens(text))
    return bool(said & LEAVE_WORDS) and bool(said & MEMBER_WORDS) and not said & MESSAGE_WORDS
