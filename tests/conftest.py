from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.i18n import Catalogue, default_locales_dir
from bot.program_loader import default_program_path, load_program
from domain.program import Program
from tests.fake_telegram import FakeTelegram

ROOT = Path(__file__).resolve().parent.parent
pytest_plugins = ["tests.whatsapp_harness"]


@pytest.fixture(scope="session")
def program() -> Program:
    return load_program(default_program_path())


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return Catalogue(default_locales_dir())


@pytest.fixture
async def siaga(tmp_path: Path):  # type: ignore[no-untyped-def]
    from bot.app import build
    from bot.config import Settings

    s = await build(Settings(data_dir=tmp_path / "data"))
    yield s
    await s.close()


@pytest.fixture
async def web(siaga):  # type: ignore[no-untyped-def]
    """The web console (and webhooks) of `siaga`, over HTTP in-process."""
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=siaga.web(None)),
                                 base_url="http://siaga") as client:  # fmt: skip
        yield client


# --- PostgreSQL: with SIAGA_TEST_POSTGRES set (a server URL without a database name, e.g.
# postgresql+asyncpg://postgres@127.0.0.1:5432), every test gets a database of its own, cloned
# from a migrated template, and SIAGA_DATABASE_URL points the code (and its subprocesses) at it.
POSTGRES = os.environ.get("SIAGA_TEST_POSTGRES", "").rstrip("/")
_TEMPLATE = "siaga_template"


def _admin_dsn() -> str:
    return POSTGRES.replace("postgresql+asyncpg://", "postgresql://") + "/postgres"


async def _admin(*statements: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(_admin_dsn())
    try:
        for sql in statements:
            await conn.execute(sql)
    finally:
        await conn.close()


@pytest.fixture(scope="session")
def postgres_template(worker_id: str) -> str | None:
    """One template per pytest-xdist worker: workers start at once and would drop and
    create the same database under each other."""
    if not POSTGRES:
        return None
    template = f"{_TEMPLATE}_{worker_id}"
    import asyncio

    from bot.db.engine import make_engine
    from bot.db.migrate import upgrade

    async def make() -> None:
        await _admin(f"DROP DATABASE IF EXISTS {template} WITH (FORCE)",
                     f"CREATE DATABASE {template}")  # fmt: skip
        engine = make_engine(f"{POSTGRES}/{template}")
        await upgrade(engine)  # the same Alembic migrations as SQLite
        await engine.dispose()

    asyncio.run(make())
    return template


@pytest.fixture(autouse=True)
def database(postgres_template: str | None, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    if postgres_template is None:
        yield None
        return
    import asyncio
    import uuid

    name = f"t_{uuid.uuid4().hex[:16]}"
    asyncio.run(_admin(f"CREATE DATABASE {name} TEMPLATE {postgres_template}"))
    monkeypatch.setenv("SIAGA_DATABASE_URL", f"{POSTGRES}/{name}")
    yield name
    asyncio.run(_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    """A fake Telegram Bot API server on loopback (tests/fake_telegram.py)."""
    f = FakeTelegram()
    await f.start()
    yield f
    await f.stop()


def sqlite_only(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(bool(POSTGRES), reason=f"SQLite only: {reason}")


def postgres_only(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(not POSTGRES, reason=f"PostgreSQL only: {reason}")
