"""A DTKS/DTSEN import at a city's size, through the real command, and what it leaves behind.

    python bench/registry.py [--rows 100000] [--runs 3]

Each run writes a synthetic list (NIK, nama, desil; NIKs from bench/synthetic.py, never real)
to a CSV, runs `siaga admin import-dtks FILE --tanggal … --yes` in a fresh data folder (a new
process, as the Dinas would: start-up, key, migrations included) and times it. Target: under
10 s (issue 20). Afterwards it reads the SQLite files (database, WAL) byte by byte and counts
the list's NIKs found there in clear: the target is 0. Reports each run and the median.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import synthetic_nik  # noqa: E402
from tests.helpers import chat_env  # noqa: E402

DIGITS16 = re.compile(rb"(?<!\d)\d{16}(?!\d)")


def write_list(path: Path, n: int, seed: int) -> set[str]:
    rng = random.Random(seed)
    niks: set[str] = set()
    with path.open("w", encoding="utf-8") as f:
        f.write("nik,nama,desil\n")
        while len(niks) < n:
            nik = synthetic_nik(rng, date(2026, 11, 1))
            if nik in niks:
                continue
            niks.add(nik)
            f.write(f"{nik},Warga {len(niks)},{rng.randint(1, 10)}\n")
    return niks


def clear_niks(raw: bytes, niks: set[str]) -> int:
    return sum(1 for m in DIGITS16.findall(raw) if m.decode() in niks)


def run_once(n: int, seed: int) -> tuple[float, int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        listing = Path(tmp) / "dtks.csv"
        niks = write_list(listing, n, seed)
        env = {k: v for k, v in chat_env(data).items() if k != "SIAGA_DATABASE_URL"}
        started = time.perf_counter()
        r = subprocess.run(
            [sys.executable, "-m", "bot", "admin", "import-dtks", str(listing), "--tanggal",
             "2026-11-01", "--yes"],
            capture_output=True, text=True, env=env, cwd=data, timeout=600,
        )  # fmt: skip
        elapsed = time.perf_counter() - started
        if r.returncode != 0:
            raise SystemExit(r.stderr)
        stored = int(r.stdout.split("Tersimpan: ")[1].split()[0])
        raw = b"".join(p.read_bytes() for p in data.glob("siaga.db*"))
        clear = clear_niks(raw, niks)
        # the scan itself is checked: on the list file it must find every NIK
        assert clear_niks(listing.read_bytes(), niks) == n
        return elapsed, stored, clear


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    times = []
    for run in range(args.runs):
        elapsed, stored, clear = run_once(args.rows, seed=run + 1)
        times.append(elapsed)
        print(f"run {run + 1}: {elapsed:.2f} s for {stored} rows stored; "
              f"clear NIKs in the database files: {clear}")  # fmt: skip
        if clear:
            raise SystemExit("a clear NIK was found in the database files")
    print(f"median {statistics.median(times):.2f} s for {args.rows} rows (target < 10 s)")


if __name__ == "__main__":
    main()
