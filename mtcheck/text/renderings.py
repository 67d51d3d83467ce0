"""Where the translation renders each name word of the source's people: the same letters in a Latin-script
target, a transliteration (Rutte: ルッテ, 吕特, روته) elsewhere. Computed once per article and shared by the
names rules (MT201, MT205, MT206, MT208)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mtcheck.model import Span
from mtcheck.text.article import ArticlePair
from mtcheck.text.entities import LATIN_AFTER, LATIN_BEFORE
from mtcheck.text.name_match import analyse
from mtcheck.text.transliterate import find_names

# A skeleton match at or above this similarity is taken as the name's rendering; calibrated on the dev half
# of the corpora (see docs/quality.md, "Names in Chinese, Japanese and Arabic").
ACCEPT = 0.8


@dataclass(frozen=True)
class NameWord:
    word: str  # a name word of the source ("Rutte", "Volodymyr")
    source: Span  # its first mention in the source
    person: str  # the full name it belongs to
    targets: tuple[Span, ...]  # where the translation renders it


def name_words(pair: ArticlePair) -> list[NameWord]:
    return pair.analysis("name-renderings", _name_words)


def _name_words(pair: ArticlePair) -> list[NameWord]:
    a = analyse(pair)
    words: dict[str, tuple[Span, str]] = {}
    for p in a.people:
        for span in p.spans:
            for m in re.finditer(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", pair.source[span.start:span.end]):
                w = m.group()
                if len(w) >= 3 and w[0].isupper() and w in p.tokens:
                    words.setdefault(w, (Span(span.start + m.start(), span.start + m.end()), p.name))
    if not words:
        return []
    if pair.target_pack.latin_script:
        found = {w: [Span(*m.span()) for m in re.finditer(LATIN_BEFORE + re.escape(w) + LATIN_AFTER, pair.target)]
                 for w in words}
    else:
        found = find_names(pair.target, list(words), pair.target_pack.code, threshold=ACCEPT)
    return [NameWord(w, s, person, tuple(found.get(w, ()))) for w, (s, person) in words.items()]
