"""Synthetic residents for tests and benchmarks: never real NIKs (serials from a seeded RNG)."""

from __future__ import annotations

import random
from datetime import date, timedelta

KELURAHAN_SPELLINGS = [
    "Kelun", "oro2 ombo", "Nambangan Utara", "madiunlor", "Sukosari", "klegen", "Rejo Mulyo",
    "Pilang Bango", "Tawang Rejo", "Kanigoro", "Sogaten", "Patihan", "Ngegong", "Winongo",
    "Pangongangan", "Nambangan Kidul", "Mojo Rejo", "Pandean", "Banjar Rejo", "Kuncen",
    "Manis Rejo", "Kejuron", "Josenan", "Demangan", "kel taman", "Kelurahan Kartoharjo",
]  # fmt: skip
OCCUPATIONS = [
    "ojol", "bakul pecel", "narik grab", "rewang", "nguli", "buruh tani", "pedagang keliling",
    "tukang becak", "ibu rumah tangga", "ketua RT", "karyawan pabrik", "tukang parkir",
    "serabutan", "jualan gorengan", "petani", "sopir angkot", "penjahit", "pelajar",
]  # fmt: skip
TRI = ["ya", "tidak", "tidak-tahu"]
DISTRICTS = ["357701", "357702", "357703", "357704", "351908", "357801"]


def synthetic_nik(rng: random.Random, on: date, female: bool | None = None) -> str:
    district = rng.choice(DISTRICTS[:3] * 5 + DISTRICTS[3:] if rng.random() < 0.99 else DISTRICTS)
    born = on - timedelta(days=rng.randint(16 * 365, 72 * 365))
    female = rng.random() < 0.5 if female is None else female
    day = born.day + (40 if female else 0)
    serial = rng.randint(1, 9999)
    return f"{district}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


def rows(n: int, seed: int = 7, on: date = date(2026, 11, 22)) -> list[list[str]]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        nik = synthetic_nik(rng, on)
        out.append(
            [
                nik,
                "" if rng.random() < 0.5 else str(rng.randint(17, 70)),
                rng.choice(OCCUPATIONS),
                rng.choice(KELURAHAN_SPELLINGS),
                rng.choice(TRI),
                rng.choice(["tidak", "pu", "bpu", "tidak-tahu"]),
                rng.choice(["ya", "tidak"]),
            ]
        )
    return out
