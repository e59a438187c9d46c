"""The self-check form: one question at a time, in this order, each answer stored in the
conversation (never in memory) so a chat resumes where it stopped, days later.

```mermaid
flowchart TD
    menu[Menu] -->|Cek kelayakan| consent{Persetujuan data}
    consent -->|Tidak| bye[Pamit; menu info tetap ada]
    consent -->|Setuju| name[Nama sesuai KTP]
    name --> nik[NIK] --> nikc{NIK dibacakan ulang}
    nikc -->|Ubah| nik
    nikc -->|sudah ada usulan aktif| existing[Nomor & status usulan lama]
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
from dataclasses import dataclass
from datetime import date
from typing import Any

from domain.answers import Bpjs, Tri, parse_bpjs, parse_tri
from domain.eligibility import Answers
from domain.nik import Nik, NikError, parse_nik
from domain.phone import parse_phone
from domain.regions import MatchKind
from domain.text import parse_age, tokens
from handlers.engine import Input, button, contact_button, reply
from handlers.messages import Button, Msg, Raw, Reply, SealedNik
from handlers.ports import Context
from handlers.records import Conversation

ORDER = (
    "name", "nik", "nik_confirm", "age_confirm", "kecamatan", "kelurahan", "occupation",
    "bpjs", "dtks", "heirs", "phone",
)  # fmt: skip

# What each step sets, and what an edit from the summary clears (with what depends on it).
DONE_KEY = {
    "name": "name",
    "nik": "nik",
    "nik_confirm": "nik_ok",
    "age_confirm": "age_done",
    "age_input": "age_done",
    "kecamatan": "kecamatan",
    "kelurahan": "kelurahan",
    "occupation": "occupation_done",
    "bpjs": "bpjs",
    "dtks": "dtks",
    "heirs": "heirs",
    "phone": "phone_done",
}
EDIT_CLEARS = {
    "name": ("name",),
    "nik": ("nik", "nik_masked", "nik_ok", "age_done", "stated_age"),
    "age": ("age_done", "stated_age"),
    "kelurahan": ("kecamatan", "kelurahan"),
    "occupation": ("occupation_done", "occupation", "occupation_text"),
    "bpjs": ("bpjs",),
    "dtks": ("dtks",),
    "heirs": ("heirs",),
    "phone": ("phone_done", "phone"),
}


def first_missing(a: dict[str, Any]) -> str | None:
    for step in ORDER:
        if DONE_KEY[step] not in a:
            return step
    return None


@dataclass(frozen=True)
class Done:
    note: Msg | None = None
    goto: str | None = None  # an explicit next step; otherwise the first unanswered one


@dataclass(frozen=True)
class Retry:
    msg: Msg


Result = Done | Retry


# --- reading the stored answers --------------------------------------------------------------


def current_nik(ctx: Context, a: dict[str, Any]) -> Nik | None:
    if "nik" not in a:
        return None
    r = ctx.program.regions
    return parse_nik(ctx.store.open_nik(a["nik"]), ctx.today, r.nik_districts, r.nik_city).nik


def to_answers(ctx: Context, a: dict[str, Any]) -> Answers:
    regions, occs = ctx.program.regions, ctx.program.occupations
    return Answers(
        nik=current_nik(ctx, a) if a.get("nik_ok") else None,
        stated_age=a.get("stated_age"),
        kelurahan=regions.kelurahan_by_code(a["kelurahan"]) if "kelurahan" in a else None,
        occupation=occs.by_code(a["occupation"]) if a.get("occupation") else None,
        occupation_text=a.get("occupation_text"),
        registry=Tri(a["dtks"]) if "dtks" in a else None,
        bpjs=Bpjs(a["bpjs"]) if "bpjs" in a else None,
        heirs=Tri(a["heirs"]) if "heirs" in a else None,
    )


# --- the questions ---------------------------------------------------------------------------


def _tri_buttons(conv: Conversation, dont_know: bool = True) -> tuple[Button, ...]:
    out = [button(conv, "btn-yes", "ya"), button(conv, "btn-no", "tidak")]
    if dont_know:
        out.append(button(conv, "btn-dont-know", "tidak_tahu"))
    return tuple(out)


def _take_tri(inp: Input, allow_dk: bool = True) -> Tri | None:
    if inp.choice in ("ya", "tidak", "tidak_tahu"):
        return Tri(inp.choice)
    found = parse_tri(inp.text)
    if found is Tri.DONT_KNOW and not allow_dk:
        return None
    return found


def ask(ctx: Context, conv: Conversation, step: str) -> Reply:
    a = conv.answers
    if step == "name":
        return reply("ask-name", button(conv, "btn-cancel", "cancel"))
    if step == "nik":
        return reply("ask-nik", button(conv, "btn-cancel", "cancel"))
    if step == "nik_confirm":
        return reply(
            "ask-nik-confirm",
            button(conv, "btn-correct", "ya"),
            button(conv, "btn-change", "tidak"),
            grouped=SealedNik(a["nik"]),  # opened only when rendered for this person
        )
    if step == "age_confirm":
        nik = current_nik(ctx, a)
        assert nik is not None
        return reply(
            "ask-age-confirm",
            button(conv, "btn-correct", "ya"),
            button(conv, "btn-not-correct", "tidak"),
            born=nik.birth_date.strftime("%d-%m-%Y"),
            age=nik.age_on(ctx.today),
        )
    if step == "age_input":
        return reply("ask-age-input")
    if step == "kecamatan":
        kecs = ctx.program.regions.kecamatan
        return reply(
            "ask-kecamatan", *(button(conv, "label", f"kec:{k.code}", text=k.name) for k in kecs)
        )
    if step == "kelurahan":
        kec = ctx.program.regions.kecamatan_by_code(a["kecamatan"])
        assert kec is not None
        kels = [button(conv, "label", f"kel:{k.code}", text=k.name) for k in kec.kelurahan]
        r = reply(
            "ask-kelurahan", *kels, button(conv, "btn-other-kecamatan", "kec"), kecamatan=kec.name
        )
        return Reply(r.parts, r.buttons, Msg("list-kelurahan"))
    if step == "occupation":
        occ = [
            button(conv, f"btn-occ-{o.code}", f"occ:{o.code}")
            for o in ctx.program.occupations.featured
        ]
        keep: tuple[Button, ...] = ()
        if a.get("occupation_pending"):
            keep = (button(conv, "btn-keep-occupation", "keep"),)
        r = reply("ask-occupation", *keep, *occ, button(conv, "btn-occupation-other", "other"))
        return Reply(r.parts, r.buttons, Msg("list-occupation"))
    if step == "bpjs":
        return reply(
            "ask-bpjs",
            button(conv, "bpjs-tidak", "tidak"),
            button(conv, "bpjs-pu", "pu"),
            button(conv, "bpjs-bpu", "bpu"),
            button(conv, "btn-dont-know", "tidak_tahu"),
        )
    if step == "dtks":
        return reply("ask-dtks", *_tri_buttons(conv), registry=ctx.program.registry.at(ctx.today))
    if step == "heirs":
        return reply("ask-heirs", *_tri_buttons(conv, dont_know=False))
    if step == "phone":
        return reply(
            "ask-phone", contact_button(conv, "btn-share-phone"), button(conv, "btn-skip", "skip")
        )
    raise KeyError(step)


# --- taking the answers ----------------------------------------------------------------------


def _take_name(ctx: Context, conv: Conversation, inp: Input) -> Result:
    text = " ".join(inp.text.split())
    letters = sum(c.isalpha() for c in text)
    if any(c.isdigit() for c in text) and letters < 2:
        return Retry(Msg("err-name-digits"))
    ok = 2 <= len(text) <= 80 and letters >= 2 and all(c.isalpha() or c in " .'-," for c in text)
    if not ok:
        return Retry(Msg("err-name"))
    conv.answers["name"] = text
    return Done()


def _take_nik(ctx: Context, conv: Conversation, inp: Input) -> Result:
    r = ctx.program.regions
    result = parse_nik(inp.text, ctx.today, r.nik_districts, r.nik_city)
    if result.nik is None:
        assert result.error is not None
        count = sum(c.isdigit() for c in inp.text)
        key = "nik-error-" + result.error.value.replace(".", "-")
        hint = "hint-kk" if result.error is NikError.LOOKS_LIKE_KK else "hint-nik"
        return Retry(Msg("lines-join", {"first": Msg(key, {"count": count}), "rest": Msg(hint)}))
    conv.answers["nik"] = ctx.store.seal_nik(result.nik.digits)
    conv.answers["nik_masked"] = result.nik.masked()
    conv.answers.pop("nik_ok", None)
    return Done()


def _take_nik_confirm(ctx: Context, conv: Conversation, inp: Input) -> Result:
    answer = _take_tri(inp, allow_dk=False)
    if answer is Tri.NO:
        for key in EDIT_CLEARS["nik"]:
            conv.answers.pop(key, None)
        return Done()
    if answer is not Tri.YES:
        return Retry(Msg("err-yes-no"))
    conv.answers["nik_ok"] = True
    return Done()


def _take_age_confirm(ctx: Context, conv: Conversation, inp: Input) -> Result:
    if inp.choice is None and parse_age(inp.text) is not None:  # "bukan, 41": the real age
        return _take_age_input(ctx, conv, inp)
    answer = _take_tri(inp, allow_dk=False)
    if answer is Tri.YES:
        conv.answers["age_done"] = True
        conv.answers.pop("stated_age", None)
        return Done()
    if answer is Tri.NO:
        return Done(goto="age_input")
    return Retry(Msg("err-yes-no-age"))


def _take_age_input(ctx: Context, conv: Conversation, inp: Input) -> Result:
    stated = parse_age(inp.text, 10, 120)
    if stated is None:
        return Retry(Msg("err-age"))
    nik = current_nik(ctx, conv.answers)
    conv.answers["age_done"] = True
    if nik is not None and nik.age_on(ctx.today) == stated:
        conv.answers.pop("stated_age", None)
        return Done()
    conv.answers["stated_age"] = stated
    nik_age = nik.age_on(ctx.today) if nik else stated
    # The NIK date is not always the true birth date (domain.md §2.2 rule 8): record, not argue.
    return Done(note=Msg("note-age-recorded", {"stated": stated, "nik_age": nik_age}))


def _take_kecamatan(ctx: Context, conv: Conversation, inp: Input) -> Result:
    regions = ctx.program.regions
    if inp.choice and inp.choice.startswith("kec:"):
        kec = regions.kecamatan_by_code(inp.choice[4:])
        if kec is None:
            return Retry(Msg("err-kecamatan"))
        conv.answers["kecamatan"] = kec.code
        return Done()
    m = regions.resolve(inp.text)
    if m.kind is MatchKind.KELURAHAN and m.kelurahan is not None:
        conv.answers["kecamatan"] = m.kelurahan.kecamatan_code
        conv.answers["kelurahan"] = m.kelurahan.code
        kec = regions.kecamatan_of(m.kelurahan)
        note = Msg("note-kelurahan-found", {"kelurahan": m.kelurahan.name, "kecamatan": kec.name})
        return Done(note=note)
    if m.kecamatan is not None:  # a kecamatan, or "Taman": we asked for the kecamatan
        conv.answers["kecamatan"] = m.kecamatan.code
        return Done()
    if m.candidates:
        kecs = {k.kecamatan_code for k in m.candidates}
        if len(kecs) == 1:
            conv.answers["kecamatan"] = kecs.pop()
            return Done()
    return Retry(Msg("err-place", {"text": Raw(inp.text[:40])}))


def _take_kelurahan(ctx: Context, conv: Conversation, inp: Input) -> Result:
    regions = ctx.program.regions
    if inp.choice == "kec":
        conv.answers.pop("kecamatan", None)
        return Done()
    if inp.choice and inp.choice.startswith("kel:"):
        kel = regions.kelurahan_by_code(inp.choice[4:])
        if kel is None:
            return Retry(Msg("err-kelurahan"))
        conv.answers["kelurahan"] = kel.code
        return Done()
    m = regions.resolve(inp.text, within=conv.answers.get("kecamatan"))
    if m.kind is MatchKind.AMBIGUOUS and m.kelurahan is not None:
        # "Kartoharjo" here: we asked for the kelurahan, so it is the kelurahan
        m = regions.resolve("kelurahan " + inp.text)
    if m.kind is MatchKind.KELURAHAN and m.kelurahan is not None:
        conv.answers["kelurahan"] = m.kelurahan.code
        conv.answers["kecamatan"] = m.kelurahan.kecamatan_code
        return Done()
    return Retry(Msg("err-place", {"text": Raw(inp.text[:40])}))


def _take_occupation(ctx: Context, conv: Conversation, inp: Input) -> Result:
    occs = ctx.program.occupations
    if inp.choice == "other":
        return Retry(Msg("ask-occupation-other"))
    if inp.choice == "keep" and conv.answers.get("occupation_pending"):
        conv.answers["occupation_text"] = conv.answers.pop("occupation_pending")
        conv.answers["occupation"] = None
        conv.answers["occupation_done"] = True
        return Done()
    if inp.choice and inp.choice.startswith("occ:"):
        occ = occs.by_code(inp.choice[4:])
    else:
        occ = occs.classify(inp.text)
    if occ is None:
        text = " ".join(inp.text.split())[:80]
        if len(tokens(text)) == 0:
            return Retry(Msg("err-occupation-empty"))
        conv.answers["occupation_pending"] = text  # offered back as "keep it as typed"
        return Retry(Msg("err-occupation", {"text": Raw(text)}))
    conv.answers.pop("occupation_pending", None)
    conv.answers["occupation"] = occ.code
    conv.answers["occupation_text"] = " ".join(inp.text.split())[:80] or None
    conv.answers["occupation_done"] = True
    return Done()


def _take_bpjs(ctx: Context, conv: Conversation, inp: Input) -> Result:
    found = parse_bpjs(inp.choice or inp.text)
    if found is not None:
        conv.answers["bpjs"] = found.value
        return Done()
    if parse_tri(inp.text) is Tri.YES:
        return Retry(Msg("err-bpjs-which"))
    return Retry(Msg("err-bpjs"))


def _take_tri_step(key: str, allow_dk: bool) -> Callable[[Context, Conversation, Input], Result]:
    def take(ctx: Context, conv: Conversation, inp: Input) -> Result:
        answer = _take_tri(inp, allow_dk)
        if answer is None:
            return Retry(Msg("err-yes-no-dk" if allow_dk else "err-yes-no"))
        conv.answers[key] = answer.value
        return Done()

    return take


def _take_phone(ctx: Context, conv: Conversation, inp: Input) -> Result:
    skip_words = {"lewati", "lewat", "skip", "liwati", "langkungi", "nanti"}
    said_skip = bool(skip_words & set(tokens(inp.text))) or parse_tri(inp.text) is Tri.NO
    if inp.choice == "skip" or (not inp.phone and said_skip):
        conv.answers["phone_done"] = True
        conv.answers["phone"] = None
        return Done()
    if inp.choice == "contact":
        return Retry(Msg("ask-phone-type"))
    phone = parse_phone(inp.phone or inp.text)
    if phone is None:
        return Retry(Msg("err-phone"))
    conv.answers["phone_done"] = True
    conv.answers["phone"] = phone
    return Done()


TAKE: dict[str, Callable[[Context, Conversation, Input], Result]] = {
    "name": _take_name,
    "nik": _take_nik,
    "nik_confirm": _take_nik_confirm,
    "age_confirm": _take_age_confirm,
    "age_input": _take_age_input,
    "kecamatan": _take_kecamatan,
    "kelurahan": _take_kelurahan,
    "occupation": _take_occupation,
    "bpjs": _take_bpjs,
    "dtks": _take_tri_step("dtks", allow_dk=True),
    "heirs": _take_tri_step("heirs", allow_dk=False),
    "phone": _take_phone,
}


def masked_phone(phone: str | None) -> str | None:
    if not phone:
        return None
    return phone[:5] + "•" * (len(phone) - 8) + phone[-3:]


def summary_args(ctx: Context, a: dict[str, Any], today: date) -> dict[str, Any]:
    regions = ctx.program.regions
    kel = regions.kelurahan_by_code(a["kelurahan"])
    assert kel is not None
    nik = current_nik(ctx, a)
    age = a.get("stated_age") or (nik.age_on(today) if nik else "-")
    occupation: Msg | Raw = (
        Msg(f"occ-{a['occupation']}")
        if a.get("occupation")
        else Raw(a.get("occupation_text") or "-")
    )
    phone = masked_phone(a.get("phone"))
    return {
        "name": Raw(a["name"]),
        "nik": a["nik_masked"],
        "age": age,
        "kelurahan": kel.name,
        "kecamatan": regions.kecamatan_of(kel).name,
        "occupation": occupation,
        "bpjs": Msg(f"bpjs-{a['bpjs']}"),
        "dtks": Msg(f"tri-{a['dtks']}"),
        "heirs": Msg(f"tri-{a['heirs']}"),
        "phone": phone if phone else Msg("phone-none"),
    }
