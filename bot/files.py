"""Files Siaga writes for people to open elsewhere, and files people hand it."""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

# Byte-order marks first (Excel's "CSV UTF-8" and "Unicode text" exports carry one).
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@contextmanager
def private_file(path: Path, binary: bool = False) -> Iterator[IO[Any]]:
    """A file only its owner can read (0600), even where it already existed. Written beside
    the target and renamed over it, so a crash or an error leaves no half-written file."""
    tmp = path.with_name(f".{path.name}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # an old .part file keeps its mode through O_CREAT
    try:
        f = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", newline="", encoding="utf-8")
        with f:
            yield f
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def text_encoding(path: Path) -> str:
    """The encoding a lurah's spreadsheet export most likely has: its byte-order mark; UTF-16
    without one (NUL bytes between ASCII letters); UTF-8 when the whole file decodes as such;
    otherwise Windows-1252, what Excel writes for "CSV" on an Indonesian Windows (a superset
    of Latin-1 for every letter used in names here)."""
    with path.open("rb") as f:
        head = f.read(4096)
        for bom, name in _BOMS:
            if head.startswith(bom):
                return name
        if head[1::2].count(0) > len(head) // 4:
            return "utf-16-le"
        if head[0::2].count(0) > len(head) // 4:
            return "utf-16-be"
        decoder = codecs.getincrementaldecoder("utf-8")()
        f.seek(0)
        try:
            while chunk := f.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8"
