"""Hand-written scans that replaced a regex search in the hot paths of long articles (#14, #17) give what
the regex gave: compared on random text (hypothesis). Speed is scripts/bench.py's business."""

from __future__ import annotations

import functools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.rules.names import _LEFT, _left_word

PIECES = st.sampled_from(["a", "B", "1", "_", "-", ".", " ", "\n", "\t", "é", "Jean", "-\n", "  "])


@given(pieces=st.lists(PIECES, max_size=14), data=st.data())
def test_left_word_is_the_regex_search(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    lo = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(lo, len(text)))
    m = _LEFT.search(text, lo, end)
    assert _left_word(text, lo, end) == (m.group(1) if m else "")


def test_left_word_examples() -> None:
    assert _left_word("Donald Trump", 0, 7) == "Donald"
    assert _left_word("Mark R. Smith", 0, 8) == "R"
    assert _left_word("Jean-Pierre", 0, 5) == "Jean"
    assert _left_word("kata  ", 2, 6) == "ta"
    assert _left_word("said, Trump", 0, 6) == ""


_NEGATION_PIECES = ["not", "no", "un", "unable", "n't", "don't", "can", "cannot", "without", "less", "-free",
                    "never", "nevertheless", "in", "impossible", "tidak", "tak", "bukan", "belum", "ne", "pas",
                    "n'", "jamais", "sans", "لا", "لم", "غير", "不", "没有", "ない", "ず", "ever", "Un", "NOT",
                    "Tidak", " ", "  ", "-", "'", "’", ".", ",", "2", "x", "a", "e", "s",
                    # optional first items and lookbehinds (round 8): their first letters are read past
                    "paling", "sedikit", "yang", "akan", "فشل", "وفشل", "ب", "و", "l’", "qu’", "absence", "personne",
                    "aucun", "keep", "from", "is", "was", "did", "不会", "将", "ません", "では", "ولا", "تزال", "يقل"]


@functools.cache
def _negation_pairs(lang: str) -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """(plain alternation, the dispatched pattern text/negation.py compiles) for each field of a language."""
    from mtcheck.lang.base import data_toml
    from mtcheck.text import negation

    data = data_toml(lang, "negation.toml")
    words = bool(data.get("words", True))
    start = negation._B_ELIDED if data.get("elision") else negation._B
    out = []
    for field in ("strong", "soft", "not_negation", "double", "idioms"):
        if not data.get(field):
            continue
        ordered = sorted(data[field], key=len, reverse=True)
        parts = [f"(?:{p}){'' if p.rstrip(')').endswith(negation._ELIDED) else negation._E}" if words
                 else f"(?:{p})" for p in ordered]
        plain = re.compile(f"{start}(?:{'|'.join(parts)})" if words else "|".join(parts), re.IGNORECASE)
        out.append((plain, negation._compile(data[field], words, "test", start)))
    return out


@settings(deadline=None, max_examples=150)
@given(st.lists(st.sampled_from(_NEGATION_PIECES), max_size=30), st.sampled_from(["id", "en", "fr", "zh", "ja", "ar"]))
def test_negation_patterns_dispatched_by_letter_match_as_the_plain_ones(pieces: list[str], lang: str) -> None:
    """MT704's scans dispatch on the next letter (text/negation.py `_by_first_letter`): every pattern of every
    language finds the same matches as the plain alternation of its patterns."""
    text = "".join(pieces)
    for plain, fast in _negation_pairs(lang):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_negation_dispatch_is_used_and_falls_back() -> None:
    from mtcheck.text import negation

    assert "(?=[n])" in negation._compile(["not", "never", "no"], True, "test").pattern
    # a capturing group (it would be repeated) and a first letter with extra case forms keep the plain pattern
    assert "(?=[" not in negation._compile(["(n)ot", "never"], True, "test").pattern
    assert "(?=[" not in negation._compile(["ſo", "never"], True, "test").pattern
    assert negation._first_chars(list(negation._sre_parser.parse("(?:in|im)x|un\\w+", 2))) == {"i", "u"}
    assert negation._first_chars(list(negation._sre_parser.parse("\\w+n't", 2))) is None
    assert negation._first_chars(list(negation._sre_parser.parse("[wf]?la", 2))) == {"w", "f", "l"}
    assert negation._first_chars(list(negation._sre_parser.parse("(?<!paling )sedikit", 2))) == {"s"}
    assert negation._first_chars(list(negation._sre_parser.parse("x?\\w", 2))) is None


def _scanners() -> list[re.Pattern[str]]:
    from mtcheck.rules import names, omission, roles
    from mtcheck.text import align, pronouns, source_names

    return [align._CAPITALISED, source_names._MID_SENTENCE, source_names._LOWER, omission._CAPITALISED,
            names._CAP_WORD, names._NAME_TOKEN, pronouns._CAPITALISED, roles._NAME]


@settings(deadline=None)
@given(st.lists(st.sampled_from(["A", "b", "Jo", "x", "É", "é", "1", "_", "-", "'", "’", ",", ";", ")", " ",
                                 "\n", "Rutte", "de", "O'Neil", "s"]), max_size=24))
def test_first_letter_lookaheads_change_no_match(pieces: list[str]) -> None:
    """The whole-text word scans start with a lookahead for their first letter's class, ahead of their
    lookbehinds: the same matches as the pattern without it."""
    text = "".join(pieces)
    for fast in _scanners():
        head = re.match(r"\(\?=\[[^\]]+\]\)", fast.pattern)
        assert head, fast.pattern
        plain = re.compile(fast.pattern[head.end():], fast.flags)
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
