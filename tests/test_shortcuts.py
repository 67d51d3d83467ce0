"""Shortcuts that skip a search or a computation the result cannot depend on (#14 class 3, #17 items 6-7)
give what the full computation gave: compared on random input (hypothesis) and on examples. Speed is
scripts/bench.py's business."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from mtcheck.rules.added_entity import SourceRuns, _found, _in_source
from mtcheck.text import coreference
from mtcheck.text.alternation import whole_literal
from mtcheck.text.entities import _written_whole

# Pieces of sources and forms: ASCII words in both cases, the four characters re.IGNORECASE maps to ASCII
# letters (İ ı ſ K), other letters with case, digits, hyphens, apostrophes, underscores and spaces.
PIECES = st.sampled_from(["amerika", "Amerika", "AS", "as", "Serikat", "serikat", "China", "-", " ", "  ", "'",
                          "_", "1", "İ", "ı", "ſ", "\u212a", "kong", "Kong", "Hong", "é", "É", "Ω", "ω", "."])
TEXT = st.lists(PIECES, max_size=12).map("".join)


@given(source=TEXT, forms=st.lists(TEXT, max_size=4))
def test_in_source_with_the_runs_is_the_search(source: str, forms: list[str]) -> None:
    assert _in_source(tuple(forms), source, SourceRuns(source)) == _in_source(tuple(forms), source)


def test_in_source_examples() -> None:
    source = "Presiden amerika Serikat dan PM AS-China bertemu di Hong Kong."
    runs = SourceRuns(source)
    for form, found in (("Amerika Serikat", True), ("AS-China", True), ("Hong Kong", True), ("AS-Rusia", False),
                        ("Korea Selatan", False), ("kong", False), ("Serikat dan", True), ("Seri", False)):
        assert _in_source((form,), source, runs) is found
        assert _in_source((form,), source) is found
    # re.IGNORECASE matches the Kelvin sign to k: lower-casing cannot tell, so the search decides
    kelvin = "Hong \u212aong"
    assert _in_source(("hong kong",), kelvin, SourceRuns(kelvin)) is True


# Pieces of Indonesian sentences around the coreference forms: words ending in -nya in any case, the
# pronouns and verbs of saying, digits, underscores, hyphens and letters of other scripts.
FORM_PIECES = st.sampled_from(["rumahnya", "RUMAHNYA", "nya", "anya", "kepadaNya", "katanya", "kata", "ujar",
                               "dia", "Dia", "ia", "beliau", "menurutnya", "menurut", "dirinya", "pihaknya",
                               " ", "-", "_", "1", "é", "ñya", "Ω", ",", ".", "\n", "tutur", "ujarnya"])


BEFORE = {  # the coreference patterns without their lookaheads, and -nya's pattern before round 6
    coreference.SPEECH: re.compile(coreference._SPEECH, re.I),
    coreference.PRONOUN: re.compile(coreference._PRONOUN, re.I),
    coreference.POSSESSIVE: re.compile(r"\b\w{2,}?nya\b", re.I),
}


@given(pieces=st.lists(FORM_PIECES, max_size=14))
def test_coreference_form_patterns_match_as_before(pieces: list[str]) -> None:
    text = "".join(pieces)
    for now, old in BEFORE.items():
        assert [m.span() for m in now.finditer(text)] == [m.span() for m in old.finditer(text)]


@given(source=TEXT, form=TEXT)
def test_found_is_the_search(source: str, form: str) -> None:
    """str.find in the source (lower-cased for a form with a space) answers as the search it replaces."""
    search = re.search(rf"(?<![^\W_]){re.escape(form)}(?![^\W_])", source, re.I if " " in form else 0)
    assert _found(form, source, SourceRuns(source)) is (search is not None)
    assert _found(form, source, None) is (search is not None)


def test_found_examples() -> None:
    source = "Kapolri dari Kepolisian negara Republik Indonesia dan Bank Indonesia-nya; BankIndonesia."
    runs = SourceRuns(source)
    for form, found in (("Kepolisian Negara Republik Indonesia", True), ("bank indonesia", True),
                        ("Negara Republik", True), ("Kepolisian Republik Indonesia", False), ("Bank-Indonesia", False),
                        ("Indonesia-nya", True), ("ank Indonesia", False), ("Bank Indonesia.", False)):
        assert _found(form, source, runs) is found
        assert _found(form, source, None) is found


# Names and the text around them: a name's letters in both cases, pieces that repeat inside a name (so
# that occurrences overlap), apostrophes, hyphens, the right single quote, spaces, dots and other letters.
NAME_PIECES = st.sampled_from(["Ana", "ana", "An", "a", "Diddy", "P.", " ", "-", "'", "’", "_", "1", "é", ".",
                               ",", "Ω"])
NAME_TEXT = st.lists(NAME_PIECES, max_size=14).map("".join)
EDGE = re.compile(r"[\w'-]|’")


@given(text=NAME_TEXT, literal=NAME_TEXT)
def test_whole_literal_is_finditer(text: str, literal: str) -> None:
    pattern = rf"(?<![\w'’-]){re.escape(literal)}(?![\w'’-])"
    assert whole_literal(text, literal, EDGE) == [m.span() for m in re.finditer(pattern, text)]


def test_whole_literal_takes_the_leftmost_occurrence_after_each_match() -> None:
    # "AnaAna Ana": the first "Ana" touches a letter, the one inside "naAna" too; only the last is whole
    assert whole_literal("AnaAna Ana", "Ana", EDGE) == [(7, 10)]
    assert whole_literal("aa aaa aa", "aa", EDGE) == [(0, 2), (7, 9)]
    assert whole_literal("Diddy’s P. Diddy", "Diddy", EDGE) == [(11, 16)]


@given(text=NAME_TEXT, word=NAME_TEXT)
def test_written_whole_is_the_search(text: str, word: str) -> None:
    search = re.search(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text)
    assert _written_whole(word, text) is (search is not None)


@given(text=st.text(alphabet=" \t\n\u00a0\u2028\u3000\x1cab,.", min_size=1).filter(str.split),
       at=st.integers(0, 20))
def test_first_word_is_split(text: str, at: int) -> None:
    pos = min(at, len(text) - 1)
    if text[pos:].split():
        assert coreference._FIRST_WORD.match(text, pos).group(1) == text[pos:].split(maxsplit=1)[0]
