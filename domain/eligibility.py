"""The eligibility verdict: every rule passed, failed or unknown, with a reason code.

The bot only pre-screens; the lurah decides (UU 27/2022 Pasal 34: keep a human in the loop). So
the verdict is "likely eligible", "not eligible" or "needs officer review", and an unknown answer
leads to review, never to a silent no.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

from domain.answers import Tri
from domain.nik import Nik
from domain.occupations import Occupation, OccupationKind
from domain.program import Program
from domain.regions import Kelurahan


class VerdictKind(StrEnum):
    LIKELY_ELIGIBLE = "likely_eligible"
    NOT_ELIGIBLE = "not_eligible"
    NEEDS_REVIEW = "needs_review"


class Status(StrEnum):
    PASS = "pass"  # noqa: S105 (a rule status, not a password)
    FAIL = "fail"
    UNKNOWN = "unknown"


class Bpjs(StrEnum):
    NONE = "tidak"
    EMPLOYER = "pu"  # through an employer: already covered (Penerima Upah)
    SELF_PAID = "bpu"  # paying BPU mandiri themselves
    DONT_KNOW = "tidak_tahu"


# eq=False: reasons are interned by _reason, so identity is equality and hashing is free;
# screening a city's list keys its caches by reason.
@dataclass(frozen=True, slots=True, eq=False)
class Reason:
    rule: str  # "age", "registry", …
    code: str  # "age.too_old"; also the message key suffix
    status: Status
    # (name, value) pairs: a tuple keeps Reason hashable, so screening can cache by it
    params: tuple[tuple[str, object], ...] = ()

    @property
    def args(self) -> Mapping[str, object]:
        return dict(self.params)


_INTERNED: dict[tuple[object, ...], Reason] = {}


def _reason(rule: str, code: str, status: Status, **args: object) -> Reason:
    """Reasons repeat endlessly across a city's list: build each distinct one once."""
    params = tuple(args.items())
    key = (code, params)
    found = _INTERNED.get(key)
    if found is None:
        found = Reason(rule, code, status, params)
        if len(_INTERNED) < 100_000:  # bounded: free text in params could grow it
            _INTERNED[key] = found
    return found


@dataclass(frozen=True, slots=True)
class Answers:
    nik: Nik | None = None
    stated_age: int | None = None
    kelurahan: Kelurahan | None = None
    occupation: Occupation | None = None
    occupation_text: str | None = None
    registry: Tri | None = None
    bpjs: Bpjs | None = None
    heirs: Tri | None = None


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: VerdictKind
    reasons: tuple[Reason, ...]
    priority: int
    age: int | None  # the age the rules used (from the NIK when there is one)

    @property
    def final(self) -> bool:
        """A failed rule cannot be undone by later answers: stop asking (issue 3)."""
        return self.kind is VerdictKind.NOT_ELIGIBLE

    def reasons_with(self, status: Status) -> tuple[Reason, ...]:
        return tuple(r for r in self.reasons if r.status is status)

    @property
    def flags(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.reasons if r.status is Status.UNKNOWN)


def _nik_rule(a: Answers, program: Program) -> Reason:
    if a.nik is None:
        return _reason("nik", "nik.missing", Status.UNKNOWN)
    if a.nik.regency == program.regions.nik_city:
        return _reason("nik", "nik.city", Status.PASS)
    # The NIK region is where it was first issued, not where the person lives: a newcomer
    # keeps their old NIK. Flag for the lurah to verify domicile (domain.md §2.2 rule 6).
    return _reason("nik", "nik.elsewhere", Status.UNKNOWN, region=a.nik.region_dotted())


def _domicile_rule(a: Answers, program: Program) -> Reason:
    if a.kelurahan is None:
        return _reason("domicile", "domicile.missing", Status.UNKNOWN)
    return _reason(
        "domicile", "domicile.in_city", Status.PASS,
        kelurahan=a.kelurahan.name, city=program.regions.city_name,
    )  # fmt: skip


@lru_cache(maxsize=64)
def _age_limits(program: Program, on: date) -> tuple[int, int]:
    return program.age_min.at(on), program.age_max.at(on)


def _age_rule(a: Answers, program: Program, on: date) -> tuple[Reason, int | None]:
    lo, hi = _age_limits(program, on)
    nik_age = a.nik.age_on(on) if a.nik is not None else None
    age = nik_age if nik_age is not None else a.stated_age
    if age is None:
        return _reason("age", "age.missing", Status.UNKNOWN, min=lo, max=hi), None
    stated = a.stated_age
    if nik_age is not None and stated is not None and stated != nik_age:
        both_out = all(not lo <= x <= hi for x in (nik_age, stated))
        same_side = (nik_age < lo) == (stated < lo)
        if both_out and same_side:
            code = "age.too_young" if age < lo else "age.too_old"
            return _reason("age", code, Status.FAIL, age=age, min=lo, max=hi), age
        # The NIK date is sometimes not the true birth date and is never changed to match it
        # (domain.md §2.2 rule 8): record the disagreement for the officer, do not argue.
        reason = _reason(
            "age", "age.mismatch", Status.UNKNOWN, age=age, min=lo, max=hi, stated=stated
        )
        return reason, age
    if age < lo:
        return _reason("age", "age.too_young", Status.FAIL, age=age, min=lo, max=hi), age
    if age > hi:
        return _reason("age", "age.too_old", Status.FAIL, age=age, min=lo, max=hi), age
    return _reason("age", "age.in_range", Status.PASS, age=age, min=lo, max=hi), age


_ACTIVITY = {
    OccupationKind.INFORMAL: ("activity.informal", Status.PASS),
    OccupationKind.PU_ROLE: ("activity.pu_role", Status.UNKNOWN),
    OccupationKind.FORMAL: ("activity.formal", Status.UNKNOWN),
    OccupationKind.STUDENT: ("activity.student", Status.UNKNOWN),
    OccupationKind.NO_ACTIVITY: ("activity.none", Status.FAIL),
}


def _activity_rule(a: Answers) -> Reason:
    if a.occupation is None:
        if a.occupation_text:
            text = a.occupation_text[:80]
            return _reason("activity", "activity.unrecognised", Status.UNKNOWN, text=text)
        return _reason("activity", "activity.missing", Status.UNKNOWN)
    code, status = _ACTIVITY[a.occupation.kind]
    return _reason("activity", code, status, occupation=a.occupation.code)


_REGISTRY = {
    Tri.YES: ("registry.listed", Status.PASS),
    Tri.NO: ("registry.not_listed", Status.FAIL),
    Tri.DONT_KNOW: ("registry.unknown", Status.UNKNOWN),
    None: ("registry.missing", Status.UNKNOWN),
}


def _registry_rule(a: Answers, program: Program, on: date) -> Reason:
    code, status = _REGISTRY[a.registry]
    return _reason("registry", code, status, registry=_registry_name(program, on))


@lru_cache(maxsize=64)
def _registry_name(program: Program, on: date) -> str:
    return program.registry.at(on)


_BPJS = {
    Bpjs.NONE: ("bpjs.none", Status.PASS),
    # No double coverage (harianbhirawa 2023, domain.md §0).
    Bpjs.EMPLOYER: ("bpjs.employer", Status.FAIL),
    # BPU mandiri: the city may take the premium over; the lurah decides (domain.md §3.5).
    Bpjs.SELF_PAID: ("bpjs.self_paid", Status.UNKNOWN),
    Bpjs.DONT_KNOW: ("bpjs.unknown", Status.UNKNOWN),
}


def _bpjs_rule(a: Answers) -> Reason | None:
    if a.bpjs is None:
        return None  # not asked (e.g. a lurah's list without the column): no claim either way
    code, status = _BPJS[a.bpjs]
    return _reason("bpjs", code, status)


def priority_score(a: Answers, program: Program) -> int:
    score = 0
    if a.registry is Tri.YES:
        score += program.priority_weight("registry_listed")
    if a.heirs is Tri.YES:
        score += program.priority_weight("school_age_heirs")
    return score


def evaluate(answers: Answers, program: Program, on: date) -> Verdict:
    age_reason, age = _age_rule(answers, program, on)
    reasons = [
        _nik_rule(answers, program),
        _domicile_rule(answers, program),
        age_reason,
        _activity_rule(answers),
        _registry_rule(answers, program, on),
    ]
    bpjs = _bpjs_rule(answers)
    if bpjs is not None:
        reasons.append(bpjs)
    kind = VerdictKind.LIKELY_ELIGIBLE
    for r in reasons:
        if r.status is Status.FAIL:
            kind = VerdictKind.NOT_ELIGIBLE
            break
        if r.status is Status.UNKNOWN:
            kind = VerdictKind.NEEDS_REVIEW
    return Verdict(kind, tuple(reasons), priority_score(answers, program), age)
