"""Test helpers: synthetic NIKs relative to today, and driving `siaga chat` as a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent


def today() -> date:
    return datetime.now(ZoneInfo("Asia/Jakarta")).date()


def nik_for(age: int, female: bool = False, district: str = "357701", serial: int = 1) -> str:
    """A synthetic NIK of someone who is `age` today (birthday 100 days ago)."""
    t = today()
    born = date(t.year - age, t.month, min(t.day, 28)) - timedelta(days=100)
    if (t - born).days // 365.25 > age:  # stay inside the age even across leap years
        born += timedelta(days=30)
    day = born.day + (40 if female else 0)
    return f"{district}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


def chat_env(data_dir: Path, **extra: str) -> dict[str, str]:
    # the test's own database (PostgreSQL runs) goes along; every other setting is the test's
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("SIAGA_") or k == "SIAGA_DATABASE_URL"}  # fmt: skip
    env["SIAGA_DATA_DIR"] = str(data_dir)
    env.update(extra)
    return env


def chat(data_dir: Path, user: str, *lines: str, **env: str) -> list[dict[str, Any]]:
    """Send lines as one `siaga chat --jsonl` run; return the bot's messages."""
    r = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--jsonl", "--user", user],
        input="".join(line + "\n" for line in lines),
        capture_output=True,
        text=True,
        env=chat_env(data_dir, **env),
        cwd=data_dir,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr, r.stderr
    return [json.loads(line) for line in r.stdout.splitlines() if line.strip()]


def texts(messages: list[dict[str, Any]]) -> str:
    return "\n---\n".join(m["text"] for m in messages)


def last(messages: list[dict[str, Any]]) -> dict[str, Any]:
    assert messages, "the bot said nothing"
    return messages[-1]


def reference_in(texts: list[str] | str) -> str:
    """The PJK-XXXXX reference from the message that announced the filing."""
    for text in [texts] if isinstance(texts, str) else texts:
        if "Nomor usulan: " in text:
            return text.split("Nomor usulan: ")[1].split()[0]
    raise AssertionError(f"no reference in {texts!r}")


def set_admins(siaga: Any, admins: frozenset[tuple[str, str]]) -> None:
    """As SIAGA_ADMINS would say, for the use cases and the store alike."""
    from dataclasses import replace

    siaga.conversations.settings = replace(siaga.conversations.settings, admins=admins)
    siaga.db.admins = admins


def name_admin(siaga: Any, channel: str, external_id: str) -> None:
    """As SIAGA_ADMINS naming this person would: admin rights follow the setting."""
    set_admins(siaga, siaga.db.admins | {(channel, external_id)})


class Puzzled:
    """The real reader, except that a message with `marker` in it is read as nothing it knows
    ("none", unsure): tests of what happens to messages not understood must not depend on
    how the trained model happens to rank a made-up word."""

    def __init__(self, inner: Any, marker: str) -> None:
        self.inner, self.marker = inner, marker
        self.thresholds = inner.thresholds
        self.language_at = inner.language_at

    def read(self, text: str, place: str = "") -> Any:
        from domain.reading import Reading

        if self.marker in text:
            return Reading((("none", 0.2), ("check", 0.1), ("status", 0.1)))
        return self.inner.read(text, place)

    def language(self, text: str) -> tuple[str, float]:
        return self.inner.language(text)
