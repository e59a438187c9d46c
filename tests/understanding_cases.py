"""The corpus and the held-out set (issue 27) run through the real Siaga, end to end: each
message sent where a person would type it (walked there by a conversation of its own), and
what that person would notice checked against what the message means: the flow entered, the
reply, the language, the answer stored in the check's draft."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.app import App
from handlers.check import form
from handlers.check.form import CheckState
from handlers.core.messages import UserRef
from tests.harness import Person
from tests.helpers import nik_for

CASES = Path(__file__).parent / "cases"
CORPUS = CASES / "corpus"
HELD_OUT = CASES / "heldout.yaml"  # frozen at 5c0b087, before any change to the reader
HELD_OUT_2 = CASES / "heldout-2.yaml"  # frozen at f6a8fb3, written blind before the second round
LANGS = ("id", "jv", "en", "mix")
WALK_AGE = 40  # the walks' NIK is of someone this old

# How a person reaches each place, from a first message, and the step they are then on.
WALKS: dict[str, tuple[list[str], str]] = {
    "first": ([], ""),
    "menu": (["/menu"], ""),
    "consent": (["/menu", "1"], "consent"),
}
_CHECK = ["/menu", "1", "setuju", "Budi Santoso", "{nik}", "benar", "benar", "Kelun", "ojol",
          "tidak", "tidak tahu", "ya", "lewati"]  # fmt: skip
for _at, _n, _step in (("name", 3, "name"), ("nik", 4, "nik"), ("age", 6, "age_confirm"),
                       ("kecamatan", 7, "kecamatan"), ("occupation", 8, "occupation"),
                       ("bpjs", 9, "bpjs"), ("dtks", 10, "dtks"), ("heirs", 11, "heirs"),
                       ("phone", 12, "phone"), ("summary", 13, "summary")):  # fmt: skip
    WALKS[_at] = (_CHECK[:_n], _step)
WALKS["reminders"] = ([*_CHECK, "lanjut", "ajukan usulan"], "")


@dataclass(frozen=True)
class Case:
    at: str
    means: str
    lang: str
    text: str
    source: str

    @property
    def intent(self) -> str:
        return "answer" if self.means.startswith("answer:") else self.means


def cases(source: Path) -> Iterator[Case]:
    for path in sorted(source.glob("*.yaml")) if source.is_dir() else [source]:
        for group in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            for lang in LANGS:
                for text in group.get(lang) or []:
                    yield Case(group["at"], str(group["means"]), lang, str(text), path.name)


def _keys(p: Person) -> set[str]:
    return {m.key for s in p.last for m in s.reply.parts}


async def noticed(siaga: App, p: Person, case: Case, before: tuple[str, str]) -> bool:
    """Whether what the person saw and what was kept is what the message means."""
    keys = _keys(p)
    async with siaga.store() as store:
        person, conv = await store.load(UserRef("console", p.user.external_id), "", siaga.clock())
    draft = CheckState.of(conv)
    kind, _, value = case.means.partition(":")
    m = case.means
    if m.startswith("faq:"):
        return f"faq-{value}" in keys
    if m.startswith("lang:"):
        return person.locale == value
    if m.startswith("report:"):
        return f"confirm-report-{value}" in keys
    simple = {
        "check": conv.flow == "check",
        "status": conv.flow == "status",
        "info": "info-program" in keys,
        "help": "help" in keys,
        "delete": conv.flow == "hapus",
        "mydata": "dataku-person" in keys,
        "optout": "confirm-optout" in keys or "optout-done" in keys,
        "optin": person.broadcast_opt_in is True,
        "officer": conv.flow == "tanya",
        "question": bool(keys & {"ticket-opened", "ticket-no-officer", "ticket-text-added"}),
        # answers typed so far are deleted only after a yes (residents' finding A2)
        "cancel": (bool(keys & {"cancelled", "nothing-to-cancel"}) and not draft.started)
        or ("confirm-cancel" in keys and draft.started),
        "menu": bool(keys & {"menu", "menu-resume"}) and conv.flow == "idle",
        "greeting": "welcome" in keys,
        "thanks": "thanks-reply" in keys,
        "none": (conv.flow, conv.step) == before or "not-understood" in keys,
    }
    if m in simple:
        return simple[m]
    if kind != "answer":
        raise AssertionError(f"unknown meaning {m}")
    field, _, want = value.partition("=")
    regions = siaga.program.regions
    if field == "consent":
        return conv.step == "name" if want == "yes" else "consent-declined" in keys
    if field == "name":
        return (draft.name or "").casefold() == want.casefold()
    if field == "nik":
        return draft.nik is not None
    if field == "age":
        return draft.age_done and (draft.stated_age or WALK_AGE) == int(want)
    if field == "kecamatan":
        kec = regions.kecamatan_by_code(draft.kecamatan or "")
        return kec is not None and kec.name.casefold() == want.casefold()
    if field == "kelurahan":
        kel = regions.kelurahan_by_code(draft.kelurahan or "")
        return kel is not None and kel.name.casefold() == want.casefold()
    if field == "phone":
        if want == "skip":
            return draft.phone_done and draft.phone is None
        return draft.phone_done and (draft.phone or "")[-9:] == want[-9:]
    if field == "summary":
        if want == "confirm":
            return conv.step == "verdict"
        return conv.step == form.EDITS[want.partition(":")[2]].name
    if field == "reminders":
        return person.broadcast_opt_in is (want == "yes")
    if field in ("occupation", "bpjs", "dtks", "heirs"):
        return str(getattr(draft, field)).casefold() == want.casefold()
    raise AssertionError(f"unknown answer {m}")


async def run(siaga: App, source: Path, name: str) -> list[tuple[Case, bool]]:
    results: list[tuple[Case, bool]] = []
    for n, case in enumerate(cases(source)):
        p = Person(siaga, f"{name}-{n}")
        nik = nik_for(WALK_AGE, serial=n % 9000 + 1)
        walk, step = WALKS[case.at]
        for line in walk:
            await p.say(line.replace("{nik}", nik))
        async with siaga.store() as store:
            _, conv = await store.load(UserRef("console", p.user.external_id), "", siaga.clock())
        assert step == "" or conv.step == step, f"the walk to {case.at} ended at {conv.step}"
        await p.say(case.text.replace("{nik}", nik))
        results.append((case, await noticed(siaga, p, case, (conv.flow, conv.step))))
    report(name, results)
    return results


def report(name: str, results: list[tuple[Case, bool]]) -> None:
    good = sum(ok for _, ok in results)
    print(f"\n{name}: understood {good} of {len(results)}: {good / len(results):.1%}")
    for label, key in (("language", lambda c: c.lang), ("intent", lambda c: c.intent),
                       ("at", lambda c: c.at)):  # fmt: skip
        totals: Counter[str] = Counter(key(c) for c, _ in results)
        right: Counter[str] = Counter(key(c) for c, ok in results if ok)
        print(f"  by {label}: " + ", ".join(
            f"{k} {right[k]}/{totals[k]} {right[k] / totals[k]:.0%}" for k in sorted(totals)))  # fmt: skip
    missed = [f"{c.at} {c.lang} {c.text!r} → {c.means}" for c, ok in results if not ok]
    print("missed:\n  " + "\n  ".join(missed))


def accuracy(results: list[tuple[Case, bool]], lang: str | None = None) -> float:
    chosen = [ok for c, ok in results if lang is None or c.lang == lang]
    return sum(chosen) / len(chosen)
