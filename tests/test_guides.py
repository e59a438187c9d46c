"""The guides say what the bot says (issue 18): every line a guide quotes from Siaga, and
every button it shows, is a message of the Indonesian catalogue (its { $variables } standing
for anything); every command a guide names is one the bot knows."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from bot.i18n import default_locales_dir, message_parts
from handlers.core.capability import Registry
from handlers.table import CAPABILITIES

WORDS = Registry(CAPABILITIES).words

DOCS = Path(__file__).resolve().parent.parent / "docs"
GUIDES = ("panduan-lurah.md", "panduan-admin.md")
ANY = r"(?:(?!\n\n).)*?"  # a variable: anything within one paragraph
BUTTONS = re.compile(r"\[\d+\] (.+?)(?= · \[\d+\]|$)")


@cache
def patterns() -> tuple[re.Pattern[str], ...]:
    """One pattern per message: its text, each variable matching anything. A message that
    is mostly variables ("{ $role }: { $text }") would match any line, so it is left out."""
    out = []
    for parts in message_parts(default_locales_dir(), "id").values():
        literal = "".join(text for is_var, text in parts if not is_var)
        if parts and parts[0][0] and sum(c.isalnum() for c in literal) < 3:
            continue  # "{ $role }: { $text }" would match any line
        body = "".join(ANY if is_var else re.escape(text) for is_var, text in parts)
        out.append(re.compile(body.strip(), re.DOTALL))
    return tuple(out)


def one_message(text: str, typed: tuple[re.Pattern[str], ...] = ()) -> bool:
    return any(p.fullmatch(text) for p in (*patterns(), *typed))


def typed_in(guide: str) -> tuple[re.Pattern[str], ...]:
    """What people type in the guide's transcripts: a broadcast quotes the admin's own words
    back (their {placeholders} filled in)."""
    said = re.findall(r"^\*\*[^*]+:\*\* `(.+)`$", (DOCS / guide).read_text(encoding="utf-8"),
                      re.MULTILINE)  # fmt: skip
    return tuple(
        re.compile(re.sub(r"\\\{[a-z_]+\\\}", ANY.replace("\\", "\\\\"), re.escape(x)), re.DOTALL)
        for x in said
        if len(x) > 20
    )


def a_reply(paragraphs: list[str], typed: tuple[re.Pattern[str], ...] = ()) -> bool:
    """A reply is messages joined by blank lines: can the paragraphs be cut into messages?"""
    n = len(paragraphs)
    can = [True] + [False] * n  # can[i]: the first i paragraphs are whole messages
    for j in range(1, n + 1):
        can[j] = any(can[i] and one_message("\n\n".join(paragraphs[i:j]), typed) for i in range(j))
    return can[n]


def replies(guide: str) -> list[tuple[int, list[str], list[str]]]:
    """Each reply a guide quotes ("> …" lines after "**Siaga:**"): where, its paragraphs,
    its buttons."""
    out: list[tuple[int, list[str], list[str]]] = []
    lines = (DOCS / guide).read_text(encoding="utf-8").splitlines()
    for n, raw in enumerate(lines):
        if raw.strip() != "**Siaga:**":
            continue
        body: list[str] = []
        buttons: list[str] = []
        for quoted in lines[n + 1 :]:
            if not quoted.startswith(">") and quoted.strip():
                break
            text = quoted[1:].strip() if quoted.startswith(">") else None
            if text is None:
                continue
            if text.startswith("[1] "):
                buttons += BUTTONS.findall(text)
            else:
                body.append(text)
        paragraphs = [p.strip() for p in "\n".join(body).split("\n\n") if p.strip()]
        out.append((n + 1, paragraphs, buttons))
    return out


@pytest.mark.parametrize("guide", GUIDES)
def test_every_reply_a_guide_quotes_is_what_siaga_says(guide: str) -> None:
    found = replies(guide)
    assert len(found) > 5  # the guide has transcripts
    typed = typed_in(guide)
    wrong = [f"{guide}:{n}: {' / '.join(p)[:120]}" for n, p, _ in found if not a_reply(p, typed)]
    wrong += [f"{guide}:{n}: button {b}" for n, _, bs in found for b in bs if not one_message(b)]
    assert not wrong, "not what Siaga says now:\n" + "\n".join(wrong)


@pytest.mark.parametrize("guide", GUIDES)
def test_every_command_a_guide_names_exists(guide: str) -> None:
    text = (DOCS / guide).read_text(encoding="utf-8")
    named = set(re.findall(r"`/([a-z_]+)", text))
    assert named and not named - set(WORDS), sorted(named - set(WORDS))


def test_the_rejection_reasons_in_the_guide_are_the_buttons() -> None:
    text = (DOCS / "panduan-lurah.md").read_text(encoding="utf-8")
    parts = message_parts(default_locales_dir(), "id")
    for reason in ("domicile", "registry", "bpjs", "activity", "data"):
        label = "".join(t for _, t in parts[f"btn-reason-{reason}"])
        assert label in text, label
