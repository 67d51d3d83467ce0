"""A pattern's ASCII twin: on a plain ASCII text, the same matches for less work.

re tests its Unicode classes (\\w, \\d, \\s, [^\\W\\d_], \\b) on each character through the Unicode database
(isalnum, isdecimal, in several steps each), and under re.IGNORECASE it lower-cases each character through
it too; compiled with re.ASCII the same classes are one table lookup and the case one ASCII step. On a text
of ASCII characters (`str.isascii`, one fast pass) both accept the same characters (\\w: letters, digits,
underscore; \\d: 0-9; one letter case for the other), but for two things:

- Unicode's \\s also holds U+001C-U+001F, ASCII's does not: `plain` requires a text without them (never seen
  in news; four fast searches);
- under re.IGNORECASE the Unicode pattern lets four non-ASCII characters of the pattern match ASCII letters
  (ſ: s, K Kelvin: k, İ and ı: i): `twin` refuses a pattern holding one of them (a literal, or in a range).

Literal non-ASCII characters of a pattern otherwise match no character of an ASCII text under either.
Most of mtcheck's texts are ASCII (of NTREX's English translations, 99% of the sentences; of the Indonesian
sources, 87%), and the scans twinned run on every sentence of both sides (0.78x-0.9x those scans'
instructions on ASCII sentences).
"""

from __future__ import annotations

import re
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

# The non-ASCII characters re.IGNORECASE makes equal to an ASCII letter (recache's _ASCII_CASE_PARTNERS,
# checked there against every code point).
_CASE_PARTNERS = (0x0130, 0x0131, 0x017F, 0x212A)


def plain(text: str) -> bool:
    """Whether `text` is one on which every twin matches as its pattern: ASCII, no U+001C-U+001F."""
    return text.isascii() and "\x1c" not in text and "\x1d" not in text and "\x1e" not in text and (
        "\x1f" not in text)


def twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` compiled with re.ASCII: on a text for which `plain(text)` holds, the same matches (and groups)
    as `pattern`. ValueError for a pattern whose twin could differ there (re.LOCALE; under re.IGNORECASE, in
    its flags or inline, one of ſ K İ ı in it)."""
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.LOCALE | re.ASCII):
        raise ValueError(f"no ASCII twin for a pattern with these flags: {pattern.pattern!r}")
    if not _safe(_parser.parse(pattern.pattern, pattern.flags), bool(pattern.flags & re.IGNORECASE)):
        raise ValueError(f"no ASCII twin for a pattern whose case partners differ: {pattern.pattern!r}")
    return re.compile(pattern.pattern, (pattern.flags & ~re.UNICODE) | re.ASCII)


def _safe(items, ignore_case: bool) -> bool:
    """No re.LOCALE inline, and under re.IGNORECASE (flags or inline) no case partner of an ASCII letter
    among the literals and ranges of a parsed pattern, at any depth."""
    for op, av in items:
        if ignore_case and not _partner_free(op, av):
            return False
        case = ignore_case
        if op is _c.SUBPATTERN:  # (group, add flags, del flags, sub)
            if av[1] & re.LOCALE:
                return False
            case = (ignore_case or bool(av[1] & re.IGNORECASE)) and not av[2] & re.IGNORECASE
        if not all(_safe(sub, case) for sub in _children(op, av)):
            return False
    return True


def _partner_free(op, av) -> bool:
    if op in (_c.LITERAL, _c.NOT_LITERAL):
        return av not in _CASE_PARTNERS
    if op is _c.RANGE:
        return not any(av[0] <= p <= av[1] for p in _CASE_PARTNERS)
    if op is _c.IN:
        return all(_partner_free(kind, value) for kind, value in av)
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
