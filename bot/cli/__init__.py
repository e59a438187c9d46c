"""The `siaga` commands: they only wire (construction is in bot.app)."""

from bot.cli.main import main

__all__ = ["main"]
