"""The renewal list for BPJS Ketenagakerjaan (issue 29 item 4) as a file, written like the
approved list (bot.export): every identifying or typed cell a string cell in XLSX and an
apostrophe before a formula's first character in CSV, the file readable by its owner only.
The rows come from the use case (handlers.participants.renewal_rows), which audits them."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from bot import export
from bot.export import csv_cell
from bot.files import private_file
from handlers.participants import RENEWAL_COLUMNS as COLUMNS
from handlers.participants import RENEWAL_NUMERIC as NUMERIC


def xlsx_bytes(rows: list[dict[str, Any]]) -> bytes:
    """Formula-safe like the approved list: the same writer, the renewals' columns."""
    return export.xlsx_bytes(rows, COLUMNS, NUMERIC, "Perpanjangan")


def csv_text(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=COLUMNS)
    w.writeheader()
    w.writerows({c: csv_cell(row[c]) for c in COLUMNS} for row in rows)
    return out.getvalue()


def write(rows: list[dict[str, Any]], path: Path, fmt: str) -> None:
    if fmt == "xlsx":
        with private_file(path, binary=True) as f:
            f.write(xlsx_bytes(rows))
    else:
        with private_file(path) as f:
            f.write(csv_text(rows))
