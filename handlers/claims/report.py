""" "Kabar duka / kecelakaan": anyone reports a death or a work accident of a participant.

```mermaid
flowchart LR
    kind[Apa yang terjadi?] --> who[Siapa yang melapor?]
    who -->|peserta sendiri| date
    who -->|keluarga / orang lain| ident[Nomor usulan atau NIK] --> name[Nama] --> date[Tanggal]
    date -->|kecelakaan| traffic[Di jalan raya?] --> done
    date -->|meninggal| done[Kasus dibuka: langkah, berkas, ahli waris, tempat, beasiswa]
```

A reporter is never told whether the person they named is covered: the case opens either way
and an officer of the Dinas contacts them (issue 20). Only a participant reporting their own
accident sees their cover.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import ClassVar

from domain.answers import Tri, parse_tri, reporter_relation
from domain.claims import ClaimKind
from domain.dates import parse_day
from domain.reference import parse_reference
from domain.text import edit_distance, nik_in, tokens
from handlers.claims import cases as claims
from handlers.claims.port import Ctx as Context
from handlers.core.capability import Command, Flow, Routed
from handlers.core.engine import Input, button, reply, with_note
from handlers.core.menu import menu
from handlers.core.messages import Msg, Reply
from handlers.core.records import Conversation, Person, Role
from handlers.core.state import FlowState
from handlers.nominations import Nomination

FLOW = "kabar"
MAX_NAME = 100


@dataclass
class ReportState(FlowState):
    KEY: ClassVar[str] = "kabar"
    kind: str = ""
    relation: str = ""
    nomination_id: int = 0
    nik: str = ""  # sealed
    named: str = ""
    event_date: str = ""  # ISO


MAX_REPORTS_PER_DAY = 3  # a family reports once; more from one account is a mistake or abuse
REPORTED = "claim.reported"


async def start(ctx: Context, person: Person, conv: Conversation, kind: str = "") -> Reply:
    if ctx.program.claims is None:
        return with_note(Msg("claim-not-available"), menu(ctx, conv, person=person))
    since = ctx.now - timedelta(days=1)
    # counted by the account, not the person's id: /hapus gives a new id (issue 26)
    if person.role is Role.CITIZEN and (
        await ctx.store.count_account_marks(person, REPORTED, since) >= MAX_REPORTS_PER_DAY
    ):
        office = ctx.program.claims.office
        note = Msg("report-too-many", {"office": office.name, "phone": office.phone})
        return with_note(note, menu(ctx, conv, person=person))
    ReportState.clear(conv)
    conv.flow = FLOW
    conv.version += 1
    if kind in {k.value for k in ClaimKind}:
        ReportState(kind=kind).save(conv)
        return _after_kind(ctx, person, conv)
    conv.step = "kind"
    return _prompt_for(ctx, conv)


def _prompt_for(ctx: Context, conv: Conversation) -> Reply:
    cancel = button(conv, "btn-cancel", "cancel")
    step = conv.step
    if step == "kind":
        return reply("report-ask-kind", *(button(conv, f"btn-report-{k.value}", k.value)
                                          for k in ClaimKind), cancel)  # fmt: skip
    if step == "relation":
        options = ["family", "other"]
        if ReportState.of(conv).kind == ClaimKind.ACCIDENT.value:
            options.insert(0, "self")
        return reply("report-ask-relation",
                     *(button(conv, f"btn-relation-{o}", o) for o in options), cancel)  # fmt: skip
    if step == "ident":
        return reply("report-ask-ident", cancel)
    if step == "name":
        return reply("report-ask-name", cancel)
    if step == "date":
        return reply("report-ask-date", button(conv, "btn-today", "today"), cancel)
    return reply(
        "report-ask-traffic", button(conv, "btn-yes", "ya"), button(conv, "btn-no", "tidak"), cancel
    )


def _after_kind(ctx: Context, person: Person, conv: Conversation) -> Reply:
    state = ReportState.of(conv)
    if person.role in (Role.LURAH, Role.ADMIN):
        state.relation = "officer"  # a lurah reporting for a resident: no need to ask
        state.save(conv)
        conv.step = "ident"
    else:
        conv.step = "relation"
    return _prompt_for(ctx, conv)


async def _take(ctx: Context, person: Person, conv: Conversation, inp: Input) -> Routed:
    state = ReportState.of(conv)
    step = conv.step
    note: Msg | None = None
    if step == "kind":
        kind = inp.choice or _kind_in(inp.text)
        if kind not in {k.value for k in ClaimKind}:
            return [with_note(Msg("report-err-kind"), _prompt_for(ctx, conv))], False
        state.kind = kind
        state.save(conv)
        conv.version += 1
        return [_after_kind(ctx, person, conv)], False
    if step == "relation":
        relation = inp.choice or reporter_relation(inp.text)
        if relation not in ("self", "family", "other") or (
            relation == "self" and state.kind != ClaimKind.ACCIDENT.value
        ):
            return [with_note(Msg("report-err-relation"), _prompt_for(ctx, conv))], False
        state.relation = relation
        if relation == "self":
            own = _covered_first(await ctx.store.nominations_of(person.id))
            if own is not None:
                state.nomination_id = own.id
        conv.step = "date" if state.nomination_id else "ident"
    elif step == "ident":
        found, problem = await _identify(ctx, inp.text)
        if problem is not None:
            return [with_note(problem, _prompt_for(ctx, conv))], False
        nomination, nik = found
        state.nomination_id = nomination.id if nomination else 0
        state.nik = ctx.store.seal_nik(nik) if nik else ""
        # the name too, whatever was found: asking it only when nothing matched would tell a
        # stranger which references exist
        conv.step = "name"
    elif step == "name":
        name = " ".join(inp.text.split())[:MAX_NAME]
        if len(name) < 2 or any(c.isdigit() for c in name):
            return [with_note(Msg("report-err-name"), _prompt_for(ctx, conv))], False
        state.named = name
        conv.step = "date"
    elif step == "date":
        on = ctx.today if inp.choice == "today" else parse_day(inp.text, ctx.today)
        years = 5  # the JKK claim right lapses after five years; nothing older is a new case
        if on is None or on > ctx.today or (ctx.today - on).days > 366 * years:
            key = "report-err-future" if on is not None and on > ctx.today else "report-err-date"
            return [with_note(Msg(key), _prompt_for(ctx, conv))], False
        state.event_date = on.isoformat()
        if state.kind == ClaimKind.DEATH.value:
            state.save(conv)
            return await _finish(ctx, person, conv, traffic=False)
        conv.step = "traffic"
    elif step == "traffic":
        answer = inp.choice or (parse_tri(inp.text) or "")
        if answer not in (Tri.YES.value, Tri.NO.value):
            return [with_note(Msg("report-err-yesno"), _prompt_for(ctx, conv))], False
        state.save(conv)
        return await _finish(ctx, person, conv, traffic=answer == Tri.YES.value)
    state.save(conv)
    conv.version += 1
    return [with_note(note, _prompt_for(ctx, conv)) if note else _prompt_for(ctx, conv)], False


async def _identify(
    ctx: Context, text: str
) -> tuple[tuple[Nomination | None, str | None], Msg | None]:
    """A reference code finds its nomination; a NIK finds the active one holding it, or none
    (the case still opens: the officer checks). The reporter is told neither way."""
    ref = parse_reference(text)
    if ref is not None:
        return (await ctx.store.nomination_by_ref(ref), None), None
    digits = "".join(c for c in nik_in(text) if c.isdigit())  # "3577 0124 …", "3577.0124…"
    if len(digits) != 16:  # a wrong date or region is the officer's to check, not a reason
        return (None, None), Msg("report-err-ident")
    return (await ctx.store.active_nomination_for_nik(digits), digits), None


def _covered_first(noms: list[Nomination]) -> Nomination | None:
    covered = [n for n in noms if n.coverage_start is not None]
    pool = covered or noms
    return max(pool, key=lambda n: n.id) if pool else None


async def _finish(ctx: Context, person: Person, conv: Conversation, traffic: bool) -> Routed:
    state = ReportState.of(conv)
    nomination = (
        await ctx.store.nomination_by_id(state.nomination_id) if state.nomination_id else None
    )
    report = claims.Report(
        kind=ClaimKind(state.kind), event_date=date.fromisoformat(state.event_date),
        relation=state.relation, traffic=traffic, nomination=nomination,
        named=state.named or None, nik=ctx.store.open_nik(state.nik) if state.nik else None,
    )  # fmt: skip
    claim = await claims.open_case(ctx, person, report)
    if person.role is Role.CITIZEN:
        await ctx.store.mark_account(person, REPORTED, ctx.now)
    shown = nomination if claims.is_participant(person, nomination) else None
    if shown is not None and shown.coverage_start is None:
        shown = None
    out = claims.guidance(ctx, claim, shown)
    ReportState.clear(conv)
    conv.version += 1
    last = menu(ctx, conv, person=person)
    return [*out[:-1], Reply((*out[-1].parts, *last.parts), last.buttons, last.list_title)], False


KIND_WORDS = {
    ClaimKind.WORK_DEATH: ("meninggal karena kecelakaan", "meninggal kecelakaan kerja",
                           "kecelakaan meninggal", "died in an accident", "tilar donya kacilakan"),
    ClaimKind.DEATH: ("meninggal", "wafat", "mati", "sedo", "seda", "tilar donya", "died",
                      "death", "passed away", "duka", "innalillahi"),
    ClaimKind.ACCIDENT: ("kecelakaan", "celaka", "kacilakan", "jatuh", "luka", "tabrakan",
                         "accident", "injured"),
}  # fmt: skip


def _kind_in(text: str) -> str:
    """What happened, read from the words: a phrase as written, or a long word with one typo
    ("meningal", "kecelakan"), as the menu's matcher tolerates them."""
    low = " ".join(tokens(text))
    typed = low.split()
    for kind, words in KIND_WORDS.items():
        if any(w in low for w in words):
            return kind.value
        if any(" " not in w and len(w) >= 6 and edit_distance(w, t, 1) <= 1
               for w in words for t in typed):  # fmt: skip
            return kind.value
    return ""


async def _prompt(ctx: Context, person: Person, conv: Conversation) -> Reply:
    return _prompt_for(ctx, conv)


async def _report(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    """/kabar [what happened]; the reader passes the kind it read ("death", "accident")."""
    kind = arg if arg in {k.value for k in ClaimKind} else _kind_in(arg) if arg else ""
    return [await start(ctx, person, conv, kind)], False


REPORT = Flow(FLOW, _prompt, _take, commands=(
    Command("report", ("kabar", "lapor", "klaim", "duka"), _report),
))  # fmt: skip
