"""Shortcuts that skip a search or a computation the result cannot depend on (#14 class 3, #17 items 6-7)
give what the full computation gave: compared on random input (hypothesis) and on examples. Speed is
scripts/bench.py's business."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from mtcheck.rules.added_entity import SourceRuns, _in_source
from mtcheck.text import coreference

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
