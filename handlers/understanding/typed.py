"""People who type: the buttons last shown are the ones a typed number, label or "iya"
means (exact rules); everything else is read by the trained reader (issue 27), whose
calibrated confidence decides what happens.

```mermaid
flowchart TD
    text[Typed text] --> cmd{/command or bare word?}
    cmd -->|yes| run[Run the command]
    cmd -->|no| shown{A number, a label or yes/no for the buttons last shown?}
    shown -->|one| press[Taken as that button]
    shown -->|two close| which[Ask which of the two]
    shown -->|no| read[The reader: a label and its calibrated confidence]
    read -->|sure| act[Do it; come back after. Destructive: asked first]
    read -->|between| ask["Maksud Bapak/Ibu: 1. … 2. …?"]
    read -->|unsure, at the menu| miss[Not understood: likely choices and an officer]
    read -->|an answer, inside a question| answer[The step's own parser reads it]
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import ClassVar

from domain.answers import COURTESY, Tri, agrees, parse_tri, plain_tri, reporter_relation
from domain.dates import parse_day
from domain.numbers import has_number
from domain.reading import (
    CONSENT_SURE,
    DESTRUCTIVE,
    LABELS,
    SMALL_TALK,
    SMALL_TALK_OVER_ANSWER,
    Decision,
    Reading,
    Verdict,
    decide,
    features,
)
from domain.reference import parse_reference
from domain.text import tokens
from domain.understand import leaving_program, match_label
from handlers.core.capability import Routed, prompt_for
from handlers.core.engine import button, with_note
from handlers.core.menu import officer_menu
from handlers.core.messages import Button, Incoming, Kind, Msg, Raw, Reply
from handlers.core.program_info import info_args
from handlers.core.records import Conversation, Person, Role
from handlers.core.shown import Shown
from handlers.core.state import FlowState, Resume
from handlers.understanding import language, learning
from handlers.understanding.port import Ctx as Context

# The buttons that say yes, no or "I don't know" wherever they are shown, by their label's key:
# "iya", "nggih", "leres", "oke", "lanjut" press the first yes-button shown, and so on.
ROLE_KEYS = {
    Tri.YES: ("btn-yes", "btn-correct", "btn-agree", "btn-confirm", "btn-optin-yes",
              "btn-delete-yes", "btn-in-person-yes", "btn-file", "bc-send", "btn-confirm-go",
              "btn-confirm-cancel", "btn-confirm-approve", "btn-confirm-reject"),
    Tri.NO: ("btn-no", "btn-change", "btn-not-correct", "btn-disagree", "btn-optin-no",
             "btn-delete-no", "bpjs-tidak", "btn-confirm-stop", "btn-keep-filling",
             "btn-card-back"),
    Tri.DONT_KNOW: ("btn-dont-know",),
}  # fmt: skip
GO_ON_WORDS = frozenset(
    {
        "lanjut",
        "lanjutkan",
        "kirim",
        "ajukan",
        "next",
        "send",
        "terus",
        "continue",
        "lajeng",
        "lajengaken",
    }
)
# Buttons a go-on word presses before any yes: where going on is the "no" of the question.
GO_ON_KEYS = frozenset({"btn-keep-filling"})
# Words that may stand beside a go-on word without changing it ("kirim mawon", "lanjut aja").
GO_ON_WITH = frozenset(
    {
        "aja",
        "saja",
        "mawon",
        "wae",
        "usulan",
        "usulannya",
        "dong",
        "ya",
        "sekarang",
        "now",
        "please",
        "pak",
        "bu",
    }
)
# The flows whose questions a citizen answers with short words; where an officer writes free
# text (a broadcast, a reason, a question for the citizen) or a citizen answers one, nothing
# typed is taken for a request.
ASIDE_FLOWS = frozenset({"check", "status", "kabar"})
# Steps whose answer is a number or a NIK: digits there are the answer (an exact rule), not
# something for the reader.
NUMBER_STEPS = frozenset({"nik", "age_confirm", "age_input", "phone", "ident", "date", "ref",
                          "last4"})  # fmt: skip
# The questions as the reader knows them (domain.reading.PLACES, the corpus's `at`): the same
# words mean another thing at another question. The report's name question is a name question.
STEP_PLACES = {
    ("check", "consent"): "consent", ("check", "name"): "name", ("check", "nik"): "nik",
    ("check", "age_confirm"): "age", ("check", "age_input"): "age",
    ("check", "kecamatan"): "kecamatan", ("check", "kelurahan"): "kecamatan",
    ("check", "occupation"): "occupation", ("check", "bpjs"): "bpjs", ("check", "dtks"): "dtks",
    ("check", "heirs"): "heirs", ("check", "phone"): "phone", ("check", "summary"): "summary",
    ("check", "verdict"): "summary", ("kabar", "name"): "name",
}  # fmt: skip
REMINDER_BUTTONS = frozenset({"n|optin", "n|optout"})


@dataclass(frozen=True)
class Which:
    """Two labels equally close to what was typed: ask which was meant."""

    buttons: tuple[Button, ...]


async def shown_buttons(ctx: Context, person: Person, conv: Conversation) -> list[Button]:
    """The buttons of the last message the person saw: a reply, or a notice sent since. In
    the middle of a question with buttons, a notice pushed meanwhile (a ticket card, a new
    nomination) does not take an officer's typed number from the question being answered
    (finding G: a lurah's "1" for "Ya, tolak" became the ticket's Balas); its own buttons
    still work. A citizen's notices answer the citizen (a rating asked after their question
    closed, a decision): the newest message's buttons, as before."""
    kept = Shown.of(conv).buttons
    if conv.flow == "idle" or not kept or not person.officer:
        around, since = conv.around, conv.updated_at
        if around is not None and (
            around.notice_at is None or (since is not None and around.notice_at <= since)
        ):
            latest = []  # no notice since their last step (read with the person)
        else:
            latest = await ctx.store.buttons_sent_since(person, since)
        kept = latest or kept
    return [Button(Msg.from_json(label), data) for label, data in kept]


def typed_button(
    ctx: Context, person: Person, shown: list[Button], text: str, sentence: bool = False
) -> str | Which | None:
    """The data of the shown button a typed message means: its number ("2", "yg nomor 2"),
    its label (any case, emoji, punctuation or a small typo), or a plain yes / no /
    don't-know ("iya", "gak usah pak"). With `sentence`, also a yes or a no said in a
    sentence ("iya saya setuju dengan itu"): the router asks for that only after the reader
    found no request in the sentence ("makasih ya min" is thanks, not a yes)."""
    if not shown:
        return None
    t = text.strip().rstrip(".!)")
    n = typed_number(t)
    if n is not None:
        if len(shown) == 1 and shown[0].data.endswith("|cancel"):
            return None  # "1" at a question whose one button is Batal is an answer, not a wipe
        return shown[n - 1].data if 1 <= n <= len(shown) else None
    found = match_label(text, [ctx.render(b.label, person.locale) for b in shown])
    for other in ("id", "jv", "en"):  # people mix languages: "sarujuk" on an Indonesian card
        if found.index is not None or found.close or other == person.locale:
            continue
        found = match_label(text, [ctx.render(b.label, other) for b in shown])
    if found.index is not None:
        return shown[found.index].data
    if found.close:
        return Which(tuple(shown[i] for i in found.close))
    if _go_on(text):  # "lanjut" under "Cancel filling in?" goes on filling in, not a yes
        keep = next((b.data for b in shown if b.label.key in GO_ON_KEYS), None)
        if keep is not None:
            return keep
    said = Tri.YES if _go_on(text) else parse_tri(text) if sentence else plain_tri(text)
    if said is not None and has_number(text):
        said = None  # "ora, umurku 39": the number is the answer, not the "no" before it
    if said is None:
        return None
    keys = ROLE_KEYS[said]
    return next((b.data for b in shown if b.label.key in keys), None)


# "yg nomor 2", "no. 3", "pilih 1", "nomer siji": a button's number said with a word or two.
NUMBER_WORDS = frozenset({"yg", "yang", "nomor", "nomer", "no", "pilih", "pilihan", "angka",
                          "number", "option", "choice", "ke", "sing"})  # fmt: skip


def typed_number(text: str) -> int | None:
    """A button's number: "2", or "2" with a word that says it is a number of a list."""
    if text.isdigit() and len(text) <= 2:
        return int(text)
    words = tokens(text)
    digits = [w for w in words if w.isdigit()]
    plain = all(w in NUMBER_WORDS for w in words if not w.isdigit())
    if len(digits) == 1 and len(digits[0]) <= 2 and 1 < len(words) <= 4 and plain:
        return int(digits[0])
    return None


def officer_label(
    ctx: Context, person: Person, conv: Conversation, shown: list[Button], text: str
) -> str | None:
    """An officer typing the label of a button shown or of their own menu, whole or by its
    one telling word ("antrean" for "📋 Antrean usulan"): that button (finding G: it was read
    as thanks)."""
    # the menu's labels where no words of the officer's own are awaited (a reason, a question
    # for the resident, a broadcast are free text)
    free = conv.flow not in ("idle", "review") or conv.step in ("reason", "question")
    menu = list(officer_menu(ctx, conv).buttons) if person.role is Role.LURAH and not free else []
    seen: dict[str, Button] = {}
    for b in (*shown, *menu):
        seen.setdefault(b.data.partition("|")[2], b)
    candidates = list(seen.values())
    labels = [ctx.render(b.label, person.locale) for b in candidates]
    found = match_label(text, labels)
    if found.index is not None:
        return candidates[found.index].data
    words = tokens(text)
    if len(words) != 1 or len(words[0]) < 4 or plain_tri(text) is not None:
        return None
    hits = [b for b, label in zip(candidates, labels, strict=True) if words[0] in tokens(label)]
    return hits[0].data if len(hits) == 1 else None


def number_beyond(conv: Conversation, shown: list[Button], text: str) -> bool:
    """A button's number typed where there is no such button ("5" under two): not an answer
    to anything, unless the step's answer is itself a number (a NIK, an age, a phone)."""
    if len(shown) < 2 or conv.step in NUMBER_STEPS:
        return False
    n = typed_number(text.strip().rstrip(".!)"))
    return n is not None and not 1 <= n <= len(shown)


def pick_a_number(shown: list[Button]) -> Reply:
    """The same buttons again, with the numbers they have."""
    return Reply((Msg("pick-a-number", {"n": len(shown)}),), tuple(shown))


def _go_on(text: str) -> bool:
    words = set(tokens(text))
    return bool(words & GO_ON_WORDS) and words <= GO_ON_WORDS | GO_ON_WITH


def ask_which(which: Which) -> Reply:
    return Reply((Msg("which-one"),), which.buttons)


@dataclass
class Offered(FlowState):
    """What the reader offered for a message: its words and reading, kept until the person
    picks (a pick other than the reading is a correction the reader learns from)."""

    KEY: ClassVar[str] = "offered"
    text: str = ""
    read: str = ""
    confidence: float = 0.0
    choices: list[str] = field(default_factory=list)
    confirm: str = ""  # a destructive request waiting for its yes


def place_of(conv: Conversation) -> str:
    """Where the person is typing, as the reader knows places: a question of the check, the
    reminders offer last shown, or nowhere in particular ("")."""
    if conv.flow == "idle":
        shown = {data for _, data in Shown.of(conv).buttons}
        return "reminders" if shown >= REMINDER_BUTTONS else ""
    return STEP_PLACES.get((conv.flow, conv.step), "")


def reading(ctx: Context, conv: Conversation, text: str) -> Reading:
    return ctx.reader.read(text, place_of(conv))


def _means(conv: Conversation, label: str) -> Button:
    return button(conv, f"btn-means-{label.replace(':', '-')}", f"mean:{label}")


async def act(
    ctx: Context, person: Person, conv: Conversation, label: str, text: str, sure: bool = False
) -> Routed:
    """Do what the person asked; a question or a side request comes back to where they were.
    A destructive request asks first unless the person already chose it (`sure`)."""
    on_screen = any(d.endswith(f"|do:{label}") for _, d in Shown.of(conv).buttons)
    if label == Offered.of(conv).confirm and on_screen:
        # "iya, berhenti saja" under "Stop the messages? Yes / No": the yes. Only while that
        # question is the one shown: a cancel asked, passed over, is asked again later
        sure = True
    Offered.clear(conv)
    if label in DESTRUCTIVE and label != "delete" and not sure:
        return [_confirm(conv, label, text)], False
    if label == "cancel" and not sure and answers_to_lose(ctx, conv):
        return [_confirm(conv, label, text)], False
    if label.startswith("faq:"):
        note = Msg(f"faq-{label[4:]}", info_args(ctx))
        return [with_note(note, await prompt_for(ctx, person, conv))], False
    if label.startswith("lang:"):
        if conv.flow != language.FLOW:
            Resume.mark(conv)
        return [await language.set_language(ctx, person, conv, label[5:])], False
    if label == "officer":  # "Tanya petugas": the handover capability's command
        return await ctx.capabilities.commands["officer"].run(ctx, person, conv, "")
    if label == "question":
        conv.misses = 0
        assert ctx.capabilities.question is not None  # "Tanya petugas" is in the table
        return await ctx.capabilities.question(ctx, person, conv, text)
    if label in SMALL_TALK:
        key = "welcome" if label == "greeting" else "thanks-reply"
        return [with_note(Msg(key), await prompt_for(ctx, person, conv))], False
    if label.startswith("report:"):
        return await ctx.capabilities.commands["report"].run(ctx, person, conv, label[7:])
    conv.version += 1
    return await ctx.capabilities.commands[label].run(ctx, person, conv, "")


def _confirm(conv: Conversation, label: str, text: str) -> Reply:
    """Stopping messages or reporting a death: asked first, even when the reading is sure."""
    state = Offered.of(conv)
    state.confirm, state.text = label, text[:200]
    state.save(conv)
    key = "confirm-" + label.replace(":", "-")
    go, stop = _CONFIRM_BUTTONS.get(label, ("btn-confirm-go", "btn-confirm-stop"))
    return Reply((Msg(key),), (button(conv, go, f"do:{label}"), button(conv, stop, "do:")))


# A cancel asked first names what each button does: "Ya, lanjutkan" would be read as "go on
# with the check" by someone who only wanted to pause (residents' finding A2).
_CONFIRM_BUTTONS = {"cancel": ("btn-confirm-cancel", "btn-keep-filling")}
# What a conversation keeps for itself, not answers a person typed; the check's draft is the
# check capability's `draft` above (it lives on at the menu, where it is not lost).
_BOOKKEEPING = frozenset({"shown", "offered", "resume", "check"})


def answers_to_lose(ctx: Context, conv: Conversation) -> bool:
    """Whether a cancel would delete answers the person typed: a check begun (its draft lives
    on at the menu too), or any other flow's answers so far (a report, a broadcast draft).
    Losing them on one word is asked first (residents' finding A2: "gak jadi" is also how
    people correct themselves, "gak jadi 45, 46 ding")."""
    if any(draft(conv) for draft in ctx.capabilities.drafts):
        return True
    if conv.flow == "idle":
        return False
    return any(
        k not in _BOOKKEEPING and isinstance(v, dict) and any(v.values())
        for k, v in conv.answers.items()
    )


async def _offer(
    ctx: Context, person: Person, conv: Conversation, text: str, d: Decision
) -> Routed:
    """Between the thresholds: "Maksud Bapak/Ibu: 1. … 2. …?" with the two likeliest."""
    Offered(text=text[:200], read=d.label, confidence=d.confidence,
            choices=list(d.choices)).save(conv)  # fmt: skip
    buttons = (*(_means(conv, c) for c in d.choices), button(conv, "btn-neither", "mean:"))
    return [Reply((Msg("reader-ask"),), buttons)], False


async def not_understood(
    ctx: Context, person: Person, conv: Conversation, text: str, d: Decision
) -> Routed:
    """Not understood: said so, the words read back, the likely choices and an officer; a
    second miss in a row names the Dinas's contact (confirm, then rephrase, then a person)."""
    await learning.note_unclear(ctx, person, text, d.label, d.confidence)
    conv.misses += 1
    if conv.flow != "idle":
        conv.flow, conv.step = "idle", ""
    # what cannot be undone is never a suggestion for words nobody understood: "blablabla"
    # ranked near "stop" must not be one tap from ending the reminders
    likely = [c for c in d.choices if c not in _NOT_SUGGESTED][:3] or list(FALLBACK)
    Offered(text=text[:200], read=d.label, confidence=d.confidence, choices=likely).save(conv)
    choices = [_means(conv, c) for c in likely] + [_means(conv, "officer")]
    keys = ["not-understood"] + (["not-understood-again"] if conv.misses >= 2 else [])
    said = Raw(_LONG_NUMBER.sub("•••", text[:60]))  # a NIK or a phone is not read back
    parts = tuple(Msg(k, {"text": said, "contact": ctx.program.contact}) for k in keys)
    return [Reply(parts, tuple(choices))], False


FALLBACK = ("check", "status", "info", "help")
_NOT_SUGGESTED = frozenset({"officer", "question", "delete", "optout"})  # officer: added last
_LONG_NUMBER = re.compile(r"\d[\d .-]{6,}\d")  # offered when the reader saw nothing at all


_NO_WORDS = frozenset({"<q>", "<empty>"})  # what the reader sees of "?", "??", "..."


def _only_a_nik(text: str) -> bool:
    return [w for w in features(text).split() if w not in COURTESY] == ["<nik>"]


async def at_the_menu(ctx: Context, person: Person, conv: Conversation, text: str) -> Routed:
    """Free text at the menu or as a first message: what it asks for, decided by the
    reader's confidence."""
    if leaving_program(text):  # a question for an officer, not a check (finding A3)
        conv.misses = 0
        return await act(ctx, person, conv, "question", text)
    d = decide(reading(ctx, conv, text), ctx.reader.thresholds)
    if _only_a_nik(text):  # a NIK with nothing asked for it: the choices, nothing started
        d = Decision(Verdict.UNSURE, "none", 0.0, FALLBACK)
    if d.verdict is Verdict.ACT and d.label in ("optin", "optout") and place_of(conv):
        # the answer to the reminders offer just made, as its two buttons are: saying no to
        # an offer stops nothing that was on, so it needs no confirmation
        conv.misses = 0
        return await act(ctx, person, conv, d.label, text, sure=True)
    if d.verdict is Verdict.ACT and d.label == "optin" and d.confidence < CONSENT_SURE:
        return [_confirm(conv, d.label, text)], False
    if d.verdict is Verdict.ACT:
        conv.misses = 0
        return await act(ctx, person, conv, d.label, text)
    if d.verdict is Verdict.ASK:
        return await _offer(ctx, person, conv, text, d)
    return await not_understood(ctx, person, conv, text, d)


async def inside_a_question(
    ctx: Context, person: Person, conv: Conversation, text: str
) -> Routed | None:
    """A message in the middle of a question that is plainly not its answer: a request or a
    question the reader is sure of ("eh bentar, mau cek status dulu"); between two requests,
    which one. None: an answer, for the step's own parser (the answers so far stay)."""
    if conv.step in NUMBER_STEPS and any(c.isdigit() for c in text) and "?" not in text:
        return None  # a NIK, an age, a phone number, a date: exact rules read them
    if conv.step in NUMBER_STEPS and parse_reference(text) is not None:
        return None  # "PJK-ABCDE": a reference with no digit in it is exact too
    if (conv.flow, conv.step) == ("kabar", "relation") and reporter_relation(text):
        return None  # "saya anaknya", "kula putranipun": who reports, for the step's parser
    if (conv.flow, conv.step) == ("kabar", "date") and parse_day(text, ctx.today) is not None:
        return None  # "kemarin", "tadi pagi": a day, read exactly (the corpus has no dates)
    if leaving_program(text):  # "eh, saya mau berhenti jadi peserta saja": for an officer
        return await act(ctx, person, conv, "question", text)
    if features(text) in _NO_WORDS:
        # a bare "?" asks nothing the reader could name (it read the program's terms): the
        # step's own hint says what is asked (finding F6: "Pilih kecamatan 1–3")
        return None
    r = reading(ctx, conv, text)
    d = decide(r, ctx.reader.thresholds)
    if conv.flow == "kabar" and d.label.startswith("report:"):
        return None  # what happened, typed inside the report itself
    if d.label == "cancel" and "menu" in [lab for lab, _ in r.ranked[:2]]:
        # "kembali ke menu awal": of two close readings, the one that deletes nothing (the
        # menu keeps the draft to resume); a cancel alone is asked first (finding A2)
        d = Decision(d.verdict, "menu", d.confidence, d.choices)
    if d.label in SMALL_TALK and r.p("answer") >= SMALL_TALK_OVER_ANSWER:
        return None  # "Painem" at the name question: an answer that looks like a greeting
    if d.verdict is Verdict.ACT and d.label == "optin" and d.confidence < CONSENT_SURE:
        return [_confirm(conv, d.label, text)], False
    if d.verdict is Verdict.ACT:  # a greeting or thanks too: answered, the question again
        return await act(ctx, person, conv, d.label, text)
    if d.verdict is Verdict.ASK and "answer" not in [lab for lab, _ in r.ranked[:2]]:
        return await _offer(ctx, person, conv, text, d)
    return None


def claimed(ctx: Context, conv: Conversation, text: str) -> bool:
    """The reader is sure the message says something other than an answer (a request, a
    question, thanks): its yes or no words are not an answer to the buttons shown ("apa ada
    kuota ya?", "makasih ya min")."""
    return decide(reading(ctx, conv, text), ctx.reader.thresholds).verdict is Verdict.ACT


async def picked(ctx: Context, person: Person, conv: Conversation, value: str) -> Routed:
    """A button of the reader's own: a meaning picked ("mean:check", "mean:" for neither) or
    a destructive request confirmed ("do:optout", "do:" for no)."""
    state = Offered.of(conv)
    kind, _, label = value.partition(":")
    Offered.clear(conv)
    if kind == "do":
        if label and label == state.confirm:
            return await act(ctx, person, conv, label, state.text, sure=True)
        return [with_note(Msg("reader-kept"), await prompt_for(ctx, person, conv))], False
    if label and label not in LABELS:
        return [with_note(Msg("button-expired"), await prompt_for(ctx, person, conv))], False
    if state.text and label != state.read:
        await learning.note_unclear(
            ctx, person, state.text, state.read, state.confidence, label or "none"
        )
    if not label:
        prompt = await prompt_for(ctx, person, conv)
        officer = _means(conv, "officer")
        return [Reply((Msg("reader-neither"), *prompt.parts), (*prompt.buttons, officer),
                      prompt.list_title)], False  # fmt: skip
    conv.misses = 0
    return await act(ctx, person, conv, label, state.text, sure=True)


async def picked_meaning(ctx: Context, person: Person, conv: Conversation, rest: str) -> Routed:
    return await picked(ctx, person, conv, "mean:" + rest)


async def picked_confirmation(
    ctx: Context, person: Person, conv: Conversation, rest: str
) -> Routed:
    return await picked(ctx, person, conv, "do:" + rest)


async def on_text(
    ctx: Context, person: Person, conv: Conversation, msg: Incoming
) -> Routed | Incoming | None:
    """Typed text, read before it counts as an answer: a button of the message last shown (its
    number, its label, yes/no), two equally close asked about, or a request plainly made in
    the middle of a question."""
    text = msg.text.strip()
    shown = await shown_buttons(ctx, person, conv)
    typed = typed_button(ctx, person, shown, text)
    if isinstance(typed, Which):
        return [ask_which(typed)], False
    if typed is None and person.officer:
        typed = officer_label(ctx, person, conv, shown, text)
    if typed is None and number_beyond(conv, shown, text):
        # "5" under two buttons is a slip, not a main-menu choice (findings A5/N4)
        return [pick_a_number(shown)], False
    read = conv.flow in ASIDE_FLOWS or conv.flow == "idle"
    if typed is None and conv.flow in ASIDE_FLOWS:
        aside = await inside_a_question(ctx, person, conv, text)
        if aside is not None:
            return aside
    # a yes or a no inside a sentence presses a button, unless the reader finds a request
    # in the sentence, or the check's own questions read the sentence ("ora tau oleh
    # bantuan" is a no to DTKS, though "ora tau" alone is "don't know")
    said_in_words = conv.flow != "check" and not (read and claimed(ctx, conv, text))
    if typed is None and said_in_words:
        said = typed_button(ctx, person, shown, text, sentence=True)
        typed = said if isinstance(said, str) else None
    if typed is not None:
        return replace(msg, kind=Kind.BUTTON, data=typed, text="")
    return None


async def typed_command(
    ctx: Context, person: Person, conv: Conversation, command: str, text: str
) -> Routed | None:
    """A command named by a bare word, before it runs. "batal" typed mid-check may be a pause
    or a change of mind about one answer: the answers are deleted after a yes (A2); /batal
    and the Batal button are the explicit forms and act at once."""
    if command == "cancel":
        return await act(ctx, person, conv, "cancel", text)
    return None


def last_offered(conv: Conversation) -> list[str]:
    """The buttons last shown are offered too (at this version: the router checks it), even
    when the step's own question has others (the status list's "Cek usulan lain")."""
    return [data for _, data in Shown.of(conv).buttons]


async def menu_text(ctx: Context, person: Person, conv: Conversation, text: str) -> Routed:
    """Free text at the menu: agreeing words after declining the consent ("ya udah setuju
    deh" after "Tidak setuju") ask the consent question again, not a status request (N6);
    anything else as at the menu."""
    consented = person.consent_version == ctx.settings.privacy_notice_version
    if person.role is Role.CITIZEN and not consented and agrees(text):
        return await ctx.capabilities.commands["check"].run(ctx, person, conv, "")
    return await at_the_menu(ctx, person, conv, text)
