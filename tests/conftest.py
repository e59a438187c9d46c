from __future__ import annotations

from pathlib import Path

import pytest

from bot.i18n import Catalogue, default_locales_dir
from bot.program_loader import default_program_path, load_program
from domain.program import Program

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
    from bot.config import Settings
    from bot.service import build

    s = await build(Settings(data_dir=tmp_path / "data"))
    yield s
    await s.close()
