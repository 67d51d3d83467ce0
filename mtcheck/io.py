"""Reading user input safely and writing outputs atomically."""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

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
    except NotRegularFile:
        raise InputError(f"{where}: is not a regular file (a FIFO, socket or device?), expected a text file") from None
    except OSError as e:
        raise InputError(f"{where}: cannot read: {e.strerror}") from None
    return decode_text(data, where, max_bytes)


class NotRegularFile(OSError):
    pass


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading. A FIFO with no writer would block open() forever, and a device
    (/dev/zero) never ends: both are refused. O_NONBLOCK makes the FIFO's open return, and fstat on the open
    descriptor leaves no gap for the path to change between the test and the read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(errno.EINVAL, "not a regular file (a FIFO, socket or device?)")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    with open_regular(path) as f:
        return f.read(max_bytes + 1)  # one byte more than allowed is enough to refuse it


def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it; put it straight back
    os.umask(mask)
    return mask


def check_output(path: Path, what: str = "-o") -> None:
    """Refuse, before any work is done, an output that cannot be written: a directory, a place below a
    regular file, a folder without write permission. Creates missing parent folders."""
    where = f"{what} {path}".strip()
    if path.is_dir():
        raise InputError(f"{where}: is a directory; give a file name")
    if path.exists() and not path.is_file():
        raise InputError(f"{where}: is not a regular file (a FIFO, a device?); give a file name")
    _writable_folder(path.parent, where)


def check_output_dir(path: Path, what: str = "--html-dir") -> None:
    """Refuse an output folder that is a file or cannot be created or written."""
    where = f"{what} {path}".strip()
    if path.exists() and not path.is_dir():
        raise InputError(f"{where}: is a file, expected a folder")
    _writable_folder(path, where)


def _writable_folder(folder: Path, where: str) -> None:
    """Create `folder` if missing and make sure files can be written in it, or say why not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise InputError(f"{where}: a part of the path is a file, not a folder") from None
    except OSError as e:
        raise InputError(f"{where}: cannot create the folder {folder}: {e.strerror}") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(f"{where}: cannot write in {folder}: permission denied")


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename over it: readers never see half a file. The file
    gets the mode a plain open() would give (0666 less the umask; an existing file's mode is kept), not the
    0600 of a temporary file. A failure is an InputError naming the path; the temporary is removed."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            raise IsADirectoryError(21, "Is a directory")
        try:
            mode = path.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        import tempfile  # (and shutil, random) only when a file is written

        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.chmod(tmp, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
        tmp = None
    except OSError as e:
        reason = "a part of the path is a file, not a folder" if isinstance(e, (FileExistsError,
                                                                                NotADirectoryError)) else e.strerror
        raise InputError(f"{path}: cannot write: {reason}") from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
