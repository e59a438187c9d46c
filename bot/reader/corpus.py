"""The corpus (tests/cases/corpus/*.yaml): groups of messages as residents type them, each
group with where it was typed (`at`), what it means (`means`) and its texts per language."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

LANGS = ("id", "jv", "en", "mix")
# The placeholder for a generated test NIK; the reader sees any 16 digits as <nik>.
SAMPLE_NIK = "3577014708850001"


@dataclass(frozen=True)
class Example:
    at: str
    means: str
    lang: str
    text: str
    source: str  # the file it came from


def files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


def examples(source: Path) -> Iterator[Example]:
    """Every message of a corpus folder (or of one file), in file and group order."""
    for path in files(source) if source.is_dir() else [source]:
        for group in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            for lang in LANGS:
                for text in group.get(lang) or []:
                    yield Example(group["at"], str(group["means"]), lang, str(text), path.name)


def corpus_hash(folder: Path) -> str:
    """What the model was built from: every corpus file's name and bytes."""
    digest = hashlib.sha256()
    for path in files(folder):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
