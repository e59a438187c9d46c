"""People who type (issues 16 and 27): the corpus in tests/cases/corpus/ and the held-out sets
tests/cases/heldout.yaml and heldout-2.yaml, each message sent through the real Siaga where a
person would type it, and what that person would notice checked (tests/understanding_cases.py).
The corpus must be understood 97 % of the time; the held-out sets, never used to tune anything,
were measured once and their floors are what was honestly reached."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bot.app import App
from handlers.core.messages import UserRef
from tests.conftest import sqlite_only
from tests.harness import Person
from tests.understanding_cases import CORPUS, HELD_OUT, HELD_OUT_2, accuracy, cases, run

TARGET = 0.97  # issue 27; measured 0.9995 (4,355 of 4,357) after round 3 (see the README)
# Floors for the held-out sets: what was reached when each was run after the last change to
# the reader, as a regression guard; never tuned on. heldout.yaml (frozen at 5c0b087; its first
# run, at f7c1b1f, was 0.803): 0.913 at 8de14e2, 0.922 after round 3 (id 0.927, jv 0.910,
# en 0.939). heldout-2.yaml (frozen at f6a8fb3, run blind at 8de14e2: 0.933): 0.931 after
# round 3 (id 0.928, jv 0.906, en 0.973): one message fewer, an "opt in" read under 0.6 that is
# now asked before anyone is signed up.
HELD_OUT_FLOORS = {
    HELD_OUT: (0.92, {"id": 0.92, "jv": 0.91, "en": 0.93}),
    HELD_OUT_2: (0.93, {"id": 0.92, "jv": 0.90, "en": 0.97}),
}


def test_the_corpus_is_big_enough_and_covers_every_language_and_place() -> None:
    found = list(cases(CORPUS))
    by_lang = Counter(c.lang for c in found)
    assert len(found) >= 2000 and min(by_lang[lang] for lang in ("id", "jv", "en")) >= 200, by_lang
    assert {c.at for c in found} >= {"first", "menu", "consent", "name", "nik", "age",
                                     "kecamatan", "occupation", "bpjs", "dtks", "heirs",
                                     "phone", "summary"}  # fmt: skip


@sqlite_only("thousands of conversations; the database does not change what is understood")
async def test_the_corpus_is_understood_where_people_type_it(siaga: App) -> None:
    results = await run(siaga, CORPUS, "korpus")
    assert accuracy(results) >= TARGET, [c.text for c, ok in results if not ok]


@sqlite_only("hundreds of conversations; the database does not change what is understood")
@pytest.mark.parametrize("held_out", [HELD_OUT, HELD_OUT_2], ids=["heldout", "heldout-2"])
async def test_messages_never_used_for_tuning_are_understood(siaga: App, held_out: Path) -> None:
    results = await run(siaga, held_out, held_out.stem)
    assert len(results) >= 450
    overall, per_language = HELD_OUT_FLOORS[held_out]
    assert accuracy(results) >= overall
    for lang, floor in per_language.items():
        assert accuracy(results, lang) >= floor, lang


def test_a_typed_label_is_read_through_typos_and_two_close_ones_are_asked_about() -> None:
    from domain.understand import match_label

    summary = ["✅ Benar, lanjut", "Ubah nama", "Ubah NIK", "Ubah kelurahan", "Ubah nomor HP"]
    assert match_label("ubah kelurhan", summary).index == 3  # a letter missing
    assert match_label("BENAR LANJUT!!", summary).index == 0  # case, emoji, punctuation
    assert match_label("Budi Santoso", summary).index is None  # an answer, not a label
    close = match_label("kirim sekarang", ["Kirim sekarang A", "Kirim sekarang B", "Batal"])
    assert close.index is None and close.close == (0, 1)


async def test_a_number_typed_after_a_notice_means_the_notices_button(siaga: App) -> None:
    """A lurah typing "1" under "📋 Lihat antrean" gets the queue, not the citizen's notice."""
    from handlers.core.records import Role
    from tests.test_review import KELUN, file, make

    await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    lurah = Person(siaga, "lurah-kelun")
    await lurah.say("/menu")  # the last reply the lurah saw: the menu, "1" there is the check
    await file(siaga, "warga-kelun")  # the lurah is told through the outbox, with its button
    await lurah.say("1")
    assert "Pemberitahuan Privasi" not in lurah.text
    async with siaga.store() as store:
        _, conv = await store.load(UserRef("console", "lurah-kelun"), "", siaga.clock())
    assert (conv.flow, conv.step) == ("review", "card")


def test_the_label_similarity_is_the_normalised_longest_common_subsequence() -> None:
    """The bit-parallel count agrees with the textbook table on any strings."""
    from hypothesis import given
    from hypothesis import strategies as st

    from domain.understand import similarity

    def by_table(a: str, b: str) -> float:
        row = [0] * (len(b) + 1)
        for ca in a:
            prev, row = row, [0]
            for j, cb in enumerate(b):
                row.append(prev[j] + 1 if ca == cb else max(prev[j + 1], row[j]))
        return 100.0 if not a and not b else 200.0 * row[-1] / (len(a) + len(b))

    @given(st.text(alphabet="abcé ✅", max_size=30), st.text(alphabet="abcé ✅", max_size=30))
    def agree(a: str, b: str) -> None:
        assert abs(similarity(a, b) - by_table(a, b)) < 1e-9

    agree()


async def test_an_officers_free_text_is_never_taken_for_a_request(siaga: App) -> None:
    """A broadcast text that reads like a question is the broadcast, not an FAQ lookup."""
    from handlers.core.records import Role
    from tests.test_review import make

    await make(siaga, "dinas-1", Role.ADMIN)
    boss = Person(siaga, "dinas-1")
    await boss.say("/siaran")
    await boss.say("Berapa iurannya? Gratis, dibayar Pemkot. Cek status usulan di Siaga.")
    assert "faq" not in " ".join(m.key for s in boss.last for m in s.reply.parts)
    async with siaga.store() as store:
        _, conv = await store.load(UserRef("console", "dinas-1"), "", siaga.clock())
    assert (conv.flow, conv.step) == ("siaran", "audience")


async def test_a_lone_number_at_a_question_with_only_batal_does_not_wipe_the_draft(
    siaga: App,
) -> None:
    from tests.harness import Person

    p = Person(siaga, "angka-satu")
    await p.answers("/menu", "cek", "setuju")
    assert "nama" in p.text.lower() and p.last[-1].buttons == ["Batal"]
    await p.say("1")
    assert "dibatalkan" not in p.text.lower() and "nama" in p.text.lower()
    await p.say("Sri Rahayu")
    assert "NIK" in p.text  # the check went on where it was
