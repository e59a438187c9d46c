"""The console's Pelajari page (issue 27, point 7): the messages Siaga did not understand, or
read wrongly, kept masked; the Dinas labels each with what it meant (a `means` of the corpus)
or discards it. The same use cases (handlers.learning) as the command line's export. Admins
only: a lurah gets the 404 any other Dinas page gives."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import Request, Response
from fastapi.responses import RedirectResponse

from bot.db.learning_store import NO_READING
from bot.web.console.views import Console, note_of, when
from domain.learning import ANSWERS, FAQS, LANGUAGES, OTHERS, PLACES, REQUESTS
from handlers import learning
from handlers.messages import Msg

NOTES = {
    learning.Labelled.DONE: "con-learn-labelled",
    learning.Labelled.BAD_LABEL: "con-learn-bad-label",
    learning.Labelled.BAD_VALUE: "con-learn-bad-value",
    learning.Labelled.GONE: "con-learn-gone",
    learning.Labelled.FORBIDDEN: "con-learn-forbidden",
}


class LearningPages:
    def __init__(self, console: Console) -> None:
        self.c = console

    def words(self, label: str | None, locale: str) -> str:
        """A `means` value in the officer's words, its code beside it ("Cek status · status")."""
        if not label:
            return self.c.c.catalogue.render(Msg("con-learn-nothing-read"), locale)
        kind, _, rest = label.partition(":")
        render = self.c.c.catalogue.render
        if kind == "answer":
            field_name, eq, value = rest.partition("=")
            if field_name not in ANSWERS:
                return label
            words = render(Msg(f"con-field-{field_name}"), locale)
            if eq and value:
                fixed = ANSWERS[field_name]
                shown = value
                if fixed and value in fixed:
                    base, _, changed = value.partition(":")
                    args = {"field": Msg(f"con-field-{changed}")} if changed else {}
                    shown = render(Msg(f"con-value-{base}", args), locale)
                words = f"{words}: {shown}"
            return f"{words} · {label}"
        key = "con-means-" + label.replace(":", "-")
        try:
            return f"{render(Msg(key), locale)} · {label}"
        except KeyError:  # a reading the reader has and this page does not know yet
            return label

    def choices(self, locale: str) -> list[tuple[str, list[tuple[str, str]]]]:
        """The label list, grouped: requests, FAQ, question/none, answers at a step."""
        answers: list[tuple[str, str]] = []
        for field_name, values in ANSWERS.items():
            if values is None:  # typed: the value comes from the text field
                text = self.words(f"answer:{field_name}", locale).partition(" · ")[0]
                typed = self.c.c.catalogue.render(Msg("con-value-typed"), locale)
                answers.append(
                    (f"answer:{field_name}=", f"{text}: {typed} · answer:{field_name}=…")
                )
            elif not values:
                answers.append((f"answer:{field_name}", self.words(f"answer:{field_name}", locale)))
            else:
                for v in values:
                    label = f"answer:{field_name}={v}"
                    answers.append((label, self.words(label, locale)))
        return [
            ("con-learn-group-requests", [(m, self.words(m, locale)) for m in REQUESTS]),
            ("con-learn-group-faq", [(m, self.words(m, locale)) for m in FAQS]),
            ("con-learn-group-other", [(m, self.words(m, locale)) for m in OTHERS]),
            ("con-learn-group-answers", answers),
        ]

    async def index(self, request: Request) -> Response:
        q = request.query_params
        place = q.get("tempat", "")
        reading = q.get("terbaca", "")
        page = int(q["hal"]) if q.get("hal", "").isdigit() else 1
        async with self.c.unit() as (store, ctx):
            found = await self.c.gate(request, store, ctx, admin=True)
            if isinstance(found, Response):
                return found
            w = await learning.waiting(ctx, place, reading, page)
        locale = found.person.locale
        items = [{
            "id": m.id, "text": m.text, "place": m.place, "lang": m.lang,
            "at": when(ctx, m.created_at),
            "reading": self.words(m.reading, locale),
            "confidence": f"{m.confidence:.0%}" if m.confidence is not None else "",
            "chosen": self.words(m.chosen, locale) if m.chosen else "",
            "preset": m.chosen or "",
        } for m in w.items]  # fmt: skip
        readings = [(r or NO_READING, self.words(r, locale)) for r in w.readings]
        keep = {"tempat": place if place in PLACES else "", "terbaca": reading, "hal": w.page}

        def link(to: int) -> str:
            return "/konsol/pelajari?" + urlencode({**keep, "hal": to})

        return self.c.page(
            "learn.html", locale, seat=found, active="learn", items=items, w=w,
            places=PLACES, place=keep["tempat"], readings=readings, reading=reading,
            choices=self.choices(locale), languages=LANGUAGES, keep=keep,
            note=note_of(request), days=learning.KEEP_DAYS,
            previous=link(w.page - 1) if w.page > 1 else "",
            next=link(w.page + 1) if w.page < w.pages else "",
        )  # fmt: skip

    async def act(self, request: Request, mid: int) -> Response:
        form = await self.c.form(request)
        async with self.c.unit() as (store, ctx):
            found = await self.c.gate(request, store, ctx, admin=True, form=form)
            if isinstance(found, Response):
                return found
            if form.get("tindakan") == "buang":
                gone = await learning.discard(ctx, found.person, mid)
                note = "con-learn-discarded" if gone else "con-learn-gone"
            else:
                outcome = await learning.label(
                    ctx,
                    found.person,
                    mid,
                    form.get("arti", ""),
                    form.get("nilai", ""),
                    form.get("bahasa", ""),
                )
                note = NOTES[outcome]
            await store.commit()
        back = {k: form.get(k, "") for k in ("tempat", "terbaca", "hal") if form.get(k)}
        return RedirectResponse(f"/konsol/pelajari?{urlencode({**back, 'pesan': note})}",
                                status_code=303)  # fmt: skip
