"""The reader a worker serves with: two quantized fastText models (what a message asks for,
and which language it is in) read through fasttext-predict, which needs no numpy (issue 27:
+16 MB of RSS otherwise), calibrated with the temperatures in the manifest."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from domain.reading import Reading, Thresholds, calibrate, features

DATA = Path(__file__).parent / "built"
MANIFEST = "manifest.json"
_PREFIX = "__label__"


class _Model:
    def __init__(self, path: Path, temperature: float) -> None:
        import fasttext  # loaded with the model, in the composition root, not at import

        self.model = fasttext.load_model(str(path))
        self.temperature = temperature

    def read(self, line: str) -> tuple[tuple[str, float], ...]:
        labels, probs = self.model.predict(line, k=-1)
        raw = [(lab[len(_PREFIX) :], float(p)) for lab, p in zip(labels, probs, strict=True)]
        return calibrate(raw, self.temperature)


class FastTextReader:
    """handlers.core.reader.Reader, over the model files of one folder."""

    def __init__(self, folder: Path = DATA) -> None:
        self.manifest: dict[str, Any] = json.loads((folder / MANIFEST).read_text("utf-8"))
        m = self.manifest
        self._intent = _Model(folder / m["intent"]["file"], m["intent"]["temperature"])
        self._lang = _Model(folder / m["language"]["file"], m["language"]["temperature"])
        self.thresholds = Thresholds(m["thresholds"]["act"], m["thresholds"]["ask"])
        self.language_at: float = m["thresholds"]["language"]
        self.read = lru_cache(maxsize=1024)(self._read)  # a message is read once per update

    def _read(self, text: str, place: str = "") -> Reading:
        return Reading(self._intent.read(features(text, place)))

    def language(self, text: str) -> tuple[str, float]:
        ranked = self._lang.read(features(text))
        return ranked[0] if ranked else ("id", 0.0)


def load_reader(folder: Path = DATA) -> FastTextReader:
    return FastTextReader(folder)
