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

One thing is added to the program that `re` compiles: where its compiler found no prefix or character set
that every match starts with (a pattern opening with a lookbehind or `\b`, a trie of words behind one),
the saved program carries the set that `alternation.first_class` reads from the pattern (`_with_first_class`).
`re`'s search then skips the positions whose character is not in it in one tight loop instead of starting
the whole pattern at each of them (about half the time of those patterns; 0.90x the instructions of
checking an English article).
The matches are the same: the set holds every character a match can start with.
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
# Keys of the patterns this process compiled that the file did not hold, in the order they were compiled (at
# most _MAX). re keeps only the last 512 patterns in its cache and drops the oldest: in a batch the names'
# patterns of the articles (new in each) pushed out those the modules compile at import, which were then
# never saved, and every later run matched them without their first-character set (a tenth of a check's
# instructions more, and the reason the instruction counts of round 11 moved with the cache's state).
_compiled: dict[tuple, None] = {}
_enabled = False


class _LazyCache(dict):
    """re's pattern cache, which builds a saved pattern from its program only when `re` first asks for it:
    a run restores the few hundred patterns its articles use, not all the file holds."""

    __slots__ = ()

    def __setitem__(self, key: tuple, value: object) -> None:
        # re._compile stores each pattern it compiled; a restored one (__missing__) is stored as known.
        if key not in _known and len(_compiled) < _MAX:
            _compiled[key] = None
        dict.__setitem__(self, key, value)

    def __missing__(self, key: tuple) -> object:
        program = _saved.pop(key, None)
        if program is None:
            alias = _alias(key)
            if alias is None:
                raise KeyError(key)
            # The same program under the flags without re.UNICODE, which a str pattern implies: a pattern
            # pickled (mtcheck.cache.persistent) is compiled again under its final flags when loaded.
            compiled = dict.get(self, alias) or self.__missing__(alias)
            dict.__setitem__(self, key, compiled)
            _known.add(key)  # not new: the file holds it under the alias
            return compiled
        import _sre
        from array import array

        pattern, _flags, final_flags, code, groups, groupindex, indexgroup = program
        try:
            compiled = _sre.compile(pattern, final_flags, array("I", code).tolist(), groups, groupindex,
                                    indexgroup)
        except (RuntimeError, TypeError, ValueError, OverflowError):  # a program _sre refuses: re compiles it
            raise KeyError(key) from None
        dict.__setitem__(self, key, compiled)
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
    return os.path.join(cache_dir(), f"regex4-{tag}-mtcheck{__version__}.marshal")


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
    import _sre
    from array import array
    from re import _compiler, _parser

    p = _parser.parse(pattern, flags)
    indexgroup = [None] * p.state.groups
    for k, i in p.state.groupdict.items():
        indexgroup[i] = k
    groups, groupindex, final_flags = p.state.groups - 1, dict(p.state.groupdict), flags | p.state.flags
    code = [int(c) for c in _compiler._code(p, flags)]
    faster = _with_first_class(pattern, flags, final_flags, code)
    if faster is not code:
        try:  # _sre checks a program's structure; a refused one is saved as re compiled it
            _sre.compile(pattern, final_flags, faster, groups, groupindex, tuple(indexgroup))
            code = faster
        except (RuntimeError, TypeError, ValueError, OverflowError):
            pass
    return (pattern, flags, final_flags, array("I", code).tobytes(), groups, groupindex, tuple(indexgroup))


# Every character that re.IGNORECASE makes equal to an ASCII character: ASCII itself, dotted and dotless i,
# the long s and the Kelvin sign (a test checks this against every code point of the running Python).
_ASCII_CASE_PARTNERS = "".join(map(chr, range(128))) + "\u0130\u0131\u017f\u212a"


def _with_first_class(pattern: str, flags: int, final_flags: int, code: list[int]) -> list[int]:
    """`code` (re's program for the pattern) with the set of characters its matches can start with in its
    INFO block, where re's compiler put none: the set `first_class` reads from the pattern, as re's compiler
    writes the set of a pattern that starts with a character class (`_compile_info`). `code` itself where
    there is no such set: re found a prefix or a set itself, a match can be empty, first_class reads no class,
    or, under re.IGNORECASE, the class holds anything but ASCII letters and signs (whose case partners are
    known: _ASCII_CASE_PARTNERS)."""
    from re import _compiler, _constants, _parser

    from mtcheck.text.alternation import first_class

    info, charset_flag = int(_constants.INFO), int(_constants.SRE_INFO_CHARSET)
    # [INFO, skip, mask, min, max, ...]: no prefix or set (mask 0), and a match consumes a character.
    if len(code) < 5 or code[0] != info or code[2] != 0 or code[3] < 1 or final_flags & re.LOCALE:
        return code
    lookahead = first_class(pattern, flags)
    if not lookahead.startswith("(?=[") or not lookahead.endswith("])"):
        return code
    members = lookahead[4:-2]
    if final_flags & re.IGNORECASE:
        # The characters the lookahead lets through under the pattern's flags, written out: the set in the
        # INFO block is tested on the character as it is, not on its lower case.
        try:
            op, value = _parser.parse(f"[{members}]", final_flags & ~re.IGNORECASE)[0]
        except (re.error, IndexError, TypeError, ValueError):
            return code
        items = [(op, value)] if op is _constants.LITERAL else value if op is _constants.IN else [(None, None)]
        if not all((kind is _constants.LITERAL and value < 128) or (kind is _constants.RANGE and value[1] < 128)
                   for kind, value in items):
            return code
        passed = re.compile(lookahead + "(?s:.)", final_flags).findall(_ASCII_CASE_PARTNERS)
        members, set_flags = "".join(re.escape(c) for c in passed), final_flags & ~re.IGNORECASE
    else:
        set_flags = final_flags
    if not members:
        return code
    # re's compiler writes the INFO block of `[members]` with its set: [INFO, skip, CHARSET, min, max, set...]
    try:
        probe = _compiler._code(_parser.parse(f"[{members}]", set_flags), set_flags)
    except (re.error, RecursionError, TypeError, ValueError):
        return code
    if probe[0] != info or not probe[2] & charset_flag:
        return code
    charset = probe[5:1 + probe[1]]  # the set's opcodes and its FAILURE
    return [info, 4 + len(charset), charset_flag, code[3], code[4], *charset, *code[1 + code[1]:]]


def _save() -> None:
    """Rewrite the file when this process compiled patterns it did not hold: first those this process used
    (saved ones it asked for, then the new ones), then the rest of the old ones, up to _MAX. A file once
    full keeps serving what runs use now, not what the first runs used."""
    # What _program needs, imported before the new patterns are listed: the patterns its import compiles
    # are then saved too, and not new again at the next save.
    import mtcheck.text.alternation  # noqa: F401

    # Those compiled first first (the modules' own), then any other re's cache holds (Python 3.12+, where
    # re's cache is not this module's and _compiled stays empty).
    candidates = dict.fromkeys([*_compiled, *list(re._cache)])
    new = [k for k in candidates if k not in _known and k[0] is str and not k[2] & (re.LOCALE | re.DEBUG)]
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
