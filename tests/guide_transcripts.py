"""Write the lurah guide's transcripts (docs/panduan-lurah.md, sections 1–5 of "Contoh
percakapan nyata") from the real bot: `python -m tests.guide_transcripts DATA_DIR`, then
paste. tests/test_guides.py checks every reply a guide quotes against the catalogue, so a
transcript that no longer matches what Siaga says fails CI until it is written again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.helpers import nik_for

ROOT = Path(__file__).resolve().parent.parent


def chat(data: Path, user: str, *lines: str) -> list[dict[str, Any]]:
    env = {**os.environ, "SIAGA_DATA_DIR": str(data)}
    r = subprocess.run([sys.executable, "-m", "bot", "chat", "--jsonl", "--user", user],
                       input="\n".join(lines) + "\n", capture_output=True, text=True, env=env,
                       cwd=ROOT, check=True)  # fmt: skip
    return [json.loads(x) for x in r.stdout.splitlines() if x.startswith("{")]


def admin(data: Path, *args: str) -> str:
    env = {**os.environ, "SIAGA_DATA_DIR": str(data)}
    return subprocess.run([sys.executable, "-m", "bot", "admin", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, check=True).stdout  # fmt: skip


def shown(user: str, line: str, out: list[dict[str, Any]]) -> str:
    md = [f"**{user}:** `{line}`", ""]
    for m in out:
        md.append("**Siaga:**")
        md += [f"> {x}" if x else ">" for x in str(m["text"]).split("\n")]
        if m["buttons"]:
            md += [">", "> " + " · ".join(f"[{i}] {b}" for i, b in enumerate(m["buttons"], 1))]
        md.append("")
    return "\n".join(md)


def transcript(data: Path) -> str:
    residents = [  # name, NIK, occupation, DTKS, school-age children, phone
        ("siti", "Siti Aminah", nik_for(40, female=True, serial=1), "pkl", "ya", "ya", "lewati"),
        ("dewi", "Dewi Lestari", nik_for(36, female=True, serial=4), "art", "ya", "tidak",
         "081234500004"),
        ("budi", "Budi Santoso", nik_for(47, serial=3), "ojol", "tidak tahu", "tidak", "lewati"),
    ]  # fmt: skip
    for user, name, nik, occ, dtks, heirs, phone in residents:
        chat(data, user, "1", "setuju", name, nik, "1", "1", "kelun", occ, "1", dtks, heirs,
             phone, "1", "1")  # fmt: skip
    admin(data, "quota", "--total", "628")
    code = admin(data, "invite", "--kelurahan", "Kelun").split(": ")[1].split()[0]
    spoken = f"{code[:4].lower()} {code[4:].lower()}"  # as read out over the phone
    sections = [
        ("1. Bergabung dengan kode undangan (boleh diketik dengan spasi)",
         [("pak-lurah", f"/lurah {spoken}")]),
        ("2. Membuka antrean dan menyetujui (Siaga bertanya dulu)",
         [("pak-lurah", "1"), ("pak-lurah", "1"), ("pak-lurah", "1")]),
        ("3. Meminta keterangan",
         [("pak-lurah", "3"), ("pak-lurah", "1"),
          ("pak-lurah", "Mohon bawa KK terbaru ke kantor kelurahan, Bu.")]),
        ("4. Warga menjawab (di HP warga)",
         [("dewi", "/jawab"), ("dewi", "Baik Pak, besok pagi saya antar.")]),
        ("5. Menolak dengan alasan (Siaga bertanya dulu)",
         [("pak-lurah", "/menu"), ("pak-lurah", "1"), ("pak-lurah", "2"), ("pak-lurah", "5"),
          ("pak-lurah", "1")]),
    ]  # fmt: skip
    md = []
    for title, steps in sections:
        md += [f"### {title}", ""]
        md += [shown(user, line, chat(data, user, line)) for user, line in steps]
    return "\n".join(md)


if __name__ == "__main__":
    sys.stdout.write(transcript(Path(sys.argv[1])))
