"""Screen N synthetic rows CSV → CSV on one core; report rows/s and peak memory (median of runs).

    python bench/screening.py [--rows 200000] [--runs 3]

Target (issue 2): ≥ 50,000 rows/s including the CSV read and write, ≤ 200 MB peak RSS.
"""

from __future__ import annotations

import argparse
import csv
import resource
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import rows

from bot.i18n import Catalogue, default_locales_dir
from bot.program_loader import default_program_path, load_program
from bot.screening import CsvScreener


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    src, dst = tmp / "in.csv", tmp / "out.csv"
    with src.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["nik", "age", "occupation", "kelurahan", "dtks", "bpjs", "heirs"])
        w.writerows(rows(args.rows))
    program = load_program(default_program_path())
    catalogue = Catalogue(default_locales_dir())
    on = date(2026, 11, 22)
    rates = []
    errors = 0
    for _ in range(args.runs):
        screener = CsvScreener(program, catalogue, on)  # fresh caches each run
        t0 = time.perf_counter()
        with src.open(newline="") as fin, dst.open("w", newline="") as fout:
            report = screener.screen(fin, fout, lambda line, text: None)
        took = time.perf_counter() - t0
        errors = report.errors
        rates.append(report.rows / took)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"rows: {args.rows}  runs: {args.runs}  malformed rows reported: {errors}")
    print(
        f"rows/s median: {statistics.median(rates):,.0f}  (runs: "
        + ", ".join(f"{r:,.0f}" for r in rates)
        + ")"
    )
    print(f"peak RSS: {peak_mb:.0f} MB (includes the {args.rows:,} generated input rows in memory)")


if __name__ == "__main__":
    main()
