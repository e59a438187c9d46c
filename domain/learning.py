"""Real messages teach the reader (issue 27, point 7; Rasa's conversation-driven development):
the places a message is typed, the labels (`means`) the Dinas gives it, the language it is
in, and the corpus groups a labelled message is exported into. The corpus's format is
`tests/cases/corpus/*.yaml`: groups `{at, means, id, jv, en, mix}`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# Where a message is typed, as the corpus names the places.
PLACES = ("first", "menu", "consent", "name", "nik", "age", "kecamatan", "occupation", "bpjs",
          "dtks", "heirs", "phone", "summary", "reminders")  # fmt: skip
LANGUAGES = ("id", "jv", "en", "mix")

REQUESTS = ("check", "status", "info", "help", "lang:id", "lang:jv", "lang:en", "delete",
            "mydata", "optout", "optin", "officer", "report:death", "report:accident", "cancel",
            "menu", "greeting", "thanks")  # fmt: skip
FAQS = tuple(f"faq:{k}" for k in ("premium", "death", "accident", "requirements", "quota",
                                  "scholarship", "duration", "who_decides",
                                  "registry"))  # fmt: skip
OTHERS = ("question", "none")
# An answer at a step of the check: a value from a fixed list, or typed (None), or none at
# all (the NIK: the corpus writes its test NIK as {nik}).
CHANGES = ("name", "nik", "age", "kelurahan", "occupation", "bpjs", "dtks", "heirs", "phone")
ANSWERS: dict[str, tuple[str, ...] | None] = {
    "consent": ("yes", "no"),
    "name": None,
    "nik": (),
    "age": None,
    "kecamatan": None,
    "kelurahan": None,
    "occupation": None,
    "bpjs": ("pu", "bpu", "tidak", "tidak_tahu"),
    "dtks": ("ya", "tidak", "tidak_tahu"),
    "heirs": ("ya", "tidak"),
    "phone": None,
    "summary": ("confirm", *(f"change:{f}" for f in CHANGES)),
    "reminders": ("yes", "no"),
}
# The check's steps (handlers/citizen/form.py and selfcheck.py) as the corpus's places.
CHECK_STEPS = {
    "consent": "consent", "inperson": "consent", "name": "name", "nik": "nik",
    "nik_confirm": "nik", "age_confirm": "age", "age_input": "age", "kecamatan": "kecamatan",
    "kelurahan": "kecamatan", "occupation": "occupation", "bpjs": "bpjs", "dtks": "dtks",
    "heirs": "heirs", "phone": "phone", "summary": "summary", "edit": "summary",
    "verdict": "summary", "stopped": "summary",
}  # fmt: skip

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_PLACEHOLDER = re.compile(r"\{[a-z]+\}")  # what masking put in: no language's word
_AGE = re.compile(r"[0-9]{1,3}")
_PHONE = re.compile(r"0[0-9]{8,13}")
MAX_NAME = 60
MAX_LABEL = 120  # the column's width; a name answer is the longest label


def place_of(flow: str, step: str, first: bool, reminders_shown: bool = False) -> str:
    """The corpus's place for where a person was: their very first message, a step of the
    check, the reminders question, else the menu (a request typed anywhere else)."""
    if first:
        return "first"
    if flow == "check":
        return CHECK_STEPS.get(step, "menu")
    if reminders_shown:
        return "reminders"
    return "menu"


def fixed_labels() -> tuple[str, ...]:
    """Every label that needs no typed value, in the console's order."""
    answers = tuple(
        f"answer:{f}" if values == () else f"answer:{f}={v}"
        for f, values in ANSWERS.items()
        if values is not None
        for v in (values or ("",))
    )
    return (*REQUESTS, *FAQS, *OTHERS, *answers)


def typed_fields() -> tuple[str, ...]:
    """The answers whose value the Dinas types (a name, an age, a kelurahan …)."""
    return tuple(f for f, values in ANSWERS.items() if values is None)


def valid_label(label: str) -> bool:
    """A `means` value of the corpus: a request, an FAQ entry, question/none, or an answer
    with a value its field can have (a typed value is checked by `typed_value`)."""
    if label in fixed_labels():
        return True
    kind, _, rest = label.partition(":")
    field_name, eq, value = rest.partition("=")
    return (
        kind == "answer"
        and bool(eq)
        and ANSWERS.get(field_name, ()) is None
        and typed_value(field_name, value) == value
    )


def typed_value(field_name: str, value: str) -> str | None:
    """A typed answer value in the corpus's form, or None when it cannot be one. Names,
    ages and phones only here; a kelurahan, kecamatan or occupation is checked against the
    program's lists by the caller."""
    v = " ".join(value.split())
    if not v or len(v) > MAX_NAME or any(c in v for c in '\n\r\t"\\'):
        return None
    if field_name == "name":
        ok = v == "{name}" or all(_WORD.fullmatch(w.strip(".,")) for w in v.split())
        return v if ok else None
    if field_name == "age":
        return str(int(v)) if _AGE.fullmatch(v) and 10 <= int(v) <= 120 else None
    if field_name == "phone":
        if v in ("skip", "{phone}"):
            return v
        digits = re.sub(r"[ .\-]", "", v)
        if digits.startswith("+62"):
            digits = "0" + digits[3:]
        elif digits.startswith("62"):
            digits = "0" + digits[2:]
        return digits if _PHONE.fullmatch(digits) else None
    return v  # kecamatan, kelurahan, occupation: the program says


def guess_language(text: str, words: Mapping[str, frozenset[str]], fallback: str) -> str:
    """id, jv or en by the words only that language's corpus messages use; mix when two
    languages each have such words (the second at least a third as many as the first); the
    fallback (the person's language) when no word tells. 5-fold cross-validation over the
    corpus: 91 % of messages (id 98 %, en 85 %, jv 84 %, mix 66 %) with Indonesian as the
    fallback."""
    score: dict[str, int] = {}
    for w in _WORD.findall(_PLACEHOLDER.sub(" ", text.lower())):
        langs = [lang for lang in ("id", "jv", "en") if w in words.get(lang, ())]
        if len(langs) == 1:
            score[langs[0]] = score.get(langs[0], 0) + 1
    if not score:
        return fallback if fallback in LANGUAGES else "id"
    ranked = sorted(score.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[1][1] * 3 >= ranked[0][1]:
        return "mix"
    return ranked[0][0]


@dataclass
class CorpusGroup:
    """One group of the corpus: the messages typed at one place that mean one thing."""

    at: str
    means: str
    texts: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"at": self.at, "means": self.means}
        out.update({lang: self.texts[lang] for lang in LANGUAGES if self.texts.get(lang)})
        return out


def corpus_groups(rows: Iterable[tuple[str, str, str, str]]) -> list[CorpusGroup]:
    """(place, label, language, masked text) rows as corpus groups: one group per place and
    label, in the corpus's order of places and labels, each text once."""
    groups: dict[tuple[str, str], CorpusGroup] = {}
    for at, means, lang, text in rows:
        group = groups.setdefault((at, means), CorpusGroup(at, means))
        said = group.texts.setdefault(lang if lang in LANGUAGES else "mix", [])
        if text not in said:
            said.append(text)
    order = {label: n for n, label in enumerate(fixed_labels())}

    def key(g: CorpusGroup) -> tuple[int, int, str]:
        at = PLACES.index(g.at) if g.at in PLACES else len(PLACES)
        return at, order.get(g.means, len(order)), g.means

    return sorted(groups.values(), key=key)
