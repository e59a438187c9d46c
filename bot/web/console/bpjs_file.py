"""Reading BPJS Ketenagakerjaan's confirmation file (CSV or XLSX) into references, within
bounds (issue 26 item 6).

A 147 KB XLSX that unpacks to a million rows stalled the whole server for 32 s, and a 1 MB
CSV of 170,000 references for 18 s. So: an XLSX is a zip whose members declare their
unpacked sizes, checked before openpyxl opens it (zipfile never inflates a member past its
declared size: a member that lies fails its CRC); rows and columns are capped while reading,
so reading stops at the cap instead of after the last row; and the caller runs this in a
thread, so the event loop keeps answering webhooks and /healthz meanwhile.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from itertools import islice

from domain.reference import parse_reference

MAX_FILE = 5 * 1024 * 1024  # bytes as uploaded; a list of 20,000 references is about 300 kB
# The program has covered about 16,500 people in all (programs/: quota, 26 Nov 2024); one
# confirmation file is a batch of them. A file longer than this is not one of BPJS's.
MAX_ROWS = 20_000
# 20,000 rows of a dozen columns unpack to a few MB of sheet XML and shared strings
MAX_UNPACKED = 32 * 1024 * 1024
MAX_MEMBERS = 64  # an XLSX from Excel or LibreOffice holds about a dozen parts
MAX_COLUMNS = 64  # the reference is among the first columns of any sheet BPJS sends
REF_COLUMNS = ("nomor_usulan", "ref", "no_usulan")


@dataclass
class Table:
    """(row number, what the row says, its reference or "") per data row; or a problem: a
    message key for a file that cannot be read as one of BPJS's lists."""

    rows: list[tuple[int, str, str]] = field(default_factory=list)
    problem: str = ""


def read_refs(name: str, data: bytes) -> Table:
    if len(data) > MAX_FILE:
        return Table(problem="con-upload-too-big")
    try:
        if name.lower().endswith(".xlsx"):
            problem = _unpacked_problem(data)
            if problem:
                return Table(problem=problem)
            table = _xlsx_rows(data)
        else:
            text = data.decode("utf-8-sig")
            table = list(islice(csv.reader(io.StringIO(text)), MAX_ROWS + 2))
    except (UnicodeDecodeError, csv.Error, ValueError, KeyError, OSError, zipfile.BadZipFile):
        return Table(problem="con-upload-unreadable")
    except Exception:  # openpyxl raises its own kinds for a file that is not a workbook
        return Table(problem="con-upload-unreadable")
    if not table:
        return Table(problem="con-upload-empty")
    if len(table) > MAX_ROWS + 1:  # the header and MAX_ROWS rows at most
        return Table(problem="con-upload-too-many-rows")
    header = [h.strip().lower() for h in table[0][:MAX_COLUMNS]]
    col = next((i for i, h in enumerate(header) if h in REF_COLUMNS), None)
    if col is None:
        return Table(problem="con-upload-no-column")
    out = []
    for n, row in enumerate(table[1:], 2):
        said = row[col].strip() if col < len(row) else ""
        if not said and not any(c.strip() for c in row[:MAX_COLUMNS]):
            continue  # a blank line
        out.append((n, said[:40], parse_reference(said) or ""))
    return Table(out, "" if out else "con-upload-empty")


def _unpacked_problem(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        members = z.infolist()
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED:
        return "con-upload-unpacked"
    return ""


def _xlsx_rows(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = book.active
        if sheet is None:
            return []
        rows = islice(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), MAX_ROWS + 2)
        return [[str(c) if c is not None else "" for c in row] for row in rows]
    finally:
        book.close()  # read-only workbooks keep the zip open until closed
