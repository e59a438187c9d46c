"""The approved list for BPJS Ketenagakerjaan's collective registration as a file (XLSX or
CSV, formula-safe); its rows and its audit are the nominations' use case
(handlers/nominations/export.py). This is the one place a NIK leaves Siaga in clear."""

from __future__ import annotations

import csv
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

from bot.files import private_file
from handlers.nominations import COLUMNS, NUMERIC

# Typed text that a spreadsheet would run as a formula (OWASP "CSV injection"): a cell that
# starts with one of these is written with a leading apostrophe in CSV, and as a string cell in
# XLSX, so a citizen's "=HYPERLINK(…)" reaches the Dinas as text next to the NIKs, not a link.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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


def xlsx_bytes(
    rows: list[dict[str, Any]],
    columns: Sequence[str] = COLUMNS,
    numeric: Collection[str] = NUMERIC,
    title: str = "Pro JKK-JKM",
) -> bytes:
    """The workbook in memory (the console sends it straight to the browser); the approved
    list's columns unless another list (the renewals) names its own."""
    import io

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(list(columns))
    for r, row in enumerate(rows, 2):
        for c, column in enumerate(columns, 1):
            value = row[column]
            cell = ws.cell(row=r, column=c, value=value if column in numeric else str(value))
            # every typed or identifying cell is a string cell: openpyxl would store text
            # starting with "=" as a formula, and 16 NIK digits as 3.57701E+15
            cell.data_type = "n" if column in numeric else "s"
    for col in ws.columns:
        width = max(len(str(c.value or "")) for c in col) + 2
        ws.column_dimensions[col[0].column_letter].width = min(width, 40)
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
