"""The trained reader (issue 27): the model in the repository is the one the corpus builds;
confidence decides (act, ask between two, not understood); nothing destructive is ever done
on one message; the reply comes in the language of the first message; inside the check a
request is honoured and answers are read out of sentences."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.app import App
from bot.db import schema as t
from bot.reader.corpus import corpus_hash
from bot.reader.model import DATA, FastTextReader
from domain.reading import Reading, Thresholds
from handlers.check.form import CheckState
from handlers.core.messages import UserRef
from tests.harness import Person
from tests.helpers import nik_for
from tests.understanding_cases import CORPUS

ROOT = Path(__file__).resolve().parent.parent
TRAINER = ROOT / ".train"
MANIFEST = json.loads((DATA / "manifest.json").read_text("utf-8"))


def test_the_model_was_built_from_the_corpus_in_the_repository() -> None:
    """Change a corpus file and this fails until `siaga admin corpus train` is run."""
    assert MANIFEST["corpus_sha256"] == corpus_hash(CORPUS), (
        "the corpus changed: rebuild the reader with `siaga admin corpus train`"
    )


def test_the_served_models_are_the_ones_the_manifest_describes() -> None:
    import hashlib

    from bot.reader.train import served_digest

    for name in ("intent", "language"):
        data = (DATA / MANIFEST[name]["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == MANIFEST[name]["sha256"]
    # fasttext-predict (the worker's) reads every corpus message as the trainer's did
    assert served_digest(DATA, CORPUS) == MANIFEST["predictions_sha256"]


@pytest.mark.skipif(
    not TRAINER.is_dir() and os.environ.get("SIAGA_TRAIN") != "required",
    reason="the trainer is not installed in .train/ (bot/reader/train-requirements.txt)",
)
def test_retraining_reproduces_the_same_predictions(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(TRAINER), str(ROOT)]))
    subprocess.run(
        [sys.executable, "-m", "bot.reader.train", "--corpus", str(CORPUS), "--out",
         str(tmp_path)], cwd=ROOT, env=env, check=True, capture_output=True,
    )  # fmt: skip
    rebuilt = json.loads((tmp_path / "manifest.json").read_text("utf-8"))
    assert rebuilt["predictions_sha256"] == MANIFEST["predictions_sha256"]
    assert rebuilt["thresholds"] == MANIFEST["thresholds"]
    assert rebuilt["intent"]["temperature"] == MANIFEST["intent"]["temperature"]


def test_a_worker_loads_the_reader_without_numpy_or_the_trainer() -> None:
    probe = (
        "import sys\nfrom bot import app\nfrom bot.reader.model import load_reader\n"
        "r = load_reader(); r.read('mau daftar')\n"
        "print(sorted(m for m in ('numpy', 'bot.reader.train') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                         text=True, check=True)  # fmt: skip
    assert out.stdout.strip() == "[]"


def test_calibrated_confidences_are_probabilities() -> None:
    reader = FastTextReader()
    r = reader.read("saya mau daftar program ini")
    assert r.label == "check" and r.confidence >= reader.thresholds.act
    assert abs(sum(p for _, p in r.ranked) - 1.0) < 1e-6


# --- confidence decides: a hand-written reader of fixed readings ------------------------------


class Fixed:
    """A reader that reads every message the same way (handlers.core.reader.Reader)."""

    def __init__(
        self,
        *ranked: tuple[str, float],
        language: tuple[str, float] = ("id", 1.0),
        act: float = 0.8,
    ):
        self.ranking = Reading(tuple(ranked))
        self.thresholds = Thresholds(act=act, ask=min(act, 0.3))
        self.language_at = 0.9
        self.lang = language

    def read(self, text: str, place: str = "") -> Reading:
        return self.ranking

    def language(self, text: str) -> tuple[str, float]:
        return self.lang


async def kept(siaga: App) -> list[tuple[str, tuple[str | None, float | None], str | None]]:
    """What the reader kept for the Dinas to label (handlers.understanding.learning), as stored."""
    u = t.unclear_messages.c
    async with siaga.store() as store:
        rows = (
            await store.conn.execute(
                select(u.text, u.reading, u.confidence, u.chosen).order_by(u.id)
            )
        ).all()
    return [(r.text, (r.reading, r.confidence), r.chosen) for r in rows]


async def test_between_the_thresholds_siaga_asks_which_of_the_two_and_a_typed_number_picks(
    siaga: App,
) -> None:
    siaga.conversations.reader = Fixed(("faq:death", 0.5), ("report:death", 0.4), ("none", 0.1))
    p = Person(siaga, "ragu")
    await p.say("santunan bapak saya gimana")
    assert p.last[-1].buttons == ["Santunan kematian", "🕊 Lapor kabar duka", "Bukan keduanya"]
    await p.say("1")  # the likeliest: confirmed, not a correction
    assert "faq-death" in {m.key for s in p.last for m in s.reply.parts}
    assert await kept(siaga) == []
    await p.say("santunan bapak saya gimana")
    await p.say("2")  # the other one: a correction, kept for the Dinas to label
    assert await kept(siaga) == [("santunan bapak saya gimana", ("faq:death", 0.5), "report:death")]
    async with siaga.store() as store:
        _, conv = await store.load(UserRef("console", "ragu"), "", siaga.clock())
    assert conv.flow == "kabar"  # picked, so reported: the report's own questions follow


async def test_below_the_threshold_it_says_so_offers_the_likely_choices_and_an_officer(
    siaga: App,
) -> None:
    siaga.conversations.reader = Fixed(("none", 0.65), ("status", 0.2), ("check", 0.15))
    p = Person(siaga, "bingung")
    await p.say("anu itu lho")
    keys = {m.key for s in p.last for m in s.reply.parts}
    assert "not-understood" in keys
    assert p.last[-1].buttons == ["Status usulan", "Cek & daftar", "🙋 Tanya petugas"]
    assert await kept(siaga) == [("anu itu lho", ("none", 0.65), None)]
    await p.say("anu itu lho")  # twice: the Dinas's contact too
    assert "not-understood-again" in {m.key for s in p.last for m in s.reply.parts}
    await p.say("3")
    async with siaga.store() as store:
        _, conv = await store.load(UserRef("console", "bingung"), "", siaga.clock())
    assert conv.flow == "tanya"


async def test_words_not_understood_are_never_offered_a_step_that_cannot_be_undone(
    siaga: App,
) -> None:
    """Gibberish that the model happens to rank near "stop" or "delete" is offered the
    harmless choices, not a button that ends the person's reminders or data."""
    siaga.conversations.reader = Fixed(
        ("none", 0.5), ("optout", 0.2), ("delete", 0.15), ("status", 0.1), ("info", 0.05)
    )
    p = Person(siaga, "blabla")
    await p.say("blablabla")
    assert "not-understood" in {m.key for s in p.last for m in s.reply.parts}
    assert p.last[-1].buttons == ["Status usulan", "Info program", "🙋 Tanya petugas"]


NEAR_MISSES = [
    "jangan hapus data saya ya",
    "apakah data saya akan dihapus?",
    "data saya aman kan?",
    "hapus sampah di depan rumah",
    "jangan berhenti kirim info",
    "kapan kartu peserta dikirim?",
    "berhenti kerja masih bisa ikut?",
    "stop dulu, saya mau tanya",
    "bapak saya sakit keras",
    "kalau meninggal dapat berapa?",
    "tetangga kecelakaan motor, dia bisa ikut?",
    "ora sida mandheg",
    "don't delete anything",
    "what happens if I die?",
    "hapus",
    "stop",
    "bapak saya meninggal dunia kemarin",
    "tolong hapus semua data saya sekarang juga",
    "jangan kirim pesan lagi",
    "suami saya kecelakaan kerja tadi pagi",
]


async def test_no_single_message_deletes_stops_or_reports_anything(siaga: App) -> None:
    """Near-misses of each destructive request, and the requests themselves: one message
    never erases a person, stops their messages or opens a case; at most it asks."""
    for n, text in enumerate(NEAR_MISSES):
        ext = f"hampir-{n}"
        p = Person(siaga, ext)
        await p.answers("/menu", "/mulai")  # reminders on: a stop would show
        await p.say(text)
        async with siaga.store() as store:
            person = await store.person(UserRef("console", ext), "", siaga.clock())
            assert person.broadcast_opt_in is True, text
            assert person.consent_version is None or person.id, text
            assert await store.claims(reporter_id=person.id) == [], text
        assert "hapus-done" not in {m.key for s in p.last for m in s.reply.parts}, text


async def test_a_destructive_request_read_for_sure_is_still_asked_first(siaga: App) -> None:
    p = Person(siaga, "berhenti")
    await p.answers("/menu", "/mulai")
    await p.say("jangan kirim pesan lagi ke saya")
    assert p.last[-1].buttons == ["Ya, lanjutkan", "Tidak"]
    await p.say("tidak")
    async with siaga.store() as store:
        assert (
            await store.person(UserRef("console", "berhenti"), "", siaga.clock())
        ).broadcast_opt_in
    await p.say("jangan kirim pesan lagi ke saya")
    await p.say("ya")
    async with siaga.store() as store:
        person = await store.person(UserRef("console", "berhenti"), "", siaga.clock())
    assert person.broadcast_opt_in is False


async def test_a_sentence_read_as_opting_in_asks_before_anyone_is_signed_up(siaga: App) -> None:
    """Consent to broadcasts is taken from words only when the reader is sure of them, else
    asked (UU 27/2022): a first message in Javanese that the model read as "opt in" at 0.33,
    over the act threshold, signed the person up without asking."""
    siaga.conversations.reader = Fixed(("optin", 0.35), ("info", 0.2), act=0.31)
    p = Person(siaga, "sugeng")
    await p.say("sugeng enjing, kula badhe nyuwun pirsa babagan asuransi")
    assert "confirm-optin" in {m.key for s in p.last for m in s.reply.parts}
    assert p.last[-1].buttons == ["Ya, lanjutkan", "Tidak"]

    async def opted() -> bool | None:
        async with siaga.store() as store:
            who = await store.person(UserRef("console", "sugeng"), "", siaga.clock())
        return who.broadcast_opt_in

    assert not await opted()
    await p.say("tidak")
    assert not await opted()
    await p.say("mau terima info")
    await p.press("Ya, lanjutkan")
    assert await opted() is True


@pytest.mark.parametrize(
    ("ranked", "stored"),
    [((("greeting", 0.63), ("answer", 0.27)), True),  # a name the corpus never had
     ((("greeting", 0.98), ("answer", 0.01)), False)],  # "halo": the question again
)  # fmt: skip
async def test_a_greeting_takes_an_answers_place_only_when_no_answer_is_seen_in_it(
    siaga: App, ranked: tuple[tuple[str, float], ...], stored: bool
) -> None:
    p = Person(siaga, "painem")
    await p.answers("daftar", "setuju")
    siaga.conversations.reader = Fixed(*ranked)
    await p.say("Painem")
    async with siaga.store() as store:
        _, conv = await store.load(UserRef("console", "painem"), "", siaga.clock())
    assert (conv.answers.get("check", {}).get("name") == "Painem") is stored
    assert (conv.step == "name") is not stored


# --- the reply language ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "locale", "key_text"),
    [("kula badhe daftar program punika", "jv", "Basa Jawa"),
     ("hello, how do I sign up for this?", "en", "English")],
)  # fmt: skip
async def test_the_first_message_sets_the_reply_language_with_one_tap_back(
    siaga: App, text: str, locale: str, key_text: str
) -> None:
    p = Person(siaga, f"basa-{locale}")
    await p.say(text)
    async with siaga.store() as store:
        person = await store.person(UserRef("console", f"basa-{locale}"), "", siaga.clock())
    assert person.locale == locale
    assert p.last[-1].buttons[-1] == "Bahasa Indonesia"
    await p.press("Bahasa Indonesia")
    async with siaga.store() as store:
        person = await store.person(UserRef("console", f"basa-{locale}"), "", siaga.clock())
    assert person.locale == "id"


async def test_an_indonesian_first_message_changes_nothing(siaga: App) -> None:
    p = Person(siaga, "basa-id")
    await p.say("saya mau daftar")
    assert "Bahasa Indonesia" not in p.last[-1].buttons


# --- inside the check -------------------------------------------------------------------------


async def _draft(siaga: App, ext: str) -> tuple[str, str, CheckState]:
    async with siaga.store() as store:
        _, conv = await store.load(UserRef("console", ext), "", siaga.clock())
    return conv.flow, conv.step, CheckState.of(conv)


async def test_a_request_with_more_words_inside_the_check_keeps_the_answers(siaga: App) -> None:
    p = Person(siaga, "sela")
    await p.answers("/menu", "cek", "setuju", "nama sy Sri Rahayu")
    flow, step, draft = await _draft(siaga, "sela")
    assert (step, draft.name) == ("nik", "Sri Rahayu")
    await p.say("eh bentar, mau cek status dulu")
    flow, step, draft = await _draft(siaga, "sela")
    assert flow == "status" and draft.name == "Sri Rahayu"
    await p.say("/menu")
    await p.say("cek")
    flow, step, draft = await _draft(siaga, "sela")
    assert (flow, step, draft.name) == ("check", "nik", "Sri Rahayu")


@pytest.mark.parametrize(
    ("typed", "age"),
    [("ora, umurku 39", 39), ("bukan, empat puluh satu tahun", 41), ("patang puluh loro", 42),
     ("no, I am forty-five", 45), ("yuswa kula sekawan dasa gangsal", 45)],
)  # fmt: skip
async def test_an_age_is_read_out_of_a_sentence_in_words_or_digits(
    siaga: App, typed: str, age: int
) -> None:
    ext = f"umur-{age}-{len(typed)}"
    p = Person(siaga, ext)
    await p.answers("/menu", "cek", "setuju", "Budi Santoso", nik_for(40), "benar")
    assert (await _draft(siaga, ext))[1] == "age_confirm"
    await p.say(typed)
    _, _, draft = await _draft(siaga, ext)
    assert draft.age_done and draft.stated_age == age
