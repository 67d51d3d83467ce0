"""Hand-written scans that replaced a regex search in the hot paths of long articles (#14, #17) give what
the regex gave: compared on random text (hypothesis). Speed is scripts/bench.py's business."""

from __future__ import annotations

from hypothesis import given
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
