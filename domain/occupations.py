"""Occupations recognised in free text — domain.md §6.

The catalogue (categories and the Indonesian/Javanese words for them) is data from the program
file. What matters for the verdict is the category's *kind*: an informal worker (BPU), someone
the city covers on the wage-earner track (PU: RT/RW, linmas, kader …), someone with no economic
activity, a student, or a formal employee.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from domain.text import tokens


class OccupationKind(StrEnum):
    INFORMAL = "informal"  # Bukan Penerima Upah with an economic activity: the target group
    PU_ROLE = "pu_role"  # covered by the city on the Penerima Upah track, not this one
    NO_ACTIVITY = "no_activity"
    STUDENT = "student"  # Madiun's 2024 list mentions "siswa": flag, do not reject
    FORMAL = "formal"  # employees, likely already covered by their employer


@dataclass(frozen=True, slots=True, eq=False)  # one object per category: identity is equality
class Occupation:
    code: str  # e.g. "OJOL"
    kind: OccupationKind
    words: tuple[str, ...]
    featured: bool = False  # shown as a button in the conversation


# When one message names several kinds ("ibu rumah tangga, jualan gorengan"), having an
# economic activity is what the program asks for, so the informal category wins.
_KIND_ORDER = {
    OccupationKind.INFORMAL: 0,
    OccupationKind.PU_ROLE: 1,
    OccupationKind.FORMAL: 2,
    OccupationKind.STUDENT: 3,
    OccupationKind.NO_ACTIVITY: 4,
}


# Words before a named work that say it is over ("berhenti jualan", "dulu kuli", "leren
# dodolan", "stopped driving").
PAST = frozenset({"berhenti", "stop", "stopped", "quit", "leren", "mandheg", "dulu", "biyen",
                  "mantan", "former", "formerly", "eks", "ex", "used", "pensiun"})  # fmt: skip


@dataclass(frozen=True, eq=False)
class OccupationCatalogue:
    occupations: tuple[Occupation, ...]
    _phrases: dict[str, list[tuple[tuple[str, ...], Occupation]]] = field(
        default_factory=dict, repr=False
    )

    def __post_init__(self) -> None:
        for occ in self.occupations:
            for word in (*occ.words, occ.code.replace("_", " ")):
                phrase = tokens(word)
                if phrase:
                    self._phrases.setdefault(phrase[0], []).append((phrase, occ))
        for entries in self._phrases.values():
            entries.sort(key=lambda e: -len(e[0]))  # longest phrase first

    def by_code(self, code: str) -> Occupation | None:
        for occ in self.occupations:
            if occ.code == code:
                return occ
        return None

    @property
    def featured(self) -> tuple[Occupation, ...]:
        return tuple(o for o in self.occupations if o.featured)

    def classify(self, text: str) -> Occupation | None:
        return _classify_cached(self, text)

    def _classify(self, text: str) -> Occupation | None:
        words = tokens(text)
        if not words or len(words) > 40:
            return None
        found: list[tuple[int, int, int, Occupation]] = []
        i = 0
        while i < len(words):
            matched = 0
            for phrase, occ in self._phrases.get(words[i], ()):
                if words[i : i + len(phrase)] == phrase:
                    found.append((_KIND_ORDER[occ.kind], -len(phrase), i, occ))
                    matched = len(phrase)
                    break
            i += matched or 1
        if not found:
            return None
        # "stop jualan karena modal habis", "dulu kuli, … gak kerja lagi": work named after
        # a word that says it ended is not the work now; if that is all there is, there is none
        now = [f for f in found if not PAST & set(words[max(0, f[2] - 2) : f[2]])]
        if not now:
            return next((o for o in self.occupations if o.kind is OccupationKind.NO_ACTIVITY),
                        None)  # fmt: skip
        return min(now, key=lambda f: f[:3])[3]


@lru_cache(maxsize=8192)
def _classify_cached(cat: OccupationCatalogue, text: str) -> Occupation | None:
    return cat._classify(text)
