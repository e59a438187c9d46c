"""Message catalogues (Fluent .ftl under locales/) and rendering of Msg to text.

Indonesian is the default and the fallback: a key missing in another locale renders in
Indonesian rather than failing (a test keeps the key sets equal anyway).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from fluent.syntax import FluentParser, ast

from domain.nik import group_digits, mask_digits
from handlers.core.messages import (
    LANGUAGES,
    ArgValue,
    Msg,
    Raw,
    SealedNik,
    SealedText,
    open_numbers,
)

DEFAULT_LOCALE = "id"
LOCALES = LANGUAGES

# A compiled message: literal text, or the name of a variable to fill in.
Part = tuple[bool, str]  # (is_variable, text or name)


def default_locales_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "locales"


class MissingMessage(KeyError):
    pass


class CatalogueError(ValueError):
    pass


def _compile(pattern: ast.Pattern, where: str) -> tuple[Part, ...]:
    """Our catalogues use text and { $variables } only (Indonesian has no plural forms), so
    messages compile to a flat list and render by joining: no fluent.runtime, whose Babel
    locale data alone costs 4 MB a locale. Anything richer is refused at load, by name."""
    parts: list[Part] = []
    for el in pattern.elements:
        if isinstance(el, ast.TextElement):
            parts.append((False, el.value))
        elif isinstance(el, ast.Placeable) and isinstance(el.expression, ast.VariableReference):
            parts.append((True, el.expression.id.name))
        elif isinstance(el, ast.Placeable) and isinstance(el.expression, ast.StringLiteral):
            parts.append((False, el.expression.parse()["value"]))
        else:
            raise CatalogueError(f"{where}: only text and {{ $variables }} are supported")
    return tuple(parts)


def _load(directory: Path, locale: str) -> dict[str, tuple[Part, ...]]:
    messages: dict[str, tuple[Part, ...]] = {}
    parser = FluentParser(with_spans=False)
    for f in sorted((directory / locale).glob("*.ftl")):
        for entry in parser.parse(f.read_text(encoding="utf-8")).body:
            if isinstance(entry, ast.Junk):
                raise CatalogueError(f"{f}: cannot parse: {(entry.content or '')[:80]!r}")
            if isinstance(entry, ast.Message) and entry.value is not None:
                messages[entry.id.name] = _compile(entry.value, f"{f}: {entry.id.name}")
    return messages


def format_number(value: float, locale: str) -> str:
    """16800 → "16.800" in Indonesian and Javanese, "16,800" in English."""
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"
    if locale == "en":
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


class _Messages(dict[str, dict[str, tuple[Part, ...]]]):
    """Locales are loaded on first use; most people use one."""

    def __init__(self, directory: Path) -> None:
        super().__init__()
        self.directory = directory

    def __missing__(self, locale: str) -> dict[str, tuple[Part, ...]]:
        if locale not in LOCALES:
            locale = DEFAULT_LOCALE
        loaded = self[locale] = _load(self.directory, locale)
        return loaded


class Catalogue:
    def __init__(self, directory: Path, unseal: Callable[[str], str] | None = None) -> None:
        self.directory = directory
        # opens a SealedNik argument for the message to its owner; without it (or when the
        # token does not open) the NIK is shown masked
        self.unseal = unseal
        self.messages = _Messages(directory)
        self.messages[DEFAULT_LOCALE]

    def has(self, key: str, locale: str = DEFAULT_LOCALE) -> bool:
        return key in self.messages[locale]

    def render(
        self, msg: Msg, locale: str = DEFAULT_LOCALE, escape: Callable[[str], str] | None = None
    ) -> str:
        """Render one message; `escape` is applied to Raw (user-supplied) arguments only.
        A key missing in a locale falls back to Indonesian."""
        parts = self.messages[locale].get(msg.key)
        if parts is None:
            parts = self.messages[DEFAULT_LOCALE].get(msg.key)
            if parts is None:
                raise MissingMessage(msg.key)
        out: list[str] = []
        for is_var, text in parts:
            if not is_var:
                out.append(text)
                continue
            if text not in msg.args:
                raise MissingMessage(f"{msg.key}: no value for ${text}")
            out.append(self._arg(msg.args[text], locale, escape))
        return "".join(out)

    def _arg(self, v: ArgValue, locale: str, escape: Callable[[str], str] | None) -> str:
        if isinstance(v, Msg):
            return self.render(v, locale, escape)
        if isinstance(v, Raw):
            return escape(v.text) if escape else v.text
        if isinstance(v, SealedNik):
            return self._nik(v.token)
        if isinstance(v, SealedText):
            text = open_numbers(v.text, self.unseal)
            text = text[: v.limit] if v.limit else text
            return escape(text) if escape else text
        if isinstance(v, bool):
            return str(v)
        if isinstance(v, int | float):
            return format_number(v, locale)
        return str(v)

    def _nik(self, token: str) -> str:
        try:
            digits = self.unseal(token) if self.unseal else ""
        except Exception:  # a token from another key: show it masked, never fail a reply
            digits = ""
        return group_digits(digits) if len(digits) == 16 else mask_digits(digits)

    def text(self, key: str, locale: str = DEFAULT_LOCALE, **args: ArgValue) -> str:
        return self.render(Msg(key, args), locale)


def message_keys(directory: Path, locale: str) -> Mapping[str, set[str]]:
    """Every message key of a locale with the variables it uses (for the catalogue test)."""
    out: dict[str, set[str]] = {}
    parser = FluentParser()
    for f in sorted((directory / locale).glob("*.ftl")):
        res = parser.parse(f.read_text(encoding="utf-8"))
        for entry in res.body:
            if isinstance(entry, ast.Junk):
                raise ValueError(f"{f}: cannot parse: {(entry.content or '')[:80]!r}")
            if isinstance(entry, ast.Message):
                out[entry.id.name] = _variables(entry)
    return out


def _variables(node: Any) -> set[str]:
    """Variable names referenced anywhere below a Fluent syntax node."""
    found: set[str] = set()
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, ast.VariableReference):
            found.add(n.id.name)
        if isinstance(n, ast.BaseNode):
            stack.extend(v for v in vars(n).values() if isinstance(v, ast.BaseNode | list))
        elif isinstance(n, list):
            stack.extend(n)
    return found


def message_parts(directory: Path, locale: str) -> Mapping[str, tuple[Part, ...]]:
    """Every message of a locale as text and variable names (the guides' test reads what
    the bot can say from here)."""
    return _load(directory, locale)
