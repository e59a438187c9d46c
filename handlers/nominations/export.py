"""The approved list for BPJS Ketenagakerjaan's collective registration, row by row: the one
place a NIK leaves Siaga in clear, so every export is audited with who, how many and which
kelurahan. The file itself (XLSX or CSV, formula-safe) is written by the door that asked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from handlers.core.records import Person
from handlers.nominations.port import Ctx

COLUMNS = (
    "no", "nomor_usulan", "nik", "nama", "tanggal_lahir", "jenis_kelamin", "kelurahan",
    "kecamatan", "kode_wilayah", "kode_pos", "pekerjaan", "no_hp", "kategori", "program",
    "penghasilan_dilaporkan", "iuran_bulanan", "tanggal_disetujui",
)  # fmt: skip
NUMERIC = frozenset({"no", "penghasilan_dilaporkan", "iuran_bulanan"})  # ours, never typed
# BPU premium base: JKK 1% of a declared Rp1,000,000 + JKM Rp6,800 = Rp16,800 (domain.md §3.2).
DECLARED_INCOME = 1_000_000

Row = dict[str, Any]


async def approved_rows(ctx: Ctx, kelurahan_code: str | None) -> list[Row]:
    """Approved nominations by kelurahan, then in the order they were decided."""
    program, rows = ctx.program, []
    for i, r in enumerate(await ctx.store.approved_for_export(kelurahan_code), 1):
        kel = program.regions.kelurahan_by_code(r.kelurahan_code)
        kec = program.regions.kecamatan_of(kel) if kel else None
        a = r.answers
        rows.append({
            "no": i, "nomor_usulan": r.ref, "nik": r.nik,
            "nama": r.name or "", "tanggal_lahir": a.get("birth_date", ""),
            "jenis_kelamin": a.get("sex", ""), "kelurahan": kel.name if kel else "",
            "kecamatan": kec.name if kec else "", "kode_wilayah": r.kelurahan_code,
            "kode_pos": kel.postcode if kel else "",
            "pekerjaan": a.get("occupation") or a.get("occupation_text") or "",
            "no_hp": a.get("phone") or "", "kategori": "BPU", "program": "JKK+JKM",
            "penghasilan_dilaporkan": DECLARED_INCOME,
            "iuran_bulanan": program.premium_monthly.at(ctx.today),
            "tanggal_disetujui": r.decided_at.strftime("%Y-%m-%d") if r.decided_at else "",
        })  # fmt: skip
    return rows


async def export(
    ctx: Ctx, kelurahan_code: str | None, fmt: str, write: Callable[[list[Row]], Any],
    actor: Person | None = None, who: str = "",
) -> int:  # fmt: skip
    """The rows handed to `write` (the door's file), then the export audited; returns how
    many. `actor` None: the Dinas's shell, named `who`."""
    rows = await approved_rows(ctx, kelurahan_code)
    write(rows)
    await ctx.store.audit(
        actor=actor.id if actor else None, action="export.approved", now=ctx.now,
        after={"rows": len(rows), "format": fmt, "kelurahan": kelurahan_code or "all"},
        detail=who,
    )  # fmt: skip
    return len(rows)
