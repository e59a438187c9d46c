"""Real messages teach the reader (issue 27, point 7): a message Siaga did not understand is
kept masked, with where it was typed; the Dinas labels it on the console's Pelajari page;
`siaga admin corpus export` writes the labelled ones in the corpus's format. Kept 90 days,
gone with the person on /hapus, never an officer's own words. On SQLite and PostgreSQL."""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import yaml
from sqlalchemy import select

from bot.app import App
from bot.db import schema as t
from domain.corpus_words import WORDS
from domain.learning import (
    LANGUAGES,
    PLACES,
    corpus_groups,
    fixed_labels,
    guess_language,
    place_of,
    valid_label,
)
from handlers.core.messages import Incoming, Kind, UserRef
from handlers.core.records import Role
from handlers.understanding import Unclear, learning
from tests.corpus_words import corpus_files
from tests.harness import Person as Chat
from tests.helpers import Puzzled
from tests.test_console import csrf, signed_in
from tests.test_review import KELUN, file, make

DAY = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)  # 10:00 WIB
NONSENSE = "zzqx plonk wibble"  # nothing the reader knows


@pytest.fixture(autouse=True)
def puzzled(siaga: App) -> None:
    """Whatever says NONSENSE is not understood, however the model ranks made-up words."""
    siaga.conversations.reader = Puzzled(siaga.conversations.reader, NONSENSE)


async def kept(siaga: App) -> list[Unclear]:
    async with siaga.store() as store:
        rows = await store.conn.execute(
            select(t.unclear_messages).order_by(t.unclear_messages.c.id)
        )
        from bot.db.rows import record

        return [record(Unclear, r) for r in rows]


async def audit_actions(siaga: App) -> list[tuple[str, str]]:
    async with siaga.store() as store:
        rows = await store.conn.execute(select(t.audit_log.c.action, t.audit_log.c.detail))
        return [(a, d) for a, d in rows]


# --- the pure parts -------------------------------------------------------------------------


def test_places_are_the_corpus_s_and_the_check_s_steps_map_onto_them() -> None:
    assert place_of("idle", "", first=True) == "first"
    assert place_of("idle", "", first=False) == "menu"
    assert place_of("idle", "", first=False, reminders_shown=True) == "reminders"
    assert place_of("check", "nik_confirm", first=False) == "nik"
    assert place_of("check", "age_input", first=False) == "age"
    assert place_of("check", "kelurahan", first=False) == "kecamatan"
    assert place_of("check", "verdict", first=False) == "summary"
    assert place_of("kabar", "date", first=False) == "menu"
    files = [p for p in corpus_files() if p.parent.name == "corpus"]  # issue 27's format
    used = {g["at"] for path in files for g in yaml.safe_load(path.read_text("utf-8"))}
    assert used == set(PLACES)


def test_every_label_of_the_corpus_is_a_label_here_and_nothing_else_is() -> None:
    for path in corpus_files():
        if path.parent.name != "corpus":
            continue  # issue 16's corpus has expectations, not labels
        for group in yaml.safe_load(path.read_text("utf-8")):
            assert valid_label(group["means"]), group["means"]
    for bad in ("check ", "faq:weather", "answer:age=seratus", "answer:age=", "answer:nik=1",
                "answer:consent=maybe", "answer:colour=red", 'answer:name=a"b', ""):  # fmt: skip
        assert not valid_label(bad), bad
    assert len(fixed_labels()) == len(set(fixed_labels()))


def test_the_language_is_read_from_the_corpus_s_words() -> None:
    assert guess_language("mau daftar dong kak", WORDS, "en") == "id"
    assert guess_language("kula badhe ndaftar", WORDS, "id") == "jv"
    assert guess_language("how do I sign up", WORDS, "id") == "en"
    assert guess_language("aku arep register, how to daftar kak?", WORDS, "id") == "mix"
    assert guess_language("{name} {phone}", WORDS, "jv") == "jv"  # nothing tells: theirs
    assert guess_language("zzqx", WORDS, "xx") == "id"


def test_labelled_messages_make_corpus_groups_in_the_corpus_s_order() -> None:
    groups = corpus_groups([
        ("menu", "status", "id", "cek status dong"), ("first", "check", "jv", "aku arep daftar"),
        ("menu", "status", "id", "cek status dong"), ("menu", "status", "en", "my status?"),
        ("first", "check", "id", "mau daftar"),
    ])  # fmt: skip
    assert [g.as_dict() for g in groups] == [
        {"at": "first", "means": "check", "id": ["mau daftar"], "jv": ["aku arep daftar"]},
        {"at": "menu", "means": "status", "id": ["cek status dong"], "en": ["my status?"]},
    ]


# --- the hook -------------------------------------------------------------------------------


async def test_a_message_not_understood_is_kept_masked_with_where_it_was_typed(
    siaga: App,
) -> None:
    siaga.clock = lambda: DAY
    warga = Chat(siaga, "warga-1")
    await warga.send(Incoming(warga.user, Kind.TEXT, display_name="Sulastri Wulandari",
                              text=f"sulastri {NONSENSE}, wa 0812 3456 7890"))  # fmt: skip
    assert "belum paham" in warga.text  # what the person is told does not change
    await warga.say("/menu")
    await warga.say(f"Budi Santoso {NONSENSE} 3577012408860001")
    first, menu = await kept(siaga)
    assert (first.place, first.text) == ("first", f"{{name}} {NONSENSE}, wa {{phone}}")
    assert (menu.place, menu.text) == ("menu", f"{{name}} {NONSENSE} {{nik}}")
    assert first.channel == "console" and first.lang in LANGUAGES and first.reading == "none"
    assert first.created_at == DAY and first.label is None
    for row in (first, menu):
        assert not re.search(r"\d{4}|ulastri|Budi", row.text)


async def test_a_draft_s_name_is_masked_and_the_reminders_question_is_a_place(
    siaga: App,
) -> None:
    warga = Chat(siaga, "warga-2")
    await warga.answers("/menu", "cek", "setuju", "Sulastri Wulandari", "/menu")
    await warga.say(f"wulandari {NONSENSE}")
    ref = await file(siaga, "warga-3")
    assert ref
    filer = Chat(siaga, "warga-3")
    await filer.say(NONSENSE)
    rows = await kept(siaga)
    assert [(r.place, r.text) for r in rows] == [
        ("menu", f"{{name}} {NONSENSE}"), ("reminders", NONSENSE),
    ]  # fmt: skip


async def test_an_officer_s_own_words_are_never_kept(siaga: App) -> None:
    await make(siaga, "lurah-1", Role.LURAH, KELUN)
    await make(siaga, "dinas-1", Role.ADMIN)
    for who in ("lurah-1", "dinas-1"):
        await Chat(siaga, who).say(NONSENSE)
    await Chat(siaga, "warga-4").say(NONSENSE)
    assert [r.text for r in await kept(siaga)] == [NONSENSE]


async def test_a_flood_is_kept_only_up_to_its_daily_share(siaga: App) -> None:
    now = [DAY]
    siaga.clock = lambda: now[0]
    warga = Chat(siaga, "warga-5")
    for n in range(learning.PER_DAY + 5):
        await warga.say(f"{NONSENSE} {n}")
    assert len(await kept(siaga)) == learning.PER_DAY
    now[0] = DAY + timedelta(days=1, minutes=1)
    await warga.say(NONSENSE)
    assert len(await kept(siaga)) == learning.PER_DAY + 1


async def test_the_hook_keeps_a_correction_and_drops_odd_arguments(siaga: App) -> None:
    """The reader calls it with what it read, how sure it was and what the person chose;
    anything odd is dropped, never raised."""
    async with siaga.store() as store:
        ctx = siaga.context(store)
        person = await store.person(UserRef("console", "warga-6"), "", ctx.now)
        await learning.note_unclear(ctx, person, "iurannya brp", "faq:premium", 0.41, "status")
        for text, reading, confidence, chosen in (
            (None, "x", 0.5, None), ("", None, None, None), ("   ", None, None, None),
            (b"bytes", None, None, None), ("x" * 5000, "r" * 500, math.nan, 7),
            ("nol", "\x00bad", -1.0, ["list"]), ("tinggi", None, True, None),
            ("inf", None, math.inf, None),
        ):  # fmt: skip
            await learning.note_unclear(ctx, person, text, reading, confidence, chosen)  # type: ignore[arg-type]
        await store.commit()
    rows = await kept(siaga)
    assert [(r.text[:8], r.reading, r.confidence, r.chosen) for r in rows] == [
        ("iurannya", "faq:premium", 0.41, "status"),
        ("x" * 8, "r" * 64, None, None),
        ("nol", None, None, None),
        ("tinggi", None, None, None),
        ("inf", None, None, None),
    ]
    assert len(rows[1].text) == 1000


# --- kept 90 days, gone with the person ------------------------------------------------------


async def test_kept_messages_are_purged_after_ninety_days(siaga: App) -> None:
    siaga.clock = lambda: DAY
    await Chat(siaga, "warga-7").say(NONSENSE)
    siaga.clock = lambda: DAY + timedelta(days=45)
    await Chat(siaga, "warga-8").say(NONSENSE)
    assert "purge_learning" in await siaga.scheduler().tick(DAY + timedelta(days=89))
    assert len(await kept(siaga)) == 2
    ran = await siaga.scheduler().tick(DAY + timedelta(days=91))
    assert "purge_learning" in ran
    assert [r.created_at for r in await kept(siaga)] == [DAY + timedelta(days=45)]
    assert "purge_learning" not in await siaga.scheduler().tick(DAY + timedelta(days=91, hours=2))


async def test_dataku_tells_and_hapus_erases_the_kept_messages(siaga: App) -> None:
    warga = Chat(siaga, "warga-9")
    other = Chat(siaga, "warga-10")
    await warga.say(NONSENSE)
    await warga.say(f"{NONSENSE} lagi")
    await other.say(NONSENSE)
    await warga.say("/dataku")
    assert "Pesan yang belum dipahami Siaga: 2" in warga.text and "90 hari" in warga.text
    await other.say("/dataku")
    assert "Pesan yang belum dipahami Siaga: 1" in other.text
    await warga.say("/hapus")
    await warga.press("Ya, hapus data saya")
    assert [r.text for r in await kept(siaga)] == [NONSENSE]  # the other person's stays
    await warga.say("/dataku")
    assert "belum dipahami" not in warga.text


# --- the console: Pelajari --------------------------------------------------------------------


async def test_the_dinas_labels_and_discards_on_the_console(
    siaga: App, web: httpx.AsyncClient
) -> None:
    siaga.clock = lambda: DAY
    for n in range(25):
        siaga.clock = lambda n=n: DAY + timedelta(minutes=n)  # type: ignore[misc]
        await Chat(siaga, f"warga-p{n}").say(f"{NONSENSE} nomor{n}")
    siaga.clock = lambda: DAY + timedelta(hours=1)
    menu = Chat(siaga, "warga-menu")
    await menu.say("/menu")
    await menu.say(f"Budi Santoso {NONSENSE} lagi <script>alert(1)</script>")
    async with siaga.store() as store:
        ctx = siaga.context(store)
        person = await store.person(UserRef("console", "warga-k"), "", ctx.now)
        await learning.note_unclear(ctx, person, "iuranny brp", "faq:premium", 0.42, "faq:premium")
        await store.commit()
    await make(siaga, "dinas", Role.ADMIN)
    home = await signed_in(siaga, web, "dinas")
    assert 'href="/konsol/pelajari"' in home.text
    page = await web.get("/konsol/pelajari")
    assert page.status_code == 200
    assert "27 pesan menunggu label" in page.text
    order = re.findall(r'<li id="pesan-(\d+)">', page.text)
    assert len(order) == 20 and order == sorted(order, key=int, reverse=True)  # newest first
    assert "{name} zzqx plonk wibble lagi &lt;script&gt;" in page.text and "Budi" not in page.text
    assert "<script>alert" not in page.text
    assert "FAQ: iuran · faq:premium (42%)" in page.text  # read, and how sure
    assert '<option value="faq:premium" selected>' in page.text  # the person's own choice
    assert '<optgroup label="Jawaban di langkah pengecekan">' in page.text
    second = await web.get("/konsol/pelajari?hal=2")
    assert len(re.findall(r'<li id="pesan-', second.text)) == 7
    at_menu = await web.get("/konsol/pelajari?tempat=menu")
    assert re.findall(r'<li id="pesan-(\d+)">', at_menu.text) == [order[1]]
    read = await web.get("/konsol/pelajari?terbaca=faq%3Apremium")
    assert re.findall(r'<li id="pesan-(\d+)">', read.text) == [order[0]]
    unread = await web.get("/konsol/pelajari?terbaca=-")
    assert len(re.findall(r'<li id="pesan-', unread.text)) == 20
    assert "26 pesan" in unread.text

    token = csrf(page)
    target = order[1]  # the menu's message
    done = await web.post(f"/konsol/pelajari/{target}", data={
        "csrf": token, "arti": "status", "bahasa": "id", "tindakan": "label", "tempat": "menu",
    })  # fmt: skip
    assert done.status_code == 303 and "tempat=menu" in done.headers["location"]
    after = await web.get(done.headers["location"])
    assert "Label disimpan" in after.text and f'id="pesan-{target}"' not in after.text
    again = await web.post(f"/konsol/pelajari/{target}", data={
        "csrf": token, "arti": "help", "tindakan": "label",
    })  # fmt: skip
    assert "sudah diberi label" in (await web.get(again.headers["location"])).text
    bad = await web.post(f"/konsol/pelajari/{order[2]}", data={
        "csrf": token, "arti": "answer:age=", "nilai": "seratus", "tindakan": "label",
    })  # fmt: skip
    assert "tulis umur dengan angka" in (await web.get(bad.headers["location"])).text
    age = await web.post(f"/konsol/pelajari/{order[2]}", data={
        "csrf": token, "arti": "answer:kelurahan=", "nilai": "kelun", "tindakan": "label",
    })  # fmt: skip
    assert "Label disimpan" in (await web.get(age.headers["location"])).text
    none = await web.post(f"/konsol/pelajari/{order[3]}", data={
        "csrf": token, "arti": "", "tindakan": "label",
    })  # fmt: skip
    assert "Pilih dulu maksud pesan" in (await web.get(none.headers["location"])).text
    gone = await web.post(f"/konsol/pelajari/{order[3]}", data={"csrf": token,
                                                                 "tindakan": "buang"})  # fmt: skip
    assert "Pesan dibuang" in (await web.get(gone.headers["location"])).text
    forged = await web.post(f"/konsol/pelajari/{order[4]}", data={"csrf": "x", "arti": "help"})
    assert forged.status_code == 403

    rows = {r.id: r for r in await kept(siaga)}
    assert int(order[3]) not in rows  # discarded: deleted, not kept 90 days
    assert rows[int(target)].label == "status" and rows[int(target)].labelled_at is not None
    assert rows[int(order[2])].label == "answer:kelurahan=Kelun"
    assert rows[int(order[4])].label is None
    actions = await audit_actions(siaga)
    assert actions.count(("learning.label", "via console")) == 2
    assert actions.count(("learning.discard", "via console")) == 1


async def test_a_lurah_cannot_open_or_post_to_the_learning_page(
    siaga: App, web: httpx.AsyncClient
) -> None:
    await Chat(siaga, "warga-l").say(NONSENSE)
    (row,) = await kept(siaga)
    await make(siaga, "lk", Role.LURAH, KELUN)
    home = await signed_in(siaga, web, "lk")
    assert 'href="/konsol/pelajari"' not in home.text
    assert (await web.get("/konsol/pelajari")).status_code == 404
    posted = await web.post(f"/konsol/pelajari/{row.id}", data={
        "csrf": csrf(home), "arti": "help", "tindakan": "label",
    })  # fmt: skip
    assert posted.status_code == 404
    assert (await kept(siaga))[0].label is None
    async with siaga.store() as store:  # and the use case itself says no to a lurah
        ctx = siaga.context(store)
        lurah = await store.person(UserRef("console", "lk"), "", ctx.now)
        assert await learning.label(ctx, lurah, row.id, "help", "", "id") is (
            learning.Labelled.FORBIDDEN
        )
        assert not await learning.discard(ctx, lurah, row.id)


# --- the loop, end to end: chat → console → export → the corpus's format ----------------------


def corpus_format_errors(groups: object) -> list[str]:
    """What makes a loaded YAML not a corpus file (the same check passes every committed
    corpus file, below)."""
    if not isinstance(groups, list):
        return ["not a list"]
    wrong = []
    for g in groups:
        if not isinstance(g, dict) or set(g) - {"at", "means", *LANGUAGES}:
            wrong.append(f"keys {g}")
            continue
        if g.get("at") not in PLACES or not valid_label(str(g.get("means"))):
            wrong.append(f"place or label {g}")
        texts = [g[lang] for lang in LANGUAGES if lang in g]
        if not texts or not all(isinstance(x, list) and x for x in texts):
            wrong.append(f"messages {g}")
        elif not all(isinstance(s, str) and s for x in texts for s in x):
            wrong.append(f"a message not text {g}")
    return wrong


def test_the_corpus_file_keeps_every_text_as_text(tmp_path: Path) -> None:
    """YAML reads "no", "1" or "a: b" as other things unless quoted: the file says them as
    text, and is its owner's only."""
    from bot.corpus import write

    odd = ["no", "yes", "1", "3.5", "{name} mau daftar", "a: b", "- x", "#tag", "null",
           'kata "kutip"', "emoji 🙏🏻", "~", "@min"]  # fmt: skip
    path = tmp_path / "x.yaml"
    write(path, corpus_groups(("menu", "none", "id", x) for x in odd), DAY.date())
    assert yaml.safe_load(path.read_text("utf-8")) == [{"at": "menu", "means": "none", "id": odd}]
    assert path.stat().st_mode & 0o777 == 0o600
    write(path, [], DAY.date())
    assert yaml.safe_load(path.read_text("utf-8")) == []


def test_every_committed_corpus_file_is_in_the_format_checked_here() -> None:
    files = [p for p in corpus_files() if p.parent.name == "corpus"]
    assert files
    for path in files:
        assert corpus_format_errors(yaml.safe_load(path.read_text("utf-8"))) == [], path


async def test_messages_not_understood_are_labelled_then_exported_as_corpus(
    siaga: App, web: httpx.AsyncClient, tmp_path: Path
) -> None:
    from tests.test_observability import run_cli

    siaga.clock = lambda: DAY
    warga = Chat(siaga, "warga-e1")
    await warga.say(f"nama saya Budi Santoso, wa 081234567890, {NONSENSE} niki")
    await Chat(siaga, "warga-e2").say(f"kula Sri Wahyuni, {NONSENSE} punika")
    await Chat(siaga, "warga-e3").say(NONSENSE)
    siaga.clock = lambda: DAY + timedelta(days=3)
    await Chat(siaga, "warga-e4").say(f"{NONSENSE} wobbly thingy")
    await make(siaga, "dinas", Role.ADMIN)
    page = await signed_in(siaga, web, "dinas")
    token = csrf(page)
    first, second, _unlabelled, fourth = await kept(siaga)
    for row, means, lang in ((first, "help", "id"), (second, "status", "jv"),
                             (fourth, "check", "en")):  # fmt: skip
        r = await web.post(f"/konsol/pelajari/{row.id}", data={
            "csrf": token, "arti": means, "bahasa": lang, "tindakan": "label",
        })  # fmt: skip
        assert "pesan=con-learn-labelled" in r.headers["location"]
    # third stays unlabelled: not exported

    out = tmp_path / "nyata.yaml"
    code, said = await run_cli(siaga.settings.data_dir, "admin", "corpus", "export", "--out",
                               str(out))  # fmt: skip
    assert code == 0, said
    assert "3 pesan berlabel (3 kelompok) ditulis" in said
    assert out.stat().st_mode & 0o777 == 0o600
    written = out.read_text("utf-8")
    assert "Budi" not in written and "0812" not in written and "Wahyuni" not in written
    groups = yaml.safe_load(written)
    assert corpus_format_errors(groups) == []
    assert groups == [
        {"at": "first", "means": "check", "en": [f"{NONSENSE} wobbly thingy"]},
        {"at": "first", "means": "status", "jv": [f"kula {{name}}, {NONSENSE} punika"]},
        {"at": "first", "means": "help",
         "id": [f"nama saya {{name}}, wa {{phone}}, {NONSENSE} niki"]},
    ]  # fmt: skip

    later = tmp_path / "sejak.yaml"
    code, said = await run_cli(siaga.settings.data_dir, "admin", "corpus", "export", "--out",
                               str(later), "--since", "2026-12-03")  # fmt: skip
    assert code == 0 and "1 pesan berlabel (1 kelompok)" in said, said
    assert yaml.safe_load(later.read_text("utf-8")) == [
        {"at": "first", "means": "check", "en": [f"{NONSENSE} wobbly thingy"]}
    ]
    exports = [d for a, d in await audit_actions(siaga) if a == "learning.export"]
    assert len(exports) == 2 and all(d.startswith("cli:") for d in exports)
    code, said = await run_cli(siaga.settings.data_dir, "admin", "corpus", "export", "--out",
                               str(tmp_path / "x.yaml"), "--since", "kemarin")  # fmt: skip
    assert code == 2 and "YYYY-MM-DD" in said
    code, said = await run_cli(siaga.settings.data_dir, "admin", "corpus", "export", "--out",
                               str(tmp_path / "tidak-ada" / "x.yaml"))  # fmt: skip
    assert code == 2 and ".yaml" in said
