"""Telegram channel on aiogram 3, used as a thin transport (DESIGN.md)."""
