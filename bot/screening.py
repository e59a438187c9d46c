"""Screening answers given on the command line or in a lurah's CSV list (`siaga check`).

The CSV path is the hot one (a whole kelurahan's list at once): parsers are cached by input
text, rendered reason messages by (code, args), and rows stream from reader to writer so
memory stays flat whatever the file size.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from typing import IO, Any, NamedTuple

from bot.i18n import Catalogue
from domain.answers import Bpjs, Tri, parse_bpjs, parse_tri
from domain.eligibility import (
    Answers,
    Reason,
    Status,
    Verdict,
    VerdictKind,
    activity_rule,
    age_rule,
    assemble,
    bpjs_rule,
    dated_limits,
    domicile_rule,
    evaluate,
    nik_rule,
    priority_score,
    registry_rule,
)
from domain.nik import (
    NikError,
    NikResult,
    age_on,
    decode_birth,
    mask_digits,
    parse_nik,
    region_error,
)
from domain.program import Program
from domain.regions import Kelurahan, MatchKind
from domain.text import parse_age
from handlers.check import headline, next_step, reason_msg
from handlers.core.messages import Msg

TRI_WORDS = {
    "ya": Tri.YES,
    "tidak": Tri.NO,
    "tidak-tahu": Tri.DONT_KNOW,
    "tidak_tahu": Tri.DONT_KNOW,
}


class InputError(Exception):
    """Bad input, carried as a message to render in Indonesian."""

    def __init__(self, msg: Msg) -> None:
        super().__init__(msg.key)
        self.msg = msg


def nik_error_msg(result: NikResult, text: str) -> Msg:
    assert result.error is not None
    count = sum(c.isdigit() for c in text)
    return Msg("nik-error-" + result.error.value.replace(".", "-"), {"count": count})


def parse_tri_arg(value: str, field: str) -> Tri:
    exact = TRI_WORDS.get(value)
    if exact is not None:
        return exact
    found = TRI_WORDS.get(value.strip().lower()) or parse_tri(value)
    if found is None:
        raise InputError(Msg("cli-bad-choice", {"field": field, "value": value[:40]}))
    return found


def parse_bpjs_arg(value: str) -> Bpjs:
    found = parse_bpjs(value)  # the same words the chat takes ("tidak", "bpu", "dari kantor")
    if found is None:
        raise InputError(Msg("cli-bad-bpjs", {"value": value[:40]}))
    return found


def parse_age_arg(value: str) -> int:
    age = parse_age(value, 1, 129)
    if age is None:
        raise InputError(Msg("cli-bad-age", {"value": value.strip()[:20]}))
    return age


def resolve_kelurahan(program: Program, text: str) -> Kelurahan:
    m = program.regions.resolve(text)
    if m.kind is MatchKind.KELURAHAN and m.kelurahan is not None:
        return m.kelurahan
    if m.kind is MatchKind.AMBIGUOUS and m.kelurahan is not None:
        # On a form the column is "kelurahan": "Taman" there means the kelurahan Taman.
        return m.kelurahan
    if m.kind is MatchKind.AMBIGUOUS:
        names = ", ".join(k.name for k in m.candidates)
        raise InputError(Msg("cli-kelurahan-ambiguous", {"value": text[:40], "names": names}))
    if m.kind is MatchKind.KECAMATAN and m.kecamatan is not None:
        raise InputError(Msg("cli-kelurahan-is-kecamatan", {"value": m.kecamatan.name}))
    raise InputError(Msg("cli-kelurahan-unknown", {"value": text[:40]}))


class Row(NamedTuple):
    nik: str
    age: str | None
    occupation: str
    kelurahan: str
    dtks: str
    bpjs: str | None = None
    heirs: str | None = None


def answers_from(row: Row, program: Program, on: date) -> Answers:
    result = parse_nik(row.nik, on, program.regions.nik_districts, program.regions.nik_city)
    if result.nik is None:
        raise InputError(nik_error_msg(result, row.nik))
    occupation = program.occupations.classify(row.occupation)
    return Answers(
        nik=result.nik,
        stated_age=parse_age_arg(row.age) if row.age else None,
        kelurahan=resolve_kelurahan(program, row.kelurahan),
        occupation=occupation,
        occupation_text=row.occupation.strip()[:80] or None,
        registry=parse_tri_arg(row.dtks, "dtks"),
        bpjs=parse_bpjs_arg(row.bpjs) if row.bpjs else None,
        heirs=parse_tri_arg(row.heirs, "heirs") if row.heirs else None,
    )


def verdict_json(
    verdict: Verdict, answers: Answers, render: Callable[[Msg], str]
) -> dict[str, Any]:
    nik = answers.nik
    kel = answers.kelurahan
    return {
        "verdict": verdict.kind.value,
        "headline": render(headline(verdict)),
        "reasons": [
            {"code": r.code, "status": r.status.value, "message": render(reason_msg(r))}
            for r in verdict.reasons
        ],
        "next_step": render(next_step(verdict)),
        "priority": verdict.priority,
        "age": verdict.age,
        "nik": None
        if nik is None
        else {
            "masked": nik.masked(),
            "sex": nik.sex.value,
            "birth_date": nik.birth_date.isoformat(),
            "region": nik.region_dotted(),
        },
        "kelurahan": None if kel is None else {"code": kel.code, "name": kel.name},
        "occupation": {
            "category": answers.occupation.code if answers.occupation else None,
            "kind": answers.occupation.kind.value if answers.occupation else None,
        },
    }


# --- CSV ------------------------------------------------------------------------------------

REQUIRED = ("nik", "age", "occupation", "kelurahan", "dtks")
OPTIONAL = ("bpjs", "heirs")
COLUMNS = REQUIRED + OPTIONAL
OUT_COLUMNS = ("line", "nik", "verdict", "priority", "reasons", "keterangan", "error")


@dataclass
class ScreeningReport:
    rows: int = 0  # data rows read (blank lines aside)
    written: int = 0  # rows written to the output: one for every row read
    errors: int = 0
    by_verdict: dict[str, int] = field(default_factory=dict)


_MISS: Any = object()
Judged = tuple[Reason, str, str]  # a rule's result, its "code:status", its explanation


class Rest(NamedTuple):
    """What a row's non-NIK cells give: their rules, the priority, and their part of the
    output ready to write (the domicile piece apart: the age comes between it and the rest)."""

    domicile: Reason
    activity: Reason
    registry: Reason
    bpjs: Reason | None
    priority: int
    domicile_code: str
    domicile_text: str
    codes: str  # activity;registry[;bpjs]
    texts: str  # their explanations, " | "-joined


class CsvScreener:
    """Screens a CSV list. A valid row takes the quick path: each group of cells is judged
    once per distinct value (by the same rule functions evaluate() uses) and the row's
    verdict is assembled from those; any row with something wrong takes the full path,
    answers_from() and evaluate(), which words the error. A test checks that both paths
    write the same bytes."""

    def __init__(self, program: Program, catalogue: Catalogue, on: date) -> None:
        self.program = program
        self.catalogue = catalogue
        self.on = on
        self._reason_text: dict[Reason, tuple[str, str]] = {}
        self._error_text: dict[tuple[str, tuple[Any, ...]], str] = {}
        self._lo, self._hi, self._registry = dated_limits(program, on)
        # None marks a value that is not valid: the row goes the full way
        # rules come with their output piece: (rule, code cell part, explanation)
        self._districts: dict[str, Judged | None] = {}
        self._births: dict[str, int | None] = {}
        self._ages: dict[tuple[int, str], Judged | None] = {}
        self._rests: dict[tuple[str, str, str, str, str], Rest | None] = {}

    # --- the quick path -------------------------------------------------------------------------
    def _judged(self, r: Reason) -> Judged:
        return (r, *self._piece(r))

    def _district(self, district: str) -> Judged | None:
        regions = self.program.regions
        ok = region_error(district, regions.nik_districts, regions.nik_city) is None
        judged = self._judged(nik_rule(district, regions.nik_city)) if ok else None
        self._districts[district] = judged
        return judged

    def _birth(self, ddmmyy: str) -> int | None:
        decoded = decode_birth(ddmmyy, self.on)
        age = None if isinstance(decoded, NikError) else age_on(decoded[0], self.on)
        self._births[ddmmyy] = age
        return age

    def _age(self, nik_age: int, text: str) -> Judged | None:
        try:
            stated = parse_age_arg(text) if text else None
            judged = self._judged(age_rule(nik_age, stated, self._lo, self._hi))
        except InputError:
            judged = None
        self._ages[nik_age, text] = judged
        return judged

    def _rest(self, key: tuple[str, str, str, str, str]) -> Rest | None:
        occ, kel, dtks, bpjs, heirs = key
        program = self.program
        try:
            kelurahan = resolve_kelurahan(program, kel)
            occupation = program.occupations.classify(occ)
            registry = parse_tri_arg(dtks, "dtks")
            insurance = parse_bpjs_arg(bpjs) if bpjs else None
            heirs_tri = parse_tri_arg(heirs, "heirs") if heirs else None
        except InputError:
            self._rests[key] = None
            return None
        dom_r = domicile_rule(kelurahan.name, program.regions.city_name)
        act_r = activity_rule(
            occupation, None if occupation is not None else occ.strip()[:80] or None
        )
        reg_r = registry_rule(registry, self._registry)
        bpjs_r = bpjs_rule(insurance) if insurance is not None else None
        pieces = [self._piece(r) for r in (act_r, reg_r, bpjs_r) if r is not None]
        dom_code, dom_text = self._piece(dom_r)
        rest = Rest(
            dom_r, act_r, reg_r, bpjs_r,
            priority_score(Answers(registry=registry, heirs=heirs_tri), program),
            dom_code, dom_text,
            ";".join([p[0] for p in pieces]), " | ".join([p[1] for p in pieces if p[1]]),
        )  # fmt: skip
        self._rests[key] = rest
        return rest

    def _quick(
        self, nik: str, age: str, rest_key: tuple[str, str, str, str, str]
    ) -> tuple[VerdictKind, str] | None:
        """The verdict and the row's output after its line number, or None: the full path."""
        if len(nik) != 16 or not nik.isdigit() or not nik.isascii() or nik[12:] == "0000":
            return None
        in_nik = self._districts.get(nik[:6], _MISS)
        if in_nik is _MISS:
            in_nik = self._district(nik[:6])
        nik_age = self._births.get(nik[6:12], _MISS)
        if nik_age is _MISS:
            nik_age = self._birth(nik[6:12])
        if in_nik is None or nik_age is None:
            return None
        of_age = self._ages.get((nik_age, age), _MISS)
        if of_age is _MISS:
            of_age = self._age(nik_age, age)
        rest = self._rests.get(rest_key, _MISS)
        if rest is _MISS:
            rest = self._rest(rest_key)
        if of_age is None or rest is None:
            return None
        nik_r, nik_code, nik_text = in_nik
        age_r, age_code, age_text = of_age
        kind, _ = assemble(nik_r, rest.domicile, age_r, rest.activity, rest.registry, rest.bpjs)
        # the same cells _tail() writes, from pieces made once per distinct value
        texts = " | ".join([t for t in (nik_text, rest.domicile_text, age_text, rest.texts) if t])
        return kind, (
            f"{mask_digits(nik)},{kind},{rest.priority},"
            f'{nik_code};{rest.domicile_code};{age_code};{rest.codes},"{texts}",\n'
        )

    def _tail(self, reasons: tuple[Reason, ...]) -> str:
        """The reasons and keterangan cells as ready CSV text (see screen())."""
        get = self._reason_text.get
        pieces = [get(r) or self._piece(r) for r in reasons]
        return (
            ";".join([p[0] for p in pieces])
            + ',"'
            + " | ".join([p[1] for p in pieces if p[1]])
            + '"'
        )

    def _piece(self, r: Reason) -> tuple[str, str]:
        text = "" if r.status is Status.PASS else self.catalogue.render(reason_msg(r))
        piece = (f"{r.code}:{r.status}", text.replace('"', '""'))
        self._reason_text[r] = piece
        return piece

    def _render_error(self, msg: Msg) -> str:
        key = (msg.key, tuple(msg.args.items()))
        text = self._error_text.get(key)
        if text is None:
            text = self.catalogue.render(msg)
            self._error_text[key] = text
        return text

    def screen(
        self,
        src: IO[str],
        dst: IO[str],
        on_error: Callable[[int, str], None],
        progress: Callable[[int], None] | None = None,
        quick: bool = True,
    ) -> ScreeningReport:
        lines = _Lines(src)
        reader = csv.reader(lines)
        writer = csv.writer(dst, lineterminator="\n")
        writer.writerow(OUT_COLUMNS)
        report = ScreeningReport()
        counts = report.by_verdict
        try:
            header = [h.strip().lower() for h in next(reader)]
        except StopIteration:
            raise InputError(Msg("cli-csv-empty")) from None
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise InputError(Msg("cli-csv-missing-columns", {"columns": ", ".join(missing)}))
        # Missing optional columns point at a padding cell, so one itemgetter picks a row.
        width = len(header)
        pick = itemgetter(*(header.index(c) if c in header else width for c in COLUMNS))
        has_bpjs, has_heirs = "bpjs" in header, "heirs" in header
        pad = [""] * (width + 1)
        full = width + (0 if has_bpjs and has_heirs else 1)  # a row this long needs no pad
        program, on = self.program, self.on
        fast = self._quick if quick else None
        write = dst.write
        rows = written = 0
        while True:
            lines.taken.clear()
            try:
                fields = next(reader)
            except StopIteration:
                break
            except csv.Error:  # a cell past the csv module's field limit, a NUL byte …
                fields = None
            if fields is not None and (not fields or (len(fields) == 1 and not fields[0].strip())):
                continue  # a blank line
            line = lines.taken[0][0] if lines.taken else reader.line_num
            rows += 1
            if fields is None or len(lines.taken) > 1:
                # An unclosed quote runs on into the next lines and would swallow the rows
                # there into one cell: this row is refused, the lines after it read again.
                lines.push_back(lines.taken[1:])
                report.errors += 1
                key = "cli-csv-unclosed-quote" if len(lines.taken) > 1 else "cli-csv-broken-row"
                text = self._render_error(Msg(key))
                on_error(line, text)
                writer.writerow((line, "", "", "", "", "", text))
                written += 1
                continue
            if progress is not None and rows % 5000 == 0:
                progress(rows)
            nik, age, occ, kel, dtks, bpjs, heirs = pick(
                fields if len(fields) >= full else fields + pad[len(fields) :]
            )
            done = fast(nik, age, (occ, kel, dtks, bpjs, heirs)) if fast else None
            written += 1
            if done is not None:
                counts[done[0]] = counts.get(done[0], 0) + 1
                write(f"{line},{done[1]}")
                continue
            try:
                row = Row(
                    nik,
                    age,
                    occ,
                    kel,
                    dtks,
                    bpjs if has_bpjs else None,
                    heirs if has_heirs else None,
                )
                answers = answers_from(row, program, on)
            except InputError as exc:
                report.errors += 1
                text = self._render_error(exc.msg)
                on_error(line, text)
                writer.writerow((line, _mask_any(nik), "", "", "", "", text))
                continue
            verdict = evaluate(answers, program, on)
            kind = verdict.kind
            counts[kind] = counts.get(kind, 0) + 1
            assert answers.nik is not None
            # Written by hand, not by csv.writer: quoting long Indonesian explanations made the
            # writer the slowest step. The cells are safe: a masked NIK, an enum value, an int,
            # ";"-joined codes and one pre-escaped quoted cell.
            dst.write(f"{line},{answers.nik.masked()},{kind},{verdict.priority},")
            dst.write(self._tail(verdict.reasons))
            dst.write(",\n")
        report.rows, report.written = rows, written
        return report


class _Lines:
    """The physical lines under csv.reader, numbered, with the lines one row took kept in
    `taken`, and a way to put lines back to be read again."""

    def __init__(self, src: IO[str]) -> None:
        self.src = src
        self.number = 0
        self.taken: list[tuple[int, str]] = []
        self.again: list[tuple[int, str]] = []  # put back, in reverse order

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.again:
            item = self.again.pop()
        else:
            self.number += 1
            item = (self.number, next(self.src))
        self.taken.append(item)
        return item[1]

    def push_back(self, items: list[tuple[int, str]]) -> None:
        self.again.extend(reversed(items))


def _mask_any(text: str) -> str:
    """Mask whatever was typed in a NIK column that did not parse: keep it out of the output."""
    digits = "".join(c for c in text if c.isdigit())
    if len(digits) == 16:
        return mask_digits(digits)
    return "•" * min(len(digits), 4) + (f" ({len(digits)} digit)" if digits else "")
