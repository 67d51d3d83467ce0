"""text/alternation.py writes a long alternation of words as a trie (#14, #17: the gazetteer, number-word and
person-noun patterns were the costliest searches of a long article). The trie must match exactly what the
plain alternation matches, in every context a caller puts it in: compared here on random words and texts."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from mtcheck.text.alternation import alternation, plain

# Letters that share a prefix often, both cases, accented letters, a space and a hyphen.
WORD = st.text(alphabet="abAB é-", min_size=1, max_size=6).filter(lambda w: w.strip() == w and w.strip())
TEXT = st.text(alphabet="abAB éÉ-x\n", max_size=60)
# What callers put around the alternation: word boundaries, an optional suffix, a repetition with a joiner.
CONTEXTS = [
    "(?<![\\w-])(?:{})(?![\\w-])",
    "(?:{})",
    "\\b(?:{})(?:nya)?\\b",
    "(?:{0})(?:[\\s-]+(?:{0}))*(?!\\w)",
]


def _spans(pattern: str, text: str, flags: int) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text, flags)]


@given(words=st.lists(WORD, min_size=1, max_size=25, unique=True), text=TEXT, context=st.sampled_from(CONTEXTS),
       ignore_case=st.booleans(), spaces=st.booleans())
def test_the_trie_matches_what_the_plain_alternation_matches(words: list[str], text: str, context: str,
                                                             ignore_case: bool, spaces: bool) -> None:
    words.sort(key=len, reverse=True)  # longest first, as every caller orders them
    flags = re.I if ignore_case else 0
    trie = context.format(alternation(words, ignore_case=ignore_case, spaces=spaces))
    both = context.format(plain(words, spaces=spaces))
    assert _spans(trie, text, flags) == _spans(both, text, flags)


@given(words=st.lists(WORD, min_size=1, max_size=15, unique=True), text=TEXT)
def test_a_tail_per_word(words: list[str], text: str) -> None:
    words.sort(key=len, reverse=True)

    def tail(w: str) -> str:
        return "(?![a-z])" if len(w) % 2 else "\\b"

    trie = f"(?:{alternation(words, tail=tail)})"
    assert _spans(trie, text, 0) == _spans(f"(?:{plain(words, tail=tail)})", text, 0)


def test_shares_prefixes_and_keeps_the_longer_word_first() -> None:
    pattern = alternation(["dua puluh", "duabelas", "dua"], spaces=True)
    assert pattern == "dua(?:\\s+puluh|belas|)"
    assert re.match(pattern, "dua  puluh").group() == "dua  puluh"
    assert re.match(pattern, "dua pul").group() == "dua"


def test_falls_back_to_the_plain_alternation_where_a_trie_would_differ() -> None:
    # a shorter word before a longer one it begins: the plain alternation prefers the shorter
    assert alternation(["dua", "dua puluh"]) == plain(["dua", "dua puluh"])
    assert re.match(alternation(["dua", "dua puluh"]), "dua puluh").group() == "dua"
    # a letter with case-insensitive equivalents outside its own case pair (long s, Kelvin sign)
    assert alternation(["ſa", "sb"], ignore_case=True) == plain(["ſa", "sb"])
    assert alternation([]) == ""


_PATTERNS = [r"(?<!\d)(?<!\d[.,])\d+(?:[.,]\d+|:\d\d(?!\d))*(?!\d)", r"(?<![\w-])noon(?![\w-])",
             r"(?:(?<=[^\W_A-Z])|(?<=[.!?] ))[.!?]+", r"(?:(?<=a)|b)\d", r"(?:(?<=a)|)x", r"(?:ab)?c\d",
             r"\b(?:(?P<t>a|b\d)[\s-]+)?(?P<o>c|d)\b", r"(?:a?)?b", r"(?:x )?(?:a|e)*b", r"\S+", r"(?<!\d)\D\d",
             r"\b(?:ab|c[de])+x?", r"(?:a|\w+)x", r"(?:a)?b", r"[^a]b", r"(?=a)\w|b", r"ſo|s\d"]


@given(st.sampled_from(_PATTERNS), st.booleans(),
       st.lists(st.sampled_from(["a", "b", "c", "d", "e", "x", "1", "2", ".", ",", ":", "-", " ", "noon", "NOON",
                                 "S", "ſ", "K", "é"]), max_size=20))
def test_first_class_lookahead_changes_no_match(pattern: str, ignore_case: bool, pieces: list[str]) -> None:
    from mtcheck.text.alternation import first_class

    flags = re.I if ignore_case else 0
    text = "".join(pieces)
    fast = re.compile(first_class(pattern, flags) + pattern, flags)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in re.finditer(pattern, text, flags)]


def test_first_class_reads_the_first_consumed_character() -> None:
    from mtcheck.text.alternation import first_class, first_letters

    assert first_class(r"(?<!\d)(?<!\d[.,])\d+") == r"(?=[\d])"
    assert first_class(r"\b(?:ab|c)") == "(?=[ac])"
    assert first_class(r"(?:a)?b") == "(?=[ab])" and first_class(r"[^a]b") == ""
    # a group of lookbehinds is passed over (the sentence end); one alternative that consumes is not
    assert first_class(r"(?:(?<=[^\W_A-Z])|(?<=[.!?] ))[.!?]+") == r"(?=[\.!\?])"
    assert first_class(r"(?:(?<=a)|b)\d") == "" and first_class(r"(?:(?<=a)|)x") == ""
    # an optional item: its first character or that of what follows; none read where all may be empty
    assert first_class(r"\b(?:(?:with )?or without)") == "(?=[wo])"
    assert first_class(r"(?:a?)?b") == "" and first_class(r"(?:ab)?") == ""
    assert first_letters(["two", "three", "one"]) == "(?=[ot])" and first_letters(["a", ""]) == ""


@given(st.lists(st.sampled_from(["Rutte", "Rut", "Palin", "Pal", "Jo", "X1", "é"]), min_size=1, max_size=5),
       st.lists(st.sampled_from(["Rutte", "Rut", "Palin", "Pal", "Jo", "X1", "é", "te", " ", "-", "'", "’", ".",
                                 "_", "a", "\n"]), max_size=20),
       st.sampled_from([r"[\w-]", r"[\w'-]"]))
def test_whole_words_match_as_the_alternation(words: list[str], pieces: list[str], cls: str) -> None:
    """The article's names found by looking up whole runs of word characters, without compiling the
    alternation: the same matches as `(?<![X])(?:words)(?![X])`."""
    from mtcheck.text.alternation import whole_words

    text = "".join(pieces)
    tokens = re.compile(rf"(?<!{cls})\w+(?!{cls})")
    regex = re.compile(rf"(?<!{cls})(?:" + alternation(sorted(set(words), key=len, reverse=True)) + rf")(?!{cls})")
    hits = whole_words(text, words, tokens)
    assert hits is not None
    assert [(m.span(), m.group()) for m in hits] == [(m.span(), m.group()) for m in regex.finditer(text)]
    assert whole_words(text, ["O'Neil"], tokens) is None and whole_words(text, [], tokens) is None
