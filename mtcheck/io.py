"""Reading user input safely and writing outputs atomically."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from mtcheck.errors import InputError

BINARY_SAMPLE = 8192


def decode_text(data: bytes, where: str, max_bytes: int) -> str:
    """UTF-8 text from bytes, or an InputError naming `where` and the problem (with the byte offset)."""
    if len(data) > max_bytes:
        raise InputError(f"{where}: too large (over the limit of {max_bytes:,} bytes; "
                         "raise it with --max-bytes or max-bytes in the config)")
    nul = data.find(b"\x00", 0, BINARY_SAMPLE)
    if nul >= 0:
        raise InputError(f"{where}: looks like a binary file (NUL byte at offset {nul}), expected UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"{where}: not valid UTF-8 at byte offset {e.start} "
                         f"(byte 0x{data[e.start]:02x}); save the file as UTF-8") from None
    text = text.removeprefix("\ufeff")  # a BOM is an encoding mark, not text; offsets count from after it
    if not text.strip():
        raise InputError(f"{where}: is empty")
    return text


def read_text(path: str, max_bytes: int, what: str = "") -> str:
    """Read a file (or stdin for '-')."""
    where = f"{what} {path}".strip() if path != "-" else f"{what} <stdin>".strip()
    try:
        data = sys.stdin.buffer.read(max_bytes + 1) if path == "-" else _read_bytes(Path(path), max_bytes)
    except FileNotFoundError:
        raise InputError(f"{where}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{where}: is a directory, expected a text file") from None
    except OSError as e:
        raise InputError(f"{where}: cannot read: {e.strerror}") from None
    return decode_text(data, where, max_bytes)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    with open(path, "rb") as f:
        return f.read(max_bytes + 1)  # one byte more than allowed is enough to refuse it


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename over it: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def open_atomic(path: Path) -> Iterator[TextIO]:
    """A text file to write `path` through: a temporary file beside it, renamed over `path` only when the
    block ends without an exception (else removed). For outputs written piece by piece."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            yield f
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
