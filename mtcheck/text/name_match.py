"""The names of one article pair: source entities and people, and what each aligned target paragraph
calls them. Computed once per article and shared by the MT2xx rules (and the pronoun rules)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from mtcheck.model import Span
from mtcheck.text.article import ArticlePair
from mtcheck.text.entities import (
    Gazetteer,
    Mention,
    Person,
    family_names_of_places,
    find_mentions,
    find_people,
    gazetteer,
    is_latin,
    latin_word_matches,
)
from mtcheck.text.source_names import name_words

# Institution-like phrases in English text ("Ministry of Communication and Trade"), to spot a wrong rendering
# that no gazetteer knows. Per target language: this is the English one.
_INSTITUTION_PHRASE = {
    "en": re.compile(
        r"(?:(?:(?!The\b|A\b|An\b)[A-Z][\w-]+\s+){0,3}(?:Ministry|Agency|Commission|Council|Court|Office|Authority|Board|Bureau)"
        r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]+(?:,?\s+(?:and\s+|&\s+)?[A-Z][\w-]+)*)?)"),
}


@dataclass
class Bead:
    """One aligned paragraph group that has both sides."""

    source: Span
    target: Span
    target_text: str


@dataclass
class NameAnalysis:
    """An article's names: gazetteer mentions, people and their alignment."""
    g: Gazetteer
    mentions: list[Mention]
    people: list[Person]
    beads: list[Bead]
    target_mentions: list[Mention]
    institution_phrases: list[tuple[Span, str]] = field(default_factory=list)
    _starts: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)

    def bead_of(self, span: Span, side: str = "source") -> Bead | None:
        # Bisection over the beads' starts (a scan per mention was quadratic in a long article). The beads'
        # areas follow the text without overlapping on both sides (the alignment is monotone); were they ever
        # not, scan them as before.
        starts = self._starts.get(side)
        if starts is None:
            areas = [b.source if side == "source" else b.target for b in self.beads]
            ordered = all(x.end <= y.start for x, y in pairwise(areas))
            starts = self._starts[side] = [a.start for a in areas] if ordered else []
        if not starts:
            for b in self.beads:
                area = b.source if side == "source" else b.target
                if area.start <= span.start < area.end:
                    return b
            return None
        i = bisect.bisect_right(starts, span.start) - 1
        if i < 0:
            return None
        for j in range(bisect.bisect_left(starts, starts[i]), i + 1):  # equal starts: only empty areas before
            b = self.beads[j]
            area = b.source if side == "source" else b.target
            if area.start <= span.start < area.end:
                return b
        return None

    def beads_once(self, mentions: Iterable[Span]) -> Iterator[tuple[Span, Bead]]:
        """Each aligned bead that holds one of `mentions` (source spans), once, with the first mention in it:
        the garbled-name searches judge a paragraph's target once however often the source names the word."""
        seen: set[int] = set()
        for m in mentions:
            bead = self.bead_of(m)
            if bead is not None and bead.source.start not in seen:
                seen.add(bead.source.start)
                yield m, bead


def analyse(pair: ArticlePair) -> NameAnalysis:
    return pair.analysis("names", _analyse)


def _analyse(pair: ArticlePair) -> NameAnalysis:
    g = gazetteer(pair.target_pack.code, pair.glossary)
    is_name = name_words(pair).is_name
    # ("Jenderal Badrodin Haiti": a family name, no country; MT2xx asks no rendering of Haiti for it.)
    mentions = family_names_of_places(pair.source, find_mentions(pair.source, g), is_name)
    people = find_people(pair.source, mentions, pair.source_pack.code, pair.target_pack.code, is_name)
    beads = []
    for b in pair.paragraph_beads:
        if b.source and b.target:
            t = Span(b.target[0].start, b.target[-1].end)
            beads.append(Bead(Span(b.source[0].start, b.source[-1].end), t, pair.target[t.start:t.end]))
    target_mentions = find_mentions(pair.target, g, g.target_pattern)
    phrases = []
    pattern = _INSTITUTION_PHRASE.get(pair.target_pack.code)
    if pattern:
        phrases = [(Span(*m.span()), m.group()) for m in pattern.finditer(pair.target)]
    return NameAnalysis(g, mentions, people, beads, target_mentions, phrases)


def contains(text: str, phrase: str, ignore_case: bool = False) -> re.Match[str] | None:
    if not is_latin(phrase):  # 荷兰, هولندا: no word boundaries to rely on
        return re.search(re.escape(phrase), text)
    # The first of latin_word_matches, as the match re.search(LATIN_BEFORE + phrase + LATIN_AFTER) would give.
    start = next((i for i, _ in latin_word_matches(text, phrase, ignore_case)), None)
    return None if start is None else re.compile(re.escape(phrase), re.I if ignore_case else 0).match(text, start)


def rendered(text: str, mention: Mention) -> re.Match[str] | None:
    """The first accepted rendering of the mention found in `text`: a rendering, or a kept acronym."""
    e = mention.entry
    for r in e.renderings:
        m = contains(text, r, ignore_case=len(r.split()) > 1)
        if m:
            return m
    if e.keep_acronym:
        for form in e.source_forms:
            if form.isupper() and (m := contains(text, form)):
                return m
    return None
