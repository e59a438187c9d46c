"""The participant list at the program's size (issue 29): 17,500 rows through the real
command, on SQLite.

    python bench/participants_import.py [--rows 17500] [--runs 3]

Each run writes a synthetic list (bench/participants_list.py) and runs `siaga admin
import-participants FILE --yes` in a fresh data folder, a new process as the Dinas would
(start-up, key, migrations included), and times it; then the same file again (a monthly
re-import that changes nothing). Target: the first import under 5 s. Afterwards the SQLite
files are read byte by byte for the list's NIKs and phones in clear: the target is 0.
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.participants_list import list_rows, write_list  # noqa: E402
from tests.helpers import chat_env  # noqa: E402

NUMBERS = re.compile(rb"(?<!\d)0?\d{11,16}(?!\d)")  # a NIK (16 digits), a phone (0812…)


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _import(listing: Path, data: Path) -> tuple[float, float, str]:
    """Wall-clock and CPU seconds of one run of the command (CPU: the machine may be shared,
    and waiting for a core is not the import's cost)."""
    env = {k: v for k, v in chat_env(data).items() if k != "SIAGA_DATABASE_URL"}
    cpu = _cpu()
    started = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "bot", "admin", "import-participants", str(listing), "--yes"],
        capture_output=True, text=True, env=env, cwd=data, timeout=600,
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    if r.returncode != 0:
        raise SystemExit(r.stderr)
    return elapsed, _cpu() - cpu, r.stdout


def run_once(n: int) -> tuple[float, float, float, float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        listing = Path(tmp) / "peserta.csv"
        rows = list_rows(n)
        write_list(listing, rows)
        first, first_cpu, out = _import(listing, data)
        assert f"Tersimpan: {n} baru" in out, out[-500:]
        again, again_cpu, out = _import(listing, data)
        assert "Tidak ada yang berubah" in out, out[-500:]
        raw = b"".join(p.read_bytes() for p in data.glob("siaga.db*"))
        niks, phones = {r[0] for r in rows}, {r[5] for r in rows if r[5]}
        found = {m.decode() for m in NUMBERS.findall(raw)}
        clear = len(found & niks) + len(found & phones)
        # the scan itself is checked: on the list file it finds every NIK
        assert niks <= {m.decode() for m in NUMBERS.findall(listing.read_bytes())}
        return first, first_cpu, again, again_cpu, clear


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=17_500)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    runs = [run_once(args.rows) for _ in range(args.runs)]
    for i, (first, first_cpu, again, again_cpu, clear) in enumerate(runs, 1):
        print(f"run {i}: first import {first:.2f} s ({first_cpu:.2f} s CPU), re-import "
              f"{again:.2f} s ({again_cpu:.2f} s CPU), clear NIKs/phones at rest: {clear}")  # fmt: skip
    med = [statistics.median(r[k] for r in runs) for k in range(4)]
    print(f"median first import of {args.rows} rows: {med[0]:.2f} s ({med[1]:.2f} s CPU; "
          f"target < 5 s); median re-import: {med[2]:.2f} s ({med[3]:.2f} s CPU)")  # fmt: skip


if __name__ == "__main__":
    main()
