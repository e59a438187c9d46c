"""What understanding a typed message costs: every message of the labelled corpus
(tests/cases/understanding.yaml) through the intent and FAQ matcher and the button-label
matcher, with the caches cleared before each round so each message is read as if new.

    python bench/understanding.py [--rounds 5]

Reports the median cost per message over the rounds (target < 1 ms, no model, no download).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.program_loader import default_program_path, load_program  # noqa: E402
from domain import understand as u  # noqa: E402
from domain.text import normalise  # noqa: E402

LABELS = ["✅ Benar, lanjut", "Ubah nama", "Ubah NIK", "Ubah umur", "Ubah kelurahan",
          "Ubah pekerjaan", "Ubah BPJS", "Ubah DTKS/DTSEN", "Ubah anak sekolah", "Ubah nomor HP"]  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    program = load_program(default_program_path())
    faq = u.faq_phrases(program.faq)
    corpus = yaml.safe_load((ROOT / "tests/cases/understanding.yaml").read_text(encoding="utf-8"))
    texts = [str(t) for g in corpus for lang in ("id", "jv", "en") for t in g.get(lang) or []]
    per_message = []
    for _ in range(args.rounds):
        for cached in (u._understand, u._known, u._like, u._forms, u._label_key, normalise):
            cached.cache_clear()
        started = time.perf_counter()
        for text in texts:
            u.understand(text, faq)
            u.match_label(text, LABELS)
        per_message.append((time.perf_counter() - started) / len(texts) * 1e6)
    print(f"{len(texts)} messages, {args.rounds} rounds, caches cleared before each")
    print("per round (µs/message): " + ", ".join(f"{x:.0f}" for x in per_message))
    print(f"median: {statistics.median(per_message):.0f} µs per message (target < 1000)")


if __name__ == "__main__":
    main()
