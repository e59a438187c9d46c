"""The renewal list for BPJS Ketenagakerjaan (issue 29 item 4): those the kelurahan renewed,
with their next year of cover, written like the approved list (bot.export): every identifying
or typed cell a string cell in XLSX and an apostrophe before a formula's first character in
CSV, the file readable by its owner only, and the export audited (a NIK leaves in clear)."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.db.store import SqlStore
from bot.export import csv_cell
from bot.files import private_file
from domain.participants import next_cover
from domain.program import Program

COLUMNS = ("no", "nik", "nama", "kpj", "no_hp", "kelurahan", "kecamatan", "kode_wilayah",
           "segmen", "pekerjaan", "mulai_baru", "selesai_baru", "diputuskan")  # fmt: skip
NUMERIC = frozenset({"no"})


async def renewal_rows(store: SqlStore, program: Program, kelurahan_code: str | None) -> list[
    dict[str, Any]
]:  # fmt: skip
    rows = []
    for i, (p, secret) in enumerate(await store.renewed(kelurahan_code), 1):
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
    return rows


def xlsx_bytes(rows: list[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Perpanjangan"
    ws.append(list(COLUMNS))
    for r, row in enumerate(rows, 2):
        for c, column in enumerate(COLUMNS, 1):
            value = row[column]
            cell = ws.cell(row=r, column=c, value=value if column in NUMERIC else str(value))
            cell.data_type = "n" if column in NUMERIC else "s"  # "=…" and NIKs stay text
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def csv_text(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=COLUMNS)
    w.writeheader()
    w.writerows({c: csv_cell(row[c]) for c in COLUMNS} for row in rows)
    return out.getvalue()


async def export(store: SqlStore, program: Program, path: Path, fmt: str,
                 kelurahan_code: str | None, actor_label: str, now: datetime) -> int:  # fmt: skip
    rows = await renewal_rows(store, program, kelurahan_code)
    if fmt == "xlsx":
        with private_file(path, binary=True) as f:
            f.write(xlsx_bytes(rows))
    else:
        with private_file(path) as f:
            f.write(csv_text(rows))
    await store.audit(
        actor=None, action="export.renewals", now=now,
        after={"rows": len(rows), "format": fmt, "kelurahan": kelurahan_code or "all"},
        detail=actor_label,
    )  # fmt: skip
    await store.commit()
    return len(rows)
