"""The approved list for BPJS Ketenagakerjaan's collective registration (XLSX or CSV).

This is the one place a NIK leaves Siaga in clear: every export is written to the audit log
with who, how many and which kelurahan.
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.db import reports
from bot.db.store import SqlStore
from bot.files import private_file
from domain.program import Program

COLUMNS = (
    "no", "nomor_usulan", "nik", "nama", "tanggal_lahir", "jenis_kelamin", "kelurahan",
    "kecamatan", "kode_wilayah", "kode_pos", "pekerjaan", "no_hp", "kategori", "program",
    "penghasilan_dilaporkan", "iuran_bulanan", "tanggal_disetujui",
)  # fmt: skip
# Typed text that a spreadsheet would run as a formula (OWASP "CSV injection"): a cell that
# starts with one of these is written with a leading apostrophe in CSV, and as a string cell in
# XLSX, so a citizen's "=HYPERLINK(…)" reaches the Dinas as text next to the NIKs, not a link.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMERIC = frozenset({"no", "penghasilan_dilaporkan", "iuran_bulanan"})  # ours, never typed
# BPU premium base: JKK 1% of a declared Rp1,000,000 + JKM Rp6,800 = Rp16,800 (domain.md §3.2).
DECLARED_INCOME = 1_000_000


async def approved_rows(store: SqlStore, program: Program, kelurahan_code: str | None,
                        on: Any) -> list[dict[str, Any]]:  # fmt: skip
    rows = []
    for i, r in enumerate(await reports.approved(store.conn, kelurahan_code), 1):
        kel = program.regions.kelurahan_by_code(r.kelurahan_code)
        kec = program.regions.kecamatan_of(kel) if kel else None
        a = r.answers or {}
        rows.append({
            "no": i, "nomor_usulan": r.ref,
            "nik": store.open_nik(r.nik_enc) if r.nik_enc else "",
            "nama": r.name or "", "tanggal_lahir": a.get("birth_date", ""),
            "jenis_kelamin": a.get("sex", ""), "kelurahan": kel.name if kel else "",
            "kecamatan": kec.name if kec else "", "kode_wilayah": r.kelurahan_code,
            "kode_pos": kel.postcode if kel else "",
            "pekerjaan": a.get("occupation") or a.get("occupation_text") or "",
            "no_hp": a.get("phone") or "", "kategori": "BPU", "program": "JKK+JKM",
            "penghasilan_dilaporkan": DECLARED_INCOME,
            "iuran_bulanan": program.premium_monthly.at(on),
            "tanggal_disetujui": r.decided_at.strftime("%Y-%m-%d") if r.decided_at else "",
        })  # fmt: skip
    return rows


def csv_cell(value: Any) -> Any:
    """A cell for a CSV someone will open in a spreadsheet: typed text that would start a
    formula gets an apostrophe in front (the spreadsheet shows it as text)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(rows: list[dict[str, Any]], path: Path) -> None:
    with private_file(path) as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows({c: csv_cell(row[c]) for c in COLUMNS} for row in rows)


def write_xlsx(rows: list[dict[str, Any]], path: Path) -> None:
    with private_file(path, binary=True) as f:
        f.write(xlsx_bytes(rows))


def xlsx_bytes(rows: list[dict[str, Any]]) -> bytes:
    """The workbook in memory (the console sends it straight to the browser)."""
    import io

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Pro JKK-JKM"
    ws.append(list(COLUMNS))
    for r, row in enumerate(rows, 2):
        for c, column in enumerate(COLUMNS, 1):
            value = row[column]
            cell = ws.cell(row=r, column=c, value=value if column in NUMERIC else str(value))
            # every typed or identifying cell is a string cell: openpyxl would store text
            # starting with "=" as a formula, and 16 NIK digits as 3.57701E+15
            cell.data_type = "n" if column in NUMERIC else "s"
    for col in ws.columns:
        width = max(len(str(c.value or "")) for c in col) + 2
        ws.column_dimensions[col[0].column_letter].width = min(width, 40)
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


async def export(store: SqlStore, program: Program, path: Path, fmt: str,
                 kelurahan_code: str | None, actor_label: str, now: datetime) -> int:  # fmt: skip
    rows = await approved_rows(store, program, kelurahan_code, now.date())
    (write_xlsx if fmt == "xlsx" else write_csv)(rows, path)
    await store.audit(
        actor=None, action="export.approved", now=now,
        after={"rows": len(rows), "format": fmt, "kelurahan": kelurahan_code or "all"},
        detail=actor_label,
    )  # fmt: skip
    await store.commit()
    return len(rows)
