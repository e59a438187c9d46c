"""Kecamatan and kelurahan of one city, resolved from what people type — domain.md §1.

The data (codes, names, postcodes, aliases) lives in the program file; this module only knows
how to match. Everything resolves within the one city: "Sukosari" or "Banjarejo" exist many
times elsewhere in Jawa Timur, and "Jiwan" (Kabupaten Madiun) is not ours at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property, lru_cache

from domain.text import edit_distance, normalise

# Words people put in front of a place name; they say which level is meant.
_KEL_WORDS = frozenset({"kelurahan", "kel", "kelurhan", "kalurahan", "desa", "ds", "kalurahane"})
_KEC_WORDS = frozenset({"kecamatan", "kec", "kecamtan", "kcmtn", "kecamatane"})
# English puts the level after the name: "Manguharjo village", "Taman district".
_KEL_AFTER = frozenset({"village"})
_KEC_AFTER = frozenset({"district", "subdistrict"})
# Words around a place name in a sentence ("aku ngekos di klegen", "rumah saya di kelun").
_NOISE = frozenset(
    {"di", "ing", "wonten", "saya", "aku", "kulo", "kula", "tinggal", "kota", "madiun", "ngekos",
     "kos", "kost", "ngontrak", "kontrak", "rumah", "rumahku", "omah", "omahku", "griya", "dalem",
     "alamat", "alamatku", "domisili", "daerah", "wilayah", "kampung", "neng", "ning", "nang",
     "ndek", "ten", "nggon", "asal", "dari", "saking", "sekarang", "saiki", "sakniki", "masuk",
     "ikut", "warga", "penduduk", "i", "live", "in", "at", "my", "home", "is", "ya", "pak", "bu",
     "mas", "mbak", "kak", "dong", "lho", "kok", "niku", "nggih", "mawon", "saja", "aja",
     "manggen", "district", "village", "area", "sub"}
)  # fmt: skip
# Javanese directions used in names, with the Indonesian people also type (domain.md §1.3).
_DIRECTIONS = {"lor": "utara", "kidul": "selatan", "wetan": "timur", "kulon": "barat"}
_REDUP = re.compile(r"^([a-z]+)2$")


class MatchKind(StrEnum):
    KELURAHAN = "kelurahan"
    KECAMATAN = "kecamatan"
    AMBIGUOUS = "ambiguous"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Kelurahan:
    code: str  # Kemendagri, dotted: 35.77.01.1009
    name: str
    kecamatan_code: str
    postcode: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Kecamatan:
    code: str  # 35.77.01
    name: str
    kelurahan: tuple[Kelurahan, ...]
    aliases: tuple[str, ...] = ()

    @property
    def nik_prefix(self) -> str:
        return self.code.replace(".", "")


@dataclass(frozen=True, slots=True)
class RegionMatch:
    kind: MatchKind
    kelurahan: Kelurahan | None = None
    kecamatan: Kecamatan | None = None
    fuzzy: bool = False
    # several kelurahan fit ("Nambangan" → Lor and Kidul): offer them, do not guess
    candidates: tuple[Kelurahan, ...] = ()

    @property
    def found(self) -> bool:
        return self.kind is not MatchKind.NONE


def _expand(text: str) -> list[str]:
    """Normalised words with "oro2" → "oro oro" (Indonesian reduplication shorthand)."""
    words: list[str] = []
    for w in normalise(text).split():
        m = _REDUP.match(w)
        if m:
            words += [m.group(1), m.group(1)]
        else:
            words.append(w)
    return words


def key_variants(name: str) -> set[str]:
    """Space-free keys for a name, with Lor/Utara and Kidul/Selatan swapped both ways."""
    words = _expand(name)
    keys = {"".join(words)}
    swapped = [_DIRECTIONS.get(w, w) for w in words]
    keys.add("".join(swapped))
    return keys


@dataclass(frozen=True, eq=False)  # identity hash: cheap key for the resolve cache
class RegionCatalogue:
    city_code: str  # 35.77
    city_name: str
    kecamatan: tuple[Kecamatan, ...]
    _kel_index: dict[str, Kelurahan] = field(default_factory=dict, compare=False, repr=False)
    _kec_index: dict[str, Kecamatan] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for kec in self.kecamatan:
            for k in key_variants(kec.name) | {x for a in kec.aliases for x in key_variants(a)}:
                self._kec_index[k] = kec
            for kel in kec.kelurahan:
                names = (kel.name, *kel.aliases)
                for k in {x for n in names for x in key_variants(n)}:
                    self._kel_index[k] = kel

    # --- lookups by code -------------------------------------------------------------------
    @property
    def all_kelurahan(self) -> tuple[Kelurahan, ...]:
        return tuple(kel for kec in self.kecamatan for kel in kec.kelurahan)

    @cached_property
    def nik_districts(self) -> frozenset[str]:
        return frozenset(kec.nik_prefix for kec in self.kecamatan)

    @cached_property
    def nik_city(self) -> str:
        return self.city_code.replace(".", "")

    def kelurahan_by_code(self, code: str) -> Kelurahan | None:
        for kel in self.all_kelurahan:
            if kel.code == code or kel.code.replace(".", "") == code:
                return kel
        return None

    def kecamatan_by_code(self, code: str) -> Kecamatan | None:
        for kec in self.kecamatan:
            if kec.code == code or kec.nik_prefix == code:
                return kec
        return None

    def kecamatan_of(self, kel: Kelurahan) -> Kecamatan:
        found = self.kecamatan_by_code(kel.kecamatan_code)
        assert found is not None, kel
        return found

    # --- resolving free text ----------------------------------------------------------------
    def resolve(self, text: str, within: str | None = None) -> RegionMatch:
        """Resolve a typed place. `within` (a kecamatan code) narrows kelurahan to one kecamatan,
        as when the person has just chosen it; a kelurahan elsewhere still resolves."""
        return _resolve_cached(self, text, within)

    def kelurahan_named(self, text: str) -> Kelurahan | None:
        """A kelurahan named by an officer ("Kelun", "taman"): a name shared with a kecamatan
        ("Taman", "Kartoharjo", "Manguharjo") means the kelurahan here."""
        return self.resolve("kelurahan " + text).kelurahan if text.strip() else None

    def _resolve(self, text: str, within: str | None) -> RegionMatch:
        words = _expand(text)
        level: MatchKind | None = None
        if words and words[0] in _KEL_WORDS:
            level, words = MatchKind.KELURAHAN, words[1:]
        elif words and words[0] in _KEC_WORDS:
            level, words = MatchKind.KECAMATAN, words[1:]
        elif len(words) > 1 and words[-1] in _KEL_WORDS | _KEL_AFTER:  # "manguharjo village"
            level, words = MatchKind.KELURAHAN, words[:-1]
        elif len(words) > 1 and words[-1] in _KEC_WORDS | _KEC_AFTER:  # "taman district"
            level, words = MatchKind.KECAMATAN, words[:-1]
        if not words:
            return RegionMatch(MatchKind.NONE)
        key = "".join(words)
        if key not in self._kel_index and key not in self._kec_index:
            # "saya tinggal di kelun": drop filler words, but only when the whole text is not
            # itself a name ("Madiun Lor" contains "madiun")
            key = self._named_inside(words) or "".join(w for w in words if w not in _NOISE) or key
        kel = self._kel_index.get(key)
        kec = self._kec_index.get(key)
        fuzzy = False
        if kel is None and kec is None:
            kel, kec = self._fuzzy(key, within)
            fuzzy = True
        if kel is None and kec is None and len(key) >= 4:
            starts = {k for name, k in self._kel_index.items() if name.startswith(key)}
            if len(starts) == 1:
                kel = starts.pop()
            elif starts:
                ordered = tuple(k for k in self.all_kelurahan if k in starts)
                return RegionMatch(MatchKind.AMBIGUOUS, candidates=ordered)
        if level is MatchKind.KELURAHAN:
            kec = None
        elif level is MatchKind.KECAMATAN:
            kel = None
        if kel is not None and kec is not None:
            if within is not None and kec.code == within:
                # the person already chose this kecamatan and is now naming a kelurahan
                return RegionMatch(MatchKind.KELURAHAN, kel, self.kecamatan_of(kel), fuzzy)
            return RegionMatch(MatchKind.AMBIGUOUS, kel, kec, fuzzy)
        if kel is not None:
            return RegionMatch(MatchKind.KELURAHAN, kel, self.kecamatan_of(kel), fuzzy)
        if kec is not None:
            return RegionMatch(MatchKind.KECAMATAN, None, kec, fuzzy)
        return RegionMatch(MatchKind.NONE)

    def _named_inside(self, words: list[str]) -> str | None:
        """A place named inside a sentence ("rumah saya di madiun lor", "Klegen Kartoharjo"):
        the longest run of words that is a name exactly, kelurahan first."""
        for size in range(min(len(words), 3), 0, -1):
            for start in range(len(words) - size + 1):
                key = "".join(words[start : start + size])
                if key in self._kel_index and (size > 1 or words[start] not in _NOISE):
                    return key
            for start in range(len(words) - size + 1):
                key = "".join(words[start : start + size])
                if key in self._kec_index and (size > 1 or words[start] not in _NOISE):
                    return key
        return None

    def _fuzzy(self, key: str, within: str | None) -> tuple[Kelurahan | None, Kecamatan | None]:
        """Small typos: the single closest name within 1 edit (2 for names of 8+ letters)."""
        if len(key) < 4:
            return None, None
        limit = 1 if len(key) < 8 else 2
        best: dict[int, set[str]] = {}
        for k in (*self._kel_index, *self._kec_index):
            d = edit_distance(key, k, limit)
            if d <= limit:
                best.setdefault(d, set()).add(k)
        if not best:
            return None, None
        keys = best[min(best)]
        kels = {self._kel_index[k] for k in keys if k in self._kel_index}
        kecs = {self._kec_index[k] for k in keys if k in self._kec_index}
        if within is not None and len(kels) > 1:
            kels = {k for k in kels if k.kecamatan_code == within} or kels
        kel = next(iter(kels)) if len(kels) == 1 else None
        kec = next(iter(kecs)) if len(kecs) == 1 else None
        if len(kels) > 1 or len(kecs) > 1:
            return None, None  # two different places equally close: do not guess
        return kel, kec


@lru_cache(maxsize=8192)
def _resolve_cached(cat: RegionCatalogue, text: str, within: str | None) -> RegionMatch:
    return cat._resolve(text, within)
