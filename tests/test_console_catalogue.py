"""Issue 26 item 5: every catalogue message the console and the officers' cards use renders
with the values each call site gives it.

A nomination's page answered 500 once registry lists were imported: `views._reason` did not
pass `$as_of` to "reason-registry-listed_data" and its kin. Two checks, each able to fail:

- statically, every call site whose key and values can be read from the source (a template's
  `t("key", name=…)`, a `Msg("key", {…})`, `reply("key", name=…)`, and keys built from a
  prefix such as `t("status-" + s)`) gives every placeholder each matching message has, in
  every locale;
- at run time, for the call sites whose values are built in code (a stored reason, a list's
  line on a card, a page's note), every page of the console and the lurah's chat card is
  driven with nominations carrying every reason the catalogue has, with and without the
  Dinas's lists, claims of every kind and status, and every message rendered on the way is
  recorded and rendered again in the other two languages; every reason, flag and list line
  must have been rendered, and no page may answer 500.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from jinja2 import Environment, FileSystemLoader, nodes
from sqlalchemy import update

from bot.app import App
from bot.db import schema as t
from bot.i18n import LOCALES, Catalogue, default_locales_dir, message_keys
from domain.claims import ClaimKind, ClaimStatus
from domain.nomination import NominationStatus
from handlers.claims import cases as claims
from handlers.core.messages import Msg
from handlers.core.records import Role
from tests.harness import Person
from tests.test_console import csrf, review_approve, signed_in
from tests.test_review import KELUN, file, make, nomination, set_quota

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "bot/web/console/templates"
# The console's pages and the officers' cards: the lurah's queue card, the claim card, the
# notices and ticket cards reviewers get
CODE = [*sorted((ROOT / "bot/web/console").glob("*.py")), ROOT / "handlers/nominations/queue.py",
        ROOT / "handlers/claims/cases.py", ROOT / "handlers/nominations/review.py",
        ROOT / "handlers/handover/tickets.py"]  # fmt: skip


def placeholders() -> dict[str, dict[str, set[str]]]:
    """locale → key → the variables its message uses."""
    return {loc: dict(message_keys(default_locales_dir(), loc)) for loc in LOCALES}


# --- the call sites, read from the source ----------------------------------------------------


def pattern_of(parts: list[str | None]) -> re.Pattern[str]:
    """A key built from literal pieces and values ("status-" + s): None is a value, an enum's
    or a code's (no hyphen) at the end, anything between two literal pieces."""
    out = []
    for i, p in enumerate(parts):
        if p is not None:
            out.append(re.escape(p))
        else:
            out.append("[A-Za-z0-9_]+" if i == len(parts) - 1 else "[A-Za-z0-9_-]+")
    return re.compile("".join(out) + "$")


def _jinja_key(node: nodes.Node) -> list[str | None] | None:
    if isinstance(node, nodes.Const) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, nodes.Add | nodes.Concat):
        pieces = [node.left, node.right] if isinstance(node, nodes.Add) else node.nodes
        out: list[str | None] = []
        for piece in pieces:
            out.extend(_jinja_key(piece) or [None])
        return out
    return None  # a key held in a variable: checked at run time


def template_sites() -> Iterator[tuple[str, list[str | None], set[str]]]:
    env = Environment(loader=FileSystemLoader(TEMPLATES))
    for path in sorted(TEMPLATES.glob("*.html")):
        tree = env.parse(path.read_text(encoding="utf-8"))
        for call in tree.find_all(nodes.Call):
            if not (isinstance(call.node, nodes.Name) and call.node.name == "t") or not call.args:
                continue
            key = _jinja_key(call.args[0])
            if key is not None and call.dyn_kwargs is None:
                yield f"{path.name}:{call.lineno}", key, {k.key for k in call.kwargs}


def _py_key(node: ast.expr) -> list[str | None] | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        out: list[str | None] = []
        for value in node.values:
            is_text = isinstance(value, ast.Constant) and isinstance(value.value, str)
            out.append(value.value if is_text else None)  # type: ignore[union-attr]
        return out
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return (_py_key(node.left) or [None]) + (_py_key(node.right) or [None])
    return None


def code_sites() -> Iterator[tuple[str, list[str | None], set[str]]]:
    """Msg("key", {…}) with a literal dict; reply("key", …, name=…) and Reply.of alike."""
    for path in CODE:
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(call, ast.Call) or not call.args:
                continue
            f = call.func
            name = (
                f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            )
            key = _py_key(call.args[0])
            if key is None or name not in ("Msg", "reply", "of"):
                continue
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            if name == "Msg":
                given = call.args[1] if len(call.args) > 1 else None
                if given is None:
                    yield where, key, set()
                elif isinstance(given, ast.Dict) and all(
                    isinstance(k, ast.Constant) for k in given.keys
                ):
                    yield where, key, {k.value for k in given.keys}  # type: ignore[union-attr]
            elif all(k.arg is not None for k in call.keywords):  # no **values
                yield where, key, {str(k.arg) for k in call.keywords}


def named_literally() -> set[str]:
    """Every string the code and templates write out whole: a key named so is a message of
    its own, not one of a family built from a prefix ("status-line" is not a status)."""
    out: set[str] = set()
    for path in [*ROOT.glob("handlers/**/*.py"), *ROOT.glob("bot/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                out.add(node.value)
    for path in TEMPLATES.glob("*.html"):
        out.update(re.findall(r't\("([a-z0-9_-]+)"', path.read_text(encoding="utf-8")))
    return out


def test_every_call_site_gives_every_placeholder_its_messages_name() -> None:
    wanted = placeholders()
    sites = [*template_sites(), *code_sites()]
    assert len(sites) > 150  # the scan reads the call sites, not nothing
    whole = named_literally()
    missing, unknown = [], []
    for where, key, given in sites:
        if all(k is None for k in key):
            continue  # a key made wholly of values: checked at run time
        built = any(k is None for k in key)
        keys = [k for k in wanted["id"]
                if pattern_of(key).match(k) and not (built and k in whole)]  # fmt: skip
        if not keys and all(k is not None for k in key):
            unknown.append(f"{where}: {''.join(key)}")  # type: ignore[arg-type]
        for loc, table in wanted.items():
            for k in keys:
                if table.get(k, set()) - given:
                    missing.append(f"{where}: {loc}:{k} needs {sorted(table[k] - given)}")
    assert not unknown, unknown
    assert not missing, missing


# --- every page and card, driven ---------------------------------------------------------


class Recording:
    """Every message rendered through the catalogue, and any that could not be."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.real = catalogue.render
        self.seen: list[tuple[Msg, str]] = []
        self.failed: list[str] = []

    def __call__(self, msg: Msg, locale: str = "id", escape: Any = None) -> str:
        try:
            out = self.real(msg, locale, escape)
        except Exception as exc:
            self.failed.append(f"{msg.key}: {exc}")
            raise
        self.seen.append((msg, locale))
        return out


REASONS = sorted(k for k in placeholders()["id"] if k.startswith("reason-") and k != "reason-line")


def stored_reasons(shift: int) -> list[str]:
    """Every reason message in the catalogue as a nomination stores it ("age.in_range:pass"),
    marks cycling through pass, fail and unknown (shifted per nomination, so across three
    waiting ones each reason is a doubt on some card: the card flags only doubts)."""
    marks = ("pass", "fail", "unknown")
    return [key[7:].replace("-", ".", 1) + ":" + marks[(i + shift) % 3]
            for i, key in enumerate(REASONS)]  # fmt: skip


LISTS: list[dict[str, Any]] = [
    {"dtks": [True, "2026-11-01"], "bpjs": ["pu", "2026-11-01"]},
    {"dtks": [False, "2026-11-01"], "bpjs": ["bpu", "2026-11-01"]},
    {"bpjs": ["pemda", "2026-10-15"]},
    {},  # no list imported when it was filed
]


async def nominations_of_every_kind(siaga: App) -> list[int]:
    """Nominations in every status, each carrying every reason; the waiting ones with each
    shape of the lists' record."""
    await set_quota(siaga, 50)
    boss = await make(siaga, "dinas", Role.ADMIN)
    ids = []
    waiting = [NominationStatus.PENDING] * 2  # three cards in the lurah's queue in all
    for i, status in enumerate([*NominationStatus, *waiting]):
        ref = await file(siaga, f"warga-{i}", serial=300 + i)
        if status in (NominationStatus.APPROVED, NominationStatus.REGISTERED):
            await review_approve(siaga, boss, ref)
        n = await nomination(siaga, ref)
        answers = {**n.answers, "lists": LISTS[i % len(LISTS)], "stated_age": 41}
        async with siaga.store() as store:
            await store.conn.execute(update(t.nominations).where(t.nominations.c.id == n.id)
                                     .values(status=status.value, reasons=stored_reasons(i),
                                             answers=answers, info_question="Foto KK?"))  # fmt: skip
            await store.commit()
        ids.append(n.id)
    return ids


async def claims_of_every_kind(siaga: App, nomination_id: int) -> list[int]:
    admin = await make(siaga, "dinas", Role.ADMIN)
    today = siaga.clock().date()
    ids = []
    for kind in ClaimKind:
        for to in ClaimStatus:
            async with siaga.store() as store:
                ids.append(await store.open_claim(
                    kind=kind, event_date=today - timedelta(days=3), relation=("family", "other", "officer")[len(ids) % 3],
                    reporter_id=None, nomination_id=nomination_id if len(ids) % 2 else None,
                    kelurahan_code=KELUN, named="Warga Uji", nik=None,
                    traffic=kind is ClaimKind.ACCIDENT, due_on=today + timedelta(days=20),
                    now=siaga.clock(),
                ))  # fmt: skip
                await store.commit()
            path = {ClaimStatus.DOCUMENTS: [ClaimStatus.DOCUMENTS],
                    ClaimStatus.SUBMITTED: [ClaimStatus.DOCUMENTS, ClaimStatus.SUBMITTED],
                    ClaimStatus.PAID: [ClaimStatus.DOCUMENTS, ClaimStatus.SUBMITTED,
                                       ClaimStatus.PAID],
                    ClaimStatus.REFUSED: [ClaimStatus.REFUSED]}.get(to, [])  # fmt: skip
            for step in path:
                async with siaga.store() as store:
                    await claims.move(siaga.context(store), admin, ids[-1], step,
                                      amount=42_000_000, reason="Bukan peserta",
                                      children=(today.year - 10,))  # fmt: skip
                    await store.commit()
    return ids


def pages_for(nids: list[int], cids: list[int]) -> list[str]:
    return [
        "/konsol/", *(f"/konsol/?urut={u}" for u in ("nama", "waiting", "oldest", "approved",
                                                      "rejected", "reviewers")),
        *(f"/konsol/antrean?status={s.value}" for s in NominationStatus),
        *(f"/konsol/usulan/{n}" for n in nids),
        "/konsol/petugas", "/konsol/audit", "/konsol/audit.csv", "/konsol/ekspor",
        "/konsol/usulkan", "/konsol/peserta", "/konsol/siaran", "/konsol/klaim",
        "/konsol/klaim?semua=1", *(f"/konsol/klaim/{c}" for c in cids),
        "/konsol/usulan/999999", "/konsol/klaim/999999", "/konsol/siaran/999999",
    ]  # fmt: skip


@pytest.fixture
def recording(siaga: App, monkeypatch: pytest.MonkeyPatch) -> Recording:
    rec = Recording(siaga.catalogue)
    monkeypatch.setattr(siaga.catalogue, "render", rec)
    return rec


async def test_every_page_and_card_renders_every_message_it_uses(
    siaga: App, web: httpx.AsyncClient, recording: Recording
) -> None:
    nids = await nominations_of_every_kind(siaga)
    cids = await claims_of_every_kind(siaga, nids[0])
    # the lurah's chat: the card of each waiting nomination, its "more" and its confirmations
    await make(siaga, "lk", Role.LURAH, KELUN)
    lurah = Person(siaga, "lk")
    await lurah.say("/antrian")
    for _ in range(3):  # each card, its confirmation, its "more", then the next card
        for label in ("✅ Setujui", "↩ Kembali", "❌ Tolak", "/antrian", "⋯ Lainnya",
                      "⏭ Lewati"):  # fmt: skip
            await (lurah.say(label) if label.startswith("/") else lurah.press(label))

    token = csrf(await signed_in(siaga, web, "dinas"))
    answered: dict[str, int] = {}
    for path in pages_for(nids, cids):
        answered[path] = (await web.get(path)).status_code
    for nid in nids:  # the page's outcomes, each shown as the page's note
        for action, form in (("tanya", {"teks": "?"}), ("tolak", {}), ("nik", {}),
                             ("setujui", {}), ("entah", {})):  # fmt: skip
            r = await web.post(f"/konsol/usulan/{nid}/{action}", data={"csrf": token, **form})
            answered[f"POST {nid}/{action}"] = r.status_code
            if r.status_code == 303:
                answered[r.headers["location"]] = (await web.get(r.headers["location"])).status_code
    for cid in cids:
        for step in ("paid", "refused", "documents", "?"):
            r = await web.post(f"/konsol/klaim/{cid}", data={"csrf": token, "langkah": step})
            answered[f"klaim {cid} {step}"] = r.status_code
            if r.status_code == 303:
                answered[r.headers["location"]] = (await web.get(r.headers["location"])).status_code
    for form in ({"teks": "x", "penerima": "opted_in"}, {"teks": "Halo {nama}", "penerima": "all"},
                 {"teks": "Halo {siapa}", "penerima": "opted_in"}):  # fmt: skip
        answered[f"siaran {form}"] = (await web.post("/konsol/siaran/pratinjau",
                                                     data={"csrf": token, **form})).status_code  # fmt: skip
    for action, form in (("undang", {"kelurahan": "Kelun"}), ("undang", {"kelurahan": "?"}),
                         ("cabut", {"kode": "NOPE"}), ("hapus", {"id": "1"})):  # fmt: skip
        r = await web.post(f"/konsol/petugas/{action}", data={"csrf": token, **form})
        answered[f"petugas {action} {form}"] = r.status_code  # a page saying what to mend
        if r.status_code == 303:
            answered[r.headers["location"]] = (await web.get(r.headers["location"])).status_code
    upload = await web.post("/konsol/peserta/pratinjau",
                            data={"csrf": token, "mulai": siaga.clock().date().isoformat()},
                            files={"berkas": ("b.csv", b"ref\nPJK-AAAAA\nx\n", "text/csv")})  # fmt: skip
    if upload.status_code == 303:
        answered["preview"] = (await web.get(upload.headers["location"])).status_code
    answered["usulkan"] = (await web.post("/konsol/usulkan",
                                          data={"csrf": token, "setuju": "ya"})).status_code  # fmt: skip
    await web.post("/konsol/keluar", data={"csrf": token})
    answered["signed out"] = (await web.get("/konsol/")).status_code

    assert not recording.failed, recording.failed
    assert {p: s for p, s in answered.items() if s >= 500} == {}
    rendered = {m.key for m, _ in recording.seen}
    assert set(REASONS) - rendered == set()  # every reason, on a nomination's page
    cards = {k for k in placeholders()["id"]
             if k.startswith(("flag-", "lurah-card-dtks", "lurah-card-bpjs"))}  # fmt: skip
    assert cards - rendered == set()  # every flag and list line, on the lurah's card
    for msg, _ in recording.seen:  # the same values in the other languages
        for loc in LOCALES:
            recording.real(msg, loc)
