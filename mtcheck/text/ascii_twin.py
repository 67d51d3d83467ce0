"""A pattern's ASCII twin: on a text of ASCII characters only, the same matches for less work.

re tests its Unicode classes (\\w, \\d, [^\\W\\d_], \\b) on each character through the Unicode database
(isalnum, isdecimal, in several steps each); compiled with re.ASCII the same classes are one table lookup. On
a text whose characters are all ASCII (`str.isascii`, one fast pass) both accept exactly the same characters
(\\w: letters, digits, underscore; \\d: 0-9), so the twin finds the same matches, but for two things that
`twin` refuses: Unicode's \\s also holds U+001C-U+001F, which ASCII's does not, and under re.IGNORECASE the
Unicode pattern lets ſ, K (Kelvin), ı and İ of the pattern match ASCII letters. Literal non-ASCII characters
of a pattern match no character of an ASCII text under either.

Most of mtcheck's texts are ASCII (of NTREX's English translations, 99% of the sentences; of the Indonesian
sources, 87%): the word scans run on every sentence of both sides (0.88x those scans' instructions).
"""

from __future__ import annotations

import re
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

_SPACE_CATEGORIES = frozenset({_c.CATEGORY_SPACE, _c.CATEGORY_NOT_SPACE})


def twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` compiled with re.ASCII: on a text for which `str.isascii()` holds, the same matches (and
    groups) as `pattern`. ValueError for a pattern whose twin could differ there (re.IGNORECASE or re.LOCALE,
    in its flags or inline; \\s or \\S anywhere)."""
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.IGNORECASE | re.LOCALE | re.ASCII):
        raise ValueError(f"no ASCII twin for a pattern with these flags: {pattern.pattern!r}")
    if not _safe(_parser.parse(pattern.pattern, pattern.flags)):
        raise ValueError(f"no ASCII twin for a pattern with \\s, \\S or inline re.I: {pattern.pattern!r}")
    return re.compile(pattern.pattern, (pattern.flags & ~re.UNICODE) | re.ASCII)


def _safe(items) -> bool:
    """No \\s or \\S (alone or in a class) and no inline IGNORECASE in a parsed pattern, at any depth."""
    for op, av in items:
        if op is _c.IN and any(kind is _c.CATEGORY and value in _SPACE_CATEGORIES for kind, value in av):
            return False
        if op is _c.CATEGORY and av in _SPACE_CATEGORIES:  # (re's parse puts these inside IN; to be safe)
            return False
        if op is _c.SUBPATTERN and av[1] & (re.IGNORECASE | re.LOCALE):  # (group, add flags, del flags, sub)
            return False
        if not all(_safe(sub) for sub in _children(op, av)):
            return False
    return True


def _children(op, av) -> list:
    """The sub-patterns of one parsed item."""
    if op is _c.SUBPATTERN:
        return [av[3]]
    if op is _c.BRANCH:
        return list(av[1])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        return [av[2]]
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return [av[1]]
    if op is _c.ATOMIC_GROUP:
        return [av]
    if op is _c.GROUPREF_EXISTS:
        return [sub for sub in av[1:] if sub is not None]
    return []
