"""Logging set-up. A NIK never reaches a log in clear: every record passes a masking filter,
whatever module wrote it (defence in depth; the code itself only logs masked values)."""

from __future__ import annotations

import json
import logging
import re
import sys
import traceback
from datetime import UTC, datetime
from typing import Any

from domain.nik import mask_digits
from domain.text import LONG_NUMBER, ascii_digits


def mask_text(text: str) -> str:
    """Every long number (eight digits or more, however grouped: the pattern that seals
    numbers in tickets decides, so there is one idea of "a NIK or a phone in text") masked:
    16 digits in the NIK form 3577 01•• •••• 0001, a phone-length one as 0812••••90, a
    shorter one to its last two digits (review of issue 26, finding 6: "3577 0115 0386 0001"
    passed the old 4-2-6-4 pattern in clear)."""
    return LONG_NUMBER.sub(_masked, text)


def _masked(found: re.Match[str]) -> str:
    digits = ascii_digits("".join(c for c in found.group() if c.isdigit()))
    if len(digits) == 16:
        return mask_digits(digits)
    if len(digits) >= 10:
        return digits[:4] + "••••" + digits[-2:]
    return "••••" + digits[-2:]


def exception_text(exc_info: Any) -> str:
    """A traceback with its frames and exception types but never an exception's message: a
    message can quote what a person typed (int() of their text, a KeyError of an answer), and
    no log line may carry that. The frames say where; the test or the replay says what."""
    _, exc, _ = exc_info
    chain: list[BaseException] = []
    while exc is not None and exc not in chain and len(chain) < 10:
        chain.append(exc)
        exc = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
    out: list[str] = []
    for e in reversed(chain):
        stack = traceback.StackSummary.extract(traceback.walk_tb(e.__traceback__))
        kind = type(e)
        out.append("Traceback (most recent call last):\n" + "".join(stack.format()))
        out.append(f"{kind.__module__}.{kind.__qualname__} (message withheld from the log)\n")
    return "".join(out).rstrip("\n")


class SafeFormatter(logging.Formatter):
    def formatException(self, ei: Any) -> str:
        return mask_text(exception_text(ei))


def install_masking() -> None:
    """Mask NIKs in every log record at creation, whichever handler later receives it
    (our own, uvicorn's, a test's). Idempotent."""
    current = logging.getLogRecordFactory()
    if getattr(current, "siaga_masking", False):
        return

    def factory(*args: object, **kwargs: object) -> logging.LogRecord:
        record = current(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a malformed log call must not break the caller
            return record
        masked = mask_text(message)
        if masked != message:
            record.msg, record.args = masked, None
        return record

    factory.siaga_masking = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)


class MaskingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_text(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


class JsonFormatter(SafeFormatter):
    def format(self, record: logging.LogRecord) -> str:
        out = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        if record.exc_info:
            out["exc"] = mask_text(self.formatException(record.exc_info))
        return json.dumps(out, ensure_ascii=False)


def setup_logging(level: str = "INFO", fmt: str = "text") -> None:
    install_masking()
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(MaskingFilter())
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(SafeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("sqlalchemy.engine", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
