"""What a trained reader's output means for the chat (issue 27): the labels it can give, the
line it reads, its calibrated confidence and what that confidence decides.

The reader itself (a fastText model, trained on tests/cases/corpus/) is loaded by bot/; this
module is pure: the same `features` turn a message into the model's line at training and at
serving, so the two can never drift apart.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from domain.text import tokens
from domain.understand import ABBREVIATIONS

# The chat's requests a message may make, anywhere.
REQUESTS = (
    "check", "status", "info", "help", "lang:id", "lang:jv", "lang:en", "delete", "mydata",
    "optout", "optin", "officer", "report:death", "report:accident", "cancel", "menu",
    "greeting", "thanks",
)  # fmt: skip
FAQ = (
    "faq:premium", "faq:death", "faq:accident", "faq:requirements", "faq:quota",
    "faq:scholarship", "faq:duration", "faq:who_decides", "faq:registry",
)  # fmt: skip
# "question": asked, and no FAQ entry answers it (a person will); "none": nothing to act on;
# "answer": an answer to the question the person is on, not a request (issue 27 point 1: the
# reader says "this is an answer" so a step's own parser reads it).
OTHER = ("question", "none", "answer")
LABELS = (*REQUESTS, *FAQ, *OTHER)

# Requests that cannot be undone or that start something heavy: never taken from an unsure
# reading, and always confirmed first (issue 27 point 2).
DESTRUCTIVE = frozenset({"delete", "optout", "report:death", "report:accident"})
# Consent to reminders and broadcasts is taken from words only when the reader is sure of
# them, else asked as a plain question (UU 27/2022 Pasal 20-22: consent explicit and
# informed): "sugeng enjing, kula badhe nyuwun pirsa …" was read as opting in at 0.33 (over
# the act threshold) and signed the person up; "kirimi saya pengingat" reads 0.9 and more.
CONSENT_SURE = 0.6
# At a question, a greeting or thanks (or, for a name, any sure non-answer) stands in for the
# answer only when the reader sees almost no chance of an answer in it: names the corpus never
# had read like greetings ("Painem": greeting 0.63, answer 0.27) and must reach the parser.
SMALL_TALK_OVER_ANSWER = 0.1
# Words around a request that are not a request of their own (issue 27 point 3).
SMALL_TALK = frozenset({"greeting", "thanks"})
# What the reader may offer as a choice: everything a person can ask for.
OFFERABLE = frozenset((*REQUESTS, *FAQ, "question")) - SMALL_TALK


# Where a message was typed, as the model reads it: the question of the check it answers (the
# corpus's `at`), or the reminders offer; nothing at the menu or as a first message. The same
# words mean different things in different places: "ojol" at the occupation question is an
# answer, at the menu a question about who may join; "iya kirimin" after the reminders offer
# is saying yes to it (issue 27).
PLACES = frozenset({
    "consent", "name", "nik", "age", "kecamatan", "occupation", "bpjs", "dtks", "heirs",
    "phone", "summary", "reminders",
})  # fmt: skip


def label_of(means: str) -> str:
    """The corpus's `means` as a reader label: every answer at a step is one class; the
    answer to the reminders offer is the request it amounts to (yes: optin, no: optout)."""
    if means.startswith("answer:reminders="):
        return "optin" if means.endswith("=yes") else "optout"
    return "answer" if means.startswith("answer:") else means


def place_of(at: str) -> str:
    """The corpus's `at` (or a conversation's place) as the model's context: '' where no
    question is pending (a first message, the menu)."""
    return at if at in PLACES else ""


def features(text: str, place: str = "") -> str:
    """The line the model reads: where it was typed (a word of its own, "zat<place>"), then
    normalised words (domain.text), chat spellings spelled out ("sy" → saya), a NIK and other
    numbers as placeholders (their digits say nothing about what is asked)."""
    out: list[str] = [f"zat{place}"] if place in PLACES else []
    for w in tokens(text):
        if w.isdigit():
            out.append("<nik>" if len(w) >= 15 else "<num>")
        else:
            out.append(ABBREVIATIONS.get(w, w) or w)
    out += [EMOJI[c] for c in text if c in EMOJI]
    if "?" in text:
        out.append("<q>")  # asked, not told: a question beside a report or a request
    return " ".join(out) or "<empty>"


# Emoji people send alone or beside words, as the words they stand for (the rest say nothing
# the corpus can teach).
EMOJI = {
    "👋": "halo", "👍": "ok", "👌": "ok", "✅": "ok", "❌": "tidak", "🙏": "<pray>",
    "😭": "<sad>", "😢": "<sad>", "😥": "<sad>", "🥲": "<sad>", "😔": "<sad>", "❓": "<q>",
}  # fmt: skip


def calibrate(
    raw: Iterable[tuple[str, float]], temperature: float
) -> tuple[tuple[str, float], ...]:
    """Temperature scaling (Guo et al. 2017): softmax(logit / T) from the model's softmax
    probabilities, p_i^(1/T) normalised. Ranked, most likely first."""
    pairs = [(label, max(p, 1e-12)) for label, p in raw]
    if not pairs:
        return ()
    logs = [math.log(p) / temperature for _, p in pairs]
    top = max(logs)
    weights = [math.exp(x - top) for x in logs]
    total = sum(weights)
    ranked = sorted(
        ((label, w / total) for (label, _), w in zip(pairs, weights, strict=True)),
        key=lambda lp: -lp[1],
    )
    return tuple(ranked)


@dataclass(frozen=True)
class Reading:
    """What the reader made of a message: every label with its calibrated probability."""

    ranked: tuple[tuple[str, float], ...] = ()

    @property
    def label(self) -> str:
        return self.ranked[0][0] if self.ranked else "none"

    @property
    def confidence(self) -> float:
        return self.ranked[0][1] if self.ranked else 0.0

    def p(self, label: str) -> float:
        return next((p for lab, p in self.ranked if lab == label), 0.0)

    def likely(self, n: int, among: frozenset[str] = OFFERABLE) -> tuple[tuple[str, float], ...]:
        """The n likeliest labels a person could be offered."""
        return tuple((lab, p) for lab, p in self.ranked if lab in among)[:n]


class Verdict(StrEnum):
    ACT = "act"  # sure enough: do it (a destructive request is still confirmed first)
    ASK = "ask"  # between: "Maksud Bapak/Ibu: 1. … 2. …?"
    UNSURE = "unsure"  # below: not understood, the likely choices and an officer
    NOTHING = "nothing"  # read as nothing to act on, or as an answer where none is asked


@dataclass(frozen=True)
class Thresholds:
    act: float  # at or above: act
    ask: float  # at or above (and below act): ask between the two likeliest


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    label: str
    confidence: float
    choices: tuple[str, ...] = ()  # for ASK and UNSURE: what to offer, likeliest first


def decide(reading: Reading, t: Thresholds) -> Decision:
    """What the chat does with a reading of a message typed where a request is expected (the
    menu, a first message). Greetings and thanks never hide a request that the reader also
    saw (issue 27 point 3): "selamat sore, saya mau daftar" is the check."""
    label, p = reading.label, reading.confidence
    if label in SMALL_TALK:
        behind = reading.likely(1)
        if behind and behind[0][1] >= t.ask:
            label, p = behind[0]
    offer = tuple(lab for lab, _ in reading.likely(5))  # the chat offers three of these
    if label in ("none", "answer"):
        if p >= t.act:
            return Decision(Verdict.NOTHING, label, p, offer)
        return Decision(Verdict.UNSURE, label, p, offer)
    if p >= t.act:
        return Decision(Verdict.ACT, label, p)
    if p >= t.ask:
        two = tuple(lab for lab, _ in reading.likely(2))
        if label not in two:  # small talk on top: the request behind it comes first
            two = (label, *two)[:2]
        return Decision(Verdict.ASK, label, p, two)
    return Decision(Verdict.UNSURE, label, p, offer)


def fit_temperature(rows: Sequence[tuple[Sequence[tuple[str, float]], str]]) -> float:
    """The temperature that minimises the negative log-likelihood of the true labels over
    cross-validated predictions (a grid in log space: no optimiser needed for one number)."""
    grid = [math.exp(math.log(0.2) + i * (math.log(5.0) - math.log(0.2)) / 120) for i in range(121)]

    def nll(temp: float) -> float:
        total = 0.0
        for raw, truth in rows:
            cal = dict(calibrate(raw, temp))
            total -= math.log(max(cal.get(truth, 0.0), 1e-12))
        return total / max(len(rows), 1)

    return min(grid, key=nll)
