"""The whole story through the console: a citizen files, the lurah approves, an admin exports
and marks the list registered, and the citizen sees the coverage dates."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

from tests.helpers import chat, chat_env, last, nik_for, reference_in, texts


def admin(tmp: Path, *args: str) -> str:
    r = subprocess.run([sys.executable, "-m", "bot", "admin", *args], capture_output=True,
                       text=True, env=chat_env(tmp), cwd=tmp, timeout=120)  # fmt: skip
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_from_filing_to_coverage(tmp_path: Path) -> None:
    nik = nik_for(40)
    out = chat(tmp_path, "siti", "halo", "1", "setuju", "Siti Aminah", nik, "1", "1", "kelun",
               "bakul pecel", "1", "ya", "ya", "lewati", "1", "1")  # fmt: skip
    ref = reference_in([m["text"] for m in out])
    admin(tmp_path, "quota", "--total", "628")
    code = admin(tmp_path, "invite", "--kelurahan", "Kelun").split(": ")[1].split()[0]
    out = chat(tmp_path, "pak-lurah", f"/lurah {code}", "/antrian")
    card = last(out)["text"]
    assert ref in card and "Siti Aminah" in card and "3577 01•• •••• " + nik[12:] in card
    assert nik not in texts(out)
    out = chat(tmp_path, "pak-lurah", "1")  # ✅ Setujui: asks first, decides nothing yet
    assert "Setujui usulan " + ref in out[0]["text"] and "sisa sekarang: 628" in out[0]["text"]
    out = chat(tmp_path, "pak-lurah", "1")  # ✅ Ya, setujui
    assert (
        "disetujui oleh pak-lurah (Petugas Kelurahan Kelun). Sisa kuota kota: 627" in out[0]["text"]
    )
    told = chat(tmp_path, "siti", "/status")
    assert "DISETUJUI" in told[0]["text"]  # the outbox message, delivered on her next visit
    xlsx, csv_path = tmp_path / "setuju.xlsx", tmp_path / "setuju.csv"
    admin(tmp_path, "export", "--out", str(xlsx))
    admin(tmp_path, "export", "--out", str(csv_path), "--kelurahan", "Kelun")
    assert xlsx.stat().st_size > 1000
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8")))
    assert rows[0]["nik"] == nik and rows[0]["nomor_usulan"] == ref  # in clear only here
    assert rows[0]["iuran_bulanan"] == "16800"
    summary = admin(tmp_path, "register", "--file", str(csv_path), "--start", "2026-12-01")
    assert "Terdaftar: 1" in summary
    status = chat(tmp_path, "siti", "/status")
    assert "01-12-2026 s.d. 30-11-2027" in texts(status)
    log = admin(tmp_path, "audit", "--nomination", ref)
    for action in ("nomination.filed", "nomination.approved", "nomination.registered"):
        assert action in log
    exports = admin(tmp_path, "audit")
    assert exports.count("export.approved") == 2
