"""The neural analyses of an article pair, from ONE encoder pass over its aligned sentences.

Every aligned source and target sentence (bead) is encoded once per article, batched by length; that one
pass gives (1) a sentence vector per side, whose cosine is the pair's cross-lingual similarity (MT701),
and (2) contextual token vectors at a middle layer, from which clause coverage (MT702, MT703) and word
alignment (SimAlign's argmax, Jalili Sabet et al. 2020) are read without another forward pass.

Clause coverage: for each clause of a sentence (split at commas, semicolons, colons, dashes, brackets and
their CJK and Arabic forms), the mean over its tokens of the best cosine with any token of the aligned
other side. A clause the other side renders somewhere scores high; a clause with no counterpart scores low.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from mtcheck.model import Span
from mtcheck.text.article import ArticlePair, SentencePair

CLAUSE_BREAK = re.compile(r"[,;:，、；：،؛]\s*|\s+[-–—]\s+|\s*[()（）]\s*")
_PUNCT_ONLY = re.compile(r"^[\W_]*$")


@dataclass(frozen=True)
class EncodedSide:
    span: Span  # the bead's text in its article
    vector: np.ndarray
    tokens: np.ndarray  # (n, H), unit length, content tokens without punctuation-only ones
    offsets: tuple[tuple[int, int], ...]  # absolute spans of those tokens


@dataclass(frozen=True)
class SentenceSimilarity:
    pair: SentencePair
    source: Span
    target: Span
    similarity: float


@dataclass(frozen=True)
class ClauseCoverage:
    pair: SentencePair
    on_source: bool
    span: Span
    text: str
    coverage: float
    words: int


@dataclass
class MeaningAnalysis:
    sentences: list[SentenceSimilarity]
    source_clauses: list[ClauseCoverage]
    target_clauses: list[ClauseCoverage]
    encoded: dict[int, tuple[EncodedSide, EncodedSide]]  # by index into pair.sentence_pairs


def _side(text: str, span: Span, enc: object) -> EncodedSide:
    keep = [k for k, (a, b) in enumerate(enc.offsets)
            if b > a and not _PUNCT_ONLY.match(text[span.start + a:span.start + b])]
    toks = enc.tokens[keep] if keep else np.zeros((0, enc.vector.shape[0]), np.float32)
    offs = tuple((span.start + enc.offsets[k][0], span.start + enc.offsets[k][1]) for k in keep)
    return EncodedSide(span, enc.vector, toks, offs)


def encode_beads(pair: ArticlePair) -> dict[int, tuple[EncodedSide, EncodedSide]]:
    """Both sides of every 1-1, 1-2, 2-1 sentence bead, encoded in one batched call (the `neural.beads`
    analysis: computed once per article, however many rules read it)."""
    spans: dict[int, tuple[Span, Span]] = {}
    for i, sp in enumerate(pair.sentence_pairs):
        if sp.source and sp.target:
            spans[i] = (Span(sp.source[0].start, sp.source[-1].end), Span(sp.target[0].start, sp.target[-1].end))
    texts = [pair.source[s.start:s.end] for s, _ in spans.values()]
    texts += [pair.target[t.start:t.end] for _, t in spans.values()]
    encoded = pair.encoder.encode(texts) if texts else []
    n = len(spans)
    out = {}
    for k, (i, (s, t)) in enumerate(spans.items()):
        out[i] = (_side(pair.source, s, encoded[k]), _side(pair.target, t, encoded[n + k]))
    return out


def clauses(text: str, span: Span) -> list[Span]:
    """The clauses of text[span], trimmed of punctuation and spaces."""
    out = []
    pos = span.start
    for m in [*CLAUSE_BREAK.finditer(text, span.start, span.end), None]:
        end = m.start() if m else span.end
        a, b = pos, end
        while a < b and not text[a].isalnum():
            a += 1
        while b > a and not text[b - 1].isalnum():
            b -= 1
        if b > a:
            out.append(Span(a, b))
        if m:
            pos = m.end()
    return out


def coverage(side: EncodedSide, clause: Span, other: EncodedSide) -> float | None:
    """Mean over the clause's tokens of the best cosine with any token of the other side."""
    idx = [k for k, (a, b) in enumerate(side.offsets) if a < clause.end and b > clause.start]
    if not idx or not len(other.tokens):
        return None
    sims = side.tokens[idx] @ other.tokens.T
    return float(sims.max(axis=1).mean())


def _clause_scores(pair: ArticlePair, sp: SentencePair, own: EncodedSide, other: EncodedSide,
                   on_source: bool) -> Iterator[ClauseCoverage]:
    text = pair.source if on_source else pair.target
    pack = pair.source_pack if on_source else pair.target_pack
    parts = clauses(text, own.span)
    if len(parts) < 2:
        return  # a whole sentence is MT701's to judge
    for c in parts:
        cov = coverage(own, c, other)
        if cov is not None:
            yield ClauseCoverage(sp, on_source, c, text[c.start:c.end], cov, pack.count_words(text[c.start:c.end]))


def meaning_analysis(pair: ArticlePair) -> MeaningAnalysis:
    encoded = pair.analysis("neural.beads", encode_beads)
    sentences, src_clauses, tgt_clauses = [], [], []
    for i, (s, t) in encoded.items():
        sp = pair.sentence_pairs[i]
        sentences.append(SentenceSimilarity(sp, s.span, t.span, float(s.vector @ t.vector)))
        src_clauses.extend(_clause_scores(pair, sp, s, t, True))
        tgt_clauses.extend(_clause_scores(pair, sp, t, s, False))
    return MeaningAnalysis(sentences, src_clauses, tgt_clauses, encoded)


@dataclass(frozen=True)
class WordLink:
    source: Span
    target: Span
    similarity: float


def _words(side: EncodedSide, text: str) -> list[tuple[Span, np.ndarray]]:
    """Tokens grouped into words (a word continues while tokens touch without a space between), each
    word's vector the normalised mean of its tokens' (SimAlign's subword averaging)."""
    words: list[tuple[Span, list[int]]] = []
    for k, (a, b) in enumerate(side.offsets):
        while a < b and text[a].isspace():
            a += 1
        if words and words[-1][0].end == a and text[a].isalnum() and not _cjk(text[a]):
            words[-1] = (Span(words[-1][0].start, b), [*words[-1][1], k])
        else:
            words.append((Span(a, b), [k]))
    out = []
    for span, ks in words:
        v = side.tokens[ks].mean(axis=0)
        out.append((span, v / max(float(np.linalg.norm(v)), 1e-12)))
    return out


def _cjk(ch: str) -> bool:
    return "\u3040" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def word_alignment(pair: ArticlePair) -> list[WordLink]:
    """Word links of every encoded sentence bead: a source word and a target word are linked when each is
    the other's most similar word (SimAlign's `argmax`, the intersection of both directions). The
    `neural.word-alignment` analysis; empty when the neural family is off."""
    if pair.encoder is None:
        return []
    links: list[WordLink] = []
    for s, t in pair.analysis("neural.beads", encode_beads).values():
        sw, tw = _words(s, pair.source), _words(t, pair.target)
        if not sw or not tw:
            continue
        m = np.stack([v for _, v in sw]) @ np.stack([v for _, v in tw]).T
        fwd = m.argmax(axis=1)
        bwd = m.argmax(axis=0)
        links.extend(WordLink(sw[i][0], tw[j][0], float(m[i, j])) for i, j in enumerate(fwd) if bwd[j] == i)
    return links


def aligned_target(pair: ArticlePair, source: Span) -> list[WordLink]:
    """The target words linked to source words inside `source` (what renders a name, a pronoun)."""
    links = pair.analysis("neural.word-alignment", word_alignment)
    return [lk for lk in links if lk.source.start < source.end and lk.source.end > source.start]
