"""`siaga check`: one person from the command line, or a lurah's CSV list."""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from bot.files import private_file, text_encoding
from bot.i18n import Catalogue
from bot.screening import CsvScreener, InputError, Row, answers_from, verdict_json
from domain.eligibility import Status, evaluate
from domain.program import Program
from handlers.check import headline, next_step, reason_line
from handlers.core.messages import Msg


def check_one(program: Program, catalogue: Catalogue, row: Row, on: date, as_json: bool) -> int:
    answers = answers_from(row, program, on)
    verdict = evaluate(answers, program, on)
    render = catalogue.render
    if as_json:
        print(json.dumps(verdict_json(verdict, answers, render), ensure_ascii=False, indent=2))
        return 0
    nik = answers.nik
    assert nik is not None and answers.kelurahan is not None
    kec = program.regions.kecamatan_of(answers.kelurahan)
    lines = [
        render(headline(verdict)),
        "",
        render(
            Msg(
                "check-person",
                {
                    "nik": nik.masked(),
                    "sex": Msg(f"sex-{nik.sex.value}"),
                    "born": nik.birth_date.strftime("%d-%m-%Y"),
                    "age": verdict.age if verdict.age is not None else "-",
                    "kelurahan": answers.kelurahan.name,
                    "kecamatan": kec.name,
                    "occupation": Msg(f"occ-{answers.occupation.code}")
                    if answers.occupation
                    else Msg("check-occupation-unknown"),
                },
            )
        ),
        "",
    ]
    order = {Status.FAIL: 0, Status.UNKNOWN: 1, Status.PASS: 2}
    for r in sorted(verdict.reasons, key=lambda r: order[r.status]):
        lines.append(render(reason_line(r)))
    lines += ["", render(Msg("check-priority", {"priority": verdict.priority}))]
    lines.append(render(next_step(verdict)))
    print("\n".join(lines))
    return 0


ENCODING_NAMES = {"utf-16": "UTF-16", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16",
                  "cp1252": "Windows-1252 (Latin-1)"}  # fmt: skip


def check_csv(program: Program, catalogue: Catalogue, src: Path, dst: Path, on: date) -> int:
    if not src.is_file():
        raise InputError(Msg("cli-file-missing", {"path": str(src)}))
    screener = CsvScreener(program, catalogue, on)
    err = Console(stderr=True)

    def on_error(line: int, text: str) -> None:
        err.print(catalogue.render(Msg("cli-csv-row-error", {"line": line, "error": text})))

    started = time.perf_counter()
    encoding = text_encoding(src)
    if encoding not in ("utf-8", "utf-8-sig"):
        err.print(catalogue.render(Msg("cli-csv-encoding", {"encoding": ENCODING_NAMES[encoding]})))
    # the output appears whole or not at all: written aside and renamed at the end
    with (
        src.open(newline="", encoding=encoding, errors="replace") as fin,
        private_file(dst) as fout,
    ):
        if sys.stderr.isatty():
            with Progress(console=err, transient=True) as bar:
                task = bar.add_task(catalogue.render(Msg("cli-csv-progress")), total=None)
                report = screener.screen(
                    fin, fout, on_error, lambda n: bar.update(task, completed=n)
                )
        else:
            report = screener.screen(fin, fout, on_error)
    took = time.perf_counter() - started
    counts = report.by_verdict
    err.print(
        catalogue.render(
            Msg(
                "cli-csv-done",
                {
                    "rows": report.rows,
                    "written": report.written,
                    "errors": report.errors,
                    "eligible": counts.get("likely_eligible", 0),
                    "review": counts.get("needs_review", 0),
                    "not": counts.get("not_eligible", 0),
                    "out": str(dst),
                    "seconds": f"{took:.1f}",
                },
            )
        )
    )
    return 0
