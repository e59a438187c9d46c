"""Personal data out of a typed message before it is kept (issue 27, point 7; UU 27/2022 Pasal
16: data minimisation): NIK-like digit runs, phone numbers, e-mail addresses and names become
placeholders in the corpus's own style (`{nik}`, as the corpus writes a test NIK).

Names are the hard part: no list holds every name. A word is masked when it follows a name
opener ("nama saya …", "jenengku …", "my name is …"), an honorific ("pak …", "bu …") and is
not a known word, is part of the person's own name, is typed where a name is asked for and is
not a known word, or is capitalised and not a known word (and then the capitalised words
around it go too: "Sri Rahayu" is one name even if "rahayu" is a word). Masking too much costs
a word of the training text; masking too little keeps someone's name, so the rules lean that way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

NIK, PHONE, NAME, NUMBER, EMAIL = "{nik}", "{phone}", "{name}", "{number}", "{email}"
PLACEHOLDERS = (NIK, PHONE, NAME, NUMBER, EMAIL)

# bounded parts, starting where a word starts: linear however long the message
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}")
# digits grouped by single spaces, dots or dashes ("3577 0124 0886 0001", "0812-0000-1234")
_DIGITS = re.compile(r"\+?[0-9](?:[0-9]|[ .\-](?=[0-9]))*")
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_PLACEHOLDER = re.compile(r"\{(?:nik|phone|name|number|email)\}")
LONG_NUMBER = 8  # digits: a KK, a BPJS card, an account or a birth date written 17081985

# Words after which a name comes, lower-case, as token sequences (typed with or without ":").
OPENERS = tuple(tuple(o.split()) for o in (
    # Indonesian, with chat spellings
    "nama saya", "nama sy", "nama sya", "nama aku", "nama ku", "namaku", "nama gue", "nama gw",
    "nm saya", "nm sy", "nama lengkap saya", "nama lengkap sy", "nama lengkap", "nama lengkapnya",
    "saya bernama", "sy bernama", "aku bernama", "bernama", "atas nama",
    "nama suami saya", "nama istri saya", "nama bapak saya", "nama ibu saya", "nama anak saya",
    "nama almarhum", "nama almarhumah", "nama peserta",
    # Javanese, ngoko and krama
    "jenengku", "jenengku ki", "jenengku iku", "jeneng ku", "jeneng aku",
    "jenengipun", "nami kula", "nama kula", "asma kula", "asmanipun", "naminipun",
    # English
    "my name is", "my name's", "my name", "name is", "name's", "i am called",
    "my full name is", "the name is",
))  # fmt: skip
# Openers that also start other sentences ("nama lengkap atau panggilan?"): the word after them
# is a name only if it looks like one, capitalised or not a known word.
NAME_OPENERS = tuple(tuple(o.split()) for o in ("nama", "namanya", "nami", "jenenge", "jenengé"))
# "saya Budi", "kula Sri", "I'm Rina": a name only when capitalised ("saya mw daftr" keeps its
# chat spelling, which is what the corpus wants to learn from).
PRONOUN_OPENERS = tuple(tuple(o.split()) for o in (
    "saya", "sy", "aku", "kula", "kulo", "gue", "gw", "i'm", "im", "i am", "this is", "call me",
    "ini", "iki", "niki",
))  # fmt: skip


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that stand before a name and are not part of it.
HONORIFICS = _words(
    "pak bapak bpk bu ibu bu' mas mbak mba mbk kak kakak dik adik mbah bude pakde bulik paklik "
    "cak ning lik om tante sdr sdri saudara saudari almarhum almarhumah alm almh h hj haji "
    "hajah ustadz ustad ustadzah mr mrs ms miss mister"
)
# Words a name does not run into: where the sentence goes on ("… umur 40", "… mau daftar").
STOP = HONORIFICS | _words(
    "dan atau mau ingin pengen pingin mo umur usia dari asal tinggal di ke sesuai ktp kk nik "
    "yang yg ya iya iyah nggih inggih sudah udah sdh wis sampun arep badhe ajeng kersa lahir "
    "alamat no nomor nomer hp wa rt rw kelurahan kel kec kecamatan desa kota madiun dengan "
    "dgn sy saya aku kula kulo gue gw ini itu niku niki iki kuwi sebagai selaku bekerja kerja "
    "kerjo ojol pedagang tukang buruh petani sopir driver tidak gak ga nggak ora mboten boten "
    "dong deh sih kok nih tuh lho loh ok oke okay thanks terima kasih makasih matur nuwun "
    "suwun mohon tolong min admin kak bos gan is and from my i am im i'm live living in at age "
    "years year old the a an please thank you work working as who whose was with to for of on "
    "by tahun thn th taun warsa meninggal seda kecelakaan mati wafat pada tanggal tgl kemarin "
    "wingi apa siapa sapa sinten opo punapa menapa gimana gmn piye pripun what who how kapan "
    "when"
)
MAX_NAME_WORDS = 4
# openers by their first word, longest first: a message's words are looked up, not scanned
_OPENERS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _kind, _group in (("strong", OPENERS), ("name", NAME_OPENERS), ("pronoun", PRONOUN_OPENERS)):
    for _o in _group:
        _OPENERS_BY_FIRST.setdefault(_o[0], []).append((_o, _kind))
for _found in _OPENERS_BY_FIRST.values():
    _found.sort(key=lambda f: -len(f[0]))


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


def mask(
    text: str,
    known: Collection[str] | Callable[[str], bool],
    own_names: Sequence[str] = (),
    expect_name: bool = False,
) -> str:
    """The message with personal data replaced by placeholders. `known`: lower-case words that
    are not names (the corpus's words, the city's places); `own_names`: the person's own
    names as far as Siaga knows them; `expect_name`: typed where a name was asked for."""
    is_known = known if callable(known) else known.__contains__
    if "@" in text:
        text = _EMAIL.sub(EMAIL, text)
    text = _DIGITS.sub(_number, text)
    tokens = [_Token(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)
              if not _inside_placeholder(text, m.start())]  # fmt: skip
    masked: set[int] = set()
    _own(tokens, own_names, is_known, masked)
    _after_openers(text, tokens, is_known, masked)
    _after_honorifics(text, tokens, is_known, masked)
    _capitalised(text, tokens, is_known, masked)
    if expect_name:
        masked.update(i for i, t in enumerate(tokens) if not is_known(t.lower))
    return _replace(text, tokens, masked)


def _number(m: re.Match[str]) -> str:
    raw = m.group()
    digits = "".join(c for c in raw if c.isdigit())
    trail = raw[len(raw.rstrip(" .-")) :]  # a run ends on a digit; keep what followed it
    if 9 <= len(digits) <= 14 and (digits.startswith(("08", "628")) or raw.startswith("+")):
        return PHONE + trail
    if len(digits) >= 15:
        return NIK + trail
    if len(digits) >= LONG_NUMBER:
        return NUMBER + trail
    return raw


def _inside_placeholder(text: str, at: int) -> bool:
    return at > 0 and text[at - 1] == "{" and _PLACEHOLDER.match(text, at - 1) is not None


def _joined(text: str, a: _Token, b: _Token) -> bool:
    """Two words of one name: nothing but spaces between them, or an initial's dot."""
    gap = text[a.end : b.start]
    return gap.strip() in ("", ".") and "\n" not in gap


def _own(
    tokens: list[_Token], names: Sequence[str], is_known: Callable[[str], bool], masked: set[int]
) -> None:
    """The person's own name: the whole name wherever it stands, and each of its words that
    is not an ordinary word."""
    for name in names:
        parts = [w.lower() for w in _WORD.findall(name or "")]
        if not parts:
            continue
        rare = {p for p in parts if len(p) >= 2 and not is_known(p)}
        lowered = [t.lower for t in tokens]
        for i in range(len(tokens)):
            if lowered[i] in rare:
                masked.add(i)
            if lowered[i : i + len(parts)] == parts:
                masked.update(range(i, i + len(parts)))


def _after_openers(
    text: str, tokens: list[_Token], is_known: Callable[[str], bool], masked: set[int]
) -> None:
    lowered = [t.lower for t in tokens]
    for i in range(len(tokens)):
        found = next((f for f in _OPENERS_BY_FIRST.get(lowered[i], ())
                      if tuple(lowered[i : i + len(f[0])]) == f[0]), None)  # fmt: skip
        if found is None:
            continue
        opener, kind = found
        j = i + len(opener)
        while j < len(tokens) and lowered[j] in HONORIFICS and _joined(text, tokens[j - 1],
                                                                       tokens[j]):  # fmt: skip
            j += 1
        if j >= len(tokens) or lowered[j] in STOP or not _near(text, tokens[j - 1], tokens[j]):
            continue
        first = tokens[j]
        if kind == "pronoun" and not first.capitalised:
            continue
        if kind == "name" and not (first.capitalised or not is_known(first.lower)):
            continue
        run = [j]
        while len(run) < MAX_NAME_WORDS and run[-1] + 1 < len(tokens):
            k = run[-1] + 1
            nxt = tokens[k]
            if nxt.lower in STOP or not _joined(text, tokens[k - 1], nxt):
                break
            if kind == "pronoun" and not nxt.capitalised:
                break
            # past two words, an ordinary lower-case word is the sentence going on
            if len(run) >= 2 and is_known(nxt.lower) and not nxt.capitalised:
                break
            run.append(k)
        masked.update(run)


def _near(text: str, a: _Token, b: _Token) -> bool:
    """A name right after its opener: "nama saya Budi", "nama saya: Budi", "nama sy - budi"."""
    return (
        text[a.end : b.start].strip() in ("", ":", "-", ",", "=")
        and "\n" not in text[a.end : b.start]
    )


def _after_honorifics(
    text: str, tokens: list[_Token], is_known: Callable[[str], bool], masked: set[int]
) -> None:
    """ "pak budi", "bu Sri Rahayu", "mbah karto": the words after an honorific that are not
    ordinary words (or are capitalised), up to the end of the name."""
    for i, tok in enumerate(tokens[:-1]):
        if tok.lower not in HONORIFICS:
            continue
        j = i + 1
        while j < len(tokens) and _joined(text, tokens[j - 1], tokens[j]):
            nxt = tokens[j]
            name_like = not is_known(nxt.lower) or (nxt.capitalised and nxt.lower not in STOP)
            if nxt.lower in HONORIFICS or not name_like or j - i > MAX_NAME_WORDS - 1:
                break
            masked.add(j)
            j += 1


def _capitalised(
    text: str, tokens: list[_Token], is_known: Callable[[str], bool], masked: set[int]
) -> None:
    """A capitalised word nobody listed is taken for a name, with the capitalised words next
    to it. In a message typed all in capitals, case says nothing: only unknown words go."""
    shouting = not any(c.islower() for c in text)
    grown: set[int] = set()  # already part of a run grown both ways
    for i, tok in enumerate(tokens):
        if not tok.capitalised or is_known(tok.lower):
            continue
        masked.add(i)
        if shouting or i in grown:
            continue
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(tokens):
                a, b = (tokens[j], tokens[j - step]) if step == -1 else (tokens[j - 1], tokens[j])
                nxt = tokens[j]
                if not (nxt.capitalised and nxt.lower not in STOP and _joined(text, a, b)):
                    break
                masked.add(j)
                grown.add(j)
                j += step


def _replace(text: str, tokens: list[_Token], masked: set[int]) -> str:
    """Masked words become {name}; words of one name (next to each other) one {name}."""
    out: list[str] = []
    at = 0
    i = 0
    while i < len(tokens):
        if i not in masked:
            i += 1
            continue
        j = i
        while j + 1 in masked and _joined(text, tokens[j], tokens[j + 1]):
            j += 1
        out.append(text[at : tokens[i].start])
        out.append(NAME)
        at = tokens[j].end
        if text[at : at + 1] == "." and len(tokens[j].text) == 1:
            at += 1  # "M." of "M. Arif": the initial's dot goes with it
        i = j + 1
    out.append(text[at:])
    return "".join(out)
