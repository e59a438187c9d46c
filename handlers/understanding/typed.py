"""People who type: the buttons last shown are the ones a typed number, label or "iya"
means; requests and questions in sentences are understood wherever the person is not
answering a question, and inside one when they plainly ask for something else.

```mermaid
flowchart TD
    text[Typed text] --> cmd{/command or bare word?}
    cmd -->|yes| run[Run the command]
    cmd -->|no| shown{A number, a label or yes/no for the buttons last shown?}
    shown -->|one| press[Taken as that button]
    shown -->|two close| which[Ask which of the two]
    shown -->|no| intent{A request or an FAQ question?}
    intent -->|at the menu, or plainly asked inside a question| act[Do it; come back after]
    intent -->|no| answer[An answer to the current question, or 'not understood' at the menu]
```
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, ClassVar

from domain.answers import Tri, parse_tri
from domain.program import Program
from domain.understand import FaqPhrases, Understood, asks, faq_phrases, match_label, understand
from handlers.core.capability import Routed, prompt_for
from handlers.core.engine import button, with_note
from handlers.core.messages import Button, ButtonKind, Incoming, Kind, Msg, Raw, Reply
from handlers.core.program_info import info_args
from handlers.core.records import Conversation, Person
from handlers.core.state import FlowState, Resume
from handlers.understanding import language, learning
from handlers.understanding.port import Ctx as Context

# The buttons that say yes, no or "I don't know" wherever they are shown, by their label's key:
# "iya", "nggih", "leres", "oke", "lanjut" press the first yes-button shown, and so on.
ROLE_KEYS = {
    Tri.YES: ("btn-yes", "btn-correct", "btn-agree", "btn-confirm", "btn-optin-yes",
              "btn-delete-yes", "btn-in-person-yes", "btn-file", "bc-send"),
    Tri.NO: ("btn-no", "btn-change", "btn-not-correct", "btn-disagree", "btn-optin-no",
             "btn-delete-no", "bpjs-tidak"),
    Tri.DONT_KNOW: ("btn-dont-know",),
}  # fmt: skip
GO_ON_WORDS = frozenset({"lanjut", "lanjutkan", "kirim", "ajukan", "next", "send", "terus"})
# The flows whose questions a citizen answers with short words; where an officer writes free
# text (a broadcast, a reason, a question for the citizen) or a citizen answers one, nothing
# typed is taken for a request.
ASIDE_FLOWS = frozenset({"check", "status", "kabar"})
# Requests honoured in the middle of a question when they are all the message says.
INSIDE = frozenset({"status", "help", "lang", "lang:en", "lang:jv", "lang:id", "delete",
                    "officer", "cancel", "menu", "optout", "mydata"})  # fmt: skip


@dataclass
class Shown(FlowState):
    """The buttons of the last message the person saw, whatever the flow."""

    KEY: ClassVar[str] = "shown"
    buttons: list[list[Any]] = field(default_factory=list)  # [label as JSON, data]

    def remember(self, replies: list[Reply]) -> None:
        last = next((r for r in reversed(replies) if r.buttons), None)
        shown = last.buttons if last is not None else ()
        self.buttons = [[b.label.to_json(), b.data] for b in shown if b.kind is ButtonKind.CALLBACK]


def remember_shown(conv: Conversation, replies: list[Reply]) -> None:
    if not replies:
        return
    shown = Shown.of(conv)
    shown.remember(replies)
    shown.save(conv)


@dataclass(frozen=True)
class Which:
    """Two labels equally close to what was typed: ask which was meant."""

    buttons: tuple[Button, ...]


async def typed_button(
    ctx: Context, person: Person, conv: Conversation, text: str
) -> str | Which | None:
    """The data of the shown button a typed message means: its number, its label (any case,
    emoji, punctuation or a small typo), or a yes / no / don't-know word for it. The buttons
    are those of the last message the person saw: a reply, or a notice sent since."""
    latest = await ctx.store.buttons_sent_since(person, conv.updated_at)
    kept = latest or Shown.of(conv).buttons
    shown = [Button(Msg.from_json(label), data) for label, data in kept]
    if not shown:
        return None
    t = text.strip().rstrip(".!)")
    if t.isdigit() and len(t) <= 2:
        n = int(t)
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
    said = Tri.YES if text.strip().lower() in GO_ON_WORDS else parse_tri(text)
    if said is None:
        return None
    keys = ROLE_KEYS[said]
    return next((b.data for b in shown if b.label.key in keys), None)


def ask_which(which: Which) -> Reply:
    return Reply((Msg("which-one"),), which.buttons)


@lru_cache(maxsize=4)
def _program_faq(program: Program) -> FaqPhrases:
    return faq_phrases(program.faq)  # once per program, not once per message


def understood(ctx: Context, text: str) -> Understood | None:
    return understand(text, _program_faq(ctx.program))


async def act(ctx: Context, person: Person, conv: Conversation, u: Understood, text: str) -> Routed:
    """Do what the person asked; a question or a side request comes back to where they were."""
    if u.intent.startswith("faq:"):
        note = Msg(f"faq-{u.intent[4:]}", info_args(ctx))
        return [with_note(note, await prompt_for(ctx, person, conv))], False
    if u.intent.startswith("lang:"):
        if conv.flow != language.FLOW:
            Resume.mark(conv)
        return [await language.set_language(ctx, person, conv, u.intent[5:])], False
    if u.intent == "officer":
        return await ctx.capabilities.commands["officer"].run(ctx, person, conv, "")
    if u.intent in ("greeting", "thanks"):
        key = "welcome" if u.intent == "greeting" else "thanks-reply"
        return [with_note(Msg(key), await prompt_for(ctx, person, conv))], False
    command = ctx.capabilities.commands[u.intent]
    conv.version += 1
    # a report's own words say what happened ("bapak meninggal kemarin"): the flow reads them
    return await command.run(ctx, person, conv, text if u.intent == "report" else "")


async def inside_a_question(
    ctx: Context, person: Person, conv: Conversation, text: str
) -> Routed | None:
    """A message in the middle of a question that is plainly not its answer: a question the
    FAQ answers, or a request that is all the message says ("status usulan saya")."""
    u = understood(ctx, text)
    if u is None:
        return None
    if u.intent.startswith("faq:") and (u.question or u.whole) and len(text) <= 200:
        return await act(ctx, person, conv, u, text)
    if u.whole and u.intent in INSIDE and u.matched >= (1 if u.intent != "status" else 2):
        return await act(ctx, person, conv, u, text)
    return None


SUGGESTIONS = (("check", "menu-check"), ("status", "menu-status"), ("info", "menu-info"),
               ("help", "menu-help"), ("officer", "btn-ask-officer"))  # fmt: skip


async def at_the_menu(ctx: Context, person: Person, conv: Conversation, text: str) -> Routed:
    """Free text at the menu or as a first message: what it asks for, or, not understood,
    what was read and the likely choices (never the same menu twice)."""
    u = understood(ctx, text)
    if u is not None:
        return await act(ctx, person, conv, u, text)
    if asks(text):  # a question nothing here answers: a person will
        conv.misses = 0
        assert ctx.capabilities.question is not None  # "Tanya petugas" is in the table
        return await ctx.capabilities.question(ctx, person, conv, text)
    await learning.note_unclear(ctx, person, text, None, None)  # issue 27: teaches the reader
    conv.misses += 1
    conv.flow, conv.step = "idle", ""
    choices = [button(conv, key, value) for value, key in SUGGESTIONS]
    keys = ["not-understood"] + (["not-understood-again"] if conv.misses >= 2 else [])
    parts = tuple(Msg(k, {"text": Raw(text[:60]), "contact": ctx.program.contact}) for k in keys)
    return [Reply(parts, tuple(choices))], False


async def on_text(
    ctx: Context, person: Person, conv: Conversation, msg: Incoming
) -> Routed | Incoming | None:
    """Typed text, read before it counts as an answer: a button of the message last shown (its
    number, its label, yes/no), two equally close asked about, or a request plainly made in
    the middle of a question."""
    text = msg.text.strip()
    typed = await typed_button(ctx, person, conv, text)
    if isinstance(typed, Which):
        return [ask_which(typed)], False
    if typed is not None:
        return replace(msg, kind=Kind.BUTTON, data=typed, text="")
    if conv.flow in ASIDE_FLOWS:
        return await inside_a_question(ctx, person, conv, text)
    return None
