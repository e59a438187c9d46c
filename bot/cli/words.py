"""The command line's own words (issue 30 item 6): like every other text a person reads, they
live in locales/ (cli.ftl), rendered in Indonesian unless `siaga --bahasa en|jv` says
otherwise. The catalogue is loaded on the first word said, not when the command is imported.
"""

from __future__ import annotations

from typing import Any

from bot.i18n import Catalogue, default_locales_dir
from handlers.core.messages import Msg, Raw

LOCALES = ("id", "en", "jv")
_state: dict[str, Any] = {"locale": "id", "catalogue": None}


def use(locale: str) -> None:
    _state["locale"] = locale


def locale() -> str:
    return str(_state["locale"])


def catalogue() -> Catalogue:
    if _state["catalogue"] is None:
        _state["catalogue"] = Catalogue(default_locales_dir())
    found: Catalogue = _state["catalogue"]
    return found


def say(key: str, **args: Any) -> str:
    """A message of cli.ftl in the command line's language; text arguments are shown as
    given (a path, a kelurahan's name, an error's words), numbers as the locale writes them."""
    values = {k: v if isinstance(v, int | float | Msg | Raw) else Raw(str(v))
              for k, v in args.items()}  # fmt: skip
    return catalogue().render(Msg(key, values), locale())
