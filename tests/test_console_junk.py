"""Issue 26 item 7: every console form field, query parameter and path id, driven with junk.

Unchecked input gave 500s or wrong data (a claim of `²³`, thirty 9s, `99999999999999 juta`;
`?menunggu=²`; `?orang=` of 25 digits; `/konsol/usulan/9999…`; `?pesan=con-nomination`; a
coverage start of 0001-01-01 or 9999-12-31). Here each field of each page gets a table of
nasty values (Unicode digits, huge numbers, empty, 10,000 characters, NUL, a right-to-left
override, SQL, HTML, dates out of range, a message key), the rest of the form valid, and:
no answer is a 500 or the framework's JSON (the officer gets a page in their language), a
value that is no good gets a clear refusal rather than a 200, nothing in the database
changes (every table compared before and after each field), and no HTML is echoed
unescaped."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import httpx
from sqlalchemy import select

from bot.app import App
from bot.db import schema as t
from domain.claims import ClaimKind, ClaimStatus
from handlers.claims import cases as claims
from handlers.core.messages import UserRef
from handlers.core.records import Role
from handlers.handover import tickets as handover
from handlers.officers import admin
from handlers.understanding import learning
from tests.harness import Person
from tests.helpers import nik_for
from tests.test_console import csrf, review_approve, signed_in
from tests.test_review import KELUN, act, file, make, nomination, set_quota

NOW = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)  # 10.00 WIB
HTML = "<script>alert(1)</script>"
# Refused in any text field: empty, blank, too long, control characters, a direction override
REFUSED_TEXT = ["", " ", "x" * 10_000, "\x00", "a\x00b", "\u202egnp.exe", "\x1b[2J"]
SHORT = [*REFUSED_TEXT, "ab"]  # a reason or a question is three letters at least
JUNK = [*REFUSED_TEXT, "²", "²³", "٣", "１２", "9" * 25, "9" * 30, "99999999999999 juta", "-1",
        "0", "1e9", "1.5", "NaN", "' OR 1=1 --", HTML, "9999-12-31", "0001-01-01",
        "con-nomination", "../../etc/passwd", "%00", "Kelun\u200b"]  # fmt: skip
# Tables whose columns change by merely being looked at
VOLATILE = {("console_sessions", "seen_at"), ("people", "last_inbound_at")}


@dataclass
class Case:
    method: str
    path: str  # "{J}" where the junk goes in the path
    name: str = ""  # the field or parameter that gets the junk ("" for the path)
    form: dict[str, str] = field(default_factory=dict)  # the rest, valid
    ok: frozenset[str] = frozenset()  # junk that is a good value for this field
    junk: list[str] = field(default_factory=lambda: JUNK)


async def snapshot(siaga: App) -> dict[str, list[str]]:
    async with siaga.store() as store:
        out = {}
        for table in t.metadata.sorted_tables:
            cols = [c for c in table.c if (table.name, c.name) not in VOLATILE]
            rows = (await store.conn.execute(select(*cols))).all()
            out[table.name] = sorted(repr(tuple(r)) for r in rows)
    return out


async def scene(siaga: App) -> dict[str, str]:
    """A pending nomination, a kept BPJS preview, a claim submitted to BPJS, an open invite
    and a reviewer: for each, a valid form would write."""
    siaga.clock = lambda: NOW
    await set_quota(siaga, 10)
    boss = await make(siaga, "dinas", Role.ADMIN)
    await make(siaga, "lk", Role.LURAH, KELUN)
    pending = await nomination(siaga, await file(siaga, "warga-junk", serial=501))
    approved = await file(siaga, "warga-siap", serial=502)
    await review_approve(siaga, boss, approved)
    async with siaga.store() as store:
        cid = await store.open_claim(
            kind=ClaimKind.DEATH, event_date=NOW.date() - timedelta(days=2), relation="family",
            reporter_id=None, nomination_id=pending.id, kelurahan_code=KELUN, named="Warga",
            nik=None, traffic=False, due_on=NOW.date() + timedelta(days=30), now=NOW,
        )  # fmt: skip
        for step in (ClaimStatus.DOCUMENTS, ClaimStatus.SUBMITTED):
            await claims.move(siaga.context(store), boss, cid, step)
        await store.commit()
    invite = await act(siaga, admin.create_invite, boss, "Taman")
    async with siaga.store() as store:  # a message the reader did not understand, kept
        resident, _ = await store.load(UserRef("console", "warga-junk"), "id", NOW)
        await learning.note_unclear(siaga.context(store), resident, "blabla kula", None, None)
        await store.commit()
        mid = (await store.conn.execute(select(t.unclear_messages.c.id))).scalar_one()
    tid = await held_question(siaga, boss)
    return {"nid": str(pending.id), "cid": str(cid), "ref": approved,
            "code": str(invite.parts[0].args["code"]), "mid": str(mid),
            "tid": str(tid)}  # fmt: skip


async def held_question(siaga: App, officer: object) -> int:
    """A resident's question the Dinas holds (issue 30): an answer would reach them."""
    warga = Person(siaga, "warga-tiket")
    await warga.say("tanya petugas")
    await warga.say("Apakah pendaftaran masih dibuka?")
    async with siaga.store() as store:
        tid = (await store.conn.execute(select(t.tickets.c.id))).scalar_one()
        outcome, _ = await handover.hold(siaga.context(store), officer, tid)  # type: ignore[arg-type]
        await store.commit()
    assert outcome is handover.Hold.HELD
    return int(tid)


def cases(s: dict[str, str], upload: str) -> list[Case]:
    nid, cid = s["nid"], s["cid"]
    person = {"nama": "Karto Sumarno", "nik": nik_for(55, serial=503), "umur": "",
              "kelurahan": "Kelun", "pekerjaan": "tukang becak", "bpjs": "tidak", "dtks": "ya",
              "anak": "tidak", "hp": "", "setuju": "ya"}  # fmt: skip
    broadcast = {"teks": "Pendaftaran dibuka, {nama}.", "penerima": "opted_in", "kelurahan": ""}
    nothing = frozenset({"", " "})  # empty is "every" / "none" / the default for this field
    # a zero-width space is invisible: "Kelun\u200b" is Kelun as the officer sees it
    kelun = frozenset({"Kelun\u200b"})
    # an age as the chat's own step reads it: digits however a phone typed them (domain.text)
    ages = nothing | {"²³", "１２"}
    out = [
        Case("GET", "/konsol/", "urut", ok=nothing),
        *(Case("GET", "/konsol/antrean", n, ok=nothing | ({"0"} if n == "menunggu" else set())
               | (kelun if n == "kelurahan" else set()))
          for n in ("kelurahan", "status", "penilaian", "pekerjaan", "menunggu")),
        Case("GET", f"/konsol/usulan/{nid}", "pesan", ok=nothing),
        Case("GET", "/konsol/petugas", "pesan", ok=nothing),
        Case("GET", "/konsol/petugas", "kode", ok=nothing),
        *(Case("GET", p, n, ok=nothing) for p in ("/konsol/audit", "/konsol/audit.csv")
          for n in ("usulan", "orang")),
        *(Case("GET", "/konsol/peserta", n, ok=nothing | ({"0"} if n != "pesan" else set()))
          for n in ("pesan", "terdaftar", "tidak")),
        Case("GET", f"/konsol/peserta/pratinjau/{upload}", "halaman", ok=nothing),
        Case("GET", "/konsol/klaim", "semua", ok=nothing),
        *(Case("GET", p, "hari", ok=nothing) for p in ("/konsol/layanan", "/konsol/layanan.csv")),
        Case("GET", f"/konsol/klaim/{cid}", "pesan", ok=nothing),
        *(Case("GET", p) for p in ("/konsol/usulan/{J}", "/konsol/siaran/{J}",
                                   "/konsol/siaran/{J}/kemajuan", "/konsol/klaim/{J}",
                                   "/konsol/peserta/pratinjau/{J}", "/konsol/masuk/{J}")),
        Case("POST", f"/konsol/usulan/{nid}/{{J}}"),
        Case("POST", "/konsol/usulan/{J}/setujui"),
        Case("POST", f"/konsol/usulan/{nid}/tolak", "alasan", {"teks": ""}),
        Case("POST", f"/konsol/usulan/{nid}/tolak", "teks", {"alasan": ""}, junk=SHORT),
        Case("POST", f"/konsol/usulan/{nid}/tanya", "teks", junk=SHORT),
        Case("POST", "/konsol/petugas/{J}"),
        Case("POST", "/konsol/petugas/undang", "kelurahan", ok=kelun),
        Case("POST", "/konsol/petugas/cabut", "kode"),
        Case("POST", "/konsol/petugas/hapus", "id", ok=frozenset()),
        Case("POST", "/konsol/ekspor", "kelurahan", ok=nothing | kelun),
        *(Case("POST", "/konsol/usulkan", n, person,
               junk=REFUSED_TEXT if n in ("nama", "pekerjaan") else JUNK,
               ok=ages if n == "umur" else nothing if n == "hp"
               else kelun if n == "kelurahan" else frozenset())
          for n in person),
        Case("POST", "/konsol/peserta/terapkan", "unggahan"),
        *(Case("POST", p, n, broadcast,
               junk=REFUSED_TEXT if n == "teks" and p.endswith("kirim") else JUNK,
               ok=nothing | kelun if n == "kelurahan" else frozenset())
          for p in ("/konsol/siaran/pratinjau", "/konsol/siaran/kirim")
          for n in ("teks", "penerima", "kelurahan")),
        Case("POST", "/konsol/siaran/{J}/hentikan"),
        Case("POST", f"/konsol/klaim/{cid}", "langkah"),
        Case("POST", f"/konsol/klaim/{cid}", "jumlah", {"langkah": "paid", "anak": ""}),
        Case("POST", f"/konsol/klaim/{cid}", "anak", {"langkah": "paid", "jumlah": "42 juta"},
             ok=nothing),
        Case("POST", f"/konsol/klaim/{cid}", "alasan", {"langkah": "refused"},
             junk=REFUSED_TEXT),
        Case("POST", "/konsol/klaim/{J}", form={"langkah": "documents"}),
        Case("POST", "/konsol/masuk/{J}"),
        *(Case("GET", "/konsol/pelajari", n, ok=nothing) for n in ("tempat", "terbaca", "hal", "pesan")),
        Case("POST", "/konsol/pelajari/{J}", form={"arti": "status"}),
        Case("POST", f"/konsol/pelajari/{s['mid']}", "arti", {"bahasa": "id"}),
        # no language: the one guessed when the message was kept
        Case("POST", f"/konsol/pelajari/{s['mid']}", "bahasa", {"arti": "status"}, ok=nothing),
        Case("POST", f"/konsol/pelajari/{s['mid']}", "nilai", {"arti": "answer:age=",
                                                               "bahasa": "id"}),
        # residents' questions (issue 30): the desk's filters, the FAQ to insert, the answer
        *(Case("GET", "/konsol/tiket", n, ok=nothing | (kelun if n == "kelurahan" else set()))
          for n in ("kelurahan", "status")),
        *(Case("GET", f"/konsol/tiket/{s['tid']}", n, ok=nothing) for n in ("pesan", "faq")),
        Case("GET", "/konsol/tiket/{J}"),
        Case("POST", f"/konsol/tiket/{s['tid']}/{{J}}"),
        Case("POST", "/konsol/tiket/{J}/tutup"),
        Case("POST", "/konsol/tiket/{J}/jawab", form={"teks": "Masih, Bu."}),
        Case("POST", f"/konsol/tiket/{s['tid']}/jawab", "teks", junk=[*REFUSED_TEXT, "a"]),
        Case("POST", "/konsol/tiket/{J}/berkas"),
        Case("POST", f"/konsol/tiket/{s['tid']}/berkas", "teks"),  # no file: nothing sent
    ]  # fmt: skip
    return out


async def send(web: httpx.AsyncClient, case: Case, junk: str, token: str) -> httpx.Response:
    path = case.path.replace("{J}", quote(junk, safe="") or "%20")
    if case.method == "GET":
        params = {case.name: junk} if case.name else None
        return await web.get(path, params=params)
    form = {"csrf": token, **case.form}
    if case.name:
        form[case.name] = junk
    return await web.post(path, data=form)


async def test_junk_in_any_field_gets_a_clear_answer_and_changes_nothing(
    siaga: App, web: httpx.AsyncClient
) -> None:
    s = await scene(siaga)
    token = csrf(await signed_in(siaga, web, "dinas"))
    kept = await web.post("/konsol/peserta/pratinjau", data={"csrf": token, "mulai": "2026-12-01"},
                          files={"berkas": ("b.csv", f"ref\n{s['ref']}\nx\n".encode(),
                                            "text/csv")})  # fmt: skip
    assert kept.status_code == 303
    upload = kept.headers["location"].rsplit("/", 1)[1]
    date_case = Case("POST", "/konsol/peserta/pratinjau", "mulai")
    failures: list[str] = []
    before = await snapshot(siaga)
    for case in [*cases(s, upload), date_case]:
        for junk in (j for j in case.junk if j not in case.ok):  # a good value is no junk
            if case is date_case:
                r = await web.post(case.path, data={"csrf": token, "mulai": junk},
                                   files={"berkas": ("b.csv", f"ref\n{s['ref']}\n".encode(),
                                                     "text/csv")})  # fmt: skip
            else:
                r = await send(web, case, junk, token)
            where = f"{case.method} {case.path} {case.name}={junk[:20]!r}"
            if r.status_code >= 500:
                failures.append(f"{where}: {r.status_code}")
            elif r.status_code != 303 and 'lang="' not in r.text:
                failures.append(f"{where}: no page ({r.status_code} {r.text[:60]!r})")
            elif r.status_code == 200 and case.method == "GET":
                failures.append(f"{where}: taken as good")
            if HTML in r.text:
                failures.append(f"{where}: HTML echoed unescaped")
        after = await snapshot(siaga)
        changed = sorted(k for k in after if after[k] != before[k])
        if changed:
            failures.append(f"{case.method} {case.path} {case.name}: wrote to {changed}")
        before = after
    assert not failures, "\n".join(failures)
    assert (await web.get("/konsol/")).status_code == 200  # still signed in, all along


async def test_the_reported_inputs_are_refused_with_the_field_named(
    siaga: App, web: httpx.AsyncClient
) -> None:
    s = await scene(siaga)
    token = csrf(await signed_in(siaga, web, "dinas"))
    for amount in ("²³", "9" * 30, "99999999999999 juta"):
        r = await web.post(f"/konsol/klaim/{s['cid']}",
                           data={"csrf": token, "langkah": "paid", "jumlah": amount})  # fmt: skip
        assert r.status_code == 422
        assert "Jumlah dibayar (Rp): isi jumlah rupiah dari 1.000 sampai 10.000.000.000" in r.text
    for query in ("menunggu=²", "menunggu=" + "9" * 25):
        r = await web.get(f"/konsol/antrean?{query}")
        assert r.status_code == 400 and "isi angka bulat dari 0 sampai 999" in r.text
    r = await web.get("/konsol/audit?orang=" + "9" * 25)
    assert r.status_code == 400 and "Nomor orang (#): bukan nomor yang dikenal" in r.text
    assert (await web.get("/konsol/usulan/" + "9" * 30)).status_code == 404
    r = await web.get(f"/konsol/usulan/{s['nid']}?pesan=con-nomination")
    assert r.status_code == 400 and "Alamat halaman: pilihan ini tidak dikenal" in r.text
    for day in ("0001-01-01", "9999-12-31", "kemarin", ""):
        r = await web.post("/konsol/peserta/pratinjau", data={"csrf": token, "mulai": day},
                           files={"berkas": ("b.csv", f"ref\n{s['ref']}\n".encode(),
                                             "text/csv")})  # fmt: skip
        assert r.status_code == 422, day
        assert "Tanggal mulai perlindungan: isi tanggal dari 30-11-2025 sampai 03-03-2027" in r.text
    assert (await nomination(siaga, s["ref"])).status.value == "approved"  # never registered
