"""Load and validate a program file (programs/*.yaml) into the pure domain.Program.

Validation lives here, at the edge, with pydantic: a broken file fails on start with the file,
the field and what is wrong, never later in the middle of a conversation.
"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from domain.claims import REQUIRED_FIGURES, ClaimOffice, ClaimRules, Discount
from domain.handover import DAYS, Handover, Hours, MediaLimits
from domain.handover import DEFAULT as DEFAULT_HANDOVER
from domain.occupations import Occupation, OccupationCatalogue, OccupationKind
from domain.participants import RenewalRules
from domain.program import Dated, DatedEntry, FaqEntry, PriorityRule, Program, QuotaFigure
from domain.regions import Kecamatan, Kelurahan, RegionCatalogue
from domain.workdays import CalendarRules, Decree, LocalDayOff

KecCode = Annotated[str, StringConstraints(pattern=r"^\d{2}\.\d{2}\.\d{2}$")]
KelCode = Annotated[str, StringConstraints(pattern=r"^\d{2}\.\d{2}\.\d{2}\.[123]\d{3}$")]
CityCode = Annotated[str, StringConstraints(pattern=r"^\d{2}\.[7-9]\d$")]  # 71–99 = kota
Postcode = Annotated[str, StringConstraints(pattern=r"^\d{5}$")]
NonEmpty = Annotated[str, StringConstraints(min_length=1)]


class ProgramFileError(Exception):
    pass


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _KelurahanIn(_Strict):
    code: KelCode
    name: NonEmpty
    postcode: Postcode
    aliases: list[NonEmpty] = []


class _KecamatanIn(_Strict):
    code: KecCode
    name: NonEmpty
    aliases: list[NonEmpty] = []
    kelurahan: list[_KelurahanIn] = Field(min_length=1)

    @model_validator(mode="after")
    def _children_inside(self) -> _KecamatanIn:
        _inside(self.code, [(k.code, f"kelurahan {k.code} {k.name}") for k in self.kelurahan])
        return self


def _inside(parent: str, children: list[tuple[str, str]]) -> None:
    """Region codes nest (35.77 ⊃ 35.77.01 ⊃ 35.77.01.1001): a child outside is a typo."""
    for code, what in children:
        if not code.startswith(parent + "."):
            raise ValueError(f"{what} is not inside {parent}")


class _RegionIn(_Strict):
    code: CityCode
    name: NonEmpty
    ref: NonEmpty
    kecamatan: list[_KecamatanIn] = Field(min_length=1)

    @model_validator(mode="after")
    def _inside_city(self) -> _RegionIn:
        _inside(self.code, [(k.code, f"kecamatan {k.code}") for k in self.kecamatan])
        return self


class _DatedIn(_Strict):
    since: date
    value: Any
    ref: NonEmpty


class _DatedInt(_DatedIn):
    value: int = Field(ge=0)


class _DatedStr(_DatedIn):
    value: NonEmpty


# A rule as the file gives it: one value or more, each with the date it holds from and its
# source (domain.dated.Dated); a rule with none would leave the check nothing to apply.
IntHistory = Annotated[list[_DatedInt], Field(min_length=1)]
StrHistory = Annotated[list[_DatedStr], Field(min_length=1)]


class _RulesIn(_Strict):
    age_min: IntHistory
    age_max: IntHistory
    registry: StrHistory
    premium_monthly: IntHistory
    coverage_months: IntHistory


class _PriorityIn(_Strict):
    code: NonEmpty
    weight: int = Field(ge=0, le=100)
    ref: NonEmpty


class _QuotaIn(_Strict):
    as_of: date
    participants: int = Field(ge=0)
    remaining: int = Field(ge=0)
    ref: NonEmpty


class _OccupationIn(_Strict):
    code: Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z_]*$")]
    kind: OccupationKind
    featured: bool = False
    words: list[NonEmpty] = Field(min_length=1)


class _FaqIn(_Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]*$")]
    since: date
    ref: NonEmpty


Clock = Annotated[str, StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]


class _HoursIn(_Strict):
    days: list[Annotated[str, StringConstraints(pattern=r"^(mon|tue|wed|thu|fri|sat|sun)$")]]
    start: Clock
    end: Clock

    @model_validator(mode="after")
    def _ordered(self) -> _HoursIn:
        if self.end <= self.start:
            raise ValueError(f"office hours end {self.end} is not after start {self.start}")
        return self


class _HandoverIn(_Strict):
    """ "Tanya petugas": when officers answer and what can be forwarded to them."""

    since: date
    ref: NonEmpty
    office_hours: list[_HoursIn] = Field(min_length=1)
    answer_within_office_hours: float = Field(gt=0, le=200)
    quiet_minutes: int = Field(ge=5, le=24 * 60)
    media_max_seconds: int = Field(ge=10)
    media_max_mb: int = Field(ge=1, le=100)
    media_keep_hours: int = Field(ge=1, le=24 * 30)
    closed_ticket_keep_days: int = Field(default=90, ge=1, le=3660)
    max_held_per_officer: int = Field(default=5, ge=1, le=100)
    questions_per_day: int = Field(default=5, ge=1, le=100)


class _ReviewIn(_Strict):
    since: date
    ref: NonEmpty
    deadline_days: int = Field(ge=1, le=90)


class _ParticipantsIn(_Strict):
    renewal_lead_days: IntHistory
    renewal_deadline_days: IntHistory
    places: IntHistory
    pu_premium_monthly: IntHistory


class _OfficeIn(_Strict):
    name: NonEmpty
    email: NonEmpty
    phone: NonEmpty
    bpjs_contact: NonEmpty
    since: date
    ref: NonEmpty


class _DiscountIn(_Strict):
    start: date = Field(alias="from")
    until: date
    sector: Annotated[str, StringConstraints(pattern=r"^(transport|other)$")]
    value: int = Field(ge=0)
    ref: NonEmpty


Code = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]


class _DocumentsIn(_Strict):
    since: date
    ref: NonEmpty
    jkm: list[Code] = Field(min_length=1)
    jkk: list[Code] = Field(min_length=1)
    jkk_death: list[Code] = []
    scholarship: list[Code] = Field(min_length=1)


class _HeirsIn(_Strict):
    since: date
    ref: NonEmpty
    order: list[Code] = Field(min_length=1)


class _ClaimsIn(_Strict):
    """When something happens: every figure dated and sourced (shared/domain.md §8)."""

    office: _OfficeIn
    figures: dict[str, list[_DatedInt]]
    discounts: list[_DiscountIn] = []
    documents: _DocumentsIn
    heirs: _HeirsIn

    @model_validator(mode="after")
    def _all_figures(self) -> _ClaimsIn:
        missing = [name for name in REQUIRED_FIGURES if not self.figures.get(name)]
        if missing:
            raise ValueError(f"claims.figures lacks {', '.join(missing)}")
        return self


class _DecreeIn(_Strict):
    """One year's SKB 3 Menteri: its cuti bersama, and where it differs from the package."""

    year: int = Field(ge=2000, le=2100)
    since: date
    ref: NonEmpty
    cuti_bersama: list[date]
    added: list[date] = []
    not_off: list[date] = []

    @model_validator(mode="after")
    def _in_its_year(self) -> _DecreeIn:
        for day in (*self.cuti_bersama, *self.added, *self.not_off):
            if day.year != self.year:
                raise ValueError(f"{day} is not in {self.year}, the year of this decree")
        both = set(self.not_off) & {*self.cuti_bersama, *self.added}
        if both:
            raise ValueError(f"{min(both)} is both a day off and not one")
        return self


class _LocalDayOffIn(_Strict):
    day: date = Field(alias="date")
    since: date
    ref: NonEmpty
    name: NonEmpty


class _CalendarIn(_Strict):
    """Working days: the `holidays` package's national holidays, each year's SKB 3 Menteri
    (cuti bersama and corrections) and the city's own days off."""

    checked_with: NonEmpty
    decrees: list[_DecreeIn] = Field(min_length=1)
    local_days_off: list[_LocalDayOffIn] = []

    @model_validator(mode="after")
    def _one_decree_a_year(self) -> _CalendarIn:
        years = [d.year for d in self.decrees]
        if len(years) != len(set(years)):
            raise ValueError("one decree per year")
        return self


class _ProgramIn(_Strict):
    id: NonEmpty
    name: NonEmpty
    operator: NonEmpty
    contact: NonEmpty
    region: _RegionIn
    rules: _RulesIn
    priority: list[_PriorityIn]
    quota: list[_QuotaIn]
    benefits: dict[str, list[_DatedInt]]
    occupations: list[_OccupationIn] = Field(min_length=1)
    faq: list[_FaqIn] = []
    handover: _HandoverIn | None = None
    review: _ReviewIn | None = None
    claims: _ClaimsIn | None = None
    participants: _ParticipantsIn | None = None
    calendar: _CalendarIn | None = None

    @model_validator(mode="after")
    def _unique_codes(self) -> _ProgramIn:
        seen: set[str] = set()
        for kec in self.region.kecamatan:
            for kel in kec.kelurahan:
                if kel.code in seen:
                    raise ValueError(f"kelurahan code {kel.code} appears twice")
                seen.add(kel.code)
        if len({f.id for f in self.faq}) != len(self.faq):
            raise ValueError("faq ids must be unique")
        codes = [o.code for o in self.occupations]
        if len(codes) != len(set(codes)):
            raise ValueError("occupation codes must be unique")
        for lo, hi in zip(self.rules.age_min, self.rules.age_max, strict=False):
            if lo.value > hi.value:
                raise ValueError(f"age_min {lo.value} is above age_max {hi.value}")
        return self


def _dated(items: list[_DatedInt] | list[_DatedStr]) -> Dated[Any]:
    entries = sorted((DatedEntry(i.since, i.value, i.ref) for i in items), key=lambda e: e.since)
    return Dated(tuple(entries))


def _clock(text: str) -> time:
    hour, minute = text.split(":")
    return time(int(hour), int(minute))


def _handover(h: _HandoverIn) -> Handover:
    return Handover(
        hours=tuple(Hours(DAYS.index(d), _clock(o.start), _clock(o.end))
                    for o in h.office_hours for d in o.days),
        answer_within_hours=h.answer_within_office_hours,
        quiet_minutes=h.quiet_minutes,
        media=MediaLimits(h.media_max_seconds, h.media_max_mb * 1024 * 1024, h.media_keep_hours),
        ref=h.ref,
        closed_keep_days=h.closed_ticket_keep_days,
        max_held=h.max_held_per_officer,
        questions_per_day=h.questions_per_day,
    )  # fmt: skip


def _claims(c: _ClaimsIn) -> ClaimRules:
    o = c.office
    return ClaimRules(
        office=ClaimOffice(o.name, o.email, o.phone, o.bpjs_contact, o.ref),
        figures={name: _dated(items) for name, items in c.figures.items()},
        discounts=tuple(Discount(d.start, d.until, d.sector, d.value, d.ref)
                        for d in c.discounts),
        documents={"jkm": tuple(c.documents.jkm), "jkk": tuple(c.documents.jkk),
                   "jkk_death": tuple(c.documents.jkk_death),
                   "scholarship": tuple(c.documents.scholarship)},
        documents_ref=c.documents.ref,
        heirs=tuple(c.heirs.order),
        heirs_ref=c.heirs.ref,
    )  # fmt: skip


def _calendar(c: _CalendarIn | None) -> CalendarRules:
    if c is None:
        return CalendarRules()
    return CalendarRules(
        decrees=tuple(Decree(d.year, d.since, d.ref, tuple(d.cuti_bersama), tuple(d.added),
                             tuple(d.not_off)) for d in c.decrees),
        local_days_off=tuple(LocalDayOff(x.day, x.since, x.ref, x.name)
                             for x in c.local_days_off),
        checked_with=c.checked_with,
    )  # fmt: skip


def _participants(p: _ParticipantsIn) -> RenewalRules:
    return RenewalRules(
        _dated(p.renewal_lead_days),
        _dated(p.renewal_deadline_days),
        _dated(p.places),
        _dated(p.pu_premium_monthly),
    )


def _to_domain(p: _ProgramIn) -> Program:
    regions = RegionCatalogue(
        city_code=p.region.code,
        city_name=p.region.name,
        kecamatan=tuple(
            Kecamatan(
                code=k.code,
                name=k.name,
                aliases=tuple(k.aliases),
                kelurahan=tuple(
                    Kelurahan(kel.code, kel.name, k.code, kel.postcode, tuple(kel.aliases))
                    for kel in k.kelurahan
                ),
            )
            for k in p.region.kecamatan
        ),
    )
    occupations = OccupationCatalogue(
        tuple(Occupation(o.code, o.kind, tuple(o.words), o.featured) for o in p.occupations)
    )
    rules = _calendar(p.calendar)
    program = Program(
        id=p.id,
        name=p.name,
        operator=p.operator,
        contact=p.contact,
        faq=tuple(FaqEntry(f.id, f.since, f.ref) for f in p.faq),
        regions=regions,
        occupations=occupations,
        age_min=_dated(p.rules.age_min),
        age_max=_dated(p.rules.age_max),
        registry=_dated(p.rules.registry),
        premium_monthly=_dated(p.rules.premium_monthly),
        coverage_months=_dated(p.rules.coverage_months),
        priority=tuple(PriorityRule(x.code, x.weight, x.ref) for x in p.priority),
        quota=tuple(QuotaFigure(q.as_of, q.participants, q.remaining, q.ref) for q in p.quota),
        benefits={k: _dated(v) for k, v in p.benefits.items()},
        handover=_handover(p.handover) if p.handover else DEFAULT_HANDOVER,
        review_deadline_days=p.review.deadline_days if p.review else Program.review_deadline_days,
        claims=_claims(p.claims) if p.claims else None,
        participants=_participants(p.participants) if p.participants else None,
        calendar_rules=rules,
    )
    # the file's own days off; the composition root adds the national holidays (bot/app.py)
    return program.with_calendar(rules.calendar())


def _where(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"


def load_program(path: Path) -> Program:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ProgramFileError(f"{path}: file not found") from exc
    except yaml.YAMLError as exc:
        raise ProgramFileError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise ProgramFileError(f"{path}: expected a mapping at the top level")
    try:
        parsed = _ProgramIn.model_validate(raw)
    except ValidationError as exc:
        lines = [f"{path}: {_where(e['loc'])}: {e['msg']}" for e in exc.errors()]
        raise ProgramFileError("\n".join(lines)) from exc
    return _to_domain(parsed)


def default_program_path() -> Path:
    return Path(__file__).resolve().parent.parent / "programs" / "madiun-pro-jkk-jkm.yaml"
