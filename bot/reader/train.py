"""Build the reader from the corpus (issue 27): `siaga admin corpus train`.

Reproducible: fixed hyper-parameters (params.json), a fixed seed, one thread, the corpus read in
file and group order; the same corpus gives the same models and the same predictions (a test
retrains and compares). Steps:

1. 5-fold cross-validation (folds stratified by label, assigned by a hash of each message):
   each fold's model is trained and quantized exactly as the served one, and predicts the
   messages it did not see (cached in .train/cache/ per corpus, parameters and code). Each
   message is read with the place it was typed in (domain.reading.features).
2. Calibration: one temperature per model, fitted on those held-out predictions (minimum
   negative log-likelihood), stored in the manifest.
3. Thresholds from the same predictions (params.json names the rule's targets): `act` is the
   confidence at which the most readings are decided right (`decided_right`; not below
   `act_floor`); `ask` the lowest at which, between it and `act`, the right meaning was one of
   the two offered at least `ask_top2` of the time; `language` the lowest at which a reply
   switched away from Indonesian was right at least `language_precision` of the time.
4. The served models, trained on the whole corpus and quantized, with the manifest: the
   corpus's hash (a test fails when the corpus changed and the model was not rebuilt), the
   figures above, and a digest of the served models' predictions over the corpus.

Needs fasttext-wheel and numpy (<2: its predict uses copy=False), which ship a module named
`fasttext` like fasttext-predict's: they live in their own folder (.train/), put first on the
path of the process that runs this module, never in a worker.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.reader.corpus import SAMPLE_NIK, corpus_hash, examples
from domain.reading import LABELS, calibrate, features, fit_temperature, label_of, place_of

HERE = Path(__file__).parent
PARAMS = HERE / "params.json"
DATA = HERE / "built"
CACHE = HERE.parent.parent / ".train" / "cache"  # cross-validations, beside the trainer
LANGUAGES = ("id", "jv", "en")
Raw = list[tuple[str, float]]
Row = tuple[str, str, str]  # label, text, place (domain.reading.place_of)


def _trainer() -> Any:
    import fasttext

    if not hasattr(fasttext, "train_supervised"):
        raise SystemExit(
            "fasttext here is fasttext-predict (serving only). Install the trainer beside the "
            "project: python -m pip install --target .train -r bot/reader/train-requirements.txt"
        )
    return fasttext


def _line(text: str, place: str) -> str:
    return features(text.replace("{nik}", SAMPLE_NIK), place)


def _fit(lines: Sequence[Row], spec: dict[str, Any], seed: int, folder: Path) -> Any:
    """A quantized model from (label, text, place) rows, trained and quantized as served."""
    fasttext = _trainer()
    path = folder / "train.txt"
    path.write_text(
        "".join(f"__label__{label} {_line(text, place)}\n" for label, text, place in lines),
        encoding="utf-8",
    )
    model = fasttext.train_supervised(
        input=str(path), seed=seed, thread=1, verbose=0, **spec["train"]
    )
    q = dict(spec["quantize"])
    if q.get("retrain"):
        q["input"] = str(path)
    model.quantize(**q)
    return model


def _predict(model: Any, rows: Sequence[Row]) -> list[Raw]:
    labels, probs = model.predict([_line(text, place) for _, text, place in rows], k=-1)
    return [
        [(lab[len("__label__") :], float(p)) for lab, p in zip(ls, ps, strict=True)]
        for ls, ps in zip(labels, probs, strict=True)
    ]


def _folds(rows: Sequence[Row], k: int, seed: int) -> list[int]:
    """A fold per row: stratified by label, ordered within a label by a seeded hash."""
    by_label: dict[str, list[int]] = defaultdict(list)
    for i, (label, _text, _place) in enumerate(rows):
        by_label[label].append(i)
    fold = [0] * len(rows)
    rng = random.Random(seed)
    for label in sorted(by_label):
        idx = sorted(
            by_label[label],
            key=lambda i: hashlib.sha1(rows[i][1].encode(), usedforsecurity=False).hexdigest(),
        )
        offset = rng.randrange(k)
        for n, i in enumerate(idx):
            fold[i] = (n + offset) % k
    return fold


def cross_validate(rows: Sequence[Row], spec: dict[str, Any], seed: int, k: int) -> list[Raw]:
    """Each row's raw prediction by the model of the fold that did not see it."""
    fold = _folds(rows, k, seed)
    out: list[Raw] = [[] for _ in rows]
    with tempfile.TemporaryDirectory() as tmp:
        for f in range(k):
            train = [r for r, g in zip(rows, fold, strict=True) if g != f]
            test = [i for i, g in enumerate(fold) if g == f]
            model = _fit(train, spec, seed, Path(tmp))
            for i, raw in zip(test, _predict(model, [rows[i] for i in test]), strict=True):
                out[i] = raw
    return out


def _grid(low: float, high: float) -> list[float]:
    return [round(low + i / 100, 2) for i in range(round((high - low) * 100) + 1)]


def decided_right(cal: Sequence[Raw], truth: Sequence[str], act: float) -> float:
    """How often the chat would do the right thing with these readings if it acted at `act`
    (what the corpus test counts): a request read right and acted on, or nothing acted on
    where there was nothing to act on ("none") or an answer for the step's parser. Asking
    between two counts as a miss, as it does in the test."""
    right = 0
    for c, y in zip(cal, truth, strict=True):
        label, p = c[0]
        acted = p >= act and label not in ("none", "answer")
        right += (acted and label == y) or (not acted and y in ("none", "answer"))
    return right / max(len(truth), 1)


def act_threshold(cal: Sequence[Raw], truth: Sequence[str], floor: float) -> float:
    """The confidence to act at: the one at which the most readings are decided right (the
    highest of equals), never below `floor`. Nothing destructive is ever done on one message
    whatever the threshold (it is asked first), so the threshold trades asking against
    acting wrongly, and the corpus test counts both as misses."""
    grid = [t for t in _grid(0.2, 0.99) if t >= floor]
    best = max(decided_right(cal, truth, t) for t in grid)
    return max(t for t in grid if decided_right(cal, truth, t) == best)


def ask_threshold(cal: Sequence[Raw], truth: Sequence[str], act: float, top2: float) -> float:
    for t in _grid(0.05, act):
        band = [y in (c[0][0], c[1][0] if len(c) > 1 else "")
                for c, y in zip(cal, truth, strict=True) if t <= c[0][1] < act]  # fmt: skip
        if not band or sum(band) / len(band) >= top2:
            return t
    return act


def language_threshold(cal: Sequence[Raw], truth: Sequence[str], precision: float) -> float:
    for t in _grid(0.34, 0.99):
        switched = [
            c[0][0] == y
            for c, y in zip(cal, truth, strict=True)
            if c[0][0] != "id" and c[0][1] >= t
        ]
        if switched and sum(switched) / len(switched) >= precision:
            return t
    return 0.99


def digest(predictions: Sequence[tuple[str, float]]) -> str:
    """The served models' top reading of every corpus message, to 4 places."""
    text = "\n".join(f"{label} {p:.4f}" for label, p in predictions)
    return hashlib.sha256(text.encode()).hexdigest()


def _accuracy(cal: Sequence[Raw], truth: Sequence[str]) -> float:
    return sum(c[0][0] == y for c, y in zip(cal, truth, strict=True)) / max(len(truth), 1)


def cv_key(corpus: Path, params_path: Path) -> str:
    """What a cross-validation depends on: the corpus, the parameters, and the code that turns
    a message into the model's line and trains (domain/reading.py and the normalisation and
    chat spellings it uses, this file)."""
    import domain.reading
    import domain.text
    import domain.understand

    digest = hashlib.sha256(corpus_hash(corpus).encode())
    code = (domain.reading.__file__, domain.text.__file__, domain.understand.__file__, __file__)
    for path in (params_path, *map(Path, code)):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cross_validated(corpus: Path, params_path: Path = PARAMS) -> dict[str, Any]:
    """The k-fold cross-validated readings of every corpus message (intent; language for the
    id, jv and en ones), calibrated, with the temperatures: computed once per corpus,
    parameters and code, and kept in .train/cache/ (the bench reads them too)."""
    key = cv_key(corpus, params_path)
    cached = CACHE / f"cv-{key[:16]}.json"
    if cached.exists():
        result: dict[str, Any] = json.loads(cached.read_text("utf-8"))
        return result
    params = json.loads(params_path.read_text("utf-8"))
    seed, k = params["seed"], params["folds"]
    result = {"key": key, "folds": k}
    for name, rows in _rows(corpus).items():
        cv = cross_validate(rows, params[name], seed, k)
        truth = [label for label, _, _ in rows]
        temperature = round(fit_temperature(list(zip(cv, truth, strict=True))), 4)
        result[name] = {
            "temperature": temperature,
            "truth": truth,
            "read": [[[lab, round(p, 5)] for lab, p in calibrate(raw, temperature)] for raw in cv],
        }
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(result), encoding="utf-8")
    return result


def _rows(corpus: Path) -> dict[str, list[Row]]:
    found = list(examples(corpus))
    unknown = sorted({e.means for e in found if label_of(e.means) not in LABELS})
    if unknown:
        raise SystemExit(f"labels the reader does not know: {unknown}")
    return {
        "intent": [(label_of(e.means), e.text, place_of(e.at)) for e in found],
        "language": [(e.lang, e.text, "") for e in found if e.lang in LANGUAGES],
    }


def build(corpus: Path, out: Path, params_path: Path = PARAMS) -> dict[str, Any]:
    params = json.loads(params_path.read_text("utf-8"))
    seed, k = params["seed"], params["folds"]
    found = list(examples(corpus))
    rows = _rows(corpus)
    manifest: dict[str, Any] = {
        "corpus_sha256": corpus_hash(corpus),
        "params_sha256": hashlib.sha256(params_path.read_bytes()).hexdigest(),
        "trainer": f"fasttext-wheel 0.9.2 (one thread, seed {seed})",
        "messages": len(found),
        "by_language": dict(sorted(Counter(e.lang for e in found).items())),
        "labels": sorted({label for label, _, _ in rows["intent"]}),
    }
    cv = cross_validated(corpus, params_path)
    for name in ("intent", "language"):
        with tempfile.TemporaryDirectory() as tmp:
            model = _fit(rows[name], params[name], seed, Path(tmp))
            model.save_model(str(out / f"{name}.ftz"))
        manifest[name] = {
            "file": f"{name}.ftz",
            "sha256": hashlib.sha256((out / f"{name}.ftz").read_bytes()).hexdigest(),
            "temperature": cv[name]["temperature"],
            "cv_folds": k,
            "cv_accuracy": round(_accuracy(cv[name]["read"], cv[name]["truth"]), 4),
        }
    t = params["thresholds"]
    cal, truth = cv["intent"]["read"], cv["intent"]["truth"]
    act = act_threshold(cal, truth, t["act_floor"])
    manifest["thresholds"] = {
        "act": act,
        "ask": ask_threshold(cal, truth, act, t["ask_top2"]),
        "language": language_threshold(
            cv["language"]["read"], cv["language"]["truth"], t["language_precision"]
        ),
        "rule": t,
    }
    manifest["cv_decided_right"] = round(decided_right(cal, truth, act), 4)
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    manifest["predictions_sha256"] = served_digest(out, corpus)
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def served_digest(folder: Path, corpus: Path) -> str:
    """The digest of what the saved models read in every corpus message (a worker's reader,
    loaded from the files just written)."""
    from bot.reader.model import FastTextReader

    reader = FastTextReader(folder)
    rows: list[tuple[str, float]] = []
    for e in examples(corpus):
        r = reader.read(e.text.replace("{nik}", SAMPLE_NIK), place_of(e.at))
        rows += [(r.label, r.confidence), reader.language(e.text)]
    return digest(rows)


def cv_figures(corpus: Path, params_path: Path = PARAMS) -> dict[str, Any]:
    """The cross-validation's figures: accuracy, the threshold and how often it decides right."""
    params = json.loads(params_path.read_text("utf-8"))
    cv = cross_validated(corpus, params_path)
    cal, truth = cv["intent"]["read"], cv["intent"]["truth"]
    act = act_threshold(cal, truth, params["thresholds"]["act_floor"])
    return {
        "intent": round(_accuracy(cal, truth), 4),
        "language": round(_accuracy(cv["language"]["read"], cv["language"]["truth"]), 4),
        "act": act,
        "decided_right": round(decided_right(cal, truth, act), 4),
        "temperature": cv["intent"]["temperature"],
    }


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Build the reader from the corpus (issue 27)")
    ap.add_argument("--corpus", type=Path, default=Path("tests/cases/corpus"))
    ap.add_argument("--out", type=Path, default=DATA)
    ap.add_argument("--params", type=Path, default=PARAMS)
    ap.add_argument("--cv-only", action="store_true", help="cross-validate, write no model")
    args = ap.parse_args(argv)
    if args.cv_only:
        print(json.dumps(cv_figures(args.corpus, args.params)))
        return
    args.out.mkdir(parents=True, exist_ok=True)
    m = build(args.corpus, args.out, args.params)
    print(json.dumps({k: v for k, v in m.items() if k != "labels"}, indent=1))


if __name__ == "__main__":
    main()
