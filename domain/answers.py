"""Yes / no / don't know from free text in Indonesian and Javanese — domain.md §6.

Whole words only ("ora" is not in "koran", "ga" is not in "gaji"). "Tidak tahu" is a value of
its own, never a silent "no": negation followed by a knowing-word is don't-know, and a
don't-know phrase wins over the yes/no words inside it ("gak tau", "mboten ngertos").
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache

from domain.text import corrected, tokens


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
        "consent",
        "permission",
        "bersedia",
        "rapopo",
        "gpp",
        "gapapa",
        "gakpapa",
        "yep",
        "yeah",
        "yea",
        "alright",
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
        "not",
        "none",
        "never",
        "dont",
        "nah",
        "nolak",
        "keberatan",
    ]
)
NEGATABLE = frozenset(
    "setuju benar bener betul btul leres ada ono wonten punya duwe gadhah sudah udah "  # noqa: SIM905
    "sampun pernah purun gelem consent agree have".split()
)
# Words that a negation turns into a yes: "gak masalah", "tidak keberatan", "no problem".
UNBOTHERED = frozenset({"masalah", "keberatan", "papa", "popo", "problem", "worries"})
# "kurang paham", "kirang mangertos", "can't remember": not knowing, said softly.
LESS = frozenset({"kurang", "kirang", "cant", "cannot"})
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
        "paham",
        "mangertos",
        "remember",
        "ingat",
        "eling",
        "kelingan",
        "idea",
        "clue",
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


_VOCABULARY = YES_WORDS | NO_WORDS | DONT_KNOW_WORDS | KNOW_WORDS | NEGATABLE | UNBOTHERED


def _word(w: str) -> str:
    """A yes/no word typed with its last letter doubled ("iyaa", "setujuu", "okee") is that
    word (three or more are collapsed by domain.text already)."""
    if w in _VOCABULARY or len(w) < 3 or w[-1] != w[-2]:
        return w
    return w[:-1] if w[:-1] in _VOCABULARY else w


@lru_cache(maxsize=4096)
def parse_tri(text: str) -> Tri | None:
    """None when the text says neither, or says both yes and no ("ya tidak"): ask again.
    A person correcting themselves ("gak jadi nolak, setuju deh") means what comes after."""
    after = corrected(text)
    found = _tri(tuple(_word(w) for w in tokens(after))) if after else None
    return found if found is not None else _tri(tuple(_word(w) for w in tokens(text)))


def _tri(words: tuple[str, ...]) -> Tri | None:
    if not words or len(words) > 12:
        return None
    if any(w in DONT_KNOW_WORDS for w in words):
        return Tri.DONT_KNOW
    if any(_has_phrase(words, p) for p in DONT_KNOW_PHRASES):
        return Tri.DONT_KNOW
    for i, w in enumerate(words[:-1]):
        if (w in NO_WORDS or w in LESS) and words[i + 1] in KNOW_WORDS:
            return Tri.DONT_KNOW
    for i, w in enumerate(words[:-1]):
        if w in NO_WORDS and (words[i + 1] in UNBOTHERED or words[i + 1 : i + 3] == ("apa", "apa")):
            return Tri.YES  # "gak masalah", "tidak keberatan", "gak apa-apa"
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


# Words that may stand around a plain yes or no without adding anything ("iya pak", "gak
# usah deh", "nggih mawon").
COURTESY = frozenset(
    "pak bu mas mbak min kak dik om bang dong deh aja saja sih lah kok mawon wae please pls "  # noqa: SIM905
    "usah perlu ah yuk mangga monggo sir maam thanks".split()
)


def plain_tri(text: str) -> Tri | None:
    """A yes, a no or a don't-know and nothing else besides courtesy words: what a button
    press typed out is. A sentence ("kapan ada keputusan ya?") is left to the reader first."""
    if any(_word(w) not in _VOCABULARY | COURTESY for w in tokens(text)) or "?" in text:
        return None
    return parse_tri(text)


class Bpjs(StrEnum):
    """Already a BPJS Ketenagakerjaan member? (domain.md §3.5)"""

    NONE = "tidak"
    EMPLOYER = "pu"  # through an employer: already covered (Penerima Upah)
    SELF_PAID = "bpu"  # paying BPU mandiri themselves
    DONT_KNOW = "tidak_tahu"


# Words that say through whom (id, jv, en); the codes themselves count too.
BPJS_WORDS = {
    "kantor": Bpjs.EMPLOYER, "perusahaan": Bpjs.EMPLOYER, "pabrik": Bpjs.EMPLOYER,
    "majikan": Bpjs.EMPLOYER, "pu": Bpjs.EMPLOYER, "bos": Bpjs.EMPLOYER, "boss": Bpjs.EMPLOYER,
    "juragan": Bpjs.EMPLOYER, "juraganku": Bpjs.EMPLOYER, "atasan": Bpjs.EMPLOYER,
    "gaji": Bpjs.EMPLOYER, "company": Bpjs.EMPLOYER, "employer": Bpjs.EMPLOYER,
    "sendiri": Bpjs.SELF_PAID, "mandiri": Bpjs.SELF_PAID, "bpu": Bpjs.SELF_PAID,
    "piyambak": Bpjs.SELF_PAID, "dhewe": Bpjs.SELF_PAID, "dewe": Bpjs.SELF_PAID,
    "myself": Bpjs.SELF_PAID, "self": Bpjs.SELF_PAID,
}  # fmt: skip
BPJS_PHRASES = {
    ("kantor", "pos"): Bpjs.SELF_PAID, ("tempat", "kerja"): Bpjs.EMPLOYER,
    ("through", "work"): Bpjs.EMPLOYER, ("dari", "kerja"): Bpjs.EMPLOYER,
}  # fmt: skip
# Health cover only (BPJS Kesehatan, KIS): not the work cover asked about.
HEALTH_ONLY = frozenset({"kesehatan", "kis", "health", "kesehatane"})


def parse_bpjs(text: str) -> Bpjs | None:
    """The answer in a reply or a list's cell: one kind named ("ditanggung bos", "bayar
    dhewe", "my company pays it"), health cover only (a no), or a plain no / don't know.
    None for anything else, a bare "ya" included (a yes that does not say through whom)."""
    if text.strip().lower().replace("-", "_") in {b.value for b in Bpjs}:
        return Bpjs(text.strip().lower().replace("-", "_"))
    if parse_tri(text) is Tri.DONT_KNOW:  # "gak tau, dulu pernah dari pabrik …"
        return Bpjs.DONT_KNOW
    words = tokens(corrected(text) or text)
    kinds = {kind for phrase, kind in BPJS_PHRASES.items() if _has_phrase(words, phrase)}
    if not kinds:
        kinds = {BPJS_WORDS[w] for w in words if w in BPJS_WORDS}
    if len(kinds) == 1:
        return kinds.pop()
    tri = parse_tri(text)
    if tri is Tri.DONT_KNOW:
        return Bpjs.DONT_KNOW
    if tri is Tri.NO or (not kinds and HEALTH_ONLY & set(words)):
        return Bpjs.NONE
    return None


# Being in the social registry (DTKS/DTSEN) is what its aid says: a family that gets PKH, BPNT,
# BLT, sembako or a KIS PBI paid by the government is in it (domain.md §3.4).
AID_WORDS = frozenset({
    "pkh", "bpnt", "blt", "bansos", "sembako", "kks", "pbi", "bantuan", "aid", "assistance",
    "pemerintah", "government", "terdaftar", "registered", "penerima", "rastra", "raskin",
    "bst",
})  # fmt: skip
NEVER = frozenset({"never", "ora", "durung", "belum", "blm", "dereng", "mboten", "gak", "ga",
                   "nggak", "tidak", "tdk", "no", "not", "ndak", "boten", "ra", "bukan", "dudu",
                   "sanes"})  # fmt: skip
CHECK_WORDS = frozenset({"cek", "ngecek", "checked", "check", "mriksa", "dicek"})


def parse_registry(text: str) -> Tri | None:
    """In the registry? Said plainly, or by the aid the family gets ("dapat pkh": yes; "ora
    tau oleh bansos": no; "belum pernah ngecek": don't know)."""
    words = tokens(corrected(text) or text)
    aid = next((i for i, w in enumerate(words) if w in AID_WORDS), None)
    if aid is not None:
        near = words[:aid] + words[aid + 1 : aid + 3]  # "ora tau oleh bansos", "bansos gak pernah"
        if any(w in NEVER for w in near) and not any(w in CHECK_WORDS for w in words):
            return Tri.NO
        return Tri.YES
    if any(w in CHECK_WORDS for w in words) and any(w in NEVER for w in words):
        return Tri.DONT_KNOW  # "never checked"
    return parse_tri(text)


# Children at school (the scholarship; domain.md §8): at school, or grown up and done.
SCHOOL_WORDS = frozenset({
    "sekolah", "sd", "smp", "sma", "smk", "tk", "paud", "mts", "mi", "sltp", "slta", "school",
    "high", "junior", "elementary", "kindergarten", "sekolahan", "pesantren", "mondok",
})  # fmt: skip
GROWN_WORDS = frozenset({
    "kerja", "nikah", "menikah", "berkeluarga", "rabi", "mentas", "lulus", "gede", "dewasa",
    "grown", "adult", "adults", "married", "working", "tamat", "kawin", "mandiri", "nyambut",
})  # fmt: skip


def parse_heirs(text: str) -> Tri | None:
    """Children of school age? Said plainly, or by where they are ("anak sy 3 masih sekolah":
    yes; "anak sdh kerja semua", "my kids are grown up": no)."""
    words = tokens(corrected(text) or text)
    school = next((i for i, w in enumerate(words) if w in SCHOOL_WORDS), None)
    grown = any(w in GROWN_WORDS for w in words)
    if school is not None and not (grown and "masih" not in words and "isih" not in words
                                   and "taksih" not in words and "still" not in words):  # fmt: skip
        if any(w in ("none", "no", "gak", "tidak", "ora", "mboten") for w in words[:school]):
            return Tri.NO  # "none in school", "gak ada yg sekolah"
        return Tri.YES
    if grown:
        return Tri.NO
    return parse_tri(text)


# The summary's answers in words (issue 27): which answer to change ("namanya salah", "wrong
# kelurahan", "pakaryane kleru"), or that all is right and the check goes on ("cocok semua",
# "looks good", "bukan batal, lanjut").
SUMMARY_FIELDS = {
    "name": ("nama", "name", "jeneng", "nami", "asma", "naming"),
    "nik": ("nik", "ktp"),
    "age": ("umur", "usia", "age", "yuswa", "umure"),
    "kelurahan": ("kelurahan", "alamat", "kecamatan", "address", "omah", "rumah", "domisili",
                  "tinggal", "village", "kelurahane"),
    "occupation": ("pekerjaan", "kerja", "kerjaan", "job", "occupation", "pakaryan", "gawean",
                   "work", "profesi", "pakaryane"),
    "bpjs": ("bpjs",),
    "dtks": ("dtks", "dtsen", "pkh", "bansos"),
    "heirs": ("anak", "children", "kids", "lare", "putra", "anakku"),
    "phone": ("hp", "phone", "wa", "telepon", "telp", "whatsapp", "nomor", "nomer", "number"),
}  # fmt: skip
_FIELD_OF = {w: field for field, words in SUMMARY_FIELDS.items() for w in words}
CHANGE_WORDS = frozenset({
    "ubah", "ubahin", "diubah", "ganti", "gantos", "diganti", "ngganti", "salah", "keliru",
    "kleru", "lepat", "benerin", "dibenerin", "betulkan", "dibetulkan", "edit", "change",
    "changed", "wrong", "fix", "hapus", "dihapus", "busak", "dibusak", "delete", "typo",
    "kurang", "bukan", "dudu", "beda", "pindah", "isnt", "spelled", "incorrect", "koreksi",
    "ralat",
})  # fmt: skip
GO_ON_WORDS = frozenset({
    "lanjut", "lanjutkan", "kirim", "ajukan", "submit", "continue", "proceed", "go", "cocok",
    "pas", "mantap", "good", "right", "lajeng", "bener", "benar", "betul", "leres", "sip",
})  # fmt: skip


def _stem(w: str) -> str:
    for suffix in ("nya", "ne", "e", "ku"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and w[: -len(suffix)] in _FIELD_OF:
            return w[: -len(suffix)]
    return w


def summary_field(text: str) -> str | None:
    """The one answer a message asks to change ("umurnya salah" → "age"), or None."""
    words = [_stem(w) for w in tokens(text)]
    if not CHANGE_WORDS & set(words):
        return None
    fields = {_FIELD_OF[w] for w in words if w in _FIELD_OF}
    if "nik" in fields:
        fields.discard("phone")  # "nomor ktp keliru": the number is the NIK
    if "heirs" in fields:
        fields.discard("kelurahan")  # "anak sekolah" is about the children, not where
    return fields.pop() if len(fields) == 1 else None


def summary_confirmed(text: str) -> bool:
    """All is right and the check may go on: a go-on word ("lanjut", "looks good"), a yes,
    or nothing wrong ("gak ada yg salah"), with no answer named to change."""
    words = [_stem(w) for w in tokens(text)]
    if any(w in _FIELD_OF for w in words):
        return False
    negated_change = any(
        w in NO_WORDS and any(c in CHANGE_WORDS for c in words[i + 1 : i + 4])
        for i, w in enumerate(words)
    )
    return bool(GO_ON_WORDS & set(words)) or negated_change or parse_tri(text) is Tri.YES


# Words that can only be a consent ("ya udah setuju deh", "nggih sarujuk", "ok I agree"): at
# the menu, from someone who has not consented, they answer the consent question just
# declined (residents' finding N6: read as a status request instead).
# Only words that name agreeing itself: "gelem", "purun", "accept" also take reminders.
AGREE_WORDS = frozenset({"setuju", "sarujuk", "agree", "consent", "menyetujui"})


def agrees(text: str) -> bool:
    """An agreeing word, not negated ("tetap tidak setuju" does not agree)."""
    said = {_word(w) for w in tokens(text)}
    return bool(said & AGREE_WORDS) and parse_tri(text) is not Tri.NO


# Who reports a death or an accident, as people say it (id, jv ngoko and krama, en): the
# first list that matches wins, so "my brother" is family before "other" is seen in it. A
# relation word at that question is its answer, not a question for an officer (residents'
# findings C3/N9: "saya anaknya", "kula putranipun" went to the ticket prompt).
RELATION_WORDS = (
    ("self", ("saya sendiri", "aku dhewe", "kula piyambak", "myself", "sendiri")),
    ("family", ("keluarga", "kulawarga", "suami", "istri", "anak", "putra", "putri", "ibu",
                "ibunya", "ibune", "bapak", "bojo", "garwa", "semah", "adik", "kakak", "saudara",
                "sedulur",
                "cucu", "menantu", "mantu", "simbah", "mbah", "ponakan", "keponakan",
                "rayi", "adhi", "kangmas", "mbakyu", "family", "wife", "husband", "child", "son",
                "daughter", "mother", "father", "brother", "sister", "relative", "grandchild",
                "spouse")),
    ("other", ("tetangga", "teman", "tonggo", "kanca", "rencang", "neighbour", "neighbor",
               "friend", "lain", "other")),
)  # fmt: skip


def reporter_relation(text: str) -> str:
    """self, family, other, or "" when the words say none of them. A word counts at the start
    of a typed word ("anaknya", "putranipun", "istri saya"), a short one whole, a phrase
    anywhere."""
    said = tokens(text)
    joined = " ".join(said)

    def says(w: str) -> bool:
        if " " in w:
            return w in joined
        # a short word only whole ("son" is not "sonten", the Javanese afternoon)
        return any(t.startswith(w) if len(w) > 3 else t == w for t in said)

    return next((rel for rel, words in RELATION_WORDS if any(says(w) for w in words)), "")
