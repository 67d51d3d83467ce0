"""A persistent cache of compiled regular expressions, so that a new process does not parse them again.

mtcheck's rules and language data compile about 150 patterns, some of them alternations of a thousand
names; parsing and compiling them costs each new process about 0.1 s, more than checking an article. This
module saves what CPython's `re` compiled (the pattern, its flags and the compiled program) in the user's
cache (mtcheck.cache) when the process ends, and puts it back into `re`'s own pattern cache when the next
one starts: re.compile, re.search and friends then find the pattern compiled, in every module, unchanged.

It relies on CPython internals (`re._cache`, `re._compiler`, `_sre.compile`), so it is keyed by the exact
Python build and the regex engine's MAGIC, checks that those internals look as expected, and otherwise
does nothing: `re` compiles as it always does. A pattern is rebuilt only from the program compiled by the
same Python for the same pattern string and flags, so a cached pattern is the pattern `re` would compile.
"""

from __future__ import annotations

import atexit
import os
import pickle
import re
import sys

_MAX = 1000  # patterns kept; mtcheck compiles about 150 per language (re itself keeps the last 512)
_loaded: set[tuple] = set()
_enabled = False


def _usable() -> bool:
    return (sys.implementation.name == "cpython" and (3, 11) <= sys.version_info[:2] <= (3, 13)
            and isinstance(getattr(re, "_cache", None), dict) and hasattr(re, "_compiler"))


def _path() -> str:
    import _sre

    from mtcheck import __version__
    from mtcheck.cache import cache_dir

    tag = f"{sys.implementation.cache_tag}-{sys.version_info.releaselevel}{sys.version_info.micro}-{_sre.MAGIC}"
    return os.path.join(cache_dir(), f"regex-{tag}-mtcheck{__version__}.pickle")


def enable() -> None:
    """Load the saved patterns into re's cache and save the new ones at exit. Safe to call twice."""
    global _enabled
    if _enabled or not _usable() or os.environ.get("MTCHECK_NO_REGEX_CACHE"):
        return
    _enabled = True
    import _sre

    try:
        with open(_path(), "rb") as f:
            saved = pickle.load(f)
        for pattern, flags, final_flags, code, groups, groupindex, indexgroup in saved:
            key = (str, pattern, flags)
            if key not in re._cache:
                re._cache[key] = _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)
            _loaded.add(key)
    except Exception:
        _loaded.clear()
    atexit.register(_save)


def _program(pattern: str, flags: int) -> tuple:
    """What re._compiler.compile passes to _sre.compile, for this pattern string and flags."""
    from re import _compiler, _parser

    p = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(p, flags)]
    indexgroup = [None] * p.state.groups
    for k, i in p.state.groupdict.items():
        indexgroup[i] = k
    return (pattern, flags, flags | p.state.flags, code, p.state.groups - 1, dict(p.state.groupdict),
            tuple(indexgroup))


def _save() -> None:
    new = [k for k in list(re._cache) if k not in _loaded and k[0] is str and not k[2] & (re.LOCALE | re.DEBUG)]
    if not new or len(_loaded) >= _MAX:
        return
    import tempfile

    try:
        entries = []
        if _loaded:
            with open(_path(), "rb") as f:
                entries = pickle.load(f)
        # The saved patterns first: those compiled for every article (rules, language data) came with the
        # first run; patterns of one article's names only fill what room is left.
        entries += [_program(pattern, flags) for _, pattern, flags in new[:max(0, _MAX - len(entries))]]
        folder = os.path.dirname(_path())
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".regex.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(entries, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, _path())  # atomic: a concurrent reader sees the old file or the new one
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except Exception:
        return
