"""Composition root: named factories that build what the commands need (DESIGN.md rule 5)."""

from __future__ import annotations

import sys

from bot.config import Settings
from bot.i18n import Catalogue
from bot.program_loader import ProgramFileError, load_program
from domain.program import Program


def load_settings() -> Settings:
    return Settings()


def load_catalogue(settings: Settings | None = None) -> Catalogue:
    settings = settings or load_settings()
    return Catalogue(settings.locales_dir)


def load_program_or_exit(settings: Settings | None = None) -> Program:
    settings = settings or load_settings()
    try:
        return load_program(settings.program_file)
    except ProgramFileError as exc:
        print(f"Berkas program tidak valid:\n{exc}", file=sys.stderr)
        raise SystemExit(2) from exc
