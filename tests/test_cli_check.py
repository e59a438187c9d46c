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
