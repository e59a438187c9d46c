"""What lands in the database: no NIK in clear, drafts expire, one active nomination per NIK."""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.app import App, build
from bot.config import Settings
from bot.db.engine import make_engine
from domain.nomination import ACTIVE, TRANSITIONS, NominationStatus, can_move
from tests.conftest import sqlite_only
from tests.harness import Person
from tests.helpers import nik_for

ROOT = Path(__file__).resolve().parent.parent

FILE = ["1", "setuju", "Budi", None, "1", "1", "kelun", "ojol", "1", "ya", "ya", "lewati", "1", "1"]


async def file_for(p: Person, nik: str) -> str:
    for line in FILE:
        await p.say(line or nik)
    assert "PJK-" in p.text, p.text
    return p.text.split("Nomor usulan: ")[1].split()[0]


@sqlite_only("reads the database file's bytes")
async def test_the_database_file_never_holds_a_nik_in_clear(siaga: App, tmp_path: Path) -> None:
    nik = nik_for(40)
    p = Person(siaga, "clear")
    await file_for(p, nik)
    await Person(siaga, "draft").answers("1", "setuju", "Ani", nik_for(30, serial=7))
    await siaga.close()
    data = tmp_path / "data"
    blob = b"".join(f.read_bytes() for f in data.iterdir() if f.name.startswith("siaga.db"))
    assert nik.encode() not in blob
    assert nik_for(30, serial=7).encode() not in blob
    assert b"Budi" in blob  # the file is readable: the check above is meaningful
    key = data / "siaga.key"
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600


async def test_stale_drafts_lose_their_answers(siaga: App) -> None:
    p = Person(siaga, "stale")
    await p.answers("1", "setuju", "Budi", nik_for(40))
    async with siaga.store() as store:
        purged = await store.purge_stale_drafts(datetime.now(UTC) + timedelta(days=1))
        await store.commit()
    assert purged == 1
    await p.say("/dataku")
    assert "belum dikirim" not in p.text  # the draft is gone
    await p.say("1")
    assert "Siapa nama lengkap" in p.text  # starts again; consent is kept


async def test_recent_drafts_are_kept(siaga: App) -> None:
    p = Person(siaga, "fresh")
    await p.answers("1", "setuju", "Budi")
    assert (await siaga.keep_retention())["purge_drafts"] == 0
    await p.say("/bantuan")
    assert "NIK" in p.text


async def test_two_accounts_cannot_both_hold_an_active_nomination(siaga: App) -> None:
    nik = nik_for(44)
    await file_for(Person(siaga, "a"), nik)
    b = Person(siaga, "b")
    for line in FILE[:5]:
        await b.say(line or nik)
    assert "tidak bisa diusulkan lagi" in b.text


def test_lifecycle_allows_only_the_listed_moves() -> None:
    S = NominationStatus
    assert can_move(S.PENDING, S.APPROVED) and can_move(S.APPROVED, S.REGISTERED)
    assert not can_move(S.REJECTED, S.APPROVED)
    assert not can_move(S.REGISTERED, S.PENDING)
    assert not can_move(S.WITHDRAWN, S.PENDING)
    for status, targets in TRANSITIONS.items():
        if status not in ACTIVE:
            assert not targets or status is S.REGISTERED, status


def test_the_head_constant_matches_the_migration_scripts() -> None:
    from bot.db.migrate import HEAD, script_head

    assert script_head() == HEAD


@sqlite_only("SQLite's query planner")
async def test_the_duplicate_check_uses_the_partial_index(siaga: App) -> None:
    from sqlalchemy import text
    from sqlalchemy.dialects import sqlite

    from bot.db.nominations_store import active_by_index

    sql = str(active_by_index("x").compile(dialect=sqlite.dialect(),
                                           compile_kwargs={"literal_binds": True}))  # fmt: skip
    async with siaga.store() as store:
        plan = (await store.conn.execute(text("EXPLAIN QUERY PLAN " + sql))).all()
    detail = " ".join(str(r[-1]) for r in plan)
    assert "uq_nominations_active_nik" in detail and "SCAN" not in detail, detail


async def test_the_migrations_build_exactly_the_schema_in_code(siaga: App) -> None:
    """Run on SQLite and on PostgreSQL: Alembic's comparison finds nothing to add or change."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from bot.db.schema import add_postgresql_options, metadata

    add_postgresql_options()
    async with siaga.engine.connect() as conn:
        diff = await conn.run_sync(
            lambda c: compare_metadata(MigrationContext.configure(c), metadata)
        )
    assert diff == []


@sqlite_only("a database file written at an older schema")
async def test_a_draft_begun_before_flow_states_goes_on_after_the_upgrade(tmp_path: Path) -> None:
    """Migration 0008: a check half-answered under the old flat answers keeps its answers."""
    import sqlite3

    from alembic import command

    from bot.db.migrate import alembic_config

    data = tmp_path / "data"
    data.mkdir()
    url = f"sqlite+aiosqlite:///{data / 'siaga.db'}"
    engine = make_engine(url)
    async with engine.begin() as conn:
        await conn.run_sync(lambda c: command.upgrade(alembic_config(c), "0007"))
    await engine.dispose()
    flat = {"name": "Sri Lestari", "rv_skip": [4], "_resume": ["check", "nik"]}
    con = sqlite3.connect(data / "siaga.db")
    con.execute("INSERT INTO people (id, channel, external_id, role, locale, blocked, created_at,"
                " consent_version, consent_at) VALUES (1, 'console', 'lama', 'citizen', 'id', 0,"
                " '2026-01-01', 'v1', '2026-01-01')")  # fmt: skip
    con.execute("INSERT INTO conversations VALUES (1, 'check', 'nik', ?, 3, 0, '2026-01-01')",
                (json.dumps(flat),))  # fmt: skip
    con.commit()
    con.close()
    siaga = await build(Settings(data_dir=data, privacy_notice_version="v1"))
    try:
        chat = Person(siaga, "lama")
        await chat.say(nik_for(40))
        assert "apakah NIK ini benar" in chat.text  # the name was kept: the NIK came next
        await chat.say("/dataku")
        assert "Sri Lestari" in chat.text
    finally:
        await siaga.close()
    con = sqlite3.connect(data / "siaga.db")
    stored = json.loads(con.execute("SELECT answers FROM conversations").fetchone()[0])
    con.close()
    assert stored["review"]["skipped"] == [4]  # other flows' parts moved too


def test_the_flow_state_migration_goes_back_to_the_flat_answers_unchanged() -> None:
    import importlib.util

    path = ROOT / "bot/db/migrations/versions/0008_flow_states.py"
    spec = importlib.util.spec_from_file_location("m0008", path)
    assert spec is not None and spec.loader is not None
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    flat = {"name": "A", "nik_ok": True, "bc_text": "halo", "ai_id": 3, "_resume": ["lang", ""],
            "_on_behalf": True}  # fmt: skip
    nested = m.nested(flat)
    assert nested["check"] == {"name": "A", "nik_ok": True, "on_behalf": True}
    assert nested["siaran"] == {"text": "halo"} and nested["resume"]["flow"] == "lang"
    assert m.flat(nested) == flat
    assert m.nested(nested) == nested  # already migrated: left alone
