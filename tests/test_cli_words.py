"""Issue 30 item 6: the command line's own words live in locales/ (cli.ftl) like every other
text a person reads: every key the commands say exists in Indonesian, English and Javanese,
`siaga doctor` says its verdicts in Indonesian by default and in English or Javanese with
`--bahasa`, and no command prints words of its own outside the catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.i18n import Catalogue, default_locales_dir
from tests.test_observability import run_cli

ROOT = Path(__file__).resolve().parent.parent
CLI = sorted((ROOT / "bot" / "cli").glob("*.py"))
SAID = re.compile(r"""say\(\s*f?["']([a-z0-9{}_.-]+)["']""")
# the keys a command builds from a code: its every value
BUILT = {"cli-list-{kind}-read": ("dtks", "bpjs"), "cli-list-{kind}-per": ("dtks", "bpjs")}
VERDICTS = ("ok", "warn", "fail")


def said_keys() -> set[str]:
    keys: set[str] = {f"doctor-verdict-{v}" for v in VERDICTS}
    for path in CLI:
        for key in SAID.findall(path.read_text(encoding="utf-8")):
            if key in BUILT:
                keys.update(key.replace("{kind}", k) for k in BUILT[key])
            elif "{" not in key and not key.endswith("-"):
                keys.add(key)
    return keys


@pytest.mark.parametrize("locale", ["id", "en", "jv"])
def test_every_word_the_commands_say_is_in_each_catalogue(locale: str) -> None:
    catalogue = Catalogue(default_locales_dir())
    keys = said_keys()
    assert len(keys) > 60
    missing = sorted(k for k in keys if not catalogue.has(k, locale))
    assert not missing, missing


def test_no_command_prints_words_of_its_own() -> None:
    """An echo or a confirmation with a literal word in it is a text outside the catalogue."""
    own = re.compile(
        r"""(echo|confirm|_fail|print)\((?:f?"[^"{]*[A-Za-z]{3,}|f?'[^'{]*[A-Za-z]{3,})"""
    )
    found = [f"{p.name}:{n}: {line.strip()}" for p in CLI
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if own.search(line)]  # fmt: skip
    assert not found, "\n".join(found)


async def test_the_doctor_speaks_indonesian_by_default_and_english_or_javanese_when_asked(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    _, by_default = await run_cli(data, "doctor")
    assert "PERINGATAN Telegram: SIAGA_TELEGRAM_TOKEN kosong: kanal Telegram mati" in by_default
    _, english = await run_cli(data, "--bahasa", "en", "doctor")
    assert "WARNING    Telegram: SIAGA_TELEGRAM_TOKEN is empty: the Telegram channel is off" in (
        english
    )
    assert "kosong" not in english
    _, javanese = await run_cli(data, "--bahasa", "jv", "doctor")
    assert "PENGET     Telegram: SIAGA_TELEGRAM_TOKEN kosong: kanal Telegram mati" in javanese
    code, wrong = await run_cli(data, "--bahasa", "fr", "doctor")
    assert code == 2 and 'Bahasa "fr" tidak dikenal. Pilih: id, en, jv.' in wrong
