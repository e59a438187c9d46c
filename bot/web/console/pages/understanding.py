"""The console's Pelajari page (issue 27, point 7): the messages Siaga did not understand, or
read wrongly, kept masked; the Dinas labels each with what it meant (a `means` of the corpus)
or discards it. The same use cases (handlers.understanding) as the command line's export. Admins
only: a lurah gets the 404 any other Dinas page gives."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import Request, Response
from fastapi.responses import RedirectResponse

from bot.web.console.fields import Fields, record_id
from bot.web.console.views import Nav, Pages, notes, route, when
from domain.learning import ANSWERS, FAQS, LANGUAGES, OTHERS, PLACES, REQUESTS
from handlers import understanding as learning
from handlers.core.messages import Msg
from handlers.understanding import NO_READING

NOTES = {
    learning.Labelled.DONE: "con-learn-labelled",
    learning.Labelled.BAD_LABEL: "con-learn-bad-label",
    learning.Labelled.BAD_VALUE: "con-learn-bad-value",
    learning.Labelled.GONE: "con-learn-gone",
    learning.Labelled.FORBIDDEN: "con-learn-forbidden",
}
PAGE_NOTES = (*NOTES.values(), "con-learn-discarded")
LABELS = {"tempat": "con-learn-place", "terbaca": "con-learn-read", "hal": "con-learn-pages"}
MAX_PAGE = 100_000
READINGS = (*REQUESTS, *FAQS, *OTHERS, "answer", NO_READING)  # what the filter may name


NAV = (Nav("learn", "/konsol/pelajari", "con-nav-learn", 100, dinas=True),)


class LearningPages(Pages):
    def words(self, label: str | None, locale: str) -> str:
        """A `means` value in the officer's words, its code beside it ("Cek status · status")."""
        if not label:
            return self.c.words(Msg("con-learn-nothing-read"), locale)
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
                typed = self.c.words(Msg("con-value-typed"), locale)
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

    @route("GET", "/pelajari")
    async def index(self, request: Request) -> Response:
        # every parameter checked (issue 26 item 7): a crafted link gets a named problem
        q = Fields(request.query_params, LABELS)
        place = q.choice("tempat", PLACES)
        reading = q.choice("terbaca", READINGS)
        page = q.number("hal", 1, MAX_PAGE) or 1
        note = notes(q, PAGE_NOTES)
        async with self.c.unit() as ctx:
            found = await self.c.gate(request, ctx, admin=True)
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
            "learn.html", locale, status=400 if q.problems else 200, seat=found, active="learn",
            items=items, w=w,
            places=PLACES, place=keep["tempat"], readings=readings, reading=reading,
            choices=self.choices(locale), languages=LANGUAGES, keep=keep,
            note=note, problems=q.problems, days=learning.KEEP_DAYS,
            previous=link(w.page - 1) if w.page > 1 else "",
            next=link(w.page + 1) if w.page < w.pages else "",
        )  # fmt: skip

    @route("POST", "/pelajari/{mid}")
    async def act(self, request: Request, mid: str) -> Response:
        async with self.c.posted(request, LABELS, admin=True) as (ctx, found, f):
            meant, value = f.text("arti", 120) or "", f.text("nilai", 120) or ""
            lang = f.choice("bahasa", LANGUAGES)
            key = record_id(mid)
            if key is None:
                note = "con-learn-gone"  # an id that is no id names no kept message
            elif f.raw("tindakan") == "buang":
                gone = await learning.discard(ctx, found.person, key)
                note = "con-learn-discarded" if gone else "con-learn-gone"
            elif f.problems:  # nothing is labelled from a field that is no good
                note = "con-learn-bad-value"
            else:
                outcome = await learning.label(ctx, found.person, key, meant, value, lang)
                note = NOTES[outcome]
        kept = Fields(f.values, LABELS)  # the page's filters, as checked as the page's own link
        filters = (
            ("tempat", kept.choice("tempat", PLACES)),
            ("terbaca", kept.choice("terbaca", READINGS)),
            ("hal", str(kept.number("hal", 1, MAX_PAGE) or "")),
        )
        back = {k: v for k, v in filters if v}
        return RedirectResponse(f"/konsol/pelajari?{urlencode({**back, 'pesan': note})}",
                                status_code=303)  # fmt: skip
