"""Split an article into paragraphs and sentences, keeping character offsets into the original text."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from mtcheck.model import quick_init

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_NEWLINE = re.compile(r"\n")
# A sentence may end in a terminator followed by closing quotes or brackets.
_LATIN_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
# A terminator glued to the next sentence ("unemployed.The survey", ". .Les chapeaux"), as in corpora pasted
# together and in machine output: after a lower-case letter, a digit or a closing mark, before a capitalised
# word. "LiverpoolFC.com" (lower case after) and "U.S.A" (no lower-case letter after) are not sentence ends.
# Arabic has no capitals: there a terminator glued to an Arabic letter ends the sentence ("في 23 يناير 2020.كما",
# TICO-19's Arabic), which no abbreviation or decimal does.
# The lookahead first (every match starts with a terminator): without it re tried the three look-behinds at
# every character of every paragraph (8x the time, where the regex cache had not saved the pattern's set).
_GLUED_END = re.compile(
    r"(?=[.!?])(?:(?<=[^\W_A-Z])|(?<=[%)\]\"”’])|(?<=[.!?] ))[.!?]+[\"'”’»)\]]*(?=[A-Z][a-z]|[\u0621-\u064a])")
_CLOSERS = "\"'”’»)]"
_OPENERS_AFTER = "\"“‘«([„'"
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
_NEXT_WORD = re.compile(r"[\w'’]+")
_WORD_AT_END = re.compile(r"(?<![\w.])(\w{2,})\s+$")


def _starts_sentence(text: str, at: int, starters: frozenset[str]) -> bool:
    """Is the word at `at` a capitalised function word ("The", "Ia", "Namun")? Such a word after an
    abbreviation or a lone capital letter begins a new sentence; a name after a title does not."""
    m = _NEXT_WORD.match(text, at)
    return bool(m) and m.group()[0].isupper() and m.group().lower() in starters


@quick_init  # (mtcheck/model.py: the fields set through their slots)
@dataclass(frozen=True, slots=True)
class Segment:
    """A paragraph or sentence: [start, end) into the original text, trimmed of edge whitespace."""

    start: int
    end: int
    text: str
    paragraph: int
    index: int  # sentence index within the article (for paragraphs: the paragraph index)

    @property
    def length(self) -> int:
        return self.end - self.start


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def clause_spans(text: str, start: int, end: int, breaks: re.Pattern[str]) -> list[tuple[int, int]]:
    """The clauses of text[start:end] between matches of `breaks`, each trimmed to its first and last
    letter or digit; clauses of punctuation alone are dropped. The break pattern is the caller's: the
    omission rules and the neural clause rules split at different marks."""
    out = []
    pos = start
    for m in [*breaks.finditer(text, start, end), None]:
        a, b = pos, m.start() if m else end
        while a < b and not text[a].isalnum():
            a += 1
        while b > a and not text[b - 1].isalnum():
            b -= 1
        if b > a:
            out.append((a, b))
        if m:
            pos = m.end()
    return out


def split_paragraphs(text: str) -> list[Segment]:
    """Paragraphs are separated by blank lines; a text with no blank line has one paragraph per line."""
    sep = _BLANK_LINE if _BLANK_LINE.search(text) else _NEWLINE
    paragraphs: list[Segment] = []
    pos = 0
    for m in [*sep.finditer(text), None]:
        end = m.start() if m else len(text)
        s, e = _trimmed(text, pos, end)
        if e > s:
            paragraphs.append(Segment(s, e, text[s:e], len(paragraphs), len(paragraphs)))
        if m:
            pos = m.end()
    return paragraphs


def _is_boundary(text: str, end: int, next_start: int, abbreviations: frozenset[str],
                 may_end: frozenset[str] = frozenset(), starters: frozenset[str] = frozenset()) -> bool:
    """Decide whether a terminator ending at `end` closes a sentence, given the next non-space char.
    `may_end` are abbreviations that also close sentences (dll., etc.) and `starters` the language's
    function words: either ends the sentence when a capitalised starter follows."""
    if next_start >= len(text):
        return True
    nxt = text[next_start]
    # The end of text[:end].rstrip(_CLOSERS), all that the tests below read (its last 42 characters): the
    # whole prefix, copied for every full stop, made long articles quadratic.
    k = end
    while k > 0 and text[k - 1] in _CLOSERS:
        k -= 1
    term_stripped = text[max(0, k - 42):k]
    if not term_stripped.endswith("."):
        # ! ? … always end a sentence when followed by something that can start one.
        return nxt.isupper() or nxt.isdigit() or nxt in _OPENERS_AFTER or not nxt.isascii()
    m = _WORD_BEFORE.search(term_stripped[-40:])
    if m:
        word = m.group(1)
        low = word.lower().rstrip(".")
        if low in abbreviations:
            return low in may_end and _starts_sentence(text, next_start, starters)
        if len(word) == 1 and word.isalpha() and word.isupper():
            # An initial ("A. Rahman", "Mark R. Smith"), unless a common word precedes the letter and a
            # function word follows it: "received grade A. The school ...", "Plan B. It failed."
            before = _WORD_AT_END.search(term_stripped[-42:-2])
            return bool(before) and before.group(1).islower() and _starts_sentence(text, next_start, starters)
        if "." in word and all(p.isalpha() and len(p) <= 2 for p in word.split(".") if p):
            return False  # dotted abbreviations such as "U.S." or "a.m."
    return nxt.isupper() or nxt.isdigit() or nxt in _OPENERS_AFTER or not nxt.isascii()


def _sentence_ends(text: str, start: int, end: int, abbreviations: frozenset[str],
                   cjk_terminators: str, may_end: frozenset[str] = frozenset(),
                   starters: frozenset[str] = frozenset()) -> Iterator[int]:
    para = text[start:end]
    # (offset, needs_check): CJK terminators always end a sentence; Latin ones only before a sentence start.
    candidates = [(m.end(), True) for m in _LATIN_END.finditer(para)]
    candidates += [(m.end(), True) for m in _GLUED_END.finditer(para)]
    candidates.sort()
    if cjk_terminators:
        cjk = re.compile(f"[{re.escape(cjk_terminators)}]+[」』”’)）\"]*")
        candidates += [(m.end(), False) for m in cjk.finditer(para)]
        candidates.sort()
    for local_end, needs_check in candidates:
        abs_end = start + local_end
        nxt = abs_end
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            continue
        if not needs_check or _is_boundary(text, abs_end, nxt, abbreviations, may_end, starters):
            yield abs_end


def split_sentences(text: str, paragraph: Segment, first_index: int, abbreviations: frozenset[str],
                    cjk_terminators: str = "", may_end: frozenset[str] = frozenset(),
                    starters: frozenset[str] = frozenset()) -> list[Segment]:
    sentences: list[Segment] = []
    pos = paragraph.start
    ends = [*_sentence_ends(text, paragraph.start, paragraph.end, abbreviations, cjk_terminators, may_end,
                            starters), paragraph.end]
    for cut in ends:
        if cut <= pos:
            continue
        s, e = _trimmed(text, pos, cut)
        if e > s:
            sentences.append(Segment(s, e, text[s:e], paragraph.paragraph, first_index + len(sentences)))
        pos = cut
    return sentences


@quick_init  # (mtcheck/model.py: the fields set through their slots)
@dataclass(frozen=True, slots=True)
class Segmentation:
    """A text's paragraphs and sentences, and each paragraph's sentences."""
    paragraphs: list[Segment]
    sentences: list[Segment]
    by_paragraph: dict[int, list[Segment]]

    def sentences_of(self, paragraph: int) -> list[Segment]:
        return self.by_paragraph.get(paragraph, [])


def segment(text: str, abbreviations: frozenset[str], cjk_terminators: str = "",
            exclude: Callable[[str], bool] | None = None, may_end: frozenset[str] = frozenset(),
            starters: frozenset[str] = frozenset()) -> Segmentation:
    """Segment `text`; paragraphs for which `exclude` is true (boilerplate) are left out of both lists.
    `may_end` and `starters` (see _is_boundary) come from the text's language pack."""
    paragraphs = [p for p in split_paragraphs(text) if not (exclude and exclude(p.text))]
    sentences: list[Segment] = []
    by_paragraph: dict[int, list[Segment]] = {}
    for p in paragraphs:
        by_paragraph[p.paragraph] = split_sentences(text, p, len(sentences), abbreviations, cjk_terminators,
                                                    may_end, starters)
        sentences.extend(by_paragraph[p.paragraph])
    return Segmentation(paragraphs, sentences, by_paragraph)
