"""Registry checks (issue 20): the Dinas Sosial's DTKS/DTSEN list and BPJS TK's list of active
members, imported from CSV or XLSX with a preview and row errors, kept as keyed blind indexes
only; the lurah's card then shows what the list says, with its date: a contradiction and an
active BPJS membership. The citizen's verdict reads their own answers only (issue 26)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.app import App
from handlers.core.records import Role
from tests.harness import Person
from tests.helpers import chat_env, nik_for
from tests.test_review import KELUN, make

LISTED, ANSWERED_YES, WAGE_EARNER, SELF_PAID = (nik_for(40, serial=s) for s in (11, 12, 13, 14))


def admin(data: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", "admin", *args], capture_output=True,
                          text=True, env=chat_env(data), cwd=data, timeout=120, input=stdin)  # fmt: skip


async def check(
    siaga: App, who: str, nik: str, bpjs: str = "1", dtks: str = "ya", kelurahan: str = "kelun"
) -> Person:
    """A citizen's check up to the verdict (or to where it stops)."""
    p = Person(siaga, who)
    for line in ["1", "setuju", "Warga Uji", nik, "1", "1", kelurahan, "ojol", bpjs, dtks, "ya",
                 "lewati", "1"]:  # fmt: skip
        await p.say(line)
        if "Alasannya" in p.text:
            break
    return p


@pytest.fixture
def lists(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    (tmp_path / "dtks.csv").write_text(
        "NIK;Nama;Desil\n"
        f"{LISTED};Warga Uji;3\n"
        "12345;Salah;2\n"  # not a NIK
        f"{nik_for(50, serial=21)};Warga Dua;12\n"  # desil out of range
        f"{LISTED};Warga Uji;3\n"  # the same NIK twice
        f"'{nik_for(30, serial=22)};Warga Tiga;\n"  # Excel's text mark; no desil
        "3.57701E+15;Warga Empat;1\n"  # a spreadsheet that lost the digits
        "\n",
        encoding="utf-8",
    )  # fmt: skip
    (tmp_path / "bpjs.csv").write_text(
        "nik,segmen,status\n"
        f"{WAGE_EARNER},PU,Aktif\n"
        f"{SELF_PAID},BPU Mandiri,aktif\n"
        f"{nik_for(45, serial=31)},PU,Tidak Aktif\n"
        f"{nik_for(45, serial=32)},Pensiunan,aktif\n",
        encoding="utf-8",
    )  # fmt: skip
    return data


def test_an_import_previews_row_errors_and_keeps_no_clear_nik(lists: Path) -> None:
    data, csv_file = lists, lists.parent / "dtks.csv"
    r = admin(data, "import-dtks", str(csv_file), "--tanggal", "2026-11-01", stdin="n\n")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "2 baris sah, 3 baris salah, 1 NIK ganda" in out
    assert "Per desil: -: 1, 3: 1" in out  # a row without a desil is counted as such
    assert "baris 7: NIK bukan 16 angka" in out
    assert "baris 3: NIK bukan 16 angka" in out and "baris 4: desil '12' bukan 1–10" in out
    assert "Dibatalkan" in out  # "n": nothing kept
    r = admin(data, "import-dtks", str(csv_file), "--tanggal", "2026-11-01", "--yes")
    assert "Tersimpan: 2 NIK" in r.stdout, r.stderr
    if not os.environ.get("SIAGA_DATABASE_URL"):  # the SQLite file itself
        stored = b"".join(p.read_bytes() for p in data.glob("siaga.db*"))
        assert stored and LISTED.encode() not in stored and b"Warga Uji" not in stored
    junk = lists.parent / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not a workbook")
    r = admin(data, "import-dtks", str(junk), "--tanggal", "2026-11-01", "--yes")
    assert r.returncode == 2 and "XLSX" in r.stderr
    nocol = lists.parent / "nocol.csv"
    nocol.write_text("nama,desil\nWarga,3\n", encoding="utf-8")
    r = admin(data, "import-dtks", str(nocol), "--tanggal", "2026-11-01", "--yes")
    assert r.returncode == 2 and "kolom NIK" in r.stderr


async def test_the_verdict_reads_the_lists_and_the_lurah_sees_contradictions(
    lists: Path, tmp_path: Path
) -> None:
    from bot.app import build
    from bot.config import Settings

    for kind in ("dtks", "bpjs"):
        r = admin(lists, f"import-{kind}", str(tmp_path / f"{kind}.csv"), "--tanggal",
                  "2026-11-01", "--yes")  # fmt: skip
        assert r.returncode == 0, r.stderr
    assert "1 tidak aktif (diabaikan)" in r.stdout and "segmen 'pensiunan'" in r.stdout
    siaga = await build(Settings(data_dir=lists))
    try:
        await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
        await make(siaga, "lurah-taman", Role.LURAH, "35.77.03.1007")  # Josenan
        # the citizen is told what their own answers give, never what a list says of the
        # NIK they typed (issue 26: anyone may type anyone's NIK)
        said = (await check(siaga, "listed", LISTED, dtks="tidak tahu")).text
        assert "Status DTKS/DTSEN belum diketahui" in said and "data Dinas Sosial" not in said
        contradicts = await check(siaga, "claims-yes", ANSWERED_YES, dtks="ya")
        said = contradicts.text
        assert "Terdaftar di DTKS/DTSEN (menurut jawaban Bapak/Ibu" in said
        assert "tidak ada di data" not in said
        said = (await check(siaga, "pu", WAGE_EARNER, bpjs="1")).text  # answered "not a member"
        assert "MEMENUHI SYARAT" in said and "data BPJS" not in said
        self_paid = await check(siaga, "bpu", SELF_PAID, bpjs="1", kelurahan="josenan")
        assert "aktif membayar sendiri" not in self_paid.text
        for citizen in (contradicts, self_paid):
            await citizen.press("📨 Ajukan usulan")
            assert "Nomor usulan" in citizen.text
        lurah = Person(siaga, "lurah-kelun")
        await lurah.say("/antrian")
        assert "bertentangan dengan data Dinas Sosial" in lurah.text
        assert "Data Dinas Sosial per 01-11-2026: tidak terdaftar DTKS/DTSEN" in lurah.text
        taman = Person(siaga, "lurah-taman")
        await taman.say("/antrian")
        assert (
            "Data BPJS TK per 01-11-2026: aktif, bukan penerima upah (bayar sendiri)" in taman.text
        )
    finally:
        await siaga.close()
