"""Residents' findings re-checked on main (the tester's list): each test drives the real chat
and names the finding it guards."""

from __future__ import annotations

import pytest

from bot.app import App
from handlers.citizen.form import CheckState
from handlers.messages import UserRef
from tests.harness import Person
from tests.helpers import nik_for

CHECK_TO_SUMMARY = ["1", "setuju", "Warga Uji", nik_for(40), "1", "1", "kelun", "ojol", "1",
                    "ya", "ya", "lewati"]  # fmt: skip


async def draft(siaga: App, ext: str) -> tuple[str, str, CheckState]:
    async with siaga.store() as store:
        _, conv = await store.load(UserRef("console", ext), "", siaga.clock())
    return conv.flow, conv.step, CheckState.of(conv)


# --- A2: one word does not delete a half-done check --------------------------------------------


@pytest.mark.parametrize("word", ["gak jadi", "batal", "batal aja", "ndak jadi"])
async def test_a_cancel_typed_mid_check_asks_before_deleting_the_answers(
    siaga: App, word: str
) -> None:
    ext = f"a2-{word}"
    p = Person(siaga, ext)
    await p.answers("/menu", "1", "setuju", "Warga Uji")
    await p.say(word)
    assert "Batalkan pengisian?" in p.text and p.last[-1].buttons == ["Ya, batalkan", "Lanjutkan"]
    assert (await draft(siaga, ext))[2].name == "Warga Uji"
    await p.say("lanjut")  # a go-on word goes on filling in: it is not the yes
    assert "Berapa NIK" in p.text
    flow, step, d = await draft(siaga, ext)
    assert (flow, step, d.name) == ("check", "nik", "Warga Uji")
    await p.say(word)
    await p.say("ya")
    assert "Dibatalkan" in p.text
    assert not (await draft(siaga, ext))[2].started


async def test_a_cancel_typed_at_the_summary_asks_first_and_no_keeps_everything(
    siaga: App,
) -> None:
    p = Person(siaga, "a2-sum")
    await p.answers(*CHECK_TO_SUMMARY)
    assert (await draft(siaga, "a2-sum"))[1] == "summary"
    await p.say("batal aja")
    assert "Batalkan pengisian?" in p.text
    await p.press("Lanjutkan")
    flow, step, d = await draft(siaga, "a2-sum")
    assert (flow, step, d.occupation_done) == ("check", "summary", True)
    await p.say("batal")
    await p.press("Ya, batalkan")
    assert "Dibatalkan" in p.text and not (await draft(siaga, "a2-sum"))[2].started


async def test_the_batal_button_and_slash_command_stay_one_step(siaga: App) -> None:
    # explicit forms: a button labelled Batal under the question, or the command itself
    p = Person(siaga, "a2-btn")
    await p.answers("/menu", "1", "setuju", "Warga Uji")
    await p.press("Batal")
    assert "Dibatalkan" in p.text and not (await draft(siaga, "a2-btn"))[2].started
    await p.answers("1", "setuju", "Warga Uji", "/batal")
    assert "Dibatalkan" in p.text and not (await draft(siaga, "a2-btn"))[2].started


async def test_nothing_typed_yet_cancels_without_asking(siaga: App) -> None:
    p = Person(siaga, "a2-none")
    await p.answers("/menu", "1")
    await p.say("batal")
    assert "Batalkan pengisian?" not in p.text
