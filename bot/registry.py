"""Reading a registry list (the Dinas Sosial's DTKS/DTSEN, BPJS TK's active members) from CSV
or XLSX into what Siaga keeps: the keyed blind index of each NIK and the fields the rules read.

A clear NIK lives only in this function's loop, row by row; nothing here writes it anywhere.
Bad rows are reported with their row number and reason; the file is applied only after the
preview (the command line asks first).
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bot.files import text_encoding

NIK_COLUMNS = ("nik", "no_nik", "nomor_nik", "nomor_induk_kependudukan")
DESIL_COLUMNS = ("desil", "desil_nasional", "decile")
SEGMENT_COLUMNS = ("segmen", "segment", "kepesertaan", "jenis_kepesertaan")
STATUS_COLUMNS = ("status", "status_kepesertaan")
# BPJS's words for how a member is covered → Siaga's three segments
SEGMENTS = {
    "pu": "pu", "penerima upah": "pu", "ppu": "pu", "wage earner": "pu",
    "bpu": "bpu", "bukan penerima upah": "bpu", "mandiri": "bpu", "bpu mandiri": "bpu",
    "pemda": "pemda", "apbd": "pemda", "bpu apbd": "pemda", "bpu pemda": "pemda",
    "apbn": "pemda", "bpu apbn": "pemda",
}  # fmt: skip
ACTIVE = frozenset({"aktif", "active", "ya", "1", ""})
INACTIVE = frozenset({"tidak aktif", "non aktif", "nonaktif", "inactive", "tidak", "0", "keluar"})
MAX_ERRORS_SHOWN = 20
UNREADABLE = "\ufffd"  # what a byte the file's encoding cannot read becomes


class UnreadableList(Exception):
    """The file is no table Siaga can read, or lacks the NIK column: nothing is applied."""


@dataclass
class ParsedList:
    kind: str
    rows: list[tuple[str, int | None, str | None]] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)  # (row number, reason)
    unreadable: list[int] = field(default_factory=list)  # rows holding a byte read as U+FFFD
    duplicates: int = 0
    inactive: int = 0
    by_value: Counter[str] = field(default_factory=Counter)  # desil or segment counts


def _table(path: Path) -> Iterator[list[str]]:
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(path, read_only=True, data_only=True).active
        except Exception as exc:  # openpyxl raises its own kinds for a file that is no workbook
            raise UnreadableList(f"{path.name} bukan berkas XLSX yang bisa dibaca") from exc
        if sheet is None:
            raise UnreadableList(f"{path.name} kosong")
        for row in sheet.iter_rows(values_only=True):
            yield ["" if c is None else str(c) for c in row]
        return
    # A byte the encoding has no letter for (0x81, 0x8D, 0x8F, 0x90, 0x9D in Windows-1252) is
    # read as U+FFFD, not a crash: the row's NIK and columns are checked as ever, and the
    # preview names the rows (issue 26).
    with path.open(newline="", encoding=text_encoding(path), errors="replace") as f:
        sample = f.read(4096)
        f.seek(0)
        try:
            dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, ",;\t")
        except csv.Error:
            dialect = csv.excel
        try:
            yield from csv.reader(f, dialect)
        except csv.Error as exc:
            raise UnreadableList(f"{path.name}: {exc}") from exc


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    clean = [h.strip().lower().replace(" ", "_") for h in header]
    return next((i for i, h in enumerate(clean) if h in names), None)


def _nik(cell: str) -> str | None:
    """A NIK as a spreadsheet gives it: spaces, a leading apostrophe (Excel's text mark) or
    a float's ".0" around 16 digits."""
    said = cell.strip().lstrip("'").replace(" ", "")
    if "e" in said.lower():
        return None  # 3.57701E+15: the spreadsheet already lost the last digits
    raw = said.removesuffix(".0").replace(".", "")
    # ASCII only: str.isdigit() takes "²" and "３", and a file's NIK is typed by no phone
    if len(raw) != 16 or not raw.isascii() or not raw.isdigit() or raw.startswith("0"):
        return None
    day, month = int(raw[6:8]), int(raw[8:10])
    if not (1 <= day <= 31 or 41 <= day <= 71) or not 1 <= month <= 12:
        return None
    return raw


def read_list(path: Path, kind: str, index: Callable[[str], str]) -> ParsedList:
    """Every row checked; the good ones as (blind index, desil, segment)."""
    assert kind in ("dtks", "bpjs")
    rows = _table(path)
    try:
        header = next(rows)
    except StopIteration:
        raise UnreadableList(f"{path.name} kosong") from None
    nik_col = _column(header, NIK_COLUMNS)
    if nik_col is None:
        raise UnreadableList(f"{path.name}: tidak ada kolom NIK (nama kolom: nik)")
    desil_col = _column(header, DESIL_COLUMNS)
    seg_col = _column(header, SEGMENT_COLUMNS)
    status_col = _column(header, STATUS_COLUMNS)
    if kind == "bpjs" and seg_col is None:
        raise UnreadableList(f"{path.name}: tidak ada kolom segmen (PU / BPU)")
    out = ParsedList(kind)
    seen: set[str] = set()
    for number, row in enumerate(rows, 2):
        if not any(c.strip() for c in row):
            continue
        if any(UNREADABLE in c for c in row):
            out.unreadable.append(number)
        cell = row[nik_col] if nik_col < len(row) else ""
        nik = _nik(cell)
        if nik is None:
            out.errors.append((number, "NIK bukan 16 angka yang sah"))
            continue
        desil: int | None = None
        segment: str | None = None
        if kind == "dtks" and desil_col is not None and desil_col < len(row):
            said = row[desil_col].strip().removesuffix(".0")
            if said:
                if not (said.isascii() and said.isdigit()) or not 1 <= int(said) <= 10:
                    out.errors.append((number, f"desil {said[:10]!r} bukan 1–10"))
                    continue
                desil = int(said)
        if kind == "bpjs":
            said = (
                row[seg_col].strip().lower() if seg_col is not None and seg_col < len(row) else ""
            )
            segment = SEGMENTS.get(" ".join(said.replace("-", " ").split()))
            if segment is None:
                out.errors.append((number, f"segmen {said[:20]!r} tidak dikenal (PU / BPU)"))
                continue
            status = (
                row[status_col].strip().lower()
                if status_col is not None and status_col < len(row)
                else ""
            )
            if status in INACTIVE:
                out.inactive += 1
                continue
            if status not in ACTIVE:
                out.errors.append(
                    (number, f"status {status[:20]!r} tidak dikenal (aktif / tidak aktif)")
                )
                continue
        key = index(nik)
        if key in seen:
            out.duplicates += 1
            continue
        seen.add(key)
        out.rows.append((key, desil, segment))
        value = desil if kind == "dtks" else segment
        out.by_value["-" if value is None else str(value)] += 1  # "-": the list gave no desil
    return out
