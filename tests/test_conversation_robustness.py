"""Bad input at any step: a clear reply, nothing lost, never a crash; and no NIK in the logs."""

from __future__ import annotations

import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import App
from tests.harness import Person
from tests.helpers import nik_for

# Answers that walk a citizen to each step of the check, one more each time.
WALK = ["1", "setuju", "Budi Santoso", None, "1", "1", "Kartoharjo", "Kelun", "ojol", "1",
        "ya", "ya", "lewati", "1"]  # fmt: skip


async def walk_to(p: Person, steps: int) -> None:
    nik = nik_for(40)
    for line in WALK[:steps]:
        await p.say(line or nik)


@pytest.mark.parametrize("steps", range(len(WALK) + 1))
async def test_garbage_at_every_step_gets_a_reply_and_keeps_the_step(
    siaga: App, steps: int
) -> None:
    p = Person(siaga, f"g{steps}")
    await walk_to(p, steps)
    before = p.text
    for junk in ("🙂🙂🙂", "x" * 5000, "   ", "\x00\x01", "<b>halo</b>", "/tidakada", "9999"):
        said = await p.say(junk)
        assert said and all(s.text.strip() for s in said), junk
    said = await p.media()
    assert "tidak bisa dibaca" in said[0].text  # and a person is offered (issue 17)
    # the question is asked again, not lost
    if steps:
        last_line = before.splitlines()[-1]
        assert last_line in p.text or "Silakan pilih layanan" in p.text


async def test_a_5000_character_message_is_refused_politely(siaga: App) -> None:
    p = Person(siaga, "long")
    await walk_to(p, 3)
    said = await p.say("a" * 5000)
    assert "terlalu panjang" in said[0].text
    assert "NIK" in said[0].text  # still on the NIK question


async def test_an_old_button_is_refused_and_changes_nothing(siaga: App) -> None:
    p = Person(siaga, "old")
    await walk_to(p, 7)  # at the kelurahan question
    kelun = next(b.data for b in p.last[-1].reply.buttons if b.data.endswith("kel:35.77.01.1009"))
    await p.tap(kelun)
    assert "pekerjaan utama" in p.text
    await p.tap(kelun)  # the same button again: its step is answered
    assert "sudah tidak berlaku" in p.text
    assert "pekerjaan utama" in p.text


async def test_a_forged_button_is_refused(siaga: App) -> None:
    p = Person(siaga, "forge")
    await walk_to(p, 7)
    version = p.last[-1].reply.buttons[0].data.split("|")[0]
    await p.tap(f"{version}|file")  # a real version, a value this step never offered
    assert "sudah tidak berlaku" in p.text
    await p.tap("garbage-without-bar")
    assert "sudah tidak berlaku" in p.text


async def test_a_replayed_update_is_handled_once(siaga: App) -> None:
    p = Person(siaga, "replay")
    await walk_to(p, 2)
    first = await p.say("Budi Santoso", update_id="u-77")
    assert "NIK" in first[0].text
    again = await p.say("Budi Santoso", update_id="u-77")
    assert again == []
    said = await p.say("/bantuan")
    assert "Berapa NIK" in said[0].text or "NIK" in said[-1].text


async def test_three_misses_offer_help(siaga: App) -> None:
    p = Person(siaga, "miss")
    await walk_to(p, 3)
    for _ in range(3):
        await p.say("bukan nik")
    assert "/bantuan" in p.text


async def test_cancel_and_restart(siaga: App) -> None:
    p = Person(siaga, "cancel")
    await walk_to(p, 6)
    await p.say("/batal")
    assert "Dibatalkan" in p.text
    await p.say("1")
    assert "Siapa nama lengkap" in p.text  # consent kept, answers gone
    await p.say("/ulang")
    assert "Siapa nama lengkap" in p.text


async def test_no_nik_reaches_the_logs(siaga: App, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    nik = nik_for(40)
    p = Person(siaga, "logs")
    for line in ["1", "setuju", "Budi", nik, "1", "1", "kelun", "ojol", "1", "ya", "ya",
                 "lewati", "1", "1", "/dataku", "/status", nik, "/hapus", "1"]:  # fmt: skip
        await p.say(line)
    logging.getLogger("siaga.test").info("user typed %s", nik)  # even a careless log line
    captured = caplog.text + "".join(r.getMessage() for r in caplog.records)
    assert nik not in captured
    assert "•• •••• " + nik[12:] in captured  # the careless line was masked, not dropped


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(step=st.integers(min_value=0, max_value=len(WALK)), text=st.text(max_size=300))
async def test_any_text_at_any_step_gets_a_reply(siaga: App, step: int, text: str) -> None:
    p = Person(siaga, f"prop-{step}-{abs(hash(text)) % 10_000}")
    await walk_to(p, step)
    said = await p.say(text)
    assert said, "no reply"
    assert all(s.text.strip() for s in said)


async def test_a_stopped_check_survives_anything_typed(siaga: App) -> None:
    p = Person(siaga, "old")
    await p.answers("1", "setuju", "Mbah", nik_for(70), "1", "1")
    assert "berhenti bertanya" in p.text
    assert "belum diisi" not in p.text  # questions never asked are not listed as unknown
    for junk in ("tukang becak", "1", "ya", "tidak", "lewati", "🙂", "/bantuan"):
        said = await p.say(junk)
        assert said and all(s.text.strip() for s in said), junk


async def test_a_bug_mid_conversation_is_an_apology_and_loses_nothing(
    siaga: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    from handlers.check import form

    p = Person(siaga, "bug")
    await walk_to(p, 7)  # at the kelurahan question
    from dataclasses import replace

    original = form.STEPS["kelurahan"]

    def broken(*args: object) -> object:
        raise RuntimeError("simulated bug")

    monkeypatch.setitem(form.STEPS, "kelurahan", replace(original, take=broken))
    said = await p.say("Kelun")
    assert "terjadi kesalahan" in said[0].text
    monkeypatch.setitem(form.STEPS, "kelurahan", original)
    await p.say("Kelun")
    assert "pekerjaan utama" in p.text  # the same question was still waiting


@pytest.mark.parametrize("lang", ["id", "en", "jv"])
async def test_every_command_the_help_names_is_one_siaga_answers(siaga: App, lang: str) -> None:
    """/bantuan lists what a resident may type, reporting and news included (a resident
    tester found /kabar, /berhenti and /mulai answered but never named), and each works."""
    import re

    p = Person(siaga, f"bantuan-{lang}")
    await p.say("/bahasa")
    await p.say(str(("id", "en", "jv").index(lang) + 1))  # the language's button, by number
    await p.say("/bantuan")
    title = {"id": "Bantuan Siaga", "en": "Siaga help", "jv": "Pitulungan Siaga"}[lang]
    assert title in p.text  # in the language chosen
    named = set(re.findall(r"/([a-z]+)", p.text))
    assert {"kabar", "berhenti", "mulai", "status", "dataku", "hapus", "petugas"} <= named
    unknown = siaga.catalogue.text("unknown-command", lang)
    for command in sorted(named - {"bantuan"}):
        await p.say(f"/{command}")
        assert unknown not in p.text, command
        await p.say("/batal")
