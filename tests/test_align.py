"""Alignment: bead kinds on real sentences, and a band that keeps the work linear."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.lang import get_pack
from mtcheck.text import align as align_mod
from mtcheck.text.align import align, anchors
from mtcheck.text.segment import Segment, segment

ID, EN = get_pack("id"), get_pack("en")

SRC = [
    "Presiden Zelensky juga membela penarikan pasukan Ukraina dari kota Vuhledar awal pekan ini.",
    "Pejabat NATO memperkirakan Rutte akan mempertahankan prioritas pendahulunya, Jens Stoltenberg.",
    "Dalam peran barunya, Rutte menghadapi banyak tantangan.",
]
TGT = [
    "President Zelensky also defended the withdrawal of Ukrainian troops from the city of Vuhledar this week.",
    "NATO officials expect Rutte to maintain the priorities of his predecessor, Jens Stoltenberg.",
    "In his new role, Rutte faces many challenges.",
]


def _kinds(src: list[str], tgt: list[str]) -> list[str]:
    s = segment("\n\n".join(src), ID.abbreviations).paragraphs
    t = segment("\n\n".join(tgt), EN.abbreviations).paragraphs
    return [b.kind for b in align(s, t, 0.91)]


def test_one_to_one() -> None:
    assert _kinds(SRC, TGT) == ["1-1", "1-1", "1-1"]


def test_omitted_source_paragraph() -> None:
    assert _kinds(SRC, [TGT[0], TGT[2]]) == ["1-1", "1-0", "1-1"]


def test_added_target_paragraph() -> None:
    extra = "Analysts called the visit a turning point for the alliance and for the war in Europe."
    assert _kinds(SRC, [TGT[0], extra, TGT[1], TGT[2]]) == ["1-1", "0-1", "1-1", "1-1"]


def test_split_and_merge() -> None:
    split = ["NATO officials expect Rutte to maintain the priorities", "of his predecessor, Jens Stoltenberg."]
    assert _kinds(SRC, [TGT[0], *split, TGT[2]]) == ["1-1", "1-2", "1-1"]
    assert _kinds(SRC, [TGT[0] + " " + TGT[1], TGT[2]]) == ["2-1", "1-1"]


def test_anchors_ignore_separators() -> None:
    assert {"10005", "rutte"} <= anchors("Rutte membayar 1.000,5 juta")
    assert anchors("Presiden Ukraina") == anchors("President Ukrainian")
    assert "10005" in anchors("Rutte paid 1,000.5 million")


def test_band_bounds_the_work() -> None:
    """Cells visited grow with n * band, not n * m: count the matched beads costed on a long article (each
    asks the similarity once; a neutral one, so the alignment is the plain one)."""
    calls = 0

    def counting(src: object, tgt: object) -> float:
        nonlocal calls
        calls += 1
        return 1.0

    sentences = [f"Kalimat nomor {i} tentang Rutte dan NATO di Kyiv." for i in range(400)]
    s = segment(" ".join(sentences), ID.abbreviations).sentences
    t = segment(" ".join(x.replace("Kalimat nomor", "Sentence number") for x in sentences),
                EN.abbreviations).sentences
    beads = align(s, t, 1.0, counting)
    assert [b.kind for b in beads] == ["1-1"] * 400
    assert beads == align(s, t, 1.0)
    band = align_mod.MIN_BAND
    assert 400 <= calls <= 400 * (2 * band + 3) * 3
    assert calls < 400 * 400 * 3 / 10  # a full table would be 400 x 400 cells


def _plain_align(source, target, ratio, similarity=None, band=None, variance=None):
    """align() as it was written before its inner loop was unrolled: every move of _MOVES in turn, with
    _length_cost and _anchor_cost. The unrolled loop must give the same beads and the same costs."""
    from mtcheck.text.align import (
        _MOVES,
        EMBEDDING_WEIGHT,
        MIN_BAND,
        TIE_BREAK,
        VARIANCE_PER_CHAR,
        Bead,
        _anchor_cost,
        _length_cost,
    )

    if variance is None:
        variance = VARIANCE_PER_CHAR / ratio ** 2
    n, m = len(source), len(target)
    if n == 0 or m == 0:
        return [Bead((s,), (), 0.0) for s in source] + [Bead((), (t,), 0.0) for t in target]
    sa_, ta_ = [anchors(s.text) for s in source], [anchors(t.text) for t in target]
    if band is None:
        band = max(MIN_BAND, min(abs(n - m) + 4, 4 * MIN_BAND))
        band = max(band, math.ceil(m / n) // 2 + 2)
    lo = [max(0, math.floor(i * m / n) - band) for i in range(n + 1)]
    hi = [min(m, math.ceil(i * m / n) + band) for i in range(n + 1)]
    sl, tl = [0], [0]
    for seg in source:
        sl.append(sl[-1] + seg.length)
    for seg in target:
        tl.append(tl[-1] + seg.length)
    cost = {(0, 0): 0.0}
    back = {}
    for i in range(n + 1):
        for j in range(lo[i], hi[i] + 1):
            if i == 0 and j == 0:
                continue
            best, best_move = math.inf, -1
            for k, (di, dj, prior) in enumerate(_MOVES):
                pi, pj = i - di, j - dj
                if pi < 0 or not lo[pi] <= pj <= hi[pi] or cost.get((pi, pj), math.inf) == math.inf:
                    continue
                c = cost[pi, pj] + prior + _length_cost(sl[i] - sl[pi], tl[j] - tl[pj], ratio, variance)
                if di and dj:
                    sa = sa_[pi] if di == 1 else sa_[pi] | sa_[pi + 1]
                    ta = ta_[pj] if dj == 1 else ta_[pj] | ta_[pj + 1]
                    c += _anchor_cost(sa, ta)
                    if similarity is not None:
                        c += EMBEDDING_WEIGHT * (1.0 - similarity(source[pi:i], target[pj:j]))
                else:
                    c += TIE_BREAK * ((n - i) if di else (m - j))
                if c < best:
                    best, best_move = c, k
            cost[i, j], back[i, j] = best, best_move
    if cost.get((n, m), math.inf) == math.inf:
        return _plain_align(source, target, ratio, similarity, band=n + m, variance=variance)
    beads = []
    i, j = n, m
    while i > 0 or j > 0:
        di, dj, _ = _MOVES[back[i, j]]
        beads.append(Bead(tuple(source[i - di:i]), tuple(target[j - dj:j]), cost[i, j] - cost[i - di, j - dj]))
        i, j = i - di, j - dj
    return beads[::-1]


def _units(rows: list[list[str]]) -> list[Segment]:
    """One segment per row of words, laid end to end with one space between them."""
    out, pos = [], 0
    for k, words in enumerate(rows):
        text = " ".join(words)
        out.append(Segment(pos, pos + len(text), text, k, k))
        pos += len(text) + 1
    return out


_WORDS = ["Rutte", "NATO", "Kyiv", "2024", "1.000,5", "dan", "the", "pasukan", "troops", "Ukraina", "x", ""]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), max_size=12), min_size=0, max_size=14),
       st.lists(st.lists(st.sampled_from(_WORDS), max_size=12), min_size=0, max_size=14),
       st.sampled_from([1.0, 0.35, 1.3]), st.sampled_from([None, 2.1, 20.0]), st.booleans())
def test_unrolled_loop_equals_the_plain_one(src_words, tgt_words, ratio, variance, neural) -> None:
    """Random units (empty ones too, shared and unshared anchors, skewed lengths): the same beads with the
    same costs, to the last bit, as the plain loop over the moves; with and without a similarity."""
    s, t = _units(src_words), _units(tgt_words)

    def similarity(a, b) -> float:
        return 1.0 / (1 + abs(sum(x.length for x in a) - sum(y.length for y in b)))

    sim = similarity if neural else None
    assert align(s, t, ratio, sim, variance=variance) == _plain_align(s, t, ratio, sim, variance=variance)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), max_size=12), min_size=0, max_size=14),
       st.lists(st.lists(st.sampled_from(_WORDS), max_size=12), min_size=0, max_size=14),
       st.sampled_from([1.0, 0.35, 1.3]), st.sampled_from([None, 2.1]))
def test_similarity_at_most_one_prunes_without_changing_beads(src_words, tgt_words, ratio, variance) -> None:
    """A similarity marked `at_most_one` (the lexicon's: 1 - a cost that is never negative) lets the aligner
    skip 2-1 and 1-2 beads whose prior alone cannot win: the same beads and costs as the plain loop, and
    fewer calls of the similarity."""
    s, t = _units(src_words), _units(tgt_words)
    calls = {"marked": 0, "plain": 0}

    def make(key: str):
        def similarity(a, b) -> float:
            calls[key] += 1
            cost = 1.8 * max(0.0, 0.6 - 1.0 / (1 + abs(sum(x.length for x in a) - sum(y.length for y in b))))
            return 1.0 - cost
        return similarity

    marked = make("marked")
    marked.at_most_one = True
    assert align(s, t, ratio, marked, variance=variance) == _plain_align(s, t, ratio, make("plain"),
                                                                          variance=variance)
    assert calls["marked"] <= calls["plain"]


def test_similarity_at_most_one_is_called_less() -> None:
    """On real sentences the bound saves work: fewer similarity calls than without the mark."""
    sentences = [f"Kalimat nomor {i} tentang Rutte dan NATO di Kyiv." for i in range(60)]
    s = segment(" ".join(sentences), ID.abbreviations).sentences
    t = segment(" ".join(x.replace("Kalimat nomor", "Sentence number") for x in sentences),
                EN.abbreviations).sentences
    calls = {True: 0, False: 0}

    def make(mark: bool):
        def similarity(a, b) -> float:
            calls[mark] += 1
            return 1.0 - 0.5 * abs(len(a) - len(b))
        if mark:
            similarity.at_most_one = True
        return similarity

    assert align(s, t, 1.0, make(True)) == align(s, t, 1.0, make(False))
    assert calls[True] < calls[False]


def test_embedding_similarity_joins_the_cost() -> None:
    """With the neural family on, a meaning cost on matched beads can overrule length: a target sentence of
    the length of two source sentences, but meaning only the first, pairs with the first alone."""
    from mtcheck.text.align import align

    a = Segment(0, 60, "a" * 60, 0, 0)
    b = Segment(61, 121, "b" * 60, 0, 1)
    x = Segment(0, 100, "x" * 100, 0, 0)
    assert [bd.kind for bd in align([a, b], [x], 1.0)] == ["2-1"]

    def similarity(src, tgt) -> float:
        return 0.95 if [s.text[0] for s in src] == ["a"] else 0.3

    assert [bd.kind for bd in align([a, b], [x], 1.0, similarity)] == ["1-1", "1-0"]
