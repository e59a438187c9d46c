"""Message catalogues (Fluent .ftl under locales/) and rendering of Msg to text.

Indonesian is the default and the fallback: a key missing in another locale renders in
Indonesian rather than failing (a test keeps the key sets equal anyway).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource

from handlers.messages import ArgValue, Msg, Raw

DEFAULT_LOCALE = "id"
LOCALES = ("id", "en", "jv")


def default_locales_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "locales"


class MissingMessage(KeyError):
    pass


class Catalogue:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.bundles: dict[str, FluentBundle] = {}
        self.sources: dict[str, dict[str, str]] = {}
        for loc in LOCALES:
            bundle = FluentBundle([loc], use_isolating=False)
            for f in sorted((directory / loc).glob("*.ftl")):
                bundle.add_resource(FluentResource(f.read_text(encoding="utf-8")))
            self.bundles[loc] = bundle

    def has(self, key: str, locale: str = DEFAULT_LOCALE) -> bool:
        return bool(self.bundles[locale].has_message(key))

    def render(
        self, msg: Msg, locale: str = DEFAULT_LOCALE, escape: Callable[[str], str] | None = None
    ) -> str:
        """Render one message; `escape` is applied to Raw (user-supplied) arguments only."""
        bundle = self.bundles.get(locale) or self.bundles[DEFAULT_LOCALE]
        if not bundle.has_message(msg.key):
            bundle = self.bundles[DEFAULT_LOCALE]
            if not bundle.has_message(msg.key):
                raise MissingMessage(msg.key)
        args = {k: self._arg(v, locale, escape) for k, v in msg.args.items()}
        pattern = bundle.get_message(msg.key).value
        if pattern is None:
            raise MissingMessage(msg.key)
        text, errors = bundle.format_pattern(pattern, args)
        if errors:
            raise MissingMessage(f"{msg.key}: {errors}")
        return str(text)

    def _arg(self, v: ArgValue, locale: str, escape: Callable[[str], str] | None) -> Any:
        if isinstance(v, Msg):
            return self.render(v, locale, escape)
        if isinstance(v, Raw):
            return escape(v.text) if escape else v.text
        return v

    def text(self, key: str, locale: str = DEFAULT_LOCALE, **args: ArgValue) -> str:
        return self.render(Msg(key, args), locale)


def message_keys(directory: Path, locale: str) -> Mapping[str, set[str]]:
    """Every message key of a locale with the variables it uses (for the catalogue test)."""
    from fluent.syntax import FluentParser, ast

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
    from fluent.syntax import ast

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
