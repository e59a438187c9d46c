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
from typing import NamedTuple

from domain.answers import Bpjs, Tri
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


def _reason(rule: str, code: str, status: Status, **args: object) -> Reason:
    return Reason(rule, code, status, tuple(args.items()))


class Answers(NamedTuple):
    nik: Nik | None = None
    stated_age: int | None = None
    kelurahan: Kelurahan | None = None
    occupation: Occupation | None = None
    occupation_text: str | None = None
    registry: Tri | None = None
    bpjs: Bpjs | None = None
    heirs: Tri | None = None
    # What the Dinas's lists say (issue 20): (found, the list's date) for DTKS/DTSEN, and
    # (segment found active or None, the list's date) for BPJS TK; None: no list imported.
    # Officers' only (DESIGN rule 8, issue 26): a chatter cannot prove a typed NIK is theirs,
    # so the verdict a person is shown is evaluated without them, on their own answers.
    dtks_list: tuple[bool, date] | None = None
    bpjs_list: tuple[str | None, date] | None = None


class Verdict(NamedTuple):
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


# Each rule reads a few plain values and is cached on them: a city's list repeats the same
# reasons endlessly, and cached reasons are shared objects (see Reason, eq=False).


@lru_cache(maxsize=1024)
def nik_rule(district: str | None, city: str) -> Reason:
    if district is None:
        return _reason("nik", "nik.missing", Status.UNKNOWN)
    if district.startswith(city):
        return _reason("nik", "nik.city", Status.PASS)
    # The NIK region is where it was first issued, not where the person lives: a newcomer
    # keeps their old NIK. Flag for the lurah to verify domicile (domain.md §2.2 rule 6).
    region = f"{district[:2]}.{district[2:4]}.{district[4:6]}"
    return _reason("nik", "nik.elsewhere", Status.UNKNOWN, region=region)


@lru_cache(maxsize=256)
def domicile_rule(kelurahan: str | None, city: str) -> Reason:
    if kelurahan is None:
        return _reason("domicile", "domicile.missing", Status.UNKNOWN)
    return _reason("domicile", "domicile.in_city", Status.PASS, kelurahan=kelurahan, city=city)


@lru_cache(maxsize=16384)
def age_rule(nik_age: int | None, stated: int | None, lo: int, hi: int) -> Reason:
    age = nik_age if nik_age is not None else stated
    if age is None:
        return _reason("age", "age.missing", Status.UNKNOWN, min=lo, max=hi)
    if nik_age is not None and stated is not None and stated != nik_age:
        both_out = all(not lo <= x <= hi for x in (nik_age, stated))
        same_side = (nik_age < lo) == (stated < lo)
        if both_out and same_side:
            code = "age.too_young" if age < lo else "age.too_old"
            return _reason("age", code, Status.FAIL, age=age, min=lo, max=hi)
        # The NIK date is sometimes not the true birth date and is never changed to match it
        # (domain.md §2.2 rule 8): record the disagreement for the officer, do not argue.
        return _reason(
            "age", "age.mismatch", Status.UNKNOWN, age=age, min=lo, max=hi, stated=stated
        )
    if age < lo:
        return _reason("age", "age.too_young", Status.FAIL, age=age, min=lo, max=hi)
    if age > hi:
        return _reason("age", "age.too_old", Status.FAIL, age=age, min=lo, max=hi)
    return _reason("age", "age.in_range", Status.PASS, age=age, min=lo, max=hi)


_ACTIVITY = {
    OccupationKind.INFORMAL: ("activity.informal", Status.PASS),
    OccupationKind.PU_ROLE: ("activity.pu_role", Status.UNKNOWN),
    OccupationKind.FORMAL: ("activity.formal", Status.UNKNOWN),
    OccupationKind.STUDENT: ("activity.student", Status.UNKNOWN),
    OccupationKind.NO_ACTIVITY: ("activity.none", Status.FAIL),
}


@lru_cache(maxsize=4096)
def activity_rule(occupation: Occupation | None, text: str | None) -> Reason:
    if occupation is None:
        if text:
            return _reason("activity", "activity.unrecognised", Status.UNKNOWN, text=text[:80])
        return _reason("activity", "activity.missing", Status.UNKNOWN)
    code, status = _ACTIVITY[occupation.kind]
    return _reason("activity", code, status, occupation=occupation.code)


_REGISTRY = {
    Tri.YES: ("registry.listed", Status.PASS),
    Tri.NO: ("registry.not_listed", Status.FAIL),
    Tri.DONT_KNOW: ("registry.unknown", Status.UNKNOWN),
    None: ("registry.missing", Status.UNKNOWN),
}


@lru_cache(maxsize=256)
def registry_rule(
    answer: Tri | None, registry: str, listed: tuple[bool, date] | None = None
) -> Reason:
    """The person's answer, unless the Dinas Sosial's list says otherwise: found there, they
    are listed whatever they said; not found, a "yes" is a contradiction for the lurah to
    check (lists lag behind), a "no" agrees, a "don't know" is left to the lurah."""
    if listed is None:
        code, status = _REGISTRY[answer]
        return _reason("registry", code, status, registry=registry)
    found, as_of = listed
    on = as_of.strftime("%d-%m-%Y")
    if found:
        return _reason("registry", "registry.listed_data", Status.PASS, registry=registry, as_of=on)
    if answer is Tri.YES:
        return _reason("registry", "registry.contradiction", Status.UNKNOWN, registry=registry,
                       as_of=on)  # fmt: skip
    if answer is Tri.NO:
        return _reason("registry", "registry.not_listed", Status.FAIL, registry=registry)
    return _reason("registry", "registry.not_in_data", Status.UNKNOWN, registry=registry, as_of=on)


_BPJS = {
    Bpjs.NONE: ("bpjs.none", Status.PASS),
    # No double coverage (harianbhirawa 2023, domain.md §0).
    Bpjs.EMPLOYER: ("bpjs.employer", Status.FAIL),
    # BPU mandiri: the city may take the premium over; the lurah decides (domain.md §3.5).
    Bpjs.SELF_PAID: ("bpjs.self_paid", Status.UNKNOWN),
    Bpjs.DONT_KNOW: ("bpjs.unknown", Status.UNKNOWN),
}


# Found active in BPJS TK's own list: the list wins over the answer.
_BPJS_LIST = {
    # a wage earner: no double cover, but a list can be weeks old (a job just lost): the
    # lurah decides, told why; no list turns anyone away on its own (UU 27/2022 Pasal 10)
    "pu": ("bpjs.active_pu", Status.UNKNOWN),
    "bpu": ("bpjs.active_bpu", Status.UNKNOWN),  # paying themself: the lurah decides
    "pemda": ("bpjs.active_pemda", Status.UNKNOWN),  # paid by a government budget already
}


@lru_cache(maxsize=64)
def bpjs_rule(answer: Bpjs | None, active: tuple[str | None, date] | None = None) -> Reason | None:
    if active is not None and active[0] in _BPJS_LIST:
        code, status = _BPJS_LIST[active[0]]
        return _reason("bpjs", code, status, as_of=active[1].strftime("%d-%m-%Y"))
    if answer is None:
        return None  # not asked (a lurah's list without the column): no claim either way
    code, status = _BPJS[answer]
    return _reason("bpjs", code, status)


@lru_cache(maxsize=64)
def dated_limits(program: Program, on: date) -> tuple[int, int, str]:
    return program.age_min.at(on), program.age_max.at(on), program.registry.at(on)


def priority_score(a: Answers, program: Program) -> int:
    registry, heirs = _weights(program)
    # the list decides the priority where there is one, not the answer
    listed = a.dtks_list[0] if a.dtks_list is not None else a.registry is Tri.YES
    return (registry if listed else 0) + (heirs if a.heirs is Tri.YES else 0)


@lru_cache(maxsize=8)
def _weights(program: Program) -> tuple[int, int]:
    return program.priority_weight("registry_listed"), program.priority_weight("school_age_heirs")


def assemble(
    nik: Reason, domicile: Reason, age: Reason, activity: Reason, registry: Reason,
    bpjs: Reason | None,
) -> tuple[VerdictKind, tuple[Reason, ...]]:  # fmt: skip
    """The rules in the order people read them, and the verdict they add up to: any failed
    rule → not eligible; else any unknown → needs review."""
    reasons = (nik, domicile, age, activity, registry) if bpjs is None else (
        nik, domicile, age, activity, registry, bpjs)  # fmt: skip
    kind = VerdictKind.LIKELY_ELIGIBLE
    for r in reasons:
        if r.status is Status.FAIL:
            return VerdictKind.NOT_ELIGIBLE, reasons
        if r.status is Status.UNKNOWN:
            kind = VerdictKind.NEEDS_REVIEW
    return kind, reasons


def evaluate(answers: Answers, program: Program, on: date) -> Verdict:
    a = answers
    lo, hi, registry = dated_limits(program, on)
    nik_age = a.nik.age_on(on) if a.nik is not None else None
    age = nik_age if nik_age is not None else a.stated_age
    city = program.regions
    kind, reasons = assemble(
        nik_rule(a.nik.district if a.nik is not None else None, city.nik_city),
        domicile_rule(a.kelurahan.name if a.kelurahan is not None else None, city.city_name),
        age_rule(nik_age, a.stated_age, lo, hi),
        activity_rule(a.occupation, a.occupation_text if a.occupation is None else None),
        registry_rule(a.registry, registry, a.dtks_list),
        bpjs_rule(a.bpjs, a.bpjs_list),
    )
    return Verdict(kind, reasons, priority_score(a, program), age)
