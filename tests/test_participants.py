"""The participant list (issue 29 item 1): `siaga admin import-participants` previews a file
(good rows, bad rows with line and reason, duplicates, unknown kelurahan, counts per kelurahan
and segment), applies it on yes, and a monthly re-import reports who was added, changed and
ended. NIK, phone and KPJ are never at rest in clear."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.participants_list import HEADER, list_rows, write_list
from tests.helpers import nik_for
from tests.test_registry import admin

ANI, BUDI, CITRA, DEWI = (nik_for(40, serial=s) for s in (101, 102, 103, 104))


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text(HEADER + "".join(line + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def _clear_at_rest(data: Path, *needles: str) -> list[str]:
    stored = b"".join(p.read_bytes() for p in data.glob("siaga.db*"))
    assert stored
    return [n for n in needles if n.encode() in stored]


def test_a_list_is_previewed_then_applied_and_nothing_identifying_is_kept_in_clear(
    data: Path,
) -> None:
    listing = _write(data.parent / "peserta.csv", [
        f"{ANI},Ani Lestari,Kelun,2026-01-15,14-01-2027,0812-3456-7001,BPU,ojol,26012345678",
        f"{BUDI},Budi Santoso,kartoharjo,01/03/2026,28/02/2027,,PU,RT/RW,",
        f"{ANI},Ani Lestari,Kelun,2026-01-15,14-01-2027,081234567001,BPU,ojol,26012345678",
        f"{CITRA},Citra,Kelurahan Entah,2026-01-01,2026-12-31,,BPU,,",
        "3577011234,Salah NIK,Kelun,2026-01-01,2026-12-31,,BPU,,",
        f"{DEWI},Dewi,Taman,2026-05-01,2026-04-01,,BPU,,",
        f"{nik_for(33, serial=105)},Eko,Taman,2026-05-01,2027-04-30,12345,Mandiri,,",
        f"{nik_for(33, serial=106)},Fajar,Josenan,kemarin,2027-04-30,,BPU,,",
        f"{nik_for(33, serial=107)},Gita,Josenan,2026-02-01,2027-01-31,99,BPU,,ABC",
    ])  # fmt: skip
    r = admin(data, "import-participants", str(listing), stdin="n\n")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "3 baris sah, 5 baris salah, 1 NIK ganda, 1 kelurahan tak dikenal" in out
    assert "Per kelurahan: Josenan: 1, Kartoharjo: 1, Kelun: 1" in out
    assert "Per segmen: BPU: 2, PU: 1" in out
    assert "baris 5: kelurahan 'Kelurahan Entah' tidak dikenal" in out
    assert "baris 6: NIK bukan 16 angka" in out
    assert "baris 7: tanggal selesai sebelum tanggal mulai" in out
    assert "baris 8: segmen 'Mandiri' tidak dikenal" in out
    assert "baris 9: tanggal mulai tidak terbaca" in out
    assert "NIK ganda (baris pertama dipakai): baris 4" in out
    assert "baris 10: nomor HP tidak terbaca" in out and "baris 10: KPJ tidak terbaca" in out
    assert "Perubahan: 3 baru, 0 berubah, 0 berakhir" in out
    assert "Ani Lestari (3577 01•• •••• 0101)" in out and ANI not in out
    assert "Dibatalkan" in out
    r = admin(data, "import-participants", str(listing), "--yes")
    assert "Tersimpan: 3 baru, 0 berubah, 0 berakhir" in r.stdout, r.stderr
    if not os.environ.get("SIAGA_DATABASE_URL"):  # the SQLite file itself
        assert _clear_at_rest(data, ANI, BUDI, "81234567001", "26012345678") == []
    # the same file again: nothing to do
    r = admin(data, "import-participants", str(listing), "--yes")
    assert "3 sama" in r.stdout and "Tidak ada yang berubah" in r.stdout, r.stderr


def test_a_monthly_reimport_reports_who_was_added_changed_and_ended(data: Path) -> None:
    first = _write(data.parent / "november.csv", [
        f"{ANI},Ani Lestari,Kelun,2026-01-15,2027-01-14,081234567001,BPU,ojol,",
        f"{BUDI},Budi Santoso,Kartoharjo,2026-03-01,2027-02-28,,PU,RT/RW,",
        f"{CITRA},Citra Dewi,Taman,2026-01-01,2026-12-31,,BPU,,",
    ])  # fmt: skip
    assert admin(data, "import-participants", str(first), "--yes").returncode == 0
    second = _write(data.parent / "desember.csv", [
        f"{ANI},Ani Lestari,Kelun,2026-01-15,2027-01-14,081234567009,BPU,ojol,",  # new phone
        f"{BUDI},Budi Santoso,Kartoharjo,2026-03-01,2027-02-28,,PU,RT/RW,",
        f"{DEWI},Dewi Sartika,Josenan,2026-12-01,2027-11-30,,BPU,,",
    ])  # fmt: skip
    r = admin(data, "import-participants", str(second), "--yes")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "Perubahan: 1 baru, 1 berubah, 1 berakhir (tak lagi di daftar), 1 sama" in out
    assert "Baru: Dewi Sartika (3577 01•• •••• 0104)" in out
    assert "Berubah: Ani Lestari (3577 01•• •••• 0101)" in out
    assert "Berakhir: Citra Dewi (3577 01•• •••• 0103)" in out
    # Citra back on the list in January: added again, not a duplicate
    third = _write(data.parent / "januari.csv", [
        f"{ANI},Ani Lestari,Kelun,2026-01-15,2027-01-14,081234567009,BPU,ojol,",
        f"{BUDI},Budi Santoso,Kartoharjo,2026-03-01,2027-02-28,,PU,RT/RW,",
        f"{DEWI},Dewi Sartika,Josenan,2026-12-01,2027-11-30,,BPU,,",
        f"{CITRA},Citra Dewi,Taman,2027-01-01,2027-12-31,,BPU,,",
    ])  # fmt: skip
    r = admin(data, "import-participants", str(third), "--yes")
    assert "Tersimpan: 1 baru, 0 berubah, 0 berakhir" in r.stdout, r.stderr


def test_a_file_that_is_no_participant_list_changes_nothing(data: Path) -> None:
    nocol = data.parent / "nocol.csv"
    nocol.write_text("nik,nama\n3577010101900001,Warga\n", encoding="utf-8")
    r = admin(data, "import-participants", str(nocol), "--yes")
    assert r.returncode == 2 and "tidak ada kolom kelurahan, mulai, selesai" in r.stderr
    junk = data.parent / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not a workbook")
    r = admin(data, "import-participants", str(junk), "--yes")
    assert r.returncode == 2 and "XLSX" in r.stderr
    r = admin(data, "import-participants", str(data.parent / "none.csv"), "--yes")
    assert r.returncode == 2 and "tidak ditemukan" in r.stderr


def test_an_xlsx_list_with_date_cells_and_numeric_niks_reads_and_a_formula_is_no_name(
    data: Path,
) -> None:
    from datetime import date

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["NIK", "Nama", "Kelurahan", "Mulai", "Selesai", "HP", "Segmen"])
    ws.append([int(ANI), "Ani", "Kelun", date(2026, 1, 15), date(2027, 1, 14), "081234567001",
               "Bukan Penerima Upah"])  # fmt: skip
    ws.append([f"'{BUDI}", '=HYPERLINK("x")', "Taman", "2026-03-01", "2027-02-28", None, "PU"])
    path = data.parent / "peserta.xlsx"
    wb.save(path)
    r = admin(data, "import-participants", str(path), "--yes")
    # a formula is no name: openpyxl reads its cached value, none, and the row says so
    assert "baris 3: nama kosong" in r.stdout, r.stdout + r.stderr
    assert "Tersimpan: 1 baru" in r.stdout and "Per segmen: BPU: 1" in r.stdout


def test_the_program_size_list_of_17500_rows_imports(data: Path) -> None:
    listing = data.parent / "peserta.csv"
    write_list(listing, list_rows(17_500))
    r = admin(data, "import-participants", str(listing), "--yes")
    assert r.returncode == 0, r.stderr
    assert "17.500 baris sah, 0 baris salah" in r.stdout  # numbers as Indonesian writes them
    assert "Tersimpan: 17.500 baru, 0 berubah, 0 berakhir" in r.stdout
