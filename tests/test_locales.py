"""The same keys and placeholders in every locale; every key the code uses exists."""

from __future__ import annotations

import re
from pathlib import Path

from bot.i18n import LOCALES, Catalogue, default_locales_dir, message_keys

ROOT = Path(__file__).resolve().parent.parent


def test_every_locale_has_the_same_keys_and_placeholders() -> None:
    base = message_keys(default_locales_dir(), "id")
    assert len(base) > 150
    for loc in LOCALES[1:]:
        other = message_keys(default_locales_dir(), loc)
        assert sorted(set(base) - set(other)) == [], f"missing in {loc}"
        assert sorted(set(other) - set(base)) == [], f"only in {loc}"
        for key, variables in base.items():
            assert other[key] == variables, f"{loc}:{key} placeholders differ"


def test_every_key_named_in_the_code_exists() -> None:
    keys = set(message_keys(default_locales_dir(), "id"))
    literal = re.compile(
        r'(?:Msg|reply|Reply\.of|button|contact_button)\(\s*(?:conv,\s*)?"([a-z][a-z0-9_-]+)"'
    )
    missing = set()
    for path in [*ROOT.glob("handlers/**/*.py"), *ROOT.glob("bot/**/*.py")]:
        for key in literal.findall(path.read_text()):
            if key not in keys and not key.endswith("-"):
                missing.add(f"{path.name}: {key}")
    assert not missing


def test_switching_language_changes_the_words(catalogue: Catalogue) -> None:
    assert catalogue.text("btn-yes", "id") == "Ya"
    assert catalogue.text("btn-yes", "en") == "Yes"
    assert catalogue.text("btn-yes", "jv") == "Inggih"
