"""The self-check form: one question at a time, in this order, each answer stored in the
conversation (never in memory) so a chat resumes where it stopped, days later.

```mermaid
flowchart TD
    menu[Menu] -->|Cek kelayakan| consent{Persetujuan data}
    consent -->|Tidak| bye[Pamit; menu info tetap ada]
    consent -->|Setuju| name[Nama sesuai KTP]
    name --> nik[NIK] --> nikc{NIK dibacakan ulang}
    nikc -->|Ubah| nik
    nikc -->|sudah ada usulan aktif| existing[Tidak bisa diusulkan lagi; pemilik: /status]
    nikc -->|Benar| agec{Umur dari NIK benar?}
    agec -->|Bukan| agein[Umur sebenarnya: dicatat]
    agec --> kec[Kecamatan]
    agein --> kec
    kec --> kel[Kelurahan] --> occ[Pekerjaan] --> bpjs[BPJS TK sekarang?]
    bpjs --> dtks[DTKS/DTSEN?] --> heirs[Anak usia sekolah?] --> phone[No. HP, boleh dilewati]
    phone --> summary[Ringkasan: ubah satu jawaban]
    summary --> verdict[Hasil + alasan + langkah berikutnya]
    verdict -->|Ajukan| filed[Usulan PJK-XXXXX: menunggu lurah]
    agec & occ & bpjs & dtks -.->|hasil tak bisa berubah| stopped[Berhenti: alasan + info]
```
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, ClassVar

from domain.answers import (
    Bpjs,
    Tri,
    parse_bpjs,
    parse_heirs,
    parse_registry,
    parse_tri,
    plain_tri,
)
from domain.eligibility import Answers
from domain.nik import Nik, NikError, parse_nik
from domain.numbers import number_in_words
from domain.phone import parse_phone
from domain.reading import SMALL_TALK_OVER_ANSWER
from domain.regions import MatchKind
from domain.text import corrected, nik_in, parse_age, tokens
from domain.understand import name_in
from handlers.check.port import Ctx as Context
from handlers.core.engine import Input, button, contact_button, reply
from handlers.core.messages import Button, Msg, Raw, Reply, SealedNik
from handlers.core.records import Conversation
from handlers.core.state import FlowState


@dataclass
class CheckState(FlowState):
    """A check's answers so far: the draft a nomination is filed from."""

    KEY: ClassVar[str] = "check"
    name: str | None = None
    nik: str | None = None  # sealed (encrypted); opened only to read it back
    nik_masked: str | None = None
    nik_ok: bool = False
    age_done: bool = False
    stated_age: int | None = None  # when the person says the NIK's age is not theirs
    kecamatan: str | None = None
    kelurahan: str | None = None
    occupation: str | None = None  # a code from the program's list
    occupation_text: str | None = None  # as typed
    occupation_pending: str | None = None  # typed, not recognised: offered back to keep
    occupation_done: bool = False
    bpjs: str | None = None
    dtks: str | None = None
    heirs: str | None = None
    phone: str | None = None
    phone_done: bool = False
    on_behalf: bool = False  # a lurah filing for a resident (consent given in person)
    consent_in_person: bool = False
    # No registry list's word about the NIK is kept here (issue 26): the draft is what the
    # person said; the lists are read at filing, for the officers (see checked_answers).

    def reset(self, *names: str) -> None:
        defaults = CheckState()
        for name in names:
            setattr(self, name, getattr(defaults, name))

    @property
    def started(self) -> bool:
        return self.name is not None or self.nik is not None


@dataclass(frozen=True)
class Done:
    note: Msg | None = None
    goto: str | None = None  # an explicit next step; otherwise the first unanswered one


@dataclass(frozen=True)
class Retry:
    msg: Msg


Result = Done | Retry
Ask = Callable[[Context, Conversation, CheckState], Reply]
Take = Callable[[Context, CheckState, Input], Result]


@dataclass(frozen=True)
class Step:
    """One question: how it is asked, how its answer is read, when it counts as answered,
    and what changing it from the summary clears (with what depends on it)."""

    name: str
    ask: Ask
    take: Take
    answered: Callable[[CheckState], bool]
    edit: str | None = None  # the summary's "change …" button, when it can be changed there
    clears: tuple[str, ...] = ()
    in_order: bool = True  # False: reached only by a step's explicit goto


# --- reading the stored answers --------------------------------------------------------------


def current_nik(ctx: Context, a: CheckState) -> Nik | None:
    if a.nik is None:
        return None
    r = ctx.program.regions
    return parse_nik(ctx.store.open_nik(a.nik), ctx.today, r.nik_districts, r.nik_city).nik


def to_answers(ctx: Context, a: CheckState) -> Answers:
    """The person's own answers: all a verdict shown to them is made of (DESIGN rule 8)."""
    regions, occs = ctx.program.regions, ctx.program.occupations
    return Answers(
        nik=current_nik(ctx, a) if a.nik_ok else None,
        stated_age=a.stated_age,
        kelurahan=regions.kelurahan_by_code(a.kelurahan) if a.kelurahan else None,
        occupation=occs.by_code(a.occupation) if a.occupation else None,
        occupation_text=a.occupation_text,
        registry=Tri(a.dtks) if a.dtks else None,
        bpjs=Bpjs(a.bpjs) if a.bpjs else None,
        heirs=Tri(a.heirs) if a.heirs else None,
    )


async def look_up_lists(ctx: Context, a: CheckState) -> dict[str, list[Any]]:
    """What the Dinas's lists say of the NIK, for the officers' copy of a nomination (its
    card and the console): {"dtks": [found, "YYYY-MM-DD"], "bpjs": [segment or None, …]},
    each list's facts and date only, never the NIK."""
    if a.nik is None:
        return {}
    facts = await ctx.store.registry_facts(ctx.store.open_nik(a.nik))
    lists: dict[str, list[Any]] = {}
    if facts.dtks_as_of is not None:
        lists["dtks"] = [facts.dtks_found, facts.dtks_as_of.isoformat()]
    if facts.bpjs_as_of is not None:
        lists["bpjs"] = [facts.bpjs_segment, facts.bpjs_as_of.isoformat()]
    return lists


def checked_answers(answers: Answers, lists: dict[str, list[Any]]) -> Answers:
    """The answers with what the lists say: the verdict, reasons and priority officers see."""
    dtks, bpjs = lists.get("dtks"), lists.get("bpjs")
    return answers._replace(
        dtks_list=(dtks[0], date.fromisoformat(dtks[1])) if dtks else None,
        bpjs_list=(bpjs[0], date.fromisoformat(bpjs[1])) if bpjs else None,
    )


# --- the questions and their answers, step by step -------------------------------------------


def _tri_buttons(conv: Conversation, dont_know: bool = True) -> tuple[Button, ...]:
    out = [button(conv, "btn-yes", "ya"), button(conv, "btn-no", "tidak")]
    if dont_know:
        out.append(button(conv, "btn-dont-know", "tidak_tahu"))
    return tuple(out)


def _take_tri(
    inp: Input, allow_dk: bool = True, parse: Callable[[str], Tri | None] = parse_tri
) -> Tri | None:
    if inp.choice in ("ya", "tidak", "tidak_tahu"):
        return Tri(inp.choice)
    found = parse(inp.text)
    if found is Tri.DONT_KNOW and not allow_dk:
        return None
    return found


def _ask_name(ctx: Context, conv: Conversation, a: CheckState) -> Reply:
    return reply("ask-name", button(conv, "btn-cancel", "cancel"))


def _take_name(ctx: Context, a: CheckState, inp: Input) -> Result:
    typed = " ".join(inp.text.split())
    text = name_in(corrected(typed) or typed)  # "eh salah, Wahyu Hidayat": the name after
    if _not_a_name(ctx, text):
        return Retry(Msg("err-name-not-a-name"))
    letters = sum(c.isalpha() for c in text)
    if any(c.isdigit() for c in text) and letters < 2:
        return Retry(Msg("err-name-digits"))
    ok = 2 <= len(text) <= 80 and letters >= 2 and all(c.isalpha() or c in " .'-," for c in text)
    if not ok:
        return Retry(Msg("err-name"))
    # typed all in small letters or all in capitals (as on the KTP): stored as a name is written
    a.name = text.title() if text.islower() or text.isupper() else text
    return Done()


def _not_a_name(ctx: Context, text: str) -> bool:
    """ "inggih", "halo", "mau daftar", "wkwk": words that answer, ask or say nothing, not a
    name (the reader, reading them where a name is asked, is sure they are not one)."""
    if parse_tri(text) is not None:
        return True
    r = ctx.reader.read(text, "name")
    sure = r.label != "answer" and r.confidence >= ctx.reader.thresholds.act
    return sure and r.p("answer") < SMALL_TALK_OVER_ANSWER  # "Painem": greeting 0.63, name 0.27


def age_in(text: str, low: int = 1, high: int = 120) -> int | None:
    """An age in digits ("41 th") or in words ("patang puluh siji", "forty-one"); the one
    after a correction ("gak jadi 45, 46 ding")."""
    after = corrected(text)
    found = _age_in(after, low, high) if after else None
    return found if found is not None else _age_in(text, low, high)


def _age_in(text: str, low: int, high: int) -> int | None:
    found = parse_age(text, low, high)
    if found is None and not any(c.isdigit() for c in text):
        words = number_in_words(text)
        found = words if words is not None and low <= words <= high else None
    return found


def _ask_nik(ctx: Context, conv: Conversation, a: CheckState) -> Reply:
    return reply("ask-nik", button(conv, "btn-cancel", "cancel"))


def _take_nik(ctx: Context, a: CheckState, inp: Input) -> Result:
    r = ctx.program.regions
    result = parse_nik(nik_in(inp.text), ctx.today, r.nik_districts, r.nik_city)
    if result.nik is None:
        assert result.error is not None
        count = sum(c.isdigit() for c in inp.text)
        key = "nik-error-" + result.error.value.replace(".", "-")
        hint = "hint-kk" if result.error is NikError.LOOKS_LIKE_KK else "hint-nik"
        return Retry(Msg("lines-join", {"first": Msg(key, {"count": count}), "rest": Msg(hint)}))
    a.nik = ctx.store.seal_nik(result.nik.digits)
    a.nik_masked = result.nik.masked()
    a.nik_ok = False
    return Done()


def _ask_nik_confirm(ctx: Context, conv: Conversation, a: CheckState) -> Reply:
    assert a.nik is not None
    return reply(
        "ask-nik-confirm",
        button(conv, "btn-correct", "ya"),
        button(conv, "btn-change", "tidak"),
        grouped=SealedNik(a.nik),  # opened only when rendered for this person
    )


def _take_nik_confirm(ctx: Context, a: CheckState, inp: Input) -> Result:
    answer = _take_tri(inp, allow_dk=False)
    if answer is Tri.NO:
        a.reset(*STEPS["nik"].clears)
        return Done()
    if answer is not Tri.YES:
        return Retry(Msg("err-yes-no"))
    a.nik_ok = True
    return Done()


def _ask_age_confirm(ctx: Context, conv: Conversation, a: CheckState) -> Reply:
    nik = current_nik(ctx, a)
    assert nik is not None
    return reply(
        "ask-age-confirm",
        button(conv, "btn-correct", "ya"),
        button(conv, "btn-not-correct", "tidak"),
        born=nik.birth_date.strftime("%d-%m-%Y"),
        age=nik.age_on(ctx.today),
    )


def _take_age_confirm(ctx: Context, a: CheckState, inp: Input) -> Result:
    if inp.choice is None and age_in(inp.text) is not None:  # "bukan, 41": the real age
        return _take_age_input(ctx, a, inp)
    answer = _take_tri(inp, allow_dk=False)
    if answer is Tri.YES:
        a.age_done, a.stated_age = True, None
        return Done()
    if answer is Tri.NO:
        return Done(goto="age_input")
    return Retry(Msg("err-yes-no-age"))


def _ask_age_input(ctx: Context, conv: Conversation, a: CheckState) -> Reply:
    return reply("ask-age-input")


def _take_age_input(ctx: Context, a: CheckState, inp: Input) -> Result:
    stated = age_in(inp.text, 10, 120)
    if stated is None:
        return Retry(Msg("err-age"))
    nik = current_nik(ctx, a)
    a.age_done = True
    if nik is not None and nik.age_on(ctx.today) == stated:
        a.stated_age = None
        return Done()
    a.stated_age = stated
    nik_age = nik.age_on(ctx.today) if nik else stated
    # The NIK date is not always the true birth date (domain.md §2.2 rule 8): record, not argue.
    return Done(note=Msg("note-age-recorded", {"stated": stated, "nik_age": nik_age}))


def _ask_kecamatan(ctx: Context, conv: Conversation, a: CheckState) -> Reply:
    kecs = ctx.program.regions.kecamatan
    return reply(
        "ask-kecamatan", *(button(conv, "label", f"kec:{k.code}", text=k.name) for k in kecs)
    )


def _pressed(inp: Input, prefix: str) -> str | None:
    """The code on a pressed place button ("kec:35.77.01"), if that is what was pressed."""
    return inp.choice[len(prefix) :] if inp.choice and inp.choice.startswith(prefix) else None


def _take_kecamatan(ctx: Context, a: CheckState, inp: Input) -> Result:
    regions = ctx.program.regions
    if (code := _pressed(inp, "kec:")) is not None:
        kec = regions.kecamatan_by_code(code)
        a.kecamatan = kec.code if kec else None
        return Done() if kec else Retry(Msg("err-kecamatan"))
    if _not_a_place(inp.text):
        return Retry(Msg("err-not-place-kecamatan", {"n": len(regions.kecamatan)}))
    after = corrected(inp.text)  # "gak jadi klegen, yg bener pandean"
    m = regions.resolve(after) if after else None
    if m is None or m.kind is MatchKind.NONE:
        m = regions.resolve(inp.text)
    if m.kind is MatchKind.KELURAHAN and m.kelurahan is not None:
        a.kecamatan, a.kelurahan = m.kelurahan.kecamatan_code, m.kelurahan.code
        kec = regions.kecamatan_of(m.kelurahan)
        note = Msg("note-kelurahan-found", {"kelurahan": m.kelurahan.name, "kecamatan": kec.name})
        return Done(note=note)
    if m.kecamatan is not None:  # a kecamatan, or "Taman": we asked for the kecamatan
        a.kecamatan = m.kecamatan.code
        return Done()
    if m.candidates:
        kecs = {k.kecamatan_code for k in m.candidates}
        if len(kecs) == 1:
            a.kecamatan = kecs.pop()
            return Done()
    return Retry(Msg("err-place", {"text": Raw(inp.text[:40])}))


def _not_a_place(text: str) -> bool:
    """A number, a yes or a no, a letter: an answer that names no place, so "not found in Kota
    Madiun" would tell the person something false about where they live (finding F6)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) < 2 or plain_tri(text) is not None


def _ask_kelurahan(ctx: Context, conv: Conversation, a: CheckState) -> Reply:
    kec = ctx.program.regions.kecamatan_by_code(a.kecamatan or "")
    assert kec is not None
    kels = [button(conv, "label", f"kel:{k.code}", text=k.name) for k in kec.kelurahan]
    r = reply(
        "ask-kelurahan", *kels, button(conv, "btn-other-kecamatan", "kec"), kecamatan=kec.name
    )
    return Reply(r.parts, r.buttons, Msg("list-kelurahan"))


def _take_kelurahan(ctx: Context, a: CheckState, inp: Input) -> Result:
    regions = ctx.program.regions
    if inp.choice == "kec":
        a.kecamatan = None
        return Done()
    if (code := _pressed(inp, "kel:")) is not None:
        kel = regions.kelurahan_by_code(code)
        a.kelurahan = kel.code if kel else None
        return Done() if kel else Retry(Msg("err-kelurahan"))
    if _not_a_place(inp.text):
        kec = regions.kecamatan_by_code(a.kecamatan or "")
        return Retry(Msg("err-not-place-kelurahan", {"n": len(kec.kelurahan) if kec else 1}))
    m = regions.resolve(inp.text, within=a.kecamatan)
    if m.kind is MatchKind.AMBIGUOUS and m.kelurahan is not None:
        # "Kartoharjo" here: we asked for the kelurahan, so it is the kelurahan
        m = regions.resolve("kelurahan " + inp.text)
    if m.kind is MatchKind.KELURAHAN and m.kelurahan is not None:
        a.kelurahan, a.kecamatan = m.kelurahan.code, m.kelurahan.kecamatan_code
        return Done()
    return Retry(Msg("err-place", {"text": Raw(inp.text[:40])}))


def _ask_occupation(ctx: Context, conv: Conversation, a: CheckState) -> Reply:
    occ = [
        button(conv, f"btn-occ-{o.code}", f"occ:{o.code}") for o in ctx.program.occupations.featured
    ]
    keep: tuple[Button, ...] = ()
    if a.occupation_pending:
        keep = (button(conv, "btn-keep-occupation", "keep"),)
    r = reply("ask-occupation", *keep, *occ, button(conv, "btn-occupation-other", "other"))
    return Reply(r.parts, r.buttons, Msg("list-occupation"))


def _take_occupation(ctx: Context, a: CheckState, inp: Input) -> Result:
    occs = ctx.program.occupations
    if inp.choice == "other":
        return Retry(Msg("ask-occupation-other"))
    if inp.choice == "keep" and a.occupation_pending:
        a.occupation_text, a.occupation_pending = a.occupation_pending, None
        a.occupation, a.occupation_done = None, True
        return Done()
    after = corrected(inp.text)  # "dulu ojol, skrg dagang di pasar": what it is now
    if inp.choice and inp.choice.startswith("occ:"):
        occ = occs.by_code(inp.choice[4:])
    else:
        occ = (occs.classify(after) if after else None) or occs.classify(inp.text)
    if occ is None:
        text = " ".join(inp.text.split())[:80]
        if len(tokens(text)) == 0:
            return Retry(Msg("err-occupation-empty"))
        a.occupation_pending = text  # offered back as "keep it as typed"
        return Retry(Msg("err-occupation", {"text": Raw(text)}))
    a.occupation_pending = None
    a.occupation = occ.code
    a.occupation_text = " ".join(inp.text.split())[:80] or None
    a.occupation_done = True
    return Done()


def _ask_bpjs(ctx: Context, conv: Conversation, a: CheckState) -> Reply:
    return reply(
        "ask-bpjs",
        button(conv, "bpjs-tidak", "tidak"),
        button(conv, "bpjs-pu", "pu"),
        button(conv, "bpjs-bpu", "bpu"),
        button(conv, "btn-dont-know", "tidak_tahu"),
    )


def _take_bpjs(ctx: Context, a: CheckState, inp: Input) -> Result:
    found = parse_bpjs(inp.choice or inp.text)
    if found is not None:
        a.bpjs = found.value
        return Done()
    if parse_tri(inp.text) is Tri.YES:
        return Retry(Msg("err-bpjs-which"))
    return Retry(Msg("err-bpjs"))


def _ask_dtks(ctx: Context, conv: Conversation, a: CheckState) -> Reply:
    return reply("ask-dtks", *_tri_buttons(conv), registry=ctx.program.registry.at(ctx.today))


def _ask_heirs(ctx: Context, conv: Conversation, a: CheckState) -> Reply:
    return reply("ask-heirs", *_tri_buttons(conv, dont_know=False))


def _take_tri_step(name: str, allow_dk: bool, parse: Callable[[str], Tri | None]) -> Take:
    def take(ctx: Context, a: CheckState, inp: Input) -> Result:
        answer = _take_tri(inp, allow_dk, parse)
        if answer is None:
            return Retry(Msg("err-yes-no-dk" if allow_dk else "err-yes-no"))
        setattr(a, name, answer.value)
        return Done()

    return take


def _ask_phone(ctx: Context, conv: Conversation, a: CheckState) -> Reply:
    return reply(
        "ask-phone", contact_button(conv, "btn-share-phone"), button(conv, "btn-skip", "skip")
    )


SKIP_WORDS = frozenset({"lewati", "lewat", "skip", "liwati", "langkungi", "nanti", "mengko",
                        "kosong", "kosongin", "dikosongi", "later", "rather",
                        "dilewati"})  # fmt: skip


def _take_phone(ctx: Context, a: CheckState, inp: Input) -> Result:
    # a number typed wins over the words around it: "no hp sy 0812…", "gak jadi skip, ini 0812…"
    phone = parse_phone(inp.phone or corrected(inp.text) or inp.text) or parse_phone(inp.text)
    said_skip = bool(SKIP_WORDS & set(tokens(inp.text))) or parse_tri(inp.text) is Tri.NO
    if inp.choice == "skip" or (not inp.phone and not phone and said_skip):
        a.phone_done, a.phone = True, None
        return Done()
    if inp.choice == "contact":
        return Retry(Msg("ask-phone-type"))
    if phone is None:
        return Retry(Msg("err-phone"))
    a.phone_done, a.phone = True, phone
    return Done()


_STEPS = (
    Step("name", _ask_name, _take_name, lambda a: a.name is not None, "name", ("name",)),
    Step("nik", _ask_nik, _take_nik, lambda a: a.nik is not None, "nik",
         ("nik", "nik_masked", "nik_ok", "age_done", "stated_age")),
    Step("nik_confirm", _ask_nik_confirm, _take_nik_confirm, lambda a: a.nik_ok),
    Step("age_confirm", _ask_age_confirm, _take_age_confirm, lambda a: a.age_done, "age",
         ("age_done", "stated_age")),
    Step("age_input", _ask_age_input, _take_age_input, lambda a: a.age_done, in_order=False),
    Step("kecamatan", _ask_kecamatan, _take_kecamatan, lambda a: a.kecamatan is not None,
         "kelurahan", ("kecamatan", "kelurahan")),
    Step("kelurahan", _ask_kelurahan, _take_kelurahan, lambda a: a.kelurahan is not None),
    Step("occupation", _ask_occupation, _take_occupation, lambda a: a.occupation_done,
         "occupation", ("occupation_done", "occupation", "occupation_text")),
    Step("bpjs", _ask_bpjs, _take_bpjs, lambda a: a.bpjs is not None, "bpjs", ("bpjs",)),
    Step("dtks", _ask_dtks, _take_tri_step("dtks", True, parse_registry),
         lambda a: a.dtks is not None, "dtks", ("dtks",)),
    Step("heirs", _ask_heirs, _take_tri_step("heirs", False, parse_heirs),
         lambda a: a.heirs is not None, "heirs", ("heirs",)),
    # changing the phone keeps the old number until a new one is read (or "lewati" says none):
    # a mistyped number must not erase it (residents' finding D3)
    Step("phone", _ask_phone, _take_phone, lambda a: a.phone_done, "phone", ("phone_done",)),
)  # fmt: skip
STEPS = {s.name: s for s in _STEPS}
EDITS = {s.edit: s for s in _STEPS if s.edit}  # the summary's "change …" buttons, in order
_FIELDS = {f.name for f in fields(CheckState)}
assert all(set(s.clears) <= _FIELDS for s in _STEPS), "a step clears a field CheckState lacks"


def first_missing(a: CheckState) -> str | None:
    for step in _STEPS:
        if step.in_order and not step.answered(a):
            return step.name
    return None


def ask(ctx: Context, conv: Conversation, step: str) -> Reply:
    return STEPS[step].ask(ctx, conv, CheckState.of(conv))


def masked_phone(phone: str | None) -> str | None:
    if not phone:
        return None
    return phone[:5] + "•" * (len(phone) - 8) + phone[-3:]


def summary_args(ctx: Context, a: CheckState, today: date) -> dict[str, Any]:
    regions = ctx.program.regions
    kel = regions.kelurahan_by_code(a.kelurahan or "")
    assert kel is not None
    nik = current_nik(ctx, a)
    age = a.stated_age or (nik.age_on(today) if nik else "-")
    occupation: Msg | Raw = (
        Msg(f"occ-{a.occupation}") if a.occupation else Raw(a.occupation_text or "-")
    )
    phone = masked_phone(a.phone)
    return {
        "name": Raw(a.name or ""),
        "nik": a.nik_masked,
        "age": age,
        "kelurahan": kel.name,
        "kecamatan": regions.kecamatan_of(kel).name,
        "occupation": occupation,
        "bpjs": Msg(f"bpjs-{a.bpjs}"),
        "dtks": Msg(f"tri-{a.dtks}"),
        "heirs": Msg(f"tri-{a.heirs}"),
        "phone": phone if phone else Msg("phone-none"),
    }


# The web console's one-page form (issue 19): each field is read by the very step the chat asks
# it with, in the chat's order, so the same checks hold whichever door a nomination comes in by.
WEB_FIELDS: dict[str, Callable[[dict[str, str]], Input]] = {
    "name": lambda f: Input(text=f.get("nama", "")),
    "nik": lambda f: Input(text=f.get("nik", "")),
    "nik_confirm": lambda f: Input(choice="ya"),  # typed on a form and shown there: no read-back
    "age_confirm": lambda f: Input(text=f["umur"]) if f.get("umur") else Input(choice="ya"),
    "age_input": lambda f: Input(text=f.get("umur", "")),
    "kecamatan": lambda f: Input(text=f.get("kelurahan", "")),
    "kelurahan": lambda f: Input(text=f.get("kelurahan", "")),
    "occupation": lambda f: Input(text=f.get("pekerjaan", "")),
    "bpjs": lambda f: Input(choice=f.get("bpjs", "")),
    "dtks": lambda f: Input(choice=f.get("dtks", "")),
    "heirs": lambda f: Input(choice=f.get("anak", "")),
    "phone": lambda f: Input(text=f["hp"]) if f.get("hp") else Input(choice="skip"),
}


def from_fields(ctx: Context, fields: dict[str, str]) -> tuple[CheckState, tuple[str, Msg] | None]:
    """A resident's answers from the console's form, as an on-behalf draft; or the first
    field the chat's checks refuse, with the chat's own words for why."""
    a = CheckState(on_behalf=True, consent_in_person=True)
    step: Step | None = next(s for s in _STEPS if s.in_order)
    for _ in range(len(_STEPS) * 2):  # each step is answered once (age: twice at most)
        if step is None:
            return a, None
        result = step.take(ctx, a, WEB_FIELDS[step.name](fields))
        if isinstance(result, Retry) and step.name == "occupation" and a.occupation_pending:
            result = step.take(ctx, a, Input(choice="keep"))  # typed: kept as typed
        if isinstance(result, Retry):
            return a, (step.name, result.msg)
        step = (
            STEPS[result.goto]
            if result.goto
            else next((s for s in _STEPS if s.in_order and not s.answered(a)), None)
        )
    return a, ("name", Msg("err-name"))
