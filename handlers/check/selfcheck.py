"""The self-check flow: consent, the form, the summary, the verdict and filing."""

from __future__ import annotations

from datetime import timedelta

from domain.answers import Tri, parse_tri, summary_confirmed, summary_field
from domain.eligibility import Verdict, evaluate
from domain.nomination import ACTIVE
from domain.reference import make_reference
from domain.roles import Action
from handlers.check import form
from handlers.check.form import CheckState
from handlers.check.port import Ctx as Context
from handlers.check.verdict_view import headline, next_step, reasons_block
from handlers.core.capability import Command, Flow, Routed
from handlers.core.engine import Input, button, reply, with_note
from handlers.core.messages import Button, Msg, Raw, Reply
from handlers.core.names import named_kelurahan
from handlers.core.records import Conversation, Person, Role
from handlers.core.rights import authorise
from handlers.nominations import DuplicateNik, DuplicateRef, Nomination
from handlers.nominations import filed as notify_filed

FLOW = "check"


def has_consent(ctx: Context, person: Person) -> bool:
    return person.consent_version == ctx.settings.privacy_notice_version


async def start(ctx: Context, person: Person, conv: Conversation) -> list[Reply]:
    """Begin or resume the check where it stopped."""
    conv.flow = FLOW
    a = CheckState.of(conv)
    if a.on_behalf:
        if not a.consent_in_person:
            conv.step = "inperson"
            return [in_person_prompt(conv)]
        return [await advance(ctx, conv)]
    if not has_consent(ctx, person):
        conv.step = "consent"
        return [consent_notice(ctx, conv)]
    return [await advance(ctx, conv)]


async def start_on_behalf(
    ctx: Context, person: Person, conv: Conversation, arg: str = ""
) -> list[Reply]:
    """A lurah files for a resident who has no phone or came to the office: the same
    questions, the resident's consent given in person, the kelurahan the lurah's own (an
    admin, bound to none, names it: /usulkan kelun)."""
    kel = person.kelurahan_code or named_kelurahan(ctx, person, arg)
    if not await authorise(ctx, person, Action.NOMINATE_ON_BEHALF, kel):
        return [reply("not-a-reviewer")]
    kelurahan = ctx.program.regions.kelurahan_by_code(kel or "")
    if kelurahan is None:
        return [reply("admin-pick-kelurahan", command="/usulkan")]
    CheckState(on_behalf=True, kecamatan=kelurahan.kecamatan_code,
               kelurahan=kelurahan.code).save(conv)  # fmt: skip
    conv.version += 1
    return await start(ctx, person, conv)


def in_person_prompt(conv: Conversation) -> Reply:
    return reply(
        "ask-in-person-consent",
        button(conv, "btn-in-person-yes", "ya"),
        button(conv, "btn-cancel", "cancel"),
    )


def consent_notice(ctx: Context, conv: Conversation) -> Reply:
    return reply(
        "consent-notice",
        button(conv, "btn-agree", "ya"),
        button(conv, "btn-disagree", "tidak"),
        version=ctx.settings.privacy_notice_version,
        days=ctx.settings.draft_retention_days,
    )


async def advance(ctx: Context, conv: Conversation, note: Msg | None = None) -> Reply:
    """Go to the first unanswered question, or stop early, or show the summary."""
    step = form.first_missing(CheckState.of(conv))
    verdict = _partial_verdict(ctx, conv)
    if verdict is not None and verdict.final:
        conv.step = "stopped"
        out = verdict_reply(ctx, conv, verdict, stopped=True)
    elif step is None:
        conv.step = "summary"
        out = summary(ctx, conv)
    else:
        conv.step = step
        out = form.ask(ctx, conv, step)
    return with_note(note, out) if note is not None else out


def _partial_verdict(ctx: Context, conv: Conversation) -> Verdict | None:
    # Not before the age is confirmed: a person the NIK makes 66 may say the NIK date is wrong.
    a = CheckState.of(conv)
    if not a.age_done:
        return None
    return evaluate(form.to_answers(ctx, a), ctx.program, ctx.today)


def summary(ctx: Context, conv: Conversation) -> Reply:
    args = form.summary_args(ctx, CheckState.of(conv), ctx.today)
    edits = [button(conv, f"edit-{name}", f"edit:{name}") for name in form.EDITS]
    r = reply("summary", button(conv, "btn-confirm", "ok"), *edits, **args)
    return Reply(r.parts, r.buttons, Msg("list-summary"))


def verdict_reply(ctx: Context, conv: Conversation, verdict: Verdict, stopped: bool) -> Reply:
    """The verdict of the person's own answers (form.to_answers): never of a registry list."""
    parts = [headline(verdict), reasons_block(verdict, answered_only=stopped), next_step(verdict)]
    if stopped:
        parts.insert(0, Msg("stopped-intro"))
    buttons = []
    if not verdict.final:
        parts.insert(-1, Msg("verdict-officers-check"))
        buttons.append(button(conv, "btn-file", "file"))
    buttons += [button(conv, "btn-edit", "edit"), button(conv, "btn-info", "info")]
    buttons.append(button(conv, "btn-menu", "menu"))
    return Reply(tuple(parts), tuple(buttons))


async def take(ctx: Context, person: Person, conv: Conversation, inp: Input) -> list[Reply]:
    """An answer to the current step of the check flow."""
    step = conv.step
    if step == "consent":
        return await _take_consent(ctx, person, conv, inp)
    if step == "inperson":
        if inp.choice == "ya" or inp.text.lower() in ("ya", "sudah", "setuju"):
            a = CheckState.of(conv)
            a.consent_in_person = True
            a.save(conv)
            conv.version += 1
            return [await advance(ctx, conv)]
        return [in_person_prompt(conv)]
    if step == "summary":
        return await _take_summary(ctx, conv, inp)
    if step in ("verdict", "stopped"):
        return await _take_verdict(ctx, person, conv, inp)
    if step in ("edit",):
        return await _take_edit(ctx, conv, inp)
    if inp.choice == "cancel":
        return []  # handled by the router as /batal
    a = CheckState.of(conv)
    result = form.STEPS[step].take(ctx, a, inp)
    a.save(conv)  # a retry may keep something too (an occupation typed, offered back)
    if isinstance(result, form.Retry):
        return [_retry(ctx, conv, result)]
    conv.version += 1
    conv.misses = 0
    if step == "nik_confirm" and a.nik_ok and a.nik is not None:
        if await _refused_enough(ctx, person):
            return [_too_many(conv)]
        existing = await ctx.store.active_nomination_for_nik(ctx.store.open_nik(a.nik))
        if existing is not None:
            if person.role is Role.CITIZEN:
                await ctx.store.mark_account(person, NIK_FILED, ctx.now)
            return [_already_filed(ctx, conv)]
    if result.goto is not None:
        conv.step = result.goto
        out = form.ask(ctx, conv, result.goto)
        return [with_note(result.note, out) if result.note else out]
    return [await advance(ctx, conv, result.note)]


def _retry(ctx: Context, conv: Conversation, result: form.Retry) -> Reply:
    conv.misses += 1
    prompt = form.ask(ctx, conv, conv.step)
    parts: tuple[Msg, ...] = (result.msg, *prompt.parts)
    if conv.misses >= 3:
        # Three misses in a row: offer a way out rather than a fourth identical question.
        conv.misses = 0
        parts = (result.msg, Msg("offer-help"), *prompt.parts)
    return Reply(parts, prompt.buttons, prompt.list_title)


# "This NIK cannot be filed again" still tells a stranger that someone filed it (a low-income
# worker's application): a few a day per account, counted by the account so that /hapus
# does not reset it; then every NIK typed that day gets the same "try later" (review of
# issue 26, finding 5). Officers nominating on behalf type others' NIKs by right.
NIK_FILED = "check.nik_filed"
MAX_NIK_FILED_PER_DAY = 3


async def _refused_enough(ctx: Context, person: Person) -> bool:
    if person.role is not Role.CITIZEN:
        return False
    since = ctx.now - timedelta(days=1)
    return await ctx.store.count_account_marks(person, NIK_FILED, since) >= MAX_NIK_FILED_PER_DAY


def _too_many(conv: Conversation) -> Reply:
    conv.flow, conv.step = "idle", ""
    CheckState.clear(conv)
    return reply("err-too-many-lookups", button(conv, "btn-menu", "menu"))


def _already_filed(ctx: Context, conv: Conversation) -> Reply:
    """Whoever filed it and whatever became of it, the same words: a chatter cannot prove a
    typed NIK is theirs, so its nomination's reference and status are its owner's to see
    (/status from their own account, or at the kelurahan), not the typist's (issue 26)."""
    conv.flow, conv.step = "idle", ""
    CheckState.clear(conv)
    return reply(
        "nik-already-filed", button(conv, "btn-status", "status"), button(conv, "btn-menu", "menu")
    )


async def _take_consent(
    ctx: Context, person: Person, conv: Conversation, inp: Input
) -> list[Reply]:
    answer = inp.choice or str(parse_tri(inp.text) or "")
    version = ctx.settings.privacy_notice_version
    if answer == Tri.YES.value:
        person.consent_version, person.consent_at = version, ctx.now
        await ctx.store.save_person(person)
        await ctx.store.record_consent(person.id, "data", version, True, ctx.now)
        conv.version += 1
        return [await advance(ctx, conv, Msg("consent-thanks"))]
    if answer == Tri.NO.value:
        await ctx.store.record_consent(person.id, "data", version, False, ctx.now)
        conv.flow, conv.step = "idle", ""
        CheckState.clear(conv)
        conv.version += 1
        return [
            reply(
                "consent-declined",
                button(conv, "btn-info", "info"),
                button(conv, "btn-menu", "menu"),
            )
        ]
    conv.misses += 1
    return [with_note(Msg("err-consent"), consent_notice(ctx, conv))]


async def _take_summary(ctx: Context, conv: Conversation, inp: Input) -> list[Reply]:
    if inp.choice and inp.choice.startswith("edit:"):
        return [_edit(ctx, conv, inp.choice[5:])]
    if inp.choice is None and (field := _field_to_change(ctx, inp.text)) is not None:
        return [_edit(ctx, conv, field)]  # "namanya salah", "wrong kelurahan"
    if inp.choice == "ok" or (inp.choice is None and summary_confirmed(inp.text)):
        conv.version += 1
        verdict = evaluate(form.to_answers(ctx, CheckState.of(conv)), ctx.program, ctx.today)
        conv.step = "verdict"
        return [verdict_reply(ctx, conv, verdict, stopped=False)]
    conv.misses += 1
    return [with_note(Msg("err-summary"), summary(ctx, conv))]


def _field_to_change(ctx: Context, text: str) -> str | None:
    """The answer a typed correction names; a work named with a change word is the
    occupation ("sekarang sy sudah gak ojol, ganti jualan")."""
    field = summary_field(text)
    if field is None and summary_field(text + " pekerjaan") == "occupation":
        field = "occupation" if ctx.program.occupations.classify(text) is not None else None
    return field


def _edit(ctx: Context, conv: Conversation, field: str) -> Reply:
    if field not in form.EDITS:
        return summary(ctx, conv)
    a = CheckState.of(conv)
    a.reset(*form.EDITS[field].clears)
    a.save(conv)
    conv.version += 1
    step = form.first_missing(a) or "summary"
    conv.step = step
    return form.ask(ctx, conv, step)


async def _take_edit(ctx: Context, conv: Conversation, inp: Input) -> list[Reply]:
    if inp.choice and inp.choice.startswith("edit:"):
        return [_edit(ctx, conv, inp.choice[5:])]
    # Anything else: the same choice again (a stopped check may lack answers a summary needs).
    return [with_note(Msg("err-which-edit"), edit_menu(ctx, conv))]


def edit_menu(ctx: Context, conv: Conversation) -> Reply:
    conv.step = "edit"
    edits = [button(conv, f"edit-{name}", f"edit:{name}") for name in form.EDITS]
    r = reply("ask-which-edit", *edits)
    return Reply(r.parts, r.buttons, Msg("list-summary"))


async def _take_verdict(
    ctx: Context, person: Person, conv: Conversation, inp: Input
) -> list[Reply]:
    if inp.choice == "edit" or (inp.choice is None and inp.text.lower() in ("ubah", "edit")):
        conv.version += 1
        return [edit_menu(ctx, conv)]
    if inp.choice == "file" and conv.step == "verdict":
        return await file_nomination(ctx, person, conv)
    return []  # info/menu: handled by the router


async def file_nomination(ctx: Context, person: Person, conv: Conversation) -> list[Reply]:
    a = CheckState.of(conv)
    answers = form.to_answers(ctx, a)
    verdict = evaluate(answers, ctx.program, ctx.today)
    if verdict.final:
        conv.step = "stopped"
        return [verdict_reply(ctx, conv, verdict, stopped=True)]
    assert a.nik is not None and a.name is not None
    nik = ctx.store.open_nik(a.nik)
    # The officers' copy: the same answers checked against the Dinas's lists (card flags,
    # priority, the console's reasons). No list fails a rule the answers pass, so what the
    # person could file, they still can; they are never told what the lists said.
    lists = await form.look_up_lists(ctx, a)
    checked = evaluate(form.checked_answers(answers, lists), ctx.program, ctx.today)
    kept: dict[str, object] = {
        k: getattr(a, k)
        for k in (
            "stated_age",
            "occupation",
            "occupation_text",
            "bpjs",
            "dtks",
            "heirs",
            "phone",
        )
    }
    if lists:
        kept["lists"] = lists
    assert answers.nik is not None and answers.kelurahan is not None
    kept.update(age=verdict.age, sex=answers.nik.sex.value, channel=person.channel,
                birth_date=answers.nik.birth_date.isoformat())  # fmt: skip
    # The database decides duplicates (a partial unique index on the NIK's blind index), so
    # two accounts filing the same NIK at the same moment cannot both succeed.
    on_behalf = a.on_behalf
    if on_behalf:
        if not await authorise(ctx, person, Action.NOMINATE_ON_BEHALF, answers.kelurahan.code):
            return [reply("not-a-reviewer")]
        kept["consent"] = {"kind": "in_person", "by": person.id,
                           "version": ctx.settings.privacy_notice_version,
                           "at": ctx.now.isoformat()}  # fmt: skip
    for _attempt in range(5):
        try:
            nomination = await ctx.store.add_nomination(
                ref=make_reference(ctx.random_bytes(8)),
                person_id=None if on_behalf else person.id, filed_by=person.id,
                kelurahan_code=answers.kelurahan.code, name=a.name, nik=nik,
                nik_masked=a.nik_masked or "", answers=kept, verdict=checked.kind.value,
                reasons=[f"{r.code}:{r.status.value}" for r in checked.reasons],
                priority=checked.priority, now=ctx.now, on_behalf=on_behalf,
            )  # fmt: skip
            break
        except DuplicateRef:
            continue  # rare (31^5 ≈ 28.6 million codes): draw again
        except DuplicateNik:
            return [_already_filed(ctx, conv)]
    else:
        raise RuntimeError("no free reference code after 5 draws")
    await ctx.store.audit(
        actor=person.id, action="nomination.filed", now=ctx.now, nomination_id=nomination.id,
        after={"status": nomination.status.value, "verdict": checked.kind.value},
    )  # fmt: skip
    if on_behalf:
        await ctx.store.audit(
            actor=person.id, action="consent.in_person", now=ctx.now, nomination_id=nomination.id,
            after={"version": ctx.settings.privacy_notice_version},
        )  # fmt: skip
    # nobody reviewing this kelurahan: the Dinas hears it now
    reviewed = on_behalf or await notify_filed(ctx, nomination)
    conv.flow, conv.step = "idle", ""
    CheckState.clear(conv)  # the draft is now the nomination
    conv.version += 1
    kel = answers.kelurahan
    if on_behalf:
        return [
            reply(
                "filed-on-behalf",
                button(conv, "btn-queue", "queue"),
                button(conv, "btn-menu", "menu"),
                ref=nomination.ref,
                name=Raw(nomination.name or ""),
            )
        ]
    filed = reply(
        "filed",
        button(conv, "btn-status", "status"),
        button(conv, "btn-menu", "menu"),
        ref=nomination.ref,
        next=Msg("filed-next-lurah" if reviewed else "filed-next-dinas", {"kelurahan": kel.name}),
        status=Msg(f"status-{nomination.status.value}"),
    )
    if person.broadcast_opt_in is not None:
        return [filed]
    # Reminders are a purpose of their own (UU 27/2022): asked once, never assumed.
    ask = Reply(
        (Msg("ask-optin"),),
        (Button(Msg("btn-optin-yes"), "n|optin"), Button(Msg("btn-optin-no"), "n|optout")),
    )
    return [filed, ask]


def is_active(nomination: Nomination) -> bool:
    return nomination.status in ACTIVE


async def _prompt(ctx: Context, person: Person, conv: Conversation) -> Reply:
    if conv.step == "consent":
        return consent_notice(ctx, conv)
    if conv.step == "inperson":
        return in_person_prompt(conv)
    if conv.step == "summary":
        return summary(ctx, conv)
    if conv.step == "edit":
        return edit_menu(ctx, conv)
    if conv.step in ("verdict", "stopped"):
        verdict = evaluate(form.to_answers(ctx, CheckState.of(conv)), ctx.program, ctx.today)
        return verdict_reply(ctx, conv, verdict, stopped=conv.step == "stopped")
    return form.ask(ctx, conv, conv.step)


async def _take(ctx: Context, person: Person, conv: Conversation, inp: Input) -> Routed:
    out = await take(ctx, person, conv, inp)
    return (out or [await _prompt(ctx, person, conv)]), False


async def _check(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    return await start(ctx, person, conv), False


async def _restart(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    conv.answers = {}
    return await start(ctx, person, conv), False


async def _on_behalf(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    return await start_on_behalf(ctx, person, conv, arg), False


CHECK = Flow(FLOW, _prompt, _take, commands=(
    Command("check", ("cek", "daftar"), _check, bare=False),
    Command("restart", ("ulang",), _restart),
    Command("onbehalf", ("usulkan",), _on_behalf),
))  # fmt: skip
