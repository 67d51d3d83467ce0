"""The neural analyses of an article pair, from ONE encoder pass over its aligned sentences.

Every aligned source and target sentence (bead) is encoded once per article, batched by length; that one
pass gives (1) a sentence vector per side, whose cosine is the pair's cross-lingual similarity (MT701),
and (2) contextual token vectors at a middle layer, from which clause coverage (MT702, MT703) and word
alignment (SimAlign's argmax, Jalili Sabet et al. 2020) are read without another forward pass.

Clause coverage: for each clause of a sentence (split at commas, semicolons, colons, dashes, brackets and
their CJK and Arabic forms), the mean over its tokens of the best cosine with any token of the aligned
other side. A clause the other side renders somewhere scores high; a clause with no counterpart scores low.
Clause similarity: each clause of a sentence with two or more is also encoded on its own (one more batched
pass over the article's clauses), and its sentence vector compared with the other side's whole sentence.
The two are different evidence: coverage asks whether each token has a match (a replaced clause that shares
function words and a name with the sentence scores well), the clause vector whether the clause as a whole
means part of the other sentence. MT702/MT703 combine them (mtcheck.rules.meaning).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from mtcheck.model import Span
from mtcheck.text.article import ArticlePair, SentencePair
from mtcheck.text.segment import Segment, clause_spans

# A Latin comma breaks a clause only before a space: "Rp20,000" and "3,5" are numbers.
CLAUSE_BREAK = re.compile(r"[,;:]\s+|[，、；：،؛]\s*|\s+[-–—]\s+|\s*[()（）]\s*")
_PUNCT_ONLY = re.compile(r"^[\W_]*$")


@dataclass(frozen=True)
class EncodedSide:
    """One side of an aligned bead, encoded: vectors of the bead and of its content tokens."""
    span: Span  # the bead's text in its article
    vector: np.ndarray
    tokens: np.ndarray  # (n, H), unit length, content tokens without punctuation-only ones
    offsets: tuple[tuple[int, int], ...]  # absolute spans of those tokens


@dataclass(frozen=True)
class SentenceSimilarity:
    """How alike in meaning the two sides of one aligned sentence pair are: the cosine of their sentence
    vectors, and their token coverage (`sentence_coverage`), a second signal from the same pass."""
    pair: SentencePair
    source: Span
    target: Span
    similarity: float
    coverage: float = 1.0


@dataclass(frozen=True)
class ClauseCoverage:
    """How much of one clause the other side of its sentence pair covers."""
    pair: SentencePair
    on_source: bool
    span: Span
    text: str
    coverage: float
    words: int
    similarity: float  # the clause encoded alone, against the other side's sentence vector


@dataclass
class MeaningAnalysis:
    """The neural family's shared analysis of an article: sentences, clauses and their encodings."""
    sentences: list[SentenceSimilarity]
    source_clauses: list[ClauseCoverage]
    target_clauses: list[ClauseCoverage]
    encoded: dict[int, tuple[EncodedSide, EncodedSide]]  # by index into pair.sentence_pairs


def _side(text: str, segs: tuple, encs: list) -> EncodedSide:
    """A bead side from its sentences' encodings: vectors summed by token count (what one pass over the
    joined text would mean-pool, up to attention across the sentence boundary), tokens concatenated."""
    vec = np.zeros_like(encs[0].vector, dtype=np.float64)
    toks, offs = [], []
    for seg, enc in zip(segs, encs):
        vec += max(len(enc.offsets), 1) * enc.vector
        keep = [k for k, (a, b) in enumerate(enc.offsets)
                if b > a and not _PUNCT_ONLY.match(text[seg.start + a:seg.start + b])]
        toks.append(enc.tokens[keep] if keep else np.zeros((0, enc.vector.shape[0]), np.float32))
        offs += [(seg.start + enc.offsets[k][0], seg.start + enc.offsets[k][1]) for k in keep]
    vec /= max(float(np.linalg.norm(vec)), 1e-12)
    return EncodedSide(Span(segs[0].start, segs[-1].end), vec.astype(np.float32), np.concatenate(toks), tuple(offs))


def sentence_encodings(pair: ArticlePair) -> tuple[dict[int, object], dict[int, object]]:
    """Every source and target sentence of the article, encoded once in one batched call (the
    `neural.sentences` analysis), keyed by sentence start offset. The sentence aligner reads it too."""
    src = [s for p in pair.source_segments.paragraphs for s in pair.source_segments.sentences_of(p.paragraph)]
    tgt = [t for p in pair.target_segments.paragraphs for t in pair.target_segments.sentences_of(p.paragraph)]
    encoded = pair.encoder.encode([s.text for s in src] + [t.text for t in tgt]) if src or tgt else []
    return ({s.start: e for s, e in zip(src, encoded[:len(src)])},
            {t.start: e for t, e in zip(tgt, encoded[len(src):])})


def bead_similarity(pair: ArticlePair):
    """Cosine of two runs of sentences, from the sentence encodings, for the sentence aligner."""
    src, tgt = pair.analysis("neural.sentences", sentence_encodings)
    cache: dict[tuple[int, int, int, int], float] = {}

    def similarity(s: Sequence[Segment], t: Sequence[Segment]) -> float:
        key = (s[0].start, s[-1].end, t[0].start, t[-1].end)
        if key not in cache:
            a = sum(max(len(src[x.start].offsets), 1) * src[x.start].vector for x in s)
            b = sum(max(len(tgt[y.start].offsets), 1) * tgt[y.start].vector for y in t)
            cache[key] = float(a @ b / max(float(np.linalg.norm(a) * np.linalg.norm(b)), 1e-12))
        return cache[key]

    return similarity


def encode_beads(pair: ArticlePair) -> dict[int, tuple[EncodedSide, EncodedSide]]:
    """Both sides of every sentence bead with a source and a target, from the sentence encodings (the
    `neural.beads` analysis: computed once per article, however many rules read it)."""
    src, tgt = pair.analysis("neural.sentences", sentence_encodings)
    out = {}
    for i, sp in enumerate(pair.sentence_pairs):
        if sp.source and sp.target:
            out[i] = (_side(pair.source, sp.source, [src[s.start] for s in sp.source]),
                      _side(pair.target, sp.target, [tgt[t.start] for t in sp.target]))
    return out


def clauses(text: str, span: Span) -> list[Span]:
    """The clauses of text[span], trimmed of punctuation and spaces."""
    return [Span(a, b) for a, b in clause_spans(text, span.start, span.end, CLAUSE_BREAK)]


def coverage(side: EncodedSide, clause: Span, other: EncodedSide) -> float | None:
    """Mean over the clause's tokens of the best cosine with any token of the other side."""
    idx = [k for k, (a, b) in enumerate(side.offsets) if a < clause.end and b > clause.start]
    if not idx or not len(other.tokens):
        return None
    sims = side.tokens[idx] @ other.tokens.T
    return float(sims.max(axis=1).mean())


def _clause_candidates(pair: ArticlePair, sp: SentencePair, own: EncodedSide, other: EncodedSide,
                       on_source: bool) -> Iterator[tuple[Span, float, int]]:
    """(clause, coverage, words) of each clause of a sentence that has two or more."""
    text = pair.source if on_source else pair.target
    pack = pair.source_pack if on_source else pair.target_pack
    # Clauses of each sentence of the bead: in a 2-1 bead ("A. B C." rendered "A, and C."), a clause must
    # not run across the sentence end, or B's lost half shares a clause with A's covered tail.
    parts = [c for seg in (sp.source if on_source else sp.target) for c in clauses(text, Span(seg.start, seg.end))]
    if len(parts) < 2:
        return  # a whole sentence is MT701's to judge
    for c in parts:
        cov = coverage(own, c, other)
        if cov is not None:
            yield c, cov, pack.clause_words(text[c.start:c.end])


def token_matches(source: EncodedSide, target: EncodedSide) -> tuple[np.ndarray, np.ndarray]:
    """Per content token of each side of a bead, the best cosine with any token of the other side (the
    source's, then the target's)."""
    if not len(source.tokens) or not len(target.tokens):
        return np.zeros(0, np.float32), np.zeros(0, np.float32)
    sims = source.tokens @ target.tokens.T
    return sims.max(axis=1), sims.max(axis=0)


# Tokens in the window of `sentence_coverage` (about four words): chosen on the English dev half among 4, 6 and
# the whole side, by choose-joint's dev recall (docs/quality.md, round 14).
COVERAGE_WINDOW = 6


def sentence_coverage(source_best: np.ndarray, target_best: np.ndarray, window: int = COVERAGE_WINDOW) -> float:
    """A sentence pair's token coverage at its weakest point: the lowest mean, over `window` consecutive
    tokens of either side, of their best matches on the other side (a side's mean where it has fewer
    tokens; 1.0 for a side with none). A faithful but freely worded pair has a low sentence cosine yet
    every run of tokens finds counterparts; a replaced clause or sentence leaves a run with none. MT701
    reads it as a second, independent signal beside the cosine."""
    low = 1.0
    for best in (source_best, target_best):
        a = np.asarray(best, dtype=np.float64)
        if not len(a):
            continue
        run = a.mean() if len(a) <= window else np.convolve(a, np.ones(window) / window, "valid").min()
        low = min(low, float(run))
    return low


def meaning_analysis(pair: ArticlePair) -> MeaningAnalysis:
    encoded = pair.analysis("neural.beads", encode_beads)
    sentences = []
    pending: list[tuple[SentencePair, bool, Span, float, int, np.ndarray]] = []
    for i, (s, t) in encoded.items():
        sp = pair.sentence_pairs[i]
        sentences.append(SentenceSimilarity(sp, s.span, t.span, float(s.vector @ t.vector),
                                            sentence_coverage(*token_matches(s, t))))
        pending += [(sp, True, c, cov, w, t.vector) for c, cov, w in _clause_candidates(pair, sp, s, t, True)]
        pending += [(sp, False, c, cov, w, s.vector) for c, cov, w in _clause_candidates(pair, sp, t, s, False)]
    texts = [(pair.source if on_src else pair.target)[c.start:c.end] for _, on_src, c, *_ in pending]
    # every clause of the article in one batched call (the encoder sorts them by length)
    vectors = [e.vector for e in pair.encoder.encode(texts)] if texts else []
    src_clauses, tgt_clauses = [], []
    for (sp, on_src, c, cov, w, other_vec), text, vec in zip(pending, texts, vectors):
        (src_clauses if on_src else tgt_clauses).append(
            ClauseCoverage(sp, on_src, c, text, cov, w, float(vec @ other_vec)))
    return MeaningAnalysis(sentences, src_clauses, tgt_clauses, encoded)


@dataclass(frozen=True)
class WordLink:
    """A source word and the translation word whose vectors match it best."""
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
