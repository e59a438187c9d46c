"""Residents' findings re-checked on main (the tester's list): each test drives the real chat
and names the finding it guards."""

from __future__ import annotations

import pytest

from bot.app import App
from handlers.check.form import CheckState
from handlers.core.messages import UserRef
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


# --- A5/N4: a typed number means the buttons last shown ------------------------------------------


async def test_a_number_under_the_status_list_means_its_buttons_and_beyond_them_is_asked_again(
    siaga: App,
) -> None:
    from tests.test_review import file

    await file(siaga, "n4")
    p = Person(siaga, "n4")
    await p.say("/status")
    assert p.last[-1].buttons == ["Cek usulan lain", "Menu utama"]
    await p.say("1")
    assert "Tulis nomor usulan" in p.text and "tidak berlaku" not in p.text
    for typed in ("5", "7", "3", "0", "pilih 4"):
        await p.say("/status")
        await p.say(typed)
        assert "Pilih nomor 1–2" in p.text, typed
        assert p.last[-1].buttons == ["Cek usulan lain", "Menu utama"]
        flow, _, d = await draft(siaga, "n4")
        assert flow == "status" and not d.started  # no check begun, no menu entry taken
    await p.say("2")
    assert (await draft(siaga, "n4"))[0] == "idle"


async def test_a_number_beyond_the_buttons_anywhere_is_asked_again_but_a_numbers_step_reads_it(
    siaga: App,
) -> None:
    p = Person(siaga, "n4-menu")
    await p.say("/menu")
    await p.say("9")  # the menu has six
    assert "Pilih nomor 1–6" in p.text and (await draft(siaga, "n4-menu"))[0] == "idle"
    await p.answers("1", "setuju", "Warga Uji", nik_for(40), "1")
    await p.say("Tidak benar")  # the age question: a number there is the age
    await p.say("45")
    assert (await draft(siaga, "n4-menu"))[2].stated_age == 45


# --- G: the lurah's confirmations, labels and notices -------------------------------------------


async def test_yes_words_confirm_a_lurahs_decision_and_a_typed_label_opens_it(siaga: App) -> None:
    from domain.nomination import NominationStatus as S
    from handlers.core.records import Role
    from tests.test_review import KELUN, file, make, nomination, set_quota

    await make(siaga, "g-lurah", Role.LURAH, KELUN)
    await set_quota(siaga, 10)
    first = await file(siaga, "g-w1")
    second = await file(siaga, "g-w2", serial=2)
    lurah = Person(siaga, "g-lurah")
    await lurah.say("/menu")
    for label in ("antrean", "antrian", "Antrean usulan"):
        await lurah.say(label)
        assert "Usulan 1 dari 2" in lurah.text, label
        await lurah.say("/menu")
    await lurah.say("antrean")
    await lurah.press("✅ Setujui")
    await lurah.say("ya")
    assert (await nomination(siaga, first)).status is S.APPROVED
    await lurah.press("✅ Setujui")
    await lurah.say("tidak")  # the no: back to the card, nothing decided
    assert (await nomination(siaga, second)).status is S.PENDING
    assert "Usulan 1 dari 1" in lurah.text


async def test_a_notice_pushed_during_a_confirmation_leaves_the_typed_number_to_it(
    siaga: App,
) -> None:
    from domain.nomination import NominationStatus as S
    from handlers.core.records import Role
    from tests.test_review import KELUN, file, make, nomination, set_quota

    await make(siaga, "g2-lurah", Role.LURAH, KELUN)
    await set_quota(siaga, 10)
    ref = await file(siaga, "g2-w1")
    lurah = Person(siaga, "g2-lurah")
    await lurah.say("/antrian")
    await lurah.press("❌ Tolak")
    await lurah.say("1")  # the first reason
    assert "Tolak usulan" in lurah.text and lurah.last[-1].buttons[0] == "❌ Ya, tolak"
    warga = Person(siaga, "g2-w1")  # meanwhile a resident's question reaches the lurah
    await warga.say("/petugas")
    await warga.say("apakah istri saya bisa ikut didaftarkan juga?")
    await lurah.say("1")
    assert (await nomination(siaga, ref)).status is S.REJECTED


# --- N6: agreeing after declining the consent ---------------------------------------------------


@pytest.mark.parametrize(
    "words", ["ya udah setuju deh", "yaudah saya setuju", "nggih kula sarujuk", "ok I agree then",
              "setujuu"],
)  # fmt: skip
async def test_agreeing_words_after_declining_ask_the_consent_question_again(
    siaga: App, words: str
) -> None:
    ext = f"n6-{words}"
    p = Person(siaga, ext)
    await p.answers("/menu", "daftar", "tidak setuju")
    assert "Kami tidak menanyakan data pribadi" in p.text
    await p.say(words)
    assert "Pemberitahuan Privasi" in p.text and p.last[-1].buttons == ["Setuju", "Tidak setuju"]
    await p.say("setuju")
    assert (await draft(siaga, ext))[:2] == ("check", "name")


async def test_still_declining_is_not_an_agreement(siaga: App) -> None:
    p = Person(siaga, "n6-no")
    await p.answers("/menu", "daftar", "tidak setuju", "tetap tidak setuju")
    assert "Pemberitahuan Privasi" not in p.text


# --- D3: a letter O among digits; a changed phone kept until a new one ---------------------------


async def test_a_letter_o_in_a_phone_is_a_zero_and_a_changed_number_is_kept_until_a_new_one(
    siaga: App,
) -> None:
    p = Person(siaga, "d3")
    await p.answers(*CHECK_TO_SUMMARY[:-1], "0812 3456 789O")
    _, step, d = await draft(siaga, "d3")
    assert (step, d.phone) == ("summary", "+6281234567890")  # not +628123456789
    await p.say("nomor hp salah")
    assert (await draft(siaga, "d3"))[1] == "phone"
    for bad in ("0812", "0812 3456 78l9"):  # too short; a letter l inside the number
        await p.say(bad)
        assert "nomor HP" in p.text or "Nomor HP" in p.text
        assert (await draft(siaga, "d3"))[2].phone == "+6281234567890", bad
    await p.say("0813-1111-2222")
    _, step, d = await draft(siaga, "d3")
    assert (step, d.phone) == ("summary", "+6281311112222")


async def test_a_letter_o_in_a_nik_is_a_zero(siaga: App) -> None:
    nik = nik_for(40)
    typed = f"{nik[:4]} {nik[4:8]} {nik[8:12]} {nik[12:]}".replace("0", "O")
    p = Person(siaga, "d3-nik")
    await p.answers("/menu", "1", "setuju", "Warga Uji", typed)
    _, step, d = await draft(siaga, "d3-nik")
    assert step == "nik_confirm" and d.nik_masked is not None
    assert d.nik_masked.replace(" ", "").endswith(nik[-4:])


# --- C3/N9: who reports, said in relation words --------------------------------------------------


@pytest.mark.parametrize(
    "words", ["saya anaknya", "kula putranipun", "istrinya pak", "kula garwanipun",
              "I am his son", "his wife", "aku adhine", "saudaranya", "keluarganya"],
)  # fmt: skip
async def test_a_relation_word_at_who_reports_is_the_answer_family(siaga: App, words: str) -> None:
    ext = f"c3-{words}"
    p = Person(siaga, ext)
    await p.answers("/menu", "/kabar", "1")
    assert "Siapa yang melapor?" in p.text
    await p.say(words)
    async with siaga.store() as store:
        _, conv = await store.load(UserRef("console", ext), "", siaga.clock())
    assert (conv.flow, conv.step) == ("kabar", "ident"), p.text
    assert conv.answers["kabar"]["relation"] == "family"


# --- F6: answers that name no place at the kecamatan step ----------------------------------------


@pytest.mark.parametrize("typed", ["ya", "12345", "?", "tidak", "٩"])
async def test_an_answer_that_names_no_place_is_not_called_outside_kota_madiun(
    siaga: App, typed: str
) -> None:
    ext = f"f6-{typed}"
    p = Person(siaga, ext)
    await p.answers("/menu", "1", "setuju", "Warga Uji", nik_for(40), "1", "1")
    assert (await draft(siaga, ext))[1] == "kecamatan"
    await p.say(typed)
    assert "tidak kami temukan di Kota Madiun" not in p.text
    assert "Pilih kecamatan 1–3" in p.text or "Pilih nomor 1–3" in p.text
    assert p.last[-1].buttons == ["Kartoharjo", "Manguharjo", "Taman"]
    await p.say("klegen")
    assert (await draft(siaga, ext))[1] == "occupation"


async def test_a_place_outside_the_city_is_still_named_so(siaga: App) -> None:
    p = Person(siaga, "f6-out")
    await p.answers("/menu", "1", "setuju", "Warga Uji", nik_for(40), "1", "1", "Surabaya")
    assert "tidak kami temukan di Kota Madiun" in p.text


# --- A3: leaving the program is a question for an officer, not a new check ------------------------


@pytest.mark.parametrize(
    "words", ["saya mau berhenti jadi peserta", "aku arep metu saka peserta",
              "I want to stop being a participant", "gimana cara keluar dari kepesertaan?"],
)  # fmt: skip
async def test_leaving_the_program_goes_to_an_officer_not_a_new_check(
    siaga: App, words: str
) -> None:
    ext = f"a3-{words}"
    p = Person(siaga, ext)
    await p.say("/menu")
    await p.say(words)
    keys = {m.key for s in p.last for m in s.reply.parts}
    assert keys & {"ticket-opened", "ticket-no-officer"}, p.text
    assert "Pemberitahuan Privasi" not in p.text
    assert (await draft(siaga, ext))[0] != "check"


async def test_stopping_the_messages_is_still_the_reminders_request(siaga: App) -> None:
    p = Person(siaga, "a3-msgs")
    await p.answers("/menu", "saya mau berhenti terima pesan siaran")
    assert {m.key for s in p.last for m in s.reply.parts} & {"confirm-optout", "optout-done"}


async def test_a_cancel_asked_and_passed_over_is_asked_again_later(siaga: App) -> None:
    p = Person(siaga, "a2-again")
    await p.answers("/menu", "1", "setuju", "Warga Uji", "gak jadi")
    assert "Batalkan pengisian?" in p.text
    await p.say(nik_for(40))  # answered the question instead
    assert (await draft(siaga, "a2-again"))[1] == "nik_confirm"
    await p.say("batal")
    assert "Batalkan pengisian?" in p.text
    assert (await draft(siaga, "a2-again"))[2].started


@pytest.mark.parametrize("ref", ["PJK-CEKST", "pjk-stats"])
async def test_a_reference_without_digits_is_the_answer_to_the_reference_question(
    siaga: App, ref: str
) -> None:
    """A reference is five of 23456789ABCDEFGHJKMNPQRSTUVWXYZ: one with no digit reads like a
    word ("CEKST", "STATS") and the reader took it for a new check or a status request (it
    made test_claims' report flaky, by the random reference of its participant)."""
    p = Person(siaga, f"ref-{ref}")
    await p.say("/status")
    assert "nomor usulan" in p.text
    await p.say(ref)
    assert "4 angka terakhir NIK" in p.text


async def test_the_dinas_greeting_siaga_gets_the_officers_menu_not_the_check(siaga: App) -> None:
    """The Dinas's admin typing "halo" got the citizen's menu, and "1" opened the check's
    privacy notice; like a lurah, they get the officers' menu."""
    from handlers.core.records import Role
    from tests.test_review import make

    await make(siaga, "dinas", Role.ADMIN)
    dinas = Person(siaga, "dinas")
    await dinas.say("halo")
    assert "Menu petugas" in dinas.text
    assert any("Pertanyaan warga" in b for b in dinas.last[-1].buttons)
    await dinas.say("1")
    assert "Pemberitahuan Privasi" not in dinas.text
    assert "/antrian" in dinas.text  # the queue, which asks an admin which kelurahan


@pytest.mark.parametrize("greeting", ["selamat pagi", "sugeng enjing", "good morning", "halo kak"])
async def test_a_greeting_at_the_name_question_is_not_taken_as_a_name(
    siaga: App, greeting: str
) -> None:
    """A resident tester's "selamat pagi" at "Siapa nama lengkap…?" was stored as the name;
    with the trained reader (round 3) a greeting gets the welcome and the question again."""
    p = Person(siaga, "salam")
    await p.answers("1", "setuju")
    await p.say(greeting)
    assert "nama lengkap" in p.text.lower() or "full name" in p.text.lower()
    async with siaga.store() as store:
        _, conv = await store.load(UserRef("console", "salam"), "", siaga.clock())
    assert conv.step == "name" and "name" not in conv.answers.get("check", {})
