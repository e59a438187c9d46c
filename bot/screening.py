"""Screening answers given on the command line or in a lurah's CSV list (`siaga check`).

The CSV path is the hot one (a whole kelurahan's list at once): parsers are cached by input
text, rendered reason messages by (code, args), and rows stream from reader to writer so
memory stays flat whatever the file size.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import IO, Any

from bot.i18n import Catalogue
from domain.answers import Tri, parse_tri
from domain.eligibility import Answers, Bpjs, Reason, Status, Verdict, evaluate
from domain.nik import NikResult, mask_digits, parse_nik
from domain.program import Program
from domain.regions import Kelurahan, MatchKind
from handlers.messages import Msg
from handlers.verdict_view import headline, next_step, reason_msg

TRI_WORDS = {
    "ya": Tri.YES,
    "tidak": Tri.NO,
    "tidak-tahu": Tri.DONT_KNOW,
    "tidak_tahu": Tri.DONT_KNOW,
}
BPJS_WORDS = {
    "tidak": Bpjs.NONE,
    "pu": Bpjs.EMPLOYER,
    "bpu": Bpjs.SELF_PAID,
    "tidak-tahu": Bpjs.DONT_KNOW,
    "tidak_tahu": Bpjs.DONT_KNOW,
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
    word = value.strip().lower()
    if word in TRI_WORDS:
        return TRI_WORDS[word]
    found = parse_tri(value)
    if found is None:
        raise InputError(Msg("cli-bad-choice", {"field": field, "value": value[:40]}))
    return found


def parse_bpjs_arg(value: str) -> Bpjs:
    word = value.strip().lower()
    if word in BPJS_WORDS:
        return BPJS_WORDS[word]
    raise InputError(Msg("cli-bad-bpjs", {"value": value[:40]}))


def parse_age_arg(value: str) -> int:
    v = value.strip()
    if not v.isdigit() or not 0 < int(v) < 130:
        raise InputError(Msg("cli-bad-age", {"value": v[:20]}))
    return int(v)


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


@dataclass(frozen=True)
class Row:
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
OUT_COLUMNS = ("line", "nik", "verdict", "priority", "reasons", "keterangan", "error")


@dataclass
class ScreeningReport:
    rows: int = 0
    errors: int = 0
    by_verdict: dict[str, int] | None = None


class CsvScreener:
    def __init__(self, program: Program, catalogue: Catalogue, on: date) -> None:
        self.program = program
        self.catalogue = catalogue
        self.on = on
        self._reason_text: dict[Reason, tuple[str, str]] = {}
        self._error_text: dict[tuple[str, tuple[Any, ...]], str] = {}

    def _columns(self, reasons: tuple[Reason, ...]) -> tuple[str, str]:
        """(reason codes, Indonesian explanation of what did not pass)."""
        tags, texts = [], []
        for r in reasons:
            cached = self._reason_text.get(r)
            if cached is None:
                text = "" if r.status is Status.PASS else self.catalogue.render(reason_msg(r))
                cached = (f"{r.code}:{r.status}", text)
                self._reason_text[r] = cached
            tags.append(cached[0])
            if cached[1]:
                texts.append(cached[1])
        return ";".join(tags), " | ".join(texts)

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
    ) -> ScreeningReport:
        reader = csv.reader(src)
        writer = csv.writer(dst, lineterminator="\n")
        writer.writerow(OUT_COLUMNS)
        report = ScreeningReport(by_verdict={})
        counts = report.by_verdict
        assert counts is not None
        try:
            header = [h.strip().lower() for h in next(reader)]
        except StopIteration:
            raise InputError(Msg("cli-csv-empty")) from None
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise InputError(Msg("cli-csv-missing-columns", {"columns": ", ".join(missing)}))
        idx = {name: header.index(name) for name in (*REQUIRED, *OPTIONAL) if name in header}
        width = len(header)
        program, on = self.program, self.on
        for line, fields in _numbered(reader):
            report.rows += 1
            if progress is not None and report.rows % 5000 == 0:
                progress(report.rows)
            if len(fields) < width:
                fields = fields + [""] * (width - len(fields))
            raw_nik = fields[idx["nik"]]
            try:
                row = Row(
                    nik=raw_nik,
                    age=fields[idx["age"]],
                    occupation=fields[idx["occupation"]],
                    kelurahan=fields[idx["kelurahan"]],
                    dtks=fields[idx["dtks"]],
                    bpjs=fields[idx["bpjs"]] if "bpjs" in idx else None,
                    heirs=fields[idx["heirs"]] if "heirs" in idx else None,
                )
                answers = answers_from(row, program, on)
            except InputError as exc:
                report.errors += 1
                text = self._render_error(exc.msg)
                on_error(line, text)
                writer.writerow((line, _mask_any(raw_nik), "", "", "", "", text))
                continue
            verdict = evaluate(answers, program, on)
            kind = verdict.kind
            counts[kind] = counts.get(kind, 0) + 1
            assert answers.nik is not None
            codes, explained = self._columns(verdict.reasons)
            writer.writerow(
                (line, answers.nik.masked(), kind, verdict.priority, codes, explained, "")
            )
        return report


def _numbered(reader: Any) -> Iterator[tuple[int, list[str]]]:
    for fields in reader:
        if not any(f.strip() for f in fields):
            continue
        yield reader.line_num, fields


def _mask_any(text: str) -> str:
    """Mask whatever was typed in a NIK column that did not parse: keep it out of the output."""
    digits = "".join(c for c in text if c.isdigit())
    if len(digits) == 16:
        return mask_digits(digits)
    return "•" * min(len(digits), 4) + (f" ({len(digits)} digit)" if digits else "")


def stderr_is_tty() -> bool:
    return sys.stderr.isatty()
