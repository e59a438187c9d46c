"""Personal data out of a kept message (issue 27, point 7): NIKs, phone numbers, e-mail
addresses and names, in Indonesian, Javanese, English and mixed, as residents type them.
Each row is a message and what is kept of it; the words the masker knows are the corpus's."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.corpus_words import WORDS
from domain.masking import mask
from tests.corpus_words import source
from tests.helpers import nik_for

KNOWN = frozenset().union(*WORDS.values()) | {"kelun", "taman", "madiun", "lor", "winongo"}

CASES = [
    # numbers: a NIK however it is grouped, phones in every form, other long numbers
    ("nik sy 3577 0124 0886 0001", "nik sy {nik}"),
    ("NIK: 3577012408860001 ya min", "NIK: {nik} ya min"),
    ("ini kak 3577.0124.0886.0001", "ini kak {nik}"),
    ("niki NIK kula 3577-0124-0886-0001", "niki NIK kula {nik}"),
    ("hp saya 0812 0000 9900 pak", "hp saya {phone} pak"),
    ("+62 857 0000 1122", "{phone}"),
    ("62813 0000 7788 kak, wa aktif", "{phone} kak, wa aktif"),
    ("my number is 0812-0000-6677", "my number is {phone}"),
    ("nomer wa ku 085600003344.", "nomer wa ku {phone}."),
    ("kartu bpjs no 12345678901", "kartu bpjs no {number}"),
    ("lahir 17-08-1985", "lahir {number}"),
    ("umur saya 47 thn", "umur saya 47 thn"),  # an age is what the corpus needs
    ("meninggal 3 hari lalu, tgl 28/11", "meninggal 3 hari lalu, tgl 28/11"),
    ("email budi.s@gmail.com ya", "email {email} ya"),
    # after a name opener, whatever the case
    ("nama saya Budi Santoso, mau daftar", "nama saya {name}, mau daftar"),
    ("nama sy bambang sutrisno", "nama sy {name}"),
    ("nama saya: Siti Aminah", "nama saya: {name}"),
    ("nm sy Bambang Sutrisno 🙏", "nm sy {name} 🙏"),
    ("saya bernama Dwi Lestari umur 40", "saya bernama {name} umur 40"),
    ("jenengku darmaji", "jenengku {name}"),
    ("jenengku puji astuti sesuai KTP", "jenengku {name} sesuai KTP"),
    ("asma kula Sumarni", "asma kula {name}"),
    ("nami kula Sri Handayani nggih", "nami kula {name} nggih"),
    ("my name is agus prasetyo", "my name is {name}"),
    ("my name wahyu nugroho mas", "my name {name} mas"),
    ("name's Bambang Sutrisno", "name's {name}"),
    # a pronoun before a capitalised name; not before ordinary words or chat spellings
    ("kula Sri Wahyuni", "kula {name}"),
    ("I'm Siti Aminah", "I'm {name}"),
    ("saya mw daftr", "saya mw daftr"),
    ("i'm confused", "i'm confused"),
    ("sy gaptek min", "sy gaptek min"),
    # after an honorific
    ("halo pak budi, saya mau tanya", "halo pak {name}, saya mau tanya"),
    ("bapak saya pak Slamet meninggal kemarin", "bapak saya pak {name} meninggal kemarin"),
    ("mbah karto seda wingi", "mbah {name} seda wingi"),
    ("alm. Sutarno meninggal di RS", "alm. {name} meninggal di RS"),
    ("bu rt bilang suruh daftar", "bu rt bilang suruh daftar"),
    ("pak lurah yang nyuruh", "pak lurah yang nyuruh"),
    # a capitalised word nobody listed, with the capitalised words next to it
    ("SUGENG RIYADI", "{name}"),
    ("Dwi Lestari bu", "{name} bu"),
    ("Rina Kusumawati (as in my ID)", "{name} (as in my ID)"),
    ("M. Arif Hidayat", "{name}"),
    ("Terima Kasih Budi", "Terima Kasih {name}"),
    ("SAYA MAU DAFTAR BUDI SANTOSO", "SAYA MAU DAFTAR {name}"),
    # what is not a name stays: the words the reader must learn from
    ("Saya mau daftar", "Saya mau daftar"),
    ("Kelurahan Kelun, Madiun", "Kelurahan Kelun, Madiun"),
    ("Assalamualaikum, Pak", "Assalamualaikum, Pak"),
    ("iurannya brp", "iurannya brp"),
    ("any places left?", "any places left?"),
    ("call me back please", "call me back please"),
    ("namanya apa?", "namanya apa?"),
    ("jenenge sapa?", "jenenge sapa?"),
]


@pytest.mark.parametrize(("text", "kept"), CASES)
def test_personal_data_is_masked_and_the_rest_kept(text: str, kept: str) -> None:
    assert mask(text, KNOWN) == kept


def test_the_person_s_own_name_is_masked_in_any_case() -> None:
    assert mask("budi mau daftar", KNOWN, ["Budi Santoso"]) == "{name} mau daftar"
    assert mask("ini SANTOSO", KNOWN, ["Budi Santoso"]) == "ini {name}"
    # a display name of ordinary words: the whole name goes, its words alone stay
    assert mask("Toko Berkah mau daftar", KNOWN, ["Toko Berkah"]) == "{name} mau daftar"
    assert mask("mau daftar", KNOWN, ["Toko Mau"]) == "mau daftar"


def test_where_a_name_is_asked_any_unknown_word_is_one() -> None:
    assert mask("siti aminah bu", KNOWN, expect_name=True) == "{name} bu"
    assert mask("sumarni", KNOWN, expect_name=True) == "{name}"
    assert mask("siti aminah bu", KNOWN) == "siti aminah bu"  # elsewhere lower case stays


def test_a_name_made_of_ordinary_words_is_the_masker_s_known_limit() -> None:
    """Without an opener, an honorific or capitals, a name of known words cannot be told
    from the sentence: "sri rahayu" stays. The person's own name is still masked."""
    assert mask("sri rahayu mau daftar", KNOWN | {"sri", "rahayu"}) == "sri rahayu mau daftar"
    assert mask("sri rahayu mau daftar", KNOWN, ["Sri Rahayu"]) == "{name} mau daftar"


@given(
    st.integers(min_value=18, max_value=70),
    st.integers(min_value=1, max_value=9999),
    st.lists(st.sampled_from([" ", ".", "-", ""]), min_size=3, max_size=3),
    st.sampled_from(["", "nik ", "NIK saya ", "niki NIK kula ", "my NIK is "]),
)
def test_no_nik_survives_whatever_its_grouping(
    age: int, serial: int, seps: list[str], before: str
) -> None:
    nik = nik_for(age, serial=serial)
    typed = nik[:4] + seps[0] + nik[4:8] + seps[1] + nik[8:12] + seps[2] + nik[12:]
    kept = mask(f"{before}{typed} ya", KNOWN)
    assert "{nik}" in kept and not re.search(r"\d{4}", kept), kept


@given(
    st.from_regex(r"8[1-9][0-9]{7,10}", fullmatch=True),
    st.sampled_from(["0", "62", "+62", "+62 "]),
    st.sampled_from([" ", "-", "."]),
)
def test_no_phone_survives_whatever_its_form(rest: str, prefix: str, sep: str) -> None:
    typed = prefix + sep.join([rest[:3], rest[3:7], rest[7:]])
    kept = mask(f"wa saya {typed} kak", KNOWN)
    assert "{phone}" in kept and not re.search(r"\d{3}", kept), (typed, kept)


def test_the_known_words_are_the_corpus_s() -> None:
    """domain/corpus_words.py is written from the corpus: rebuild it when the corpus changes
    (`python -m tests.corpus_words`). No name of a name answer is among them."""
    from pathlib import Path

    written = (Path(__file__).parent.parent / "domain" / "corpus_words.py").read_text("utf-8")
    assert written == source(), "the corpus changed: run python -m tests.corpus_words"
    for name in ("budi", "santoso", "aminah", "sumarni", "tukiyem"):
        assert name not in KNOWN, name
