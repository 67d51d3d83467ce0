"""Lexical coverage: which content words of an Indonesian text have a translation in a target text.

A bilingual signal for the omission rules where there are no names or numbers to anchor a clause: most
dropped clauses are plain words ("karena hujan deras sejak pagi"), and length alone cannot tell a dropped
five-word clause from a concise translation. The lexicon (`mtcheck/data/lexicon/id-<lang>.tsv`) lists, for
each Indonesian content word, the target tokens it co-occurs with most (Dice coefficient over sentence
pairs; built by `scripts/build_lexicon.py` from the dev half of the corpora and Tatoeba, never from the test
half). A source word is covered when one of its tokens, or the word itself (names, loanwords), is in the
target text.

Target tokens are script-based, so one lexicon format serves every language: Latin and Arabic words cut to
their first letters (inflections and, in Arabic, clitics removed first), and character bigrams of Han and
kana runs (Chinese and Japanese write no spaces).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from mtcheck.cache import persistent
from mtcheck.lang.base import data_exists, data_lines
from mtcheck.memo import per_article
from mtcheck.model import quick_init
from mtcheck.text.ascii_twin import plain, twin
from mtcheck.text.fold import fold

PREFIX = 5  # letters a Latin or Arabic token keeps: election/elections, pemilu is not stemmed
MIN_SOURCE = 3
_SOURCE_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SOURCE_WORD_ASCII = twin(_SOURCE_WORD)  # the same words in an ASCII text (text/ascii_twin.py)
_LATIN = re.compile(r"[a-z\u00c0-\u024f]+")
_ARABIC = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+")
# Han, hiragana, katakana (with the prolonged sound mark): runs that bigrams are cut from.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_HIRAGANA = re.compile(r"^[\u3040-\u309f]+$")
# Arabic proclitics, longest first: wa-/fa- (and), bi-/li-/ka- (in, for, as), al- (the).
_AR_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل")


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(data_lines("id", "stop_words.txt"))


_fold = fold  # the shared folding (mtcheck/text/fold.py): its apostrophe is outside every token class


def source_words(text: str) -> list[str]:
    """The content words of an Indonesian text as the lexicon keys them: lower-cased, the possessive -nya
    removed (rumahnya: rumah), then `stem`med."""
    return [w for _, _, w in source_word_spans(text)]


@per_article(maxsize=4096)
def source_terms(text: str) -> tuple[tuple[str, str], ...]:
    """`source_words`, each with the word as written (lower-cased), for `coverage`. Remembered: the aligner
    and four places of the omission rules ask for the same sentences' terms (~2% of a check)."""
    return tuple((text[a:b].lower(), w) for a, b, w in source_spans(text))


@per_article(maxsize=4096)
def source_spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """`source_word_spans(text)`, remembered: the omission rules ask for a sentence's words with their spans
    after the aligner asked for its terms (the same scan twice per sentence). Offsets are into `text`; a
    sentence's are its offsets into the article less its start, as the word pattern looks at nothing
    outside the match (no lookaround, no anchor)."""
    return tuple(source_word_spans(text))


def source_word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """`source_words` of text[start:end], each with its span in `text`."""
    keys = _KEYS
    out = []
    # (The pattern reads no character outside its match, so only the scanned range must be ASCII; the whole
    # text is asked about where that is the range, as it is for every sentence's own text.)
    scan = _SOURCE_WORD_ASCII if start == 0 and end is None and plain(text) else _SOURCE_WORD
    for m in scan.finditer(text, start, len(text) if end is None else end):
        written = m.group()
        key = keys.get(written, _UNSEEN)
        if key is _UNSEEN:
            key = _key(written)
            if len(keys) >= _MAX_KEYS:  # a bound for long batches; the words of news repeat
                keys.clear()
            keys[written] = key
        if key is not None:
            out.append((m.start(), m.end(), key))
    return out


# A word as written -> its lexicon key (or None: a stop word or too short), remembered: the aligner and the
# omission rules ask for the same sentences' words, and the words of news repeat (stemming each occurrence
# again was ~4% of a check).
_KEYS: dict[str, str | None] = {}
_MAX_KEYS = 200_000
_UNSEEN = object()


def _key(written: str) -> str | None:
    w = written.lower()
    if len(w) > 6 and w.endswith("nya"):
        w = w[:-3]
    if len(w) >= MIN_SOURCE and w not in _stop_words():
        return stem(w)
    return None


# Indonesian affixes, stripped crudely (no dictionary, no sound changes undone): the words of one family then
# share an entry (dijadwalkan, menjadwalkan, jadwal; keputusan, diputuskan), which the corpora's few thousand
# sentence pairs need: most inflected forms occur once or twice.
_PREFIXES = ("meng", "meny", "mem", "men", "me", "di", "ber", "ter", "per", "peng", "pem", "pen", "pe", "ke")
_SUFFIXES = ("kan", "an")
_MIN_STEM = 4


def stem(word: str) -> str:
    """A crude Indonesian stem: one prefix and one suffix off, where four letters remain."""
    if "-" in word:
        return word
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= _MIN_STEM:
            word = word[len(p):]
            break
    for x in _SUFFIXES:
        if word.endswith(x) and len(word) - len(x) >= _MIN_STEM:
            return word[:-len(x)]
    return word


def _arabic_stem(word: str) -> str:
    for p in _AR_PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3:
            word = word[len(p):]
            break
    return word[:PREFIX]


@per_article(maxsize=4096)
def target_tokens(text: str) -> frozenset[str]:
    """The tokens of a target text that the lexicon's entries are written in (remembered, as source_terms)."""
    tokens: set[str] = set()
    folded = _fold(text)
    for w in _LATIN.findall(folded):
        if len(w) >= MIN_SOURCE:
            tokens.add(w[:PREFIX])
    for w in _ARABIC.findall(text):
        if len(w) >= 2:
            tokens.add(_arabic_stem(w))
    for run in _CJK.findall(text):
        if len(run) == 1:
            tokens.add(run)
        for i in range(len(run) - 1):
            gram = run[i:i + 2]
            if not _HIRAGANA.match(gram):  # hiragana pairs are particles and endings
                tokens.add(gram)
    return frozenset(tokens)


@quick_init  # (mtcheck/model.py: the fields set through their slots)
@dataclass(frozen=True, slots=True)
class Coverage:
    """How many source content words the lexicon knows, and how many are translated."""
    known: int  # content words the lexicon has an entry for (or that are written in the target as such)
    covered: int  # of those, how many have a translation in the target text

    @property
    def share(self) -> float:
        return self.covered / self.known if self.known else 1.0


def lexicon(target_lang: str, source_lang: str = "id") -> dict[str, frozenset[str]]:
    """Indonesian word -> the target tokens that translate it; empty where no lexicon ships."""
    # One key for lexicon("ar") and lexicon("ar", "id"): the memo tells the two calls apart, and each loaded
    # the table's pickle (~5 ms of a check into a language with a lexicon).
    return _lexicon(target_lang, source_lang)


@persistent
def _lexicon(target_lang: str, source_lang: str) -> dict[str, frozenset[str]]:
    path = ("lexicon", f"{source_lang}-{target_lang}.tsv")
    if not data_exists(*path):
        return {}
    entries: dict[str, frozenset[str]] = {}
    for line in data_lines(*path):
        word, _, tokens = line.partition("\t")
        entries[word] = frozenset(tokens.split())
    return entries


def coverage(terms: Iterable[tuple[str, str]], tokens: set[str], lex: dict[str, frozenset[str]]) -> Coverage:
    """How many of these source content words (`source_terms`) the lexicon knows, and how many of those the
    target tokens cover (a word written unchanged in the target, a name or a loanword, counts as known and
    covered)."""
    known = covered = 0
    for written, w in terms:
        own = _fold(written)[:PREFIX] in tokens
        entry = lex.get(w)
        if entry is None and not own:
            continue
        known += 1
        covered += own or not entry.isdisjoint(tokens)
    return Coverage(known, covered)


# The aligner's lexical cost (rules-only): a matched bead whose covered share is under EXPECTED_SHARE costs
# LEXICAL_WEIGHT times the gap. On clean dev sentence pairs the share is about 0.75 (en), 0.6 (fr), 0.55 (zh);
# a sentence paired with its neighbour's translation about 0.2: the pairing a dropped sentence leaves
# behind (the wrong neighbour skipped, or the dropped one merged into a 2-1 bead) is priced as such.
EXPECTED_SHARE = 0.6
LEXICAL_WEIGHT = 3.0
MIN_KNOWN = 3  # fewer known words tell nothing: no cost


def lexical_cost(lex: dict[str, frozenset[str]], source_text: str, target_text: str):
    """A `(source segments, target segments) -> cost` function over two texts for the aligner. It runs for
    every bead the aligner tries (about ten per sentence), so each segment's known words (as the pair
    (own prefix, lexicon entry or an empty set)) and tokens are computed once, and a bead's coverage is set
    lookups only."""
    known: dict[int, list[tuple[str, frozenset[str]]]] = {}
    tokens: dict[int, set[str]] = {}
    empty: frozenset[str] = frozenset()

    def words_of(start: int, end: int) -> list[tuple[str, frozenset[str]]]:
        return [(_fold(written)[:PREFIX] if not written.isascii() else written[:PREFIX], lex.get(w, empty))
                for written, w in source_terms(source_text[start:end])]

    def cost(src, tgt) -> float:
        words = known.get(src[0].start)
        if words is None:
            words = known[src[0].start] = words_of(src[0].start, src[0].end)
        for s in src[1:]:
            if s.start not in known:
                known[s.start] = words_of(s.start, s.end)
            words = words + known[s.start]
        if len(words) < MIN_KNOWN:
            return 0.0
        for t in tgt:
            if t.start not in tokens:
                tokens[t.start] = target_tokens(target_text[t.start:t.end])
        ts = tokens[tgt[0].start] if len(tgt) == 1 else set().union(*(tokens[t.start] for t in tgt))
        n = covered = 0
        for own, entry in words:
            if own in ts or not entry.isdisjoint(ts):
                n += 1
                covered += 1
            elif entry:  # known to the lexicon, not translated here (a word neither known nor kept tells nothing)
                n += 1
        if n < MIN_KNOWN:
            return 0.0
        return LEXICAL_WEIGHT * max(0.0, EXPECTED_SHARE - covered / n)

    return cost
