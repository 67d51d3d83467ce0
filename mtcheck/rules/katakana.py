"""MT105: an Indonesian word of the source written in katakana in a Japanese translation (untranslated)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz.distance import Levenshtein

from mtcheck.lang.base import data_lines
from mtcheck.model import Category, Finding, Severity, Span
from mtcheck.rules.base import Rule
from mtcheck.text.article import ArticlePair
from mtcheck.text.lexicon import zipf
from mtcheck.text.name_match import analyse
from mtcheck.text.transliterate import romanise

_KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc]{3,}")
_SOURCE_WORD = re.compile(r"(?<![\w-])[a-z]{4,}(?![\w-])")
_KEPT = frozenset(data_lines("id", "kept_terms.txt"))  # bakso, batik, wayang: kept on purpose
# Hepburn spellings back to Indonesian ones (ケセハタン is "kesehatan", チャリ is "cari"), then long vowels
# and doubled consonants (ッ) collapsed: katakana writes both where Indonesian has neither.
_HEPBURN_TO_ID = (("sh", "sy"), ("ch", "c"), ("tsu", "tu"), ("fu", "hu"), ("dzu", "zu"), ("nb", "mb"), ("np", "mp"))
SIMILAR = 0.8  # normalised Levenshtein similarity of the romanised katakana and the Indonesian word
# Or of their consonants alone, for words of four consonants or more: katakana writes the Indonesian schwa
# as u and adds vowels after consonants (クブルシハン, "kuburusihan", is kebersihan).
SIMILAR_CONSONANTS = 0.85
_VOWELS = re.compile(r"[aeiouy]")


def _alike(roman: str, word: str) -> float:
    full = Levenshtein.normalized_similarity(roman, word)
    a, b = _VOWELS.sub("", roman), _VOWELS.sub("", word)
    if len(b) >= 4 and Levenshtein.normalized_similarity(a, b) >= SIMILAR_CONSONANTS:
        return max(full, SIMILAR)
    return full


def _id_spelling(kana: str) -> str:
    s = romanise(kana, "ja")
    for a, b in _HEPBURN_TO_ID:
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)


def _translatable(word: str) -> bool:
    """An ordinary Indonesian word that a translation must translate: frequent in Indonesian, not a loan the
    target writes in katakana too (taksi, video: タクシー and ビデオ are Japanese), not kept on purpose."""
    return word not in _KEPT and zipf(word, "id") >= 3.0 and zipf(word, "en") < 3.0


class IndonesianInKatakana(Rule):
    """An Indonesian word of the source written in katakana in the Japanese translation.

    ## What it does
    Romanises each katakana word of a (Japanese) paragraph that is no common Japanese word (wordfreq) and
    compares it with the ordinary (lower-case, frequent, not an English loan) Indonesian words of the aligned
    source paragraph; a close match ("ケセハタン" for "kesehatan") is an Indonesian word left untranslated in
    Japanese letters. Names are capitalised in the source and never compared.

    ## Why is this bad?
    MT systems transliterate words they do not know; MT101/MT102 look for Latin letters and cannot see them,
    and a Japanese reader cannot understand them.

    ## Example
    Source: Kementerian Kesehatan meminta warga menjaga kebersihan.
    Target: 保健省は住民にクブルシハンを保つよう求めた。

    Use instead:
    Target: 保健省は住民に清潔を保つよう求めた。
    """

    code = "MT105"
    name = "indonesian-in-katakana"
    category = Category.UNTRANSLATED
    default_severity = Severity.MAJOR

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        if not _KATAKANA_RUN.search(pair.target):
            return  # no katakana (any target but Japanese, mostly): nothing to compare, no word to look up
        a = analyse(pair)
        lang = "ja"  # katakana is Japanese, whatever the pack: other scripts have none to look at
        for bead in a.beads:
            if not _KATAKANA_RUN.search(bead.target_text):
                continue  # nothing to compare (every paragraph of a target in another script)
            words: dict[str, tuple[int, int]] = {}  # each word's first place; a Span only for a finding
            for m in _SOURCE_WORD.finditer(pair.source, bead.source.start, bead.source.end):
                if _translatable(m.group()):
                    words.setdefault(m.group(), m.span())
            if not words:
                continue
            for k in _KATAKANA_RUN.finditer(bead.target_text):
                if zipf(k.group(), lang) >= 2.0:
                    continue  # a Japanese word (タクシー, ニュース)
                roman = _id_spelling(k.group())
                best = max(words, key=lambda w: _alike(roman, w))
                if _alike(roman, best) >= SIMILAR:
                    span = Span(bead.target.start + k.start(), bead.target.start + k.end())
                    yield self.finding(f"'{k.group()}' is the Indonesian word '{best}' in katakana, left "
                                       "untranslated", target=span, source=Span(*words[best]), confidence=0.8)
