"""Whole conversations through `siaga chat --jsonl`, as a citizen would have them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.helpers import chat, chat_env, last, nik_for, reference_in, texts

# consent, name, NIK, NIK ok, age ok
START = ("1", "setuju", "Budi Santoso")


def test_an_eligible_ojol_in_kelun_files_a_nomination(tmp_path: Path) -> None:
    nik = nik_for(41)
    out = chat(tmp_path, "budi", *START, nik, "benar", "1", "Kartoharjo", "Kelun",
               "narik grab", "belum", "ya", "ya", "lewati")  # fmt: skip
    summary = last(out)
    assert "Kelurahan Kelun, Kecamatan Kartoharjo" in summary["text"]
    assert "ojek online" in summary["text"]
    assert summary["buttons"][0].startswith("✅")
    out = chat(tmp_path, "budi", "1")
    assert "MEMENUHI SYARAT" in out[0]["text"]
    assert "📨 Ajukan usulan" in out[0]["buttons"]
    out = chat(tmp_path, "budi", "1")
    filed = out[0]["text"]
    assert "Nomor usulan: PJK-" in filed and "menunggu pemeriksaan lurah" in filed
    ref = filed.split("Nomor usulan: ")[1].split()[0]
    status = chat(tmp_path, "budi", "/status")
    assert ref in texts(status)
    assert nik not in texts(status)


def test_a_woman_pedagang_is_read_from_the_plus_forty_day(tmp_path: Path) -> None:
    nik = nik_for(38, female=True, district="357702")
    out = chat(tmp_path, "siti", "1", "setuju", "Siti Aminah", nik, "1")
    assert "umurnya 38 tahun" in last(out)["text"]
    out = chat(tmp_path, "siti", "1", "madiun lor", "bakul pecel", "1", "1", "2", "lewati", "1")
    verdict = last(out)["text"]
    assert "MEMENUHI SYARAT" in verdict
    assert "pedagang / PKL" in verdict


def test_a_66_year_old_is_stopped_early_with_the_reason(tmp_path: Path) -> None:
    out = chat(tmp_path, "mbah", *START, nik_for(66), "1", "1")
    text = last(out)["text"]
    assert "berhenti bertanya" in text
    assert "di atas batas 65 tahun" in text
    assert "Ajukan usulan" not in " ".join(last(out)["buttons"])
    assert "Info program" in last(out)["buttons"]


def test_a_kelurahan_typed_with_a_typo_is_found(tmp_path: Path) -> None:
    out = chat(tmp_path, "ani", *START, nik_for(30), "1", "1", "Sukosri")
    assert "Kelurahan Sukosari, Kecamatan Kartoharjo" in last(out)["text"]
    assert "pekerjaan" in last(out)["text"].lower()


def test_outside_the_city_is_explained_and_asked_again(tmp_path: Path) -> None:
    out = chat(tmp_path, "ani", *START, nik_for(30), "1", "1", "Jiwan")
    assert '"Jiwan" tidak kami temukan di Kota Madiun' in last(out)["text"]


def test_dont_know_on_dtks_needs_review_and_can_be_filed(tmp_path: Path) -> None:
    out = chat(tmp_path, "dodi", *START, nik_for(45), "1", "1", "Taman", "Kejuron",
               "tukang becak", "1", "gak tau", "tidak", "0812-3456-7890", "1")  # fmt: skip
    verdict = last(out)
    assert "PERLU DIPERIKSA" in verdict["text"]
    assert "cekbansos.kemensos.go.id" in verdict["text"]
    assert "📨 Ajukan usulan" in verdict["buttons"]


def test_the_same_nik_from_a_second_identity_is_told_the_existing_nomination(
    tmp_path: Path,
) -> None:
    nik = nik_for(50, district="357703")
    chat(
        tmp_path,
        "first",
        *START,
        nik,
        "1",
        "1",
        "Taman",
        "Pandean",
        "ojol",
        "1",
        "1",
        "1",
        "lewati",
    )
    filed = chat(tmp_path, "first", "1", "1")
    ref = reference_in([m["text"] for m in filed])
    out = chat(tmp_path, "second", "1", "setuju", "Orang Lain", nik, "1")
    text = last(out)["text"]
    assert "tidak bisa diusulkan lagi" in text and ref not in text  # issue 26


def test_hapus_withdraws_the_nomination_and_forgets_the_person(tmp_path: Path) -> None:
    nik = nik_for(33)
    chat(tmp_path, "rina", *START, nik, "1", "1", "kelun", "pedagang", "1", "1", "1", "lewati")
    filed = chat(tmp_path, "rina", "1", "1")
    ref = reference_in([m["text"] for m in filed])
    out = chat(tmp_path, "rina", "/hapus")
    assert ref in last(out)["text"] and "DIBATALKAN" in last(out)["text"]
    out = chat(tmp_path, "rina", "1")
    assert "sudah dihapus" in last(out)["text"]
    mine = chat(tmp_path, "rina", "/dataku")
    assert "belum diberikan" in mine[0]["text"]  # a fresh, empty account
    assert ref not in texts(mine)
    # the NIK is free again: the withdrawn nomination no longer blocks a new one
    again = chat(tmp_path, "rina", "1", "setuju", "Rina", nik, "1")
    assert "tidak bisa diusulkan lagi" not in texts(again)


def test_a_killed_process_resumes_at_the_same_question(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "chat", "--jsonl", "--user", "tono"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=tmp_path,
        env=chat_env(tmp_path),
    )  # fmt: skip
    assert proc.stdin is not None and proc.stdout is not None
    for line in (*START, nik_for(29), "1", "1", "Manguharjo"):
        proc.stdin.write(line + "\n")
        proc.stdin.flush()
        reply = json.loads(proc.stdout.readline())
    assert "Kelurahan mana di Kecamatan Manguharjo" in reply["text"]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    out = chat(tmp_path, "tono", "/bantuan")
    assert "Kelurahan mana di Kecamatan Manguharjo" in last(out)["text"]
    out = chat(tmp_path, "tono", "Winongo")
    assert "pekerjaan utama" in last(out)["text"]


def test_no_consent_means_no_personal_questions(tmp_path: Path) -> None:
    out = chat(tmp_path, "x", "1", "tidak setuju", "3577011708850001")
    assert "tidak menanyakan data pribadi" in out[1]["text"]
    assert "NIK" not in out[2]["text"]  # a NIK typed afterwards is not taken
    info = chat(tmp_path, "x", "3")
    assert "Rp16.800" in info[0]["text"]


def test_language_switch_is_remembered(tmp_path: Path) -> None:
    out = chat(tmp_path, "eka", "/bahasa", "3")
    assert "Basa Jawa" in last(out)["text"]
    out = chat(tmp_path, "eka", "halo")
    assert "Sugeng rawuh" in out[0]["text"]
    out = chat(tmp_path, "eka", "/bahasa", "English")
    assert "English" in out[-1]["text"]
    assert "Please choose" in chat(tmp_path, "eka", "/menu")[0]["text"]


def test_status_from_another_account_needs_the_reference_and_last_four(tmp_path: Path) -> None:
    nik = nik_for(37, serial=4321)
    chat(tmp_path, "owner", *START, nik, "1", "1", "kelun", "ojol", "1", "1", "1", "lewati")
    filed = chat(tmp_path, "owner", "1", "1")
    ref = reference_in([m["text"] for m in filed])
    wrong = chat(tmp_path, "other", "/status", ref.lower(), "9999")
    assert "tidak cocok" in last(wrong)["text"]
    right = chat(tmp_path, "other", ref, "4321")
    assert ref in last(right)["text"] and "menunggu pemeriksaan lurah" in last(right)["text"]
    # a different database named with --db is a different world
    other_db = f"sqlite+aiosqlite:///{tmp_path / 'elsewhere.db'}"
    out = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--jsonl", "--user", "owner", "--db", other_db],
        input="/status\n", capture_output=True, text=True, env=chat_env(tmp_path), cwd=tmp_path,
        timeout=120,
    )  # fmt: skip
    assert (
        ref not in out.stdout and "PJK-7K3Q9" in out.stdout
    )  # no nominations there: asked for one
