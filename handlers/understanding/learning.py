"""Real messages teach the reader (issue 27, point 7; DESIGN "Understanding typed messages",
Rasa's conversation-driven development): a message not understood, or a reading the person
corrected by choosing another option, is kept masked for 90 days; the Dinas labels each on the
console; `siaga admin corpus export` writes the labelled ones in the corpus's format for the
next training.

```mermaid
flowchart LR
    typed[Not understood / corrected] -->|note_unclear, masked| kept[(unclear_messages 90 d)]
    kept -->|console: Pelajari| labelled[Labelled with a `means`] & gone[Discarded: deleted]
    labelled -->|siaga admin corpus export| yaml[Corpus YAML] -->|training command| reader[Reader]
```
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Any

from domain.learning import (
    LANGUAGES,
    PLACES,
    CorpusGroup,
    corpus_groups,
    fixed_labels,
    guess_language,
    place_of,
    typed_fields,
    typed_value,
)
from domain.masking import mask
from domain.program import Program
from handlers.check import draft_name
from handlers.core.engine import MAX_TEXT
from handlers.core.messages import Msg
from handlers.core.records import Conversation, Person, Role
from handlers.understanding.port import Ctx as Context
from handlers.understanding.records import Unclear

KEEP_DAYS = 90  # issue 27: long enough for the Dinas to label, then gone
PER_DAY = 20  # a person's messages kept in 24 hours: honest confusion, not a flood
PAGE = 20
MAX_LABEL = 64  # what the reader read or the person chose: a `means` value


async def note_unclear(
    ctx: Context,
    person: Person,
    text: str,
    reading: str | None,
    confidence: float | None,
    chosen: str | None = None,
) -> None:
    """Keep one message the reader did not understand (`reading` None, or below its
    threshold with its `confidence`), or read as `reading` while the person chose `chosen`.
    Masked before it is stored; never an officer's own words; odd arguments are dropped,
    never raised."""
    if person.officer or not isinstance(text, str):
        return
    text = " ".join(text.split())[:MAX_TEXT]
    if not text:
        return
    if await ctx.store.unclear_count(person.id, ctx.now - timedelta(days=1)) >= PER_DAY:
        return
    conv = await ctx.store.conversation(person.id)  # as stored: where the message was typed
    place = place_of(conv.flow, conv.step, not conv.stored, _reminders_shown(conv))
    names = [n for n in (person.display_name, draft_name(conv)) if n]
    masked = mask(text, _known(ctx.program), names, expect_name=place == "name")
    await ctx.store.add_unclear(
        person_id=person.id, channel=person.channel, place=place,
        lang=guess_language(masked, _words(), person.locale), text=masked,
        reading=_means(reading), confidence=_confidence(confidence), chosen=_means(chosen),
        now=ctx.now,
    )  # fmt: skip


def _reminders_shown(conv: Conversation) -> bool:
    """The reminders question was the last thing shown. Read from the buttons the router
    keeps (handlers.understanding.Shown: [label, data] pairs under "shown"), not through that
    module, which calls this one."""
    shown = conv.answers.get("shown")
    buttons = shown.get("buttons") if isinstance(shown, dict) else None
    return isinstance(buttons, list) and any(
        isinstance(b, list) and len(b) == 2 and b[1] == "n|optin" for b in buttons
    )


def _means(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value[:MAX_LABEL] if value.isprintable() and value else None


def _confidence(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    c = float(value)
    return c if math.isfinite(c) and 0.0 <= c <= 1.0 else None


def _words() -> dict[str, frozenset[str]]:
    from domain.corpus_words import WORDS  # 2,400 words: loaded at the first miss, not at start

    return WORDS


@lru_cache(maxsize=4)
def _known(program: Program) -> frozenset[str]:
    """Words that are not names: the corpus's, and the city's places and occupations."""
    words = set().union(*_words().values())
    regions = program.regions
    names = [k.name for k in regions.kecamatan] + [k.name for k in regions.all_kelurahan]
    names += [regions.city_name]
    names += [w for o in program.occupations.occupations for w in o.words]
    for name in names:
        words.update(w.lower() for w in name.replace("-", " ").split())
    return frozenset(words)


# --- the console's page: unlabelled messages, a label, or gone --------------------------------
@dataclass(frozen=True)
class Waiting:
    items: list[Unclear]
    total: int
    page: int
    pages: int
    readings: list[str | None]
    labelled: int  # labelled, waiting for an export


async def waiting(ctx: Context, place: str | None, reading: str | None, page: int) -> Waiting:
    place = place if place in PLACES else None
    page = max(page, 1)
    items, total = await ctx.store.unclear_waiting(place, reading or None, (page - 1) * PAGE, PAGE)
    pages = max((total + PAGE - 1) // PAGE, 1)
    readings = await ctx.store.unclear_readings()
    return Waiting(items, total, page, pages, readings, await ctx.store.labelled_count())


class Labelled(StrEnum):
    DONE = "done"
    BAD_LABEL = "bad-label"  # not one of the corpus's `means`
    BAD_VALUE = "bad-value"  # an answer whose typed value its field cannot have
    GONE = "gone"  # labelled or discarded meanwhile, or purged
    FORBIDDEN = "forbidden"


def label_of(ctx: Context, means: str, value: str) -> tuple[str | None, Labelled]:
    """The corpus label for a choice of the console's list and a typed value."""
    if means in fixed_labels():
        return means, Labelled.DONE
    field_name = means.removeprefix("answer:").removesuffix("=")
    if not means.startswith("answer:") or field_name not in typed_fields():
        return None, Labelled.BAD_LABEL
    found = typed_value(field_name, value)
    if found is not None and field_name == "kelurahan":
        kel = ctx.program.regions.kelurahan_named(found)
        found = kel.name if kel else None
    elif found is not None and field_name == "kecamatan":
        kec = ctx.program.regions.resolve("kecamatan " + found).kecamatan
        found = kec.name if kec else None
    elif found is not None and field_name == "occupation":
        occupations = ctx.program.occupations
        occ = occupations.by_code(found.upper().replace(" ", "_")) or occupations.classify(found)
        found = occ.code if occ else None
    if found is None:
        return None, Labelled.BAD_VALUE
    return f"answer:{field_name}={found}", Labelled.DONE


async def label(
    ctx: Context, officer: Person, message_id: int, means: str, value: str, lang: str
) -> Labelled:
    if officer.role is not Role.ADMIN:
        return Labelled.FORBIDDEN
    found, outcome = label_of(ctx, means, value)
    if found is None:
        return outcome
    kept = await ctx.store.unclear_message(message_id)
    if kept is None:
        return Labelled.GONE
    language = lang if lang in LANGUAGES else kept.lang
    if not await ctx.store.label_unclear(message_id, found, language, officer.id, ctx.now):
        return Labelled.GONE
    await ctx.store.audit(actor=officer.id, action="learning.label", now=ctx.now,
                          after={"id": message_id, "means": found, "lang": language})  # fmt: skip
    return Labelled.DONE


async def discard(ctx: Context, officer: Person, message_id: int) -> bool:
    """Nothing to learn from it: deleted at once, not kept for the 90 days."""
    if officer.role is not Role.ADMIN or not await ctx.store.drop_unclear(message_id):
        return False
    await ctx.store.audit(actor=officer.id, action="learning.discard", now=ctx.now,
                          after={"id": message_id})  # fmt: skip
    return True


# --- what lasts: the corpus export, and the daily purge ---------------------------------------
async def export_corpus(
    ctx: Context, since: date | None, write: Callable[[list[CorpusGroup]], Any], who: str
) -> tuple[int, int]:
    """The labelled messages (typed since `since`, the city's date) as corpus groups, handed
    to `write`; audited once written. Returns (messages, groups)."""
    start = datetime.combine(since, time(), ctx.tz) if since is not None else None
    rows = await ctx.store.labelled_unclear(start)
    groups = corpus_groups((r.place, r.label or "", r.lang, r.text) for r in rows)
    write(groups)
    messages = sum(len(texts) for g in groups for texts in g.texts.values())
    await ctx.store.audit(
        actor=None, action="learning.export", now=ctx.now, detail=who,
        after={"messages": messages, "groups": len(groups),
               "since": since.isoformat() if since else None},
    )  # fmt: skip
    return messages, len(groups)


async def purge(ctx: Context) -> int:
    """Gone after 90 days, labelled or not (README, "What is stored")."""
    return await ctx.store.purge_unclear(ctx.now - timedelta(days=KEEP_DAYS))


async def held(ctx: Context, person: Person, conv: Conversation) -> list[Msg]:
    """Messages kept of them in /dataku: masked, but still theirs to know of and to erase."""
    kept = await ctx.store.unclear_count(person.id)
    return [Msg("dataku-unclear", {"count": kept, "days": KEEP_DAYS})] if kept else []


async def forget(ctx: Context, person: Person) -> None:
    """/hapus: their kept messages go at once."""
    await ctx.store.forget_unclear(person.id)
