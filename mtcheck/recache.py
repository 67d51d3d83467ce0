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
import marshal
import os
import re
import sys

_MAX = 1000  # patterns kept; mtcheck compiles about 150 per language (re itself keeps the last 512)
_saved: dict[tuple, tuple] = {}  # key -> program, loaded from the file and not asked for yet
_used: list[tuple] = []  # keys of saved patterns this process asked for, in order
_known: set[tuple] = set()  # every key the file held when this process started
_enabled = False


class _LazyCache(dict):
    """re's pattern cache, which builds a saved pattern from its program only when `re` first asks for it:
    a run restores the few hundred patterns its articles use, not all the file holds."""

    __slots__ = ()

    def __missing__(self, key: tuple) -> object:
        program = _saved.pop(key, None)
        if program is None:
            alias = _alias(key)
            if alias is None:
                raise KeyError(key)
            # The same program under the flags without re.UNICODE, which a str pattern implies: a pattern
            # pickled (mtcheck.cache.persistent) is compiled again under its final flags when loaded.
            compiled = dict.get(self, alias) or self.__missing__(alias)
            self[key] = compiled
            _known.add(key)  # not new: the file holds it under the alias
            return compiled
        import _sre
        from array import array

        pattern, _flags, final_flags, code, groups, groupindex, indexgroup = program
        compiled = _sre.compile(pattern, final_flags, array("I", code).tolist(), groups, groupindex, indexgroup)
        self[key] = compiled
        _used.append(key)
        return compiled


def _alias(key: tuple) -> tuple | None:
    """For a str pattern asked with re.UNICODE (and not re.ASCII, which re refuses with it), the key of the
    same pattern without it: re compiles the two to the same program, since a str pattern is Unicode anyway."""
    kind, pattern, flags = key
    if kind is str and flags & re.UNICODE and not flags & re.ASCII:
        alias = (str, pattern, flags & ~re.UNICODE)
        if alias in _saved or alias in re._cache:
            return alias
    return None


def _usable() -> bool:
    return (sys.implementation.name == "cpython" and (3, 11) <= sys.version_info[:2] <= (3, 13)
            and type(getattr(re, "_cache", None)) is dict and hasattr(re, "_compiler"))


def _path() -> str:
    import _sre

    from mtcheck import __version__
    from mtcheck.cache import cache_dir

    tag = f"{sys.implementation.cache_tag}-{sys.version_info.releaselevel}{sys.version_info.micro}-{_sre.MAGIC}"
    # marshal, not pickle: the file holds only tuples, strings, bytes, ints and dicts, and marshal reads its
    # 3 MB in a third of the time (it is keyed by the exact Python build, whose marshal format it is)
    return os.path.join(cache_dir(), f"regex3-{tag}-mtcheck{__version__}.marshal")


def enable() -> None:
    """Make the saved patterns available to re's cache and save the new ones at exit. Safe to call twice."""
    global _enabled
    if _enabled or not _usable() or os.environ.get("MTCHECK_NO_REGEX_CACHE"):
        return
    _enabled = True
    try:
        with open(_path(), "rb") as f:
            saved = marshal.loads(f.read())
        _saved.update(((str, p[0], p[1]), p) for p in saved if isinstance(p[3], bytes))
    except Exception:
        _saved.clear()
    _known.update(_saved)
    if hasattr(re, "_cache2"):
        # Python 3.12+ takes patterns out of _cache with pop(), which never asks __missing__: restore all.
        lazy = _LazyCache()
        for key in list(_saved):
            re._cache[key] = lazy[key]
    else:
        re._cache = _LazyCache(re._cache)  # re._compile looks the module global up at each call
    atexit.register(_save)


def _program(pattern: str, flags: int) -> tuple:
    """What re._compiler.compile passes to _sre.compile, for this pattern string and flags (the code as the
    bytes of an array: a tenth of the time to unpickle)."""
    from array import array
    from re import _compiler, _parser

    p = _parser.parse(pattern, flags)
    code = array("I", [int(c) for c in _compiler._code(p, flags)]).tobytes()
    indexgroup = [None] * p.state.groups
    for k, i in p.state.groupdict.items():
        indexgroup[i] = k
    return (pattern, flags, flags | p.state.flags, code, p.state.groups - 1, dict(p.state.groupdict),
            tuple(indexgroup))


def _save() -> None:
    """Rewrite the file when this process compiled patterns it did not hold: first those this process used
    (saved ones it asked for, then the new ones), then the rest of the old ones, up to _MAX. A file once
    full keeps serving what runs use now, not what the first runs used."""
    new = [k for k in list(re._cache) if k not in _known and k[0] is str and not k[2] & (re.LOCALE | re.DEBUG)]
    if not new:
        return
    from mtcheck.cache import write_replacing

    try:
        old = {}
        if os.path.exists(_path()):
            with open(_path(), "rb") as f:
                old = {(p[0], p[1]): p for p in marshal.loads(f.read())}
        entries = [old[k[1], k[2]] for k in _used if (k[1], k[2]) in old]
        entries += [_program(pattern, flags) for _, pattern, flags in new[:max(0, _MAX - len(entries))]]
        kept = {(p[0], p[1]) for p in entries}
        entries += [p for k, p in old.items() if k not in kept][:max(0, _MAX - len(entries))]
        write_replacing(_path(), lambda f: marshal.dump(entries, f))
    except Exception:
        return
