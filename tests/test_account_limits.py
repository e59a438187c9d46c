"""Daily limits that guard another person's data, counted by the account so that /hapus (a new
person id) does not reset them (review of the issue-26 fixes, findings 4 and 5)."""

from __future__ import annotations

from datetime import timedelta

from bot.app import App
from tests.harness import Person as Chat
from tests.helpers import nik_for
from tests.test_review import file

TOO_MANY = "Terlalu banyak percobaan hari ini"


async def _erase(p: Chat) -> None:
    await p.say("/hapus")
    await p.press("Ya, hapus data saya")
    assert "dihapus" in p.text


async def _guess(p: Chat, ref: str, last4: str) -> str:
    for line in ("/status", ref, last4):
        await p.say(line)
    return p.text


async def test_status_guesses_stay_limited_across_an_erasure(siaga: App) -> None:
    """Finding 4: reference + the NIK's last four digits is guessable; five wrong guesses a
    day, then /hapus gave five more (the count was by person id)."""
    ref = await file(siaga, "pemilik", serial=1)  # last four digits: 0001
    p = Chat(siaga, "penebak")
    for n in range(5):
        assert "tidak cocok" in await _guess(p, ref, f"{1000 + n}")
    assert TOO_MANY in await _guess(p, ref, "1005")
    await _erase(p)
    assert TOO_MANY in await _guess(p, ref, "1006")  # the same account
    assert "tidak cocok" in await _guess(Chat(siaga, "orang-lain"), ref, "1007")
    tomorrow = siaga.clock() + timedelta(days=1, minutes=1)
    siaga.clock = lambda: tomorrow
    assert "tidak cocok" in await _guess(p, ref, "1008")


async def _check_nik(p: Chat, nik: str) -> str:
    for line in ["/batal", "1", "setuju", "Warga Uji", nik, "1"]:
        await p.say(line)
    return p.text


async def test_already_filed_nik_answers_are_limited_per_account(siaga: App) -> None:
    """Finding 5: "this NIK cannot be filed again here" is itself a fact about a stranger;
    after a few a day every typed NIK gets "try later / ask the kelurahan", whoever's it is,
    and /hapus does not reset the count."""
    filed = [nik_for(40, serial=s) for s in (201, 202, 203, 204)]
    for i in range(len(filed)):
        await file(siaga, f"pemilik-{i}", serial=201 + i)
    p = Chat(siaga, "penanya")
    for nik in filed[:3]:
        assert "tidak bisa diusulkan lagi" in await _check_nik(p, nik)
    said = await _check_nik(p, filed[3])
    assert TOO_MANY in said and "tidak bisa diusulkan lagi" not in said
    fresh = await _check_nik(p, nik_for(40, serial=299))  # not filed: the same words
    assert TOO_MANY in fresh
    await _erase(p)
    assert TOO_MANY in await _check_nik(p, filed[3])
    other = Chat(siaga, "warga-lain")  # another account still checks as usual
    assert "tidak bisa diusulkan lagi" in await _check_nik(other, filed[3])
    tomorrow = siaga.clock() + timedelta(days=1, minutes=1)
    siaga.clock = lambda: tomorrow
    assert "tidak bisa diusulkan lagi" in await _check_nik(p, filed[3])
