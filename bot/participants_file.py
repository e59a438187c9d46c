"""Reading the participant list (issue 29) from the Dinas's or BPJS's CSV or XLSX: the same
reader as the registry lists (bot.registry: encodings, Excel's NIK forms, bytes read as
U+FFFD), with the columns people have (domain.md §9.1: nik, nama, kelurahan, mulai, selesai and
where present hp, segmen, pekerjaan, kpj).

A clear NIK, phone or KPJ lives only in a row's `secret` in memory, until the store seals the
rows it writes; nothing here writes them anywhere. Every bad row is reported with its line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.registry import NIK_COLUMNS, UNREADABLE, UnreadableList, _column, _nik, _table
from domain.nik import mask_digits
from domain.participants import ListedRow, canonical, read_date, read_kpj, read_segment
from domain.phone import parse_phone
from domain.program import Program

NAME_COLUMNS = ("nama", "name", "nama_peserta", "nama_lengkap")
KEL_COLUMNS = ("kelurahan", "kel", "desa_kelurahan", "kelurahan_domisili")
START_COLUMNS = ("mulai", "tanggal_mulai", "tmt", "awal", "start")
END_COLUMNS = ("selesai", "tanggal_selesai", "akhir", "berakhir", "end")
HP_COLUMNS = ("hp", "no_hp", "nomor_hp", "telepon", "no_telepon", "phone")
SEGMENT_COLUMNS = ("segmen", "segment", "kepesertaan")
JOB_COLUMNS = ("pekerjaan", "jenis_pekerjaan", "occupation")
KPJ_COLUMNS = ("kpj", "no_kpj", "nomor_kpj", "nomor_peserta")
MAX_ROWS = 100_000  # the city has about 17,500: a file far beyond it is the wrong file
MAX_NAME = 100
MAX_JOB = 80


@dataclass
class ParsedParticipants:
    rows: list[ListedRow] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)
    notes: list[tuple[int, str]] = field(default_factory=list)  # kept, with a field dropped
    duplicates: list[int] = field(default_factory=list)  # lines repeating an earlier NIK
    unknown_kelurahan: Counter[str] = field(default_factory=Counter)  # as written
    unreadable: list[int] = field(default_factory=list)
    by_kelurahan: Counter[str] = field(default_factory=Counter)  # code → rows
    by_segment: Counter[str] = field(default_factory=Counter)


def _cell(row: list[str], col: int | None) -> str:
    return row[col].strip() if col is not None and col < len(row) else ""


def _clean(text: str, limit: int) -> str:
    """One line of printable text (a cell may hold a newline or a control character)."""
    if not text.isprintable():
        text = "".join(c for c in text if c.isprintable())
    return " ".join(text.split())[:limit]


def read_participants(
    path: Path, program: Program, index: Callable[[str], str]
) -> ParsedParticipants:
    rows = _table(path)
    try:
        header = next(rows)
    except StopIteration:
        raise UnreadableList(f"{path.name} kosong") from None
    col = {
        "nik": _column(header, NIK_COLUMNS), "nama": _column(header, NAME_COLUMNS),
        "kelurahan": _column(header, KEL_COLUMNS), "mulai": _column(header, START_COLUMNS),
        "selesai": _column(header, END_COLUMNS), "hp": _column(header, HP_COLUMNS),
        "segmen": _column(header, SEGMENT_COLUMNS), "pekerjaan": _column(header, JOB_COLUMNS),
        "kpj": _column(header, KPJ_COLUMNS),
    }  # fmt: skip
    missing = [n for n in ("nik", "nama", "kelurahan", "mulai", "selesai") if col[n] is None]
    if missing:
        raise UnreadableList(f"{path.name}: tidak ada kolom {', '.join(missing)}")
    out = ParsedParticipants()
    seen: set[str] = set()
    kel_of: dict[str, str | None] = {}
    for line, row in enumerate(rows, 2):
        if not any(c.strip() for c in row):
            continue
        if line > MAX_ROWS + 1:
            raise UnreadableList(f"{path.name}: lebih dari {MAX_ROWS} baris")
        if any(UNREADABLE in c for c in row):
            out.unreadable.append(line)
        nik = _nik(_cell(row, col["nik"]))
        if nik is None:
            out.errors.append((line, "NIK bukan 16 angka yang sah"))
            continue
        name = _clean(_cell(row, col["nama"]), MAX_NAME)
        if not name:
            out.errors.append((line, "nama kosong"))
            continue
        said_kel = _clean(_cell(row, col["kelurahan"]), 40)
        if said_kel not in kel_of:
            found = program.regions.kelurahan_named(said_kel) if said_kel else None
            kel_of[said_kel] = found.code if found else None
        kel = kel_of[said_kel]
        if kel is None:
            out.unknown_kelurahan[said_kel or "-"] += 1
            out.errors.append((line, f"kelurahan {said_kel[:30]!r} tidak dikenal"))
            continue
        start, end = read_date(_cell(row, col["mulai"])), read_date(_cell(row, col["selesai"]))
        if start is None or end is None:
            which = "mulai" if start is None else "selesai"
            out.errors.append((line, f"tanggal {which} tidak terbaca (YYYY-MM-DD atau DD-MM-YYYY)"))
            continue
        if end < start:
            out.errors.append((line, "tanggal selesai sebelum tanggal mulai"))
            continue
        segment = read_segment(_cell(row, col["segmen"]))
        if segment is None:
            said = _cell(row, col["segmen"])[:20]
            out.errors.append((line, f"segmen {said!r} tidak dikenal (PU / BPU)"))
            continue
        hp_said = _cell(row, col["hp"])
        hp = parse_phone(hp_said) if hp_said else None
        if hp_said and hp is None:
            out.notes.append((line, "nomor HP tidak terbaca: dilewati"))
        kpj = read_kpj(_cell(row, col["kpj"]))
        if kpj is None:
            out.notes.append((line, "KPJ tidak terbaca: dilewati"))
            kpj = ""
        key = index(nik)
        if key in seen:
            out.duplicates.append(line)
            continue
        seen.add(key)
        job = _clean(_cell(row, col["pekerjaan"]), MAX_JOB)
        secret = f"{nik};{hp or ''};{kpj}"
        whole = canonical(secret, name, kel, start, end, segment, job)
        out.rows.append(ListedRow(
            line, key, index(whole), secret, mask_digits(nik), name, kel,
            start, end, index(hp) if hp else None, segment, job,
        ))  # fmt: skip
        out.by_kelurahan[kel] += 1
        out.by_segment[segment or "-"] += 1
    return out
