"""The renewal list for BPJS (issue 29 item 4): those the kelurahan renewed, with their next
year of cover and the clear NIK, phone and KPJ (opened here, for the export only); bot/ writes
the file (formula-safe) and the use case is audited by the door that calls it."""

from __future__ import annotations

from typing import Any

from domain.participants import next_cover
from handlers.core.capability import Ctx as Context
from handlers.participants.port import port

COLUMNS = ("no", "nik", "nama", "kpj", "no_hp", "kelurahan", "kecamatan", "kode_wilayah",
           "segmen", "pekerjaan", "mulai_baru", "selesai_baru", "diputuskan")  # fmt: skip
NUMERIC = frozenset({"no"})


async def renewal_rows(
    ctx: Context, kelurahan_code: str | None, actor: int | None, via: str
) -> list[dict[str, Any]]:
    rows = []
    program = ctx.program
    for i, (p, secret) in enumerate(await port(ctx).renewed(kelurahan_code), 1):
        nik, hp, kpj = secret.split(";")
        kel = program.regions.kelurahan_by_code(p.kelurahan_code)
        kec = program.regions.kecamatan_of(kel) if kel else None
        start, end = next_cover(p.end, program.coverage_months.at(p.end))
        rows.append({
            "no": i, "nik": nik, "nama": p.name, "kpj": kpj, "no_hp": hp,
            "kelurahan": kel.name if kel else "", "kecamatan": kec.name if kec else "",
            "kode_wilayah": p.kelurahan_code, "segmen": p.segment.upper(),
            "pekerjaan": p.occupation, "mulai_baru": start.isoformat(),
            "selesai_baru": end.isoformat(),
            "diputuskan": p.renewal_at.date().isoformat() if p.renewal_at else "",
        })  # fmt: skip
    # the one place the list's NIKs leave in clear: who, how many, which kelurahan
    await ctx.store.audit(actor=actor, action="export.renewals", now=ctx.now,
                          after={"rows": len(rows), "kelurahan": kelurahan_code or "all"},
                          detail=via)  # fmt: skip
    return rows
