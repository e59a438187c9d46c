"""The CSV screener's quick path (verdicts assembled from per-value caches) writes exactly what
the full path (answers_from + evaluate for every row) writes, for any row, good or bad."""

from __future__ import annotations

import csv
import io
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from bench.synthetic import KELURAHAN_SPELLINGS, OCCUPATIONS, rows
from bot.i18n import Catalogue
from bot.screening import CsvScreener
from domain.program import Program

ON = date(2026, 11, 22)
HEADER = ["nik", "age", "occupation", "kelurahan", "dtks", "bpjs", "heirs"]


def both(program: Program, catalogue: Catalogue, data: list[list[str]],
         header: list[str] = HEADER) -> tuple[str, str, dict[str, int], dict[str, int]]:  # fmt: skip
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(header)
    w.writerows(data)
    outs, counts = [], []
    for quick in (True, False):
        out, errors = io.StringIO(), []
        report = CsvScreener(program, catalogue, ON).screen(
            io.StringIO(buf.getvalue()), out, lambda line, text, seen=errors: seen.append(
                (line, text)), quick=quick,
        )  # fmt: skip
        outs.append(out.getvalue() + repr(errors))
        counts.append({str(k): v for k, v in report.by_verdict.items()} | {"err": report.errors})
    return outs[0], outs[1], counts[0], counts[1]


def test_twenty_thousand_synthetic_rows_the_same_both_ways(
    program: Program, catalogue: Catalogue
) -> None:
    quick, full, q_counts, f_counts = both(program, catalogue, rows(20_000, seed=11, on=ON))
    assert quick == full
    assert q_counts == f_counts
    assert len(q_counts) == 4  # all three verdicts and some malformed rows were in the mix


NIKS = st.one_of(
    st.sampled_from([
        "3577014708850001", "3577011708850000", "3577041708850001", "3519081708850001",
        "3577017102000001", "3577010000000001", "3500011708850001", "9977011708850001",
        "3577 0117 0885 0001", "3577011708", "35770117088500011", "３５７７０１１７０８８５０００１",
        "3577013102850001", "3577012902000001", "3577012902010001", "", "abc",
    ]),
    st.from_regex(r"3577(0[1-4])[0-7][0-9](0[1-9]|1[0-2])[0-9]{2}[0-9]{4}", fullmatch=True),
    st.text(max_size=20),
)  # fmt: skip
ROWS = st.lists(
    st.tuples(
        NIKS,
        st.one_of(st.sampled_from(["", "17", "18", "40", "65", "66", "130", "x", " 41 "]),
                  st.integers(0, 99).map(str)),
        st.one_of(st.sampled_from(OCCUPATIONS), st.text(max_size=12)),
        st.one_of(st.sampled_from([*KELURAHAN_SPELLINGS, "Taman", "Jiwan", "kartoharjo"]),
                  st.text(max_size=10)),
        st.sampled_from(["ya", "tidak", "tidak-tahu", "Ya ", "gak tau", "?"]),
        st.sampled_from(["", "tidak", "pu", "bpu", "tidak-tahu", "PU", "x"]),
        st.sampled_from(["", "ya", "tidak", "mboten", "??"]),
    ).map(list),
    min_size=1,
    max_size=40,
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(data=ROWS, drop=st.sampled_from([(), ("bpjs",), ("heirs",), ("bpjs", "heirs")]))
def test_any_rows_the_same_both_ways(
    program: Program, catalogue: Catalogue, data: list[list[str]], drop: tuple[str, ...]
) -> None:
    keep = [i for i, h in enumerate(HEADER) if h not in drop]
    trimmed = [[row[i] for i in keep] for row in data]
    quick, full, q_counts, f_counts = both(program, catalogue, trimmed,
                                           [HEADER[i] for i in keep])  # fmt: skip
    assert quick == full
    assert q_counts == f_counts
