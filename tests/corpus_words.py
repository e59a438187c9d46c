"""The words of the training corpus, per language, written as `domain/corpus_words.py` (issue 27,
point 7): the masker takes a capitalised word it does not know for a name, and the language of
a kept message is guessed from these words. The held-out sets are never read here (they are
never used to tune anything), and neither are the names of the name answers, so a name in the
corpus never becomes a "known word".

Rebuild after a change to the corpus (a test fails until then):

    python -m tests.corpus_words
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
TARGET = ROOT / "domain" / "corpus_words.py"
LANGS = ("id", "jv", "en", "mix")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def corpus_files() -> list[Path]:
    """The training corpus: issue 27's groups, and issue 16's corpus while it is kept."""
    found = sorted((CASES / "corpus").glob("*.yaml"))
    old = CASES / "understanding.yaml"
    return [*found, old] if old.exists() else found


def _label(group: dict[str, object]) -> str:
    return str(group.get("means") or group.get("expect") or "")


def _is_name(label: str) -> bool:
    return label.startswith(("answer:name=", "check:name="))


def vocabulary() -> dict[str, set[str]]:
    """Lower-case words per language (mix: messages that mix them), name answers left out."""
    words: dict[str, set[str]] = {lang: set() for lang in LANGS}
    names: set[str] = set()
    for path in corpus_files():
        for group in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            label = _label(group)
            if _is_name(label):
                names.update(w.lower() for w in WORD.findall(label.partition("=")[2]))
                continue
            for lang in LANGS:
                for text in group.get(lang) or []:
                    words[lang].update(w.lower() for w in WORD.findall(str(text)))
    return {lang: found - names for lang, found in words.items()}


def source() -> str:
    """The module's text: one sorted, wrapped string per language."""
    out = [
        '"""The training corpus\'s words per language (issue 27), written by `python -m',
        "tests.corpus_words` from tests/cases: do not edit by hand. Name answers and the held-out",
        'sets are left out."""',
        "",
        "from __future__ import annotations",
        "",
        "_WORDS = {",
    ]
    for lang, found in vocabulary().items():
        out.append(f'    "{lang}": """')
        line = ""
        for word in sorted(found):
            if len(line) + len(word) + 1 > 96:
                out.append(line)
                line = ""
            line = f"{line} {word}" if line else word
        out.append(line)
        out.append('""",')
    out += [
        "}",
        "WORDS: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in _WORDS.items()}",
        "",
    ]
    return "\n".join(out)


if __name__ == "__main__":
    TARGET.write_text(source(), encoding="utf-8")
    sys.stdout.write(f"{TARGET.relative_to(ROOT)}: {sum(map(len, vocabulary().values()))} words\n")
