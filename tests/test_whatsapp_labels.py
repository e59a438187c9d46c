"""Every locale string used as a button or list row fits WhatsApp's limits: reply-button titles
at most 20 characters, list rows at most 24 (a longer label would fall back to numbered text)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.channels.whatsapp.render import MAX_BUTTON_TITLE, MAX_LIST_BUTTON, MAX_ROW_TITLE
from bot.i18n import Catalogue, default_locales_dir, message_keys
from bot.program_loader import default_program_path, load_program
from handlers.core.messages import Msg

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "\n".join(p.read_text() for p in (ROOT / "handlers").rglob("*.py"))
KEYS = sorted(
    set(re.findall(r'button\(\s*conv,\s*"([a-z0-9_-]+)"', SOURCE))
    | set(re.findall(r'Button\(\s*Msg\(\s*"([a-z0-9_-]+)"', SOURCE))
    - {"label"}  # kecamatan and kelurahan names: checked below
)
FAMILIES = sorted(
    set(re.findall(r'button\(\s*conv,\s*f"([a-z0-9_-]+)\{', SOURCE))
    | set(re.findall(r'Button\(\s*Msg\(\s*f"([a-z0-9_-]+)\{', SOURCE))
)
LOCALES = ("id", "en", "jv")
CAT = Catalogue(default_locales_dir())


def labels() -> list[tuple[str, str]]:
    out = []
    for locale in LOCALES:
        every = message_keys(default_locales_dir(), locale)
        chosen = set(KEYS) | {k for k in every for f in FAMILIES if k.startswith(f)}
        out += [(locale, k) for k in sorted(chosen - {"label"})]
    return out


def test_the_scan_finds_the_buttons() -> None:
    assert len(KEYS) > 30 and {"btn-occ-", "bc-audience-", "lang-name-"} <= set(FAMILIES)


@pytest.mark.parametrize(("locale", "key"), labels())
def test_button_labels_fit_a_whatsapp_reply_button(locale: str, key: str) -> None:
    text = CAT.render(Msg(key), locale)
    assert len(text) <= MAX_BUTTON_TITLE, f"{locale}/{key}: {text!r} is {len(text)} characters"


def test_region_names_fit_list_rows_and_list_openers_fit() -> None:
    regions = load_program(default_program_path()).regions
    for kec in regions.kecamatan:
        assert len(kec.name) <= MAX_BUTTON_TITLE
        for kel in kec.kelurahan:
            assert len(kel.name) <= MAX_ROW_TITLE
    for locale in LOCALES:
        for key in message_keys(default_locales_dir(), locale):
            if key.startswith("list-") or key == "wa-list-open":
                assert len(CAT.render(Msg(key), locale)) <= MAX_LIST_BUTTON, key
