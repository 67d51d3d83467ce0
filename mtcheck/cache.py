"""A per-user cache of tables built from installed data on first use (word frequencies, gazetteers).

Each file is built once, written to a temporary file and renamed into place, so a process that dies while
building, or two processes building at once, never leave half a file. Its name carries what it was built
from (mtcheck's version and the source data's size and time), so an upgrade builds a new one.

The folder is $MTCHECK_CACHE_DIR, else $XDG_CACHE_HOME/mtcheck, else ~/.cache/mtcheck. When it cannot be
written, callers build the table in memory instead, as they would without a cache: slower, never wrong.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO, TypeVar

from mtcheck import __version__

T = TypeVar("T")


def cache_dir() -> Path:
    if os.environ.get("MTCHECK_CACHE_DIR"):
        return Path(os.environ["MTCHECK_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mtcheck"


def stamp(path: str | os.PathLike[str]) -> str:
    """Size and modification time of a source file: part of the name of what is built from it."""
    st = os.stat(path)
    return f"{st.st_size:x}-{st.st_mtime_ns:x}"


def cached(name: str, build: Callable[[Path], None]) -> Path | None:
    """The cache file `name`, built by build(temporary_path) when missing; None when it cannot be written."""
    folder = cache_dir()
    path = folder / name
    if path.exists():
        return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        import tempfile  # (and shutil, random) only when a file is written

        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
        os.close(fd)
    except OSError:
        return None
    try:
        build(Path(tmp))
        os.replace(tmp, path)
    except OSError:
        return None
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path


def write_replacing(path: str | os.PathLike[str], write: Callable[[BinaryIO], None]) -> None:
    """Write a cache file that processes rewrite as they learn (compiled patterns, generated code): write(f)
    fills a temporary file beside it, which is then renamed over it, so a concurrent reader sees the old file
    or the new one, never half of one. Raises OSError; the temporary file never stays behind."""
    import tempfile

    folder = os.path.dirname(os.fspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(os.fspath(path))}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def open_table(path: Path):
    """A read-only SQLite connection to a cache table. The tables are never written once renamed into place
    (new content gets a new name), so SQLite may treat the file as immutable: no lock and no check for
    changes at each query, which made a lookup of a new word cost 3-4x more."""
    import sqlite3

    db = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                         check_same_thread=False)
    # A page cache that holds the whole table (up to _PAGE_CACHE_KIB): SQLite's default of 2 MB holds under
    # half of the English word table, so the look-ups of a batch's new words, spread over all of it, read
    # most of their pages again (16 us a word against 3 us from the cache; ~40 new words an article). The
    # pages are read as look-ups need them, never all at once (no cost at start-up).
    kib = min(_PAGE_CACHE_KIB, Path(path).stat().st_size // 1024 + 64)
    db.execute(f"PRAGMA cache_size=-{kib}")
    return db


_PAGE_CACHE_KIB = 32 * 1024


def fingerprint(inputs: list[object]) -> str:
    """A short hash of what a table is built from: values as they are, files and folders (one level of
    files) by size and time, so that editing a data file or upgrading a package builds a new table."""
    try:  # CPython's own SHA-1: the same digest as hashlib's, without loading OpenSSL (a tenth of a start-up)
        from _sha1 import sha1
    except ImportError:  # pragma: no cover
        from hashlib import sha1

    h = sha1(__version__.encode())
    for item in inputs:
        if isinstance(item, (str, os.PathLike)) and os.path.isabs(os.fspath(item)):
            path = os.fspath(item)
            if os.path.isdir(path):
                for name in sorted(os.listdir(path)):
                    full = os.path.join(path, name)
                    if os.path.isfile(full):
                        h.update(f"{name}:{stamp(full)};".encode())
            elif os.path.exists(path):
                h.update(f"{path}:{stamp(path)};".encode())
            else:
                h.update(f"{path}:missing;".encode())
        else:
            h.update(repr(item).encode())
        h.update(b"\0")
    return h.hexdigest()[:16]


def load_or_build(name: str, inputs: list[object], build: Callable[[], T]) -> T:
    """build(), pickled into the cache under `name` and the fingerprint of `inputs`, and loaded from there
    by later processes. Only mtcheck's own tables are unpickled, from the user's own cache folder."""
    import pickle

    key = f"{name}-{fingerprint(inputs)}.pickle"
    path = cache_dir() / key
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except FileNotFoundError:
        pass  # not built yet
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        # Unreadable, or pickled from another version of a class: rebuild it. (OSError: no folder to remove
        # it from, the cache's path running through a file: the value is built in memory.)
        with suppress(OSError):
            path.unlink(missing_ok=True)
    value = build()
    cached(key, lambda tmp: tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))
    return value


def _code_and_data() -> str:
    """The fingerprint of mtcheck's analysis code and shipped data: every file of mtcheck/text, mtcheck/lang,
    mtcheck/data and its folders, by name, size and time (~150 stats, once per process). What `persistent`
    keeps is keyed by it, so an edited module or data file, or an upgrade, builds everything again."""
    global _CODE_AND_DATA
    if _CODE_AND_DATA is None:
        try:  # CPython's own SHA-1, as in fingerprint
            from _sha1 import sha1
        except ImportError:  # pragma: no cover
            from hashlib import sha1

        root = os.path.dirname(os.path.abspath(__file__))
        h = sha1(__version__.encode())
        folders = [os.path.join(root, "text"), os.path.join(root, "lang"), os.path.join(root, "data")]
        k = 0
        while k < len(folders):
            with os.scandir(folders[k]) as entries:
                for entry in sorted(entries, key=lambda e: e.name):
                    if entry.is_dir():
                        if entry.name != "__pycache__":
                            folders.append(entry.path)
                    elif entry.is_file():
                        st = entry.stat()
                        h.update(f"{entry.path}:{st.st_size:x}-{st.st_mtime_ns:x};".encode())
            k += 1
        _CODE_AND_DATA = h.hexdigest()[:16]
    return _CODE_AND_DATA


_CODE_AND_DATA: str | None = None


def persistent(fn: Callable[..., T]) -> Callable[..., T]:
    """functools.cache for a table built from shipped data (a pattern of every public figure, the words of
    the places list), whose value is also pickled into the user's cache for later processes: a new process
    loads it instead of building it again. Only for functions whose value depends on nothing but their
    (hashable, repr-stable) arguments, mtcheck's analysis code and its shipped data files, which key the
    stored value (`_code_and_data`); compiled patterns are stored as their pattern text and flags."""
    from functools import wraps

    memo: dict[tuple, T] = {}
    name = f"derived-{fn.__module__.rpartition('.')[2]}.{fn.__qualname__}"

    @wraps(fn)
    def wrapper(*args: object) -> T:
        try:
            return memo[args]
        except KeyError:
            pass
        value = memo[args] = load_or_build(name, [_code_and_data(), repr(args)], lambda: fn(*args))
        return value

    wrapper.cache_clear = memo.clear  # type: ignore[attr-defined]
    return wrapper


def _entries(folder: Path) -> list[tuple[Path, int, float]]:
    """(path, bytes, last used) of each entry of the cache folder: a file, or a folder of files (a converted
    neural model) taken as a whole. Last used: the later of its access and modification times."""
    out = []
    for entry in sorted(folder.iterdir()) if folder.is_dir() else []:
        files = [entry] if not entry.is_dir() else [p for p in entry.rglob("*") if p.is_file()]
        size, used = 0, 0.0
        for p in files:
            try:
                st = p.stat()
            except OSError:
                continue
            size += st.st_size
            used = max(used, st.st_atime, st.st_mtime)
        out.append((entry, size, used))
    return out


def usage(older_than_days: float = 0.0) -> tuple[int, int]:
    """(entries, bytes) in the cache not used for `older_than_days` days (0: all of it)."""
    import time

    limit = time.time() - older_than_days * 86400
    rows = [(size, used) for _, size, used in _entries(cache_dir()) if used <= limit or not older_than_days]
    return len(rows), sum(size for size, _ in rows)


def clean(older_than_days: float = 0.0) -> tuple[int, int]:
    """Remove the cache entries not used for `older_than_days` days (0: every entry), and return (entries,
    bytes) removed. The cache keeps every table it ever built (each upgrade and each edit of a data file
    names new ones); all of them are rebuilt on first use. A file being written (a hidden temporary file)
    less than an hour old is left alone; a process reading a removed table keeps its open copy."""
    import shutil
    import time

    now = time.time()
    limit = now - older_than_days * 86400
    removed, freed = 0, 0
    for entry, size, used in _entries(cache_dir()):
        if older_than_days and used > limit:
            continue
        if entry.name.startswith(".") and now - used < 3600:
            continue
        try:
            if entry.is_dir():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        except OSError:
            continue
        removed, freed = removed + 1, freed + size
    return removed, freed
