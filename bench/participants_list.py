"""A synthetic participant list (issue 29) as the Dinas would hand it over: NIKs from
bench/synthetic.py (never real), kelurahan from the program file, covers ending through the
year, a phone and a KPJ on most rows. Used by bench/participants_import.py and the tests."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from bench.synthetic import synthetic_nik

KELURAHAN = ("Kelun", "Kartoharjo", "Oro Oro Ombo", "Manguharjo", "Josenan", "Taman", "Pandean",
             "Madiun Lor", "Nambangan Lor", "Winongo", "Demangan", "Banjarejo")  # fmt: skip
JOBS = ("pedagang keliling", "ojol", "buruh tani", "tukang becak", "kuli bangunan", "RT/RW")
HEADER = "nik,nama,kelurahan,mulai,selesai,hp,segmen,pekerjaan,kpj\n"


def list_rows(n: int, seed: int = 29, first_start: date = date(2026, 1, 1)) -> list[list[str]]:
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[list[str]] = []
    while len(out) < n:
        nik = synthetic_nik(rng, date(2026, 11, 1))
        if nik in seen:
            continue
        seen.add(nik)
        start = first_start + timedelta(days=rng.randint(0, 364))
        end = date(start.year + 1, start.month, min(start.day, 28)) - timedelta(days=1)
        i = len(out) + 1
        out.append([
            nik, f"Peserta {i}", rng.choice(KELURAHAN), start.isoformat(), end.strftime("%d-%m-%Y"),
            f"0812{i:08d}" if rng.random() < 0.9 else "", rng.choice(("BPU", "BPU", "PU")),
            rng.choice(JOBS), f"{26000000000 + i}" if rng.random() < 0.8 else "",
        ])  # fmt: skip
    return out


def write_list(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(HEADER)
        for r in rows:
            f.write(",".join(r) + "\n")
