"""What a typed message asks for, in the words people in Madiun use (domain.md §6): intents
("mau daftar", "status usulan saya", "english please"), questions the program's FAQ answers,
and a typed button label with its typos.

Words are matched after normalisation (domain.text) and after the chat abbreviations people
type are spelled out ("sy" → saya, "brp" → berapa). A phrase matches when each of its words
is in the message, the same or one typo away (two for long words). No model, no download:
word tables and an edit-distance ratio, well under a millisecond a message.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from domain.program import FaqEntry
from domain.text import edit_distance, tokens

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


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that carry no request of their own: "saya mau daftar dong" is "daftar".
FILLER = _word_set("""
    saya aku kula kulo dalem gue mau ingin pengen badhe arep ajeng dong deh ya yah yuk nih
    tolong please pls plz mohon minta nyuwun bisa bisakah boleh saja sih kak mas mbak pak bu
    bapak ibu min gan om bang dik to kan the a an i my me want would like to can for in about
    with dengan untuk yang ini itu niki punika kok lho ta tah kah apa gimana bagaimana piye lah
    mawon mawi kaliyan sama dan and
""")

Phrases = tuple[tuple[str, ...], ...]


def _phrases(*texts: str) -> Phrases:
    return tuple(tuple(t.split()) for t in texts)


# The chat's own requests, each with the words that ask for it (id, jv, en).
INTENTS: dict[str, Phrases] = {
    "check": _phrases(
        "daftar", "mendaftar", "pendaftaran", "cek", "cek kelayakan", "kelayakan", "ikut program",
        "ikut", "gabung", "melu", "nderek", "register", "sign up", "apply", "eligibility",
        "check", "join", "mulai daftar", "cek daftar", "jadi peserta", "dadi peserta",
    ),
    "status": _phrases(
        "status", "usulan", "cek usulan", "status usulan", "hasil usulan", "nomor usulan",
        "sudah sampai mana", "disetujui belum", "sudah disetujui", "diterima belum",
        "my application", "application status", "progress", "pjk", "sampun disetujui",
        "approved",
    ),
    "info": _phrases(
        "info", "informasi", "information", "program", "apa itu", "penjelasan", "jelaskan",
        "tentang program", "about", "what is this", "keterangan", "katrangan",
    ),
    "help": _phrases(
        "bantuan", "help", "bingung", "gak ngerti", "gak paham", "ora ngerti", "ora mudeng",
        "mboten ngertos", "caranya", "cara pakai", "piye carane", "how does this work",
        "how to use", "panduan", "gak bisa", "error", "bantu", "pitulung", "confused",
    ),
    "lang:en": _phrases("english", "bahasa english", "in english", "speak english"),
    "lang:jv": _phrases("jawa", "bahasa jawa", "krama", "kromo"),
    "lang:id": _phrases("bahasa indonesia", "indonesia", "pakai bahasa indonesia"),
    "lang": _phrases("bahasa", "ganti bahasa", "ganti basa", "change language"),
    "delete": _phrases(
        "hapus", "hapus data", "hapus akun", "delete", "delete my data", "busak data",
        "hapusen data", "hapus semua data", "remove my data",
    ),
    "mydata": _phrases("data saya", "lihat data", "my data", "data apa saja"),
    "optout": _phrases(
        "berhenti", "stop", "jangan kirim", "stop pesan", "unsubscribe", "sampun cekap",
        "gak usah kirim", "stop pengingat", "berhenti pengingat", "mandheg",
    ),
    "optin": _phrases("mulai pengingat", "kirim pengingat", "mau pengingat", "subscribe"),
    "officer": _phrases(
        "petugas", "tanya petugas", "bicara petugas", "hubungi petugas", "takon petugas",
        "matur petugas", "talk to", "orang asli", "tanya", "nanya", "takon", "ask",
        "pertanyaan", "question", "chat petugas", "telepon", "nomor telepon", "wa petugas",
        "kantor", "contact",
    ),
    # a death or a work accident reported (issue 20): said as news, not asked as a question
    "report": _phrases(
        "kabar duka", "berita duka", "innalillahi", "inna lillahi", "meninggal dunia",
        "sudah meninggal", "telah meninggal", "baru meninggal", "meninggal kemarin",
        "meninggal tadi", "wis seda", "sampun seda", "wis tilar donya", "sampun tilar donya",
        "lapor meninggal", "lapor kematian", "lapor kecelakaan", "kecelakaan kerja",
        "kena kecelakaan", "kacilakan kerja", "klaim jkm", "klaim jkk", "klaim santunan",
        "passed away", "died yesterday", "accident at work", "work accident",
    ),
    "cancel": _phrases("batal", "batalkan", "cancel", "gak jadi", "ora sida", "mboten sios"),
    "menu": _phrases("menu", "kembali", "balik", "back", "mulai lagi dari menu"),
    "greeting": _phrases(
        "halo", "assalamualaikum", "pagi", "siang", "sore", "malam", "selamat pagi",
        "selamat siang", "selamat sore", "selamat malam", "permisi", "punten", "kulonuwun",
        "sugeng enjing", "sugeng siang", "sugeng sonten", "sugeng dalu", "good morning",
        "p", "tes", "test", "start", "mulai",
    ),
    "thanks": _phrases(
        "terima kasih", "thanks", "thank you", "matur nuwun", "suwun", "nuwun", "trims",
    ),
}  # fmt: skip
# Question words: a message that asks something may be answered from the FAQ.
QUESTION_WORDS = _word_set("""
    apa apakah berapa kapan bagaimana gimana siapa mengapa kenapa dimana mana boleh bisakah piye
    sapa kapan endi pundi menapa napa what how when who why where which is can does do
""")


def words(text: str) -> tuple[str, ...]:
    """The message's words, normalised, abbreviations spelled out."""
    out: list[str] = []
    for w in tokens(text):
        spelled = ABBREVIATIONS.get(w, w)
        out += spelled.split()
    return tuple(out)


# Suffixes people put on a word (Indonesian -nya, colloquial -in, -an, -kan; Javanese -e, -ne,
# -ipun, -nipun): "bayarnya", "hapusin", "santunane" are "bayar", "hapus", "santunan".
SUFFIXES = ("nipun", "ipun", "nya", "kan", "ne", "in", "an", "e")


@lru_cache(maxsize=65536)
def _forms(typed: str) -> tuple[str, ...]:
    stems = [typed[: -len(x)] for x in SUFFIXES if typed.endswith(x) and len(typed) - len(x) >= 3]
    return (typed, *stems)


def _same(word: str, typed: str) -> bool:
    return any(_like(word, form) for form in _forms(typed))


@lru_cache(maxsize=65536)
def _like(word: str, typed: str) -> bool:
    if word == typed:
        return True
    if len(word) < 5 or abs(len(word) - len(typed)) > 2 or word[0] != typed[0]:
        return False
    return edit_distance(word, typed, 1 if len(word) < 8 else 2) <= (1 if len(word) < 8 else 2)


def _covers(phrase: Sequence[str], typed: Sequence[str]) -> tuple[set[int], int] | None:
    """The positions of the message's words that make up the phrase, and how many of them
    are spelled exactly; None when a word of the phrase is missing."""
    used: set[int] = set()
    exact = 0
    for word in phrase:
        at = next((i for i, t in enumerate(typed) if i not in used and t == word), None)
        if at is not None:
            exact += 1
        else:
            at = next((i for i, t in enumerate(typed) if i not in used and _same(word, t)), None)
        if at is None:
            return None
        used.add(at)
    return used, exact


# When two requests explain a message equally well, the one that changes more wins: "tolong
# hapus data saya" is deleting, not looking at the data.
PRECEDENCE = (
    "cancel",
    "delete",
    "optout",
    "report",
    "officer",
    "lang:en",
    "lang:jv",
    "lang:id",
    "lang",
    "status",
    "check",
    "optin",
    "help",
    "mydata",
    "info",
    "menu",
    "greeting",
    "thanks",
)


@dataclass(frozen=True)
class Understood:
    intent: str  # a key of INTENTS, or "faq:<id>"
    matched: int  # how many of the message's words the phrase used
    whole: bool  # every other word was filler: the message asks for this and nothing else
    question: bool  # it is worded as a question


FaqPhrases = tuple[tuple[str, Phrases], ...]


def faq_phrases(faq: Iterable[FaqEntry]) -> FaqPhrases:
    """The program file's FAQ as the matcher reads it: each entry's phrases split in words."""
    return tuple((f.id, tuple(tuple(p.split()) for p in f.phrases)) for f in faq)


def asks(text: str) -> bool:
    """The message is a question of some length ("suami saya sakit, bisa diwakili?"): when
    nothing here answers it, a person should."""
    typed = words(text)
    marked = "?" in text or (bool(typed) and (typed[0] in QUESTION_WORDS
                                              or typed[-1] in QUESTION_WORDS))  # fmt: skip
    return marked and len(typed) >= 3


def understand(text: str, faq: FaqPhrases = ()) -> Understood | None:
    """The best request in the message: the phrase that explains most of its words, spelled
    most exactly. A question about the program beats the chat's own words ("berapa iuran
    program" is the premium, not the info page); two questions equally named are no answer."""
    return _understand(words(text), "?" in text, faq)


@lru_cache(maxsize=64)
def _table(faq: FaqPhrases) -> tuple[tuple[tuple[str, tuple[str, ...]], ...], frozenset[str]]:
    """Every (request, phrase) and the words they use, built once per FAQ."""
    pairs = tuple(
        (intent, phrase)
        for intent, phrases in (*INTENTS.items(), *((f"faq:{k}", p) for k, p in faq))
        for phrase in phrases
    )
    return pairs, frozenset(w for _, phrase in pairs for w in phrase)


@lru_cache(maxsize=65536)
def _known(token: str, vocabulary: frozenset[str]) -> frozenset[str]:
    """The phrase words a typed word stands for (itself, or one a typo away)."""
    if token in vocabulary and len(token) < 5:
        return frozenset((token,))
    exact = vocabulary.intersection(_forms(token))
    if exact:
        return frozenset(exact)
    return frozenset(w for w in vocabulary if _same(w, token))


@lru_cache(maxsize=8192)
def _understand(typed: tuple[str, ...], marked: bool, faq: FaqPhrases) -> Understood | None:
    if not typed or len(typed) > 25:
        return None
    question = marked or typed[0] in QUESTION_WORDS or typed[-1] in QUESTION_WORDS
    pairs, vocabulary = _table(faq)
    present = frozenset().union(*(_known(t, vocabulary) for t in typed))
    exact = frozenset(f for t in typed for f in _forms(t))  # a suffix is still the word
    found: list[tuple[tuple[int, int], str, tuple[str, ...]]] = [
        ((len(phrase), sum(w in exact for w in phrase)), intent, phrase)
        for intent, phrase in pairs
        if all(w in present for w in phrase)
    ]
    if not found:
        return None
    top = max(score for score, _, _ in found)
    winners = {intent for score, intent, _ in found if score == top}
    faqs = {w for w in winners if w.startswith("faq:")}
    if len(faqs) > 1:
        return None
    if faqs and (question or len(winners) == 1):
        intent = faqs.pop()
    else:
        ours = [w for w in PRECEDENCE if w in winners]
        if not ours:
            return None
        intent = ours[0]
    if intent == "info" and question:
        # "dtks itu apa?": a question about one of the FAQ's topics, not the info page
        asked = {i for _, i, _ in found if i.startswith("faq:")}
        if len(asked) == 1:
            intent = asked.pop()
    used: set[int] = set()
    for _, i, phrase in found:  # every word any phrase of this request explains
        if i == intent and (cover := _covers(phrase, typed)) is not None:
            used |= cover[0]
    top = (max(len(used), top[0]), top[1])
    rest = [t for i, t in enumerate(typed) if i not in used]
    return Understood(intent, top[0], all(t in FILLER or t in QUESTION_WORDS for t in rest),
                      question)  # fmt: skip


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


# How people rate an answer in words (after "Tanya petugas"), 1 (no help) to 5.
RATINGS: dict[str, int] = {
    "sangat membantu": 5, "mantap": 5, "bagus sekali": 5, "sangat puas": 5, "apik tenan": 5,
    "excellent": 5, "very helpful": 5,
    "membantu": 4, "bagus": 4, "puas": 4, "apik": 4, "good": 4, "helpful": 4, "matur nuwun": 4,
    "lumayan": 3, "cukup": 3, "biasa": 3, "lumayan apik": 3,
    "kurang": 2, "kurang membantu": 2, "kurang jelas": 2, "not great": 2,
    "tidak membantu": 1, "jelek": 1, "buruk": 1, "ora mbantu": 1, "elek": 1, "useless": 1,
    "not helpful": 1,
}  # fmt: skip


def rating(text: str) -> int | None:
    """A rating said in words ("bagus", "kurang membantu"), or None. Digits are the rating
    buttons' own (a typed "4" is the button just shown)."""
    said = " ".join(words(text))
    return RATINGS.get(said)
