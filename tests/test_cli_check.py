"""`siaga check` as people and scripts use it: a real subprocess, real files."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

NIK = "3577014708850001"  # synthetic


def siaga(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], capture_output=True, text=True, cwd=cwd, timeout=60
    )


def test_json_has_the_verdict_and_never_the_nik_in_clear() -> None:
    r = siaga("check", "--nik", NIK, "--occupation", "narik grab", "--kelurahan", "oro2 ombo",
              "--dtks", "gak tau", "--on", "2026-11-22", "--json")  # fmt: skip
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["verdict"] == "needs_review"
    assert {"code": "registry.unknown", "status": "unknown"}.items() <= data["reasons"][4].items()
    assert data["nik"] == {
        "masked": "3577 01•• •••• 0001", "sex": "P", "birth_date": "1985-08-07",
        "region": "35.77.01",
    }  # fmt: skip
    assert data["kelurahan"] == {"code": "35.77.01.1001", "name": "Oro-oro Ombo"}
    assert data["occupation"]["category"] == "OJOL"
    assert NIK not in r.stdout


def test_plain_output_is_indonesian() -> None:
    r = siaga("check", "--nik", NIK, "--occupation", "bakul pecel", "--kelurahan", "Kelun",
              "--dtks", "tidak", "--on", "2026-11-22")  # fmt: skip
    assert r.returncode == 0
    assert "Belum memenuhi syarat" in r.stdout
    assert "Usul Sanggah" in r.stdout
    assert NIK not in r.stdout


def test_bad_input_is_a_clear_message_and_a_nonzero_exit() -> None:
    cases = [
        (["--nik", "12345", "--occupation", "ojol", "--kelurahan", "Kelun", "--dtks", "ya"], "16 digit"),
        (["--nik", NIK, "--occupation", "ojol", "--kelurahan", "Kelun", "--dtks", "kadang-kadang"], "dtks"),
        (["--nik", NIK, "--occupation", "ojol", "--kelurahan", "Jiwan", "--dtks", "ya"], "Jiwan"),
        (["--nik", NIK, "--occupation", "ojol", "--kelurahan", "Kelun", "--dtks", "ya", "--on", "kemarin"], "kemarin"),
        (["--csv", "/nonexistent.csv", "--out", "/tmp/x.csv"], "tidak ditemukan"),
    ]  # fmt: skip
    for args, expected in cases:
        r = siaga("check", *args)
        assert r.returncode != 0, args
        assert expected in r.stderr, (args, r.stderr)
        assert "Traceback" not in r.stderr


def test_csv_screening_keeps_going_past_bad_rows(tmp_path: Path) -> None:
    src, dst = tmp_path / "warga.csv", tmp_path / "hasil.csv"
    src.write_text(
        "nik,age,occupation,kelurahan,dtks,heirs\n"
        f"{NIK},41,bakul pecel,Kelun,ya,ya\n"
        "3577011708,40,ojol,Kelun,ya,tidak\n"
        "3577011708850001,,ibu rumah tangga,madiunlor,ya,\n"
        "3577011708850003,,ojol,Nambangan Utara,tidak tahu,\n",
        encoding="utf-8",
    )
    r = siaga("check", "--csv", str(src), "--out", str(dst), "--on", "2026-11-22")
    assert r.returncode == 0, r.stderr
    assert "Baris 3" in r.stderr  # the malformed row, with its line number
    rows = list(csv.DictReader(dst.open(encoding="utf-8")))
    assert [row["verdict"] for row in rows] == [
        "likely_eligible",
        "",
        "not_eligible",
        "needs_review",
    ]
    assert rows[0]["priority"] == "3"
    assert "16 digit" in rows[1]["error"]
    assert rows[2]["nik"] == "3577 01•• •••• 0001"
    assert NIK not in dst.read_text(encoding="utf-8")
    assert "3577011708" not in dst.read_text(encoding="utf-8")


# --- issue "Trust defects" item 8: lists as they come from an office's spreadsheet ----------

GOOD = "3577014708850001,41,pedagang café,Kelun,ya,ya\n"


def _screen(
    tmp_path: Path, data: bytes
) -> tuple[subprocess.CompletedProcess[str], list[dict[str, str]]]:
    src, dst = tmp_path / "warga.csv", tmp_path / "hasil.csv"
    src.write_bytes(data)
    r = siaga("check", "--csv", str(src), "--out", str(dst), "--on", "2026-11-22")
    assert "Traceback" not in r.stderr, r.stderr
    rows = list(csv.DictReader(dst.open(encoding="utf-8"))) if dst.exists() else []
    return r, rows


def test_latin1_and_utf16_files_are_read(tmp_path: Path) -> None:
    text = "nik,age,occupation,kelurahan,dtks,heirs\n" + GOOD + GOOD.replace("0001", "0002")
    r, rows = _screen(tmp_path, text.encode("cp1252"))
    assert r.returncode == 0 and "Windows-1252" in r.stderr
    assert [row["verdict"] for row in rows] == ["likely_eligible"] * 2
    r, rows = _screen(tmp_path, text.encode("utf-16"))  # with its byte-order mark
    assert r.returncode == 0 and "UTF-16" in r.stderr
    assert [row["verdict"] for row in rows] == ["likely_eligible"] * 2


def test_an_unclosed_quote_a_huge_cell_and_odd_ages_cost_only_their_own_rows(
    tmp_path: Path,
) -> None:
    lines = [
        "nik,age,occupation,kelurahan,dtks,heirs\n",
        GOOD,
        '3577014708850002,41,"pedagang,Kelun,ya,ya\n',  # the quote is never closed
        GOOD.replace("0001", "0003"),
        GOOD.replace("0001", "0004"),
        GOOD.replace("0001", "0005"),
        "3577014708850006,41," + "x" * 1_000_000 + ",Kelun,ya,ya\n",
        GOOD.replace("0001", "0007").replace(",41,", ",4²,"),
        GOOD.replace("0001", "0008").replace(",41,", ",1e9,"),
        GOOD.replace("0001", "0009"),
    ]
    r, rows = _screen(tmp_path, "".join(lines).encode())
    assert r.returncode == 0, r.stderr
    assert "Baris 3:" in r.stderr and "tidak ditutup" in r.stderr
    assert "Baris 7:" in r.stderr and "Baris 9:" in r.stderr
    assert "9 baris dibaca, 9 baris ditulis" in r.stderr  # nothing vanished
    by_line = {row["line"]: row for row in rows}
    assert sorted(by_line, key=int) == [str(n) for n in range(2, 11)]
    for n in ("2", "4", "5", "6", "10"):
        assert by_line[n]["verdict"] == "likely_eligible", by_line[n]
    assert by_line["3"]["verdict"] == "" and "tidak ditutup" in by_line["3"]["error"]
    assert by_line["7"]["verdict"] == "" and "terlalu panjang" in by_line["7"]["error"]
    assert by_line["8"]["verdict"] == "needs_review"  # "4²" read as 42, the NIK says 41
    assert by_line["9"]["verdict"] == "" and "1e9" in by_line["9"]["error"]


def test_a_file_that_cannot_be_screened_leaves_no_output(tmp_path: Path) -> None:
    r, _ = _screen(tmp_path, b"nama,umur\nAni,40\n")
    assert r.returncode != 0 and "Kolom wajib" in r.stderr
    assert not (tmp_path / "hasil.csv").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_the_screening_tool_opens_no_database(tmp_path: Path) -> None:
    """A guard (DESIGN rule 8): `siaga check` screens the answers it is given and reads no
    registry list, so a CSV of NIKs is no way to query the lists. It opens no database at
    all: pointed at one that cannot be reached and a data folder that does not exist, it
    screens as ever and creates nothing."""
    from tests.helpers import chat_env

    nowhere = tmp_path / "nowhere"
    env = chat_env(nowhere, SIAGA_DATABASE_URL="postgresql+asyncpg://nobody@127.0.0.1:9/none")
    r = subprocess.run(
        [sys.executable, "-m", "bot", "check", "--nik", NIK, "--occupation", "ojol",
         "--kelurahan", "Kelun", "--dtks", "tidak-tahu", "--on", "2026-12-10"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60,
    )  # fmt: skip
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert "3577 01•• •••• 0001" in r.stdout
    assert not nowhere.exists()
