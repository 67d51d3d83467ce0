"""mtcheck/recache.py saves a pattern's program with the set of characters its matches can start with, where
re's compiler put none (a pattern opening with a lookbehind or \\b): re's search then skips the other
positions in one loop. The restored pattern must find exactly what re's own compilation finds."""

from __future__ import annotations

import re
import sys
from array import array

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mtcheck import recache

pytestmark = pytest.mark.skipif(not recache._usable(), reason="recache works on CPython 3.11-3.13 only")

# Patterns of the kinds mtcheck compiles: lookbehinds and \b before a class, a trie, a repeat; one under
# re.I with letters (their case partners written out), one whose class holds \w; and patterns that must
# keep re's own program (\w under re.I; a match may be empty; re found a prefix; no class can be read).
_PATTERNS = [
    (r"\b(?:(?P<t>kata|ibu)[\s-]+)?(?:(?:with )?or without|saud)\b", re.I),
    (r"(?<![\w'’-])(?:s(?:aud|uami)|i(?:bu|stri)|k(?:akak|elvin))(?![\w'’-])", re.I),
    (r"(?<![\w'’-])(?:s(?:aud|uami)|i(?:bu|stri)|k(?:akak|elvin))(?![\w'’-])", 0),
    (r"(?:(?<=[^\W_A-Z])|(?<=[%)\]\"”’])|(?<=[.!?] ))[.!?]+[\"'”’»)\]]*(?=[A-Z][a-z]|[\u0621-\u064a])", 0),
    (r"(?<!\d)(?<!\d[.,])\d+(?:[.,]\d+|:\d\d(?!\d))*(?!\d)", 0),
    (r"\b(?:kata|ujar|tutur)nya\b", re.I),
    (r"(?=[A-Z])(?<![\w'’-])[A-Z][\w-]*?(?:\s+[A-Z][\w-]*?)*", 0),
    (r"(?<![\w-])\w+(?:-\w+)*", 0),
    (r"(?<![\w-])\w+(?:-\w+)*", re.I),  # (\w under re.I: its case partners are not written out)
    (r"(?<!x)a*", 0),
    (r"Kyiv|Kiev", 0),
    (r"(?<!a)[^b]c", 0),
]
PIECES = ["with ", "or without", "WITH OR",
          "saud", "SUAMI", "ibu", "İBU", "ıbu", "ſuami", "Kakak", "Kelvin", "Ka", "istri", "x", "-", "’", " ",
          ". ", "! ", "Ab", "Zelensky", "\u0627", "12", "3.5", ",", ":", "kata", "KATAnya", "\n", "%", ")"]


def _restored(pattern: str, flags: int) -> re.Pattern[str]:
    import _sre

    _pattern, _flags, final, code, groups, groupindex, indexgroup = recache._program(pattern, flags)
    return _sre.compile(pattern, final, array("I", code).tolist(), groups, groupindex, indexgroup)


def _mask(compiled: re.Pattern[str], pattern: str, flags: int) -> int:
    _pattern, _flags, _final, code, *_ = recache._program(pattern, flags)
    return array("I", code)[2]  # [INFO, skip, mask, ...]


@given(st.sampled_from(_PATTERNS), st.lists(st.sampled_from(PIECES), max_size=25))
def test_the_restored_pattern_finds_what_re_finds(case: tuple[str, int], pieces: list[str]) -> None:
    pattern, flags = case
    text = "".join(pieces)
    fast, plain = _restored(pattern, flags), re.compile(pattern, flags)
    assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [
        (m.span(), m.groups()) for m in plain.finditer(text)]
    assert fast.sub("#", text) == plain.sub("#", text) and fast.split(text) == plain.split(text)
    assert all(fast.search(text, i) and fast.search(text, i).span() == plain.search(text, i).span()
               if plain.search(text, i) else fast.search(text, i) is None for i in range(len(text) + 1))


def test_a_set_is_added_only_where_re_put_none_and_a_match_consumes_a_character() -> None:
    charset = int(re._constants.SRE_INFO_CHARSET)  # type: ignore[attr-defined]
    for pattern, flags in _PATTERNS[:8]:
        assert _mask(re.compile(pattern, flags), pattern, flags) == charset, pattern
    # a match may be empty; re's own literal prefix; no class can be read (a negated class)
    for pattern, flags in _PATTERNS[8:]:
        code = array("I", recache._program(pattern, flags)[3]).tolist()
        assert code == [int(c) for c in re._compiler._code(re._parser.parse(pattern, flags), flags)], pattern


def test_the_case_partners_of_ascii_are_every_character_re_ignorecase_makes_equal_to_one() -> None:
    """_ASCII_CASE_PARTNERS, checked against every code point of the running Python: a character that
    re.IGNORECASE matches with an ASCII class and that the list lacks would be skipped by the search."""
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    found = set(re.compile(r"[\x00-\x7f]", re.I).findall(everything))
    assert found <= set(recache._ASCII_CASE_PARTNERS)
    assert {"\u0130", "\u0131", "\u017f", "\u212a"} <= found  # (all four are partners: none is spare)
