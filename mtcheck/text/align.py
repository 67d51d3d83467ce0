"""Length- and anchor-based alignment (Gale & Church 1993, plus shared numbers and names), banded so that
cost grows linearly with the number of units.

Used twice: paragraphs first, then sentences inside each aligned paragraph group. Beads are 1-1, 1-2, 2-1,
1-0 (omitted in the target) and 0-1 (added in the target).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from mtcheck.model import quick_init
from mtcheck.text.ascii_twin import plain, twin
from mtcheck.text.segment import Segment

# Gale & Church's priors for bead types; -log taken once.
_MOVES: tuple[tuple[int, int, float], ...] = (
    (1, 1, -math.log(0.89)),
    (1, 0, -math.log(0.0099 / 2)),
    (0, 1, -math.log(0.0099 / 2)),
    (2, 1, -math.log(0.089 / 2)),
    (1, 2, -math.log(0.089 / 2)),
)
# Gale & Church's s^2 (their English-French/German value) in target characters: by default a bead's length
# cost uses it, whatever the language. ArticlePair passes each language pair's own spread instead (see
# LengthNorms in article.py, measured by scripts/calibrate_length.py), expressed in source characters.
VARIANCE_PER_CHAR = 6.8
ANCHOR_WEIGHT = 3.0
ANCHOR_PREFIX = 5
SKIP_CHARS = 50
TIE_BREAK = 1e-6
MIN_BAND = 12  # beads searched on either side of the length-scaled diagonal
# With the neural family on, a matched bead also costs EMBEDDING_WEIGHT * (1 - cosine of its two sides), as in
# Vecalign and Bertalign: clean 1-1 pairs score about 0.9 (cost 2), a wrong pairing about 0.75 (cost 5).
EMBEDDING_WEIGHT = 20.0
Similarity = Callable[[Sequence[Segment], Sequence[Segment]], float]
# The prior of a skipped unit (1-0 or 0-1), for beads that may absorb one (see `absorb` in align()).
_SKIP_PRIOR = -math.log(0.0099 / 2)

_NUMBER = re.compile(r"\d[\d.,]*")
_CAPITALISED = re.compile(r"(?=[A-Z])\b[A-Z][\w-]{2,}")  # the lookahead first: one step per other position
_CAPITALISED_ASCII = twin(_CAPITALISED)  # the same words in an ASCII text (text/ascii_twin.py)


def anchors(text: str) -> frozenset[str]:
    """Tokens that survive translation nearly unchanged: digit strings (separators dropped) and capitalised
    words cut to ANCHOR_PREFIX letters, so that cognates match (Presiden/President, Ukraina/Ukrainian)."""
    # (a match of _NUMBER holds digits, points and commas only: dropping those two is dropping every \D)
    found = {m.group().replace(".", "").replace(",", "") for m in _NUMBER.finditer(text)}
    capitalised = _CAPITALISED_ASCII if plain(text) else _CAPITALISED
    found.update(m.group()[:ANCHOR_PREFIX].lower() for m in capitalised.finditer(text))
    return frozenset(found)


@quick_init  # (mtcheck/model.py: the fields set through their slots)
@dataclass(frozen=True, slots=True)
class Bead:
    """Source and target segments the aligner pairs, and the cost of pairing them."""
    source: tuple[Segment, ...]
    target: tuple[Segment, ...]
    cost: float

    @property
    def kind(self) -> str:
        return f"{len(self.source)}-{len(self.target)}"


def _length_cost(ls: int, lt: int, ratio: float, variance: float) -> float:
    if ls == 0 or lt == 0:
        # A skipped unit costs little more for being long: Gale & Church's formula would make a long omitted
        # or added paragraph so dear that a wrong 1-2 merge always wins over the true 0-1 bead.
        return math.log1p((ls + lt) / SKIP_CHARS)
    mean = (ls + lt / ratio) / 2
    delta = (lt / ratio - ls) / math.sqrt(max(mean, 1.0) * variance)  # in source characters
    prob = math.erfc(abs(delta) / math.sqrt(2))
    return -math.log(max(prob, 1e-300))


def _anchor_cost(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 0.0
    if not a or not b:
        return ANCHOR_WEIGHT * 0.5
    return ANCHOR_WEIGHT * (1.0 - len(a & b) / len(a | b))


def align(source: Sequence[Segment], target: Sequence[Segment], ratio: float,
          similarity: Similarity | None = None, band: int | None = None,
          variance: float | None = None, absorb: bool = False, weight: float = EMBEDDING_WEIGHT) -> list[Bead]:
    """Minimum-cost monotone alignment of two segment sequences within a band around the diagonal;
    `similarity` (sentence embeddings, when the neural family is on) adds a meaning cost to matched beads;
    `variance` is the length variance per source character (default: VARIANCE_PER_CHAR target characters);
    `weight` what a matched bead of similarity 0 costs more than one of similarity 1.

    `absorb` (paragraphs, and sentences): a matched bead's length cost is at most what skipping its length
    difference would cost, as if a sentence inside it had been dropped or added. A paragraph that lost one
    of its three sentences is 40% short, which Gale & Church's normal prices far above a paragraph skip:
    without this, the aligner skipped the previous paragraph and paired the short one with two targets,
    and the dropped sentence was reported as a dropped paragraph elsewhere."""
    if variance is None:
        variance = VARIANCE_PER_CHAR / ratio ** 2
    n, m = len(source), len(target)
    if n == 0 or m == 0:
        return [Bead((s,), (), 0.0) for s in source] + [Bead((), (t,), 0.0) for t in target]
    src_anchor = [anchors(s.text) for s in source]
    tgt_anchor = [anchors(t.text) for t in target]
    if band is None:
        band = max(MIN_BAND, min(abs(n - m) + 4, 4 * MIN_BAND))
        # One source paragraph against 100 target lines: consecutive rows' windows must overlap, or no path
        # reaches the end (an IndexError found by fuzzing). Wider only where the slope demands it.
        band = max(band, math.ceil(m / n) // 2 + 2)
    lo = [max(0, math.floor(i * m / n) - band) for i in range(n + 1)]
    hi = [min(m, math.ceil(i * m / n) + band) for i in range(n + 1)]
    inf = math.inf
    # Prefix sums: a bead's length is a difference, not a sum over its segments.
    src_len = [0]
    for seg in source:
        src_len.append(src_len[-1] + seg.length)
    tgt_len = [0]
    for seg in target:
        tgt_len.append(tgt_len[-1] + seg.length)
    cost: list[list[float]] = [[inf] * (hi[i] - lo[i] + 1) for i in range(n + 1)]
    back: list[list[int]] = [[-1] * (hi[i] - lo[i] + 1) for i in range(n + 1)]
    cost[0][0 - lo[0]] = 0.0
    # The inner loop runs about 125 times per paragraph (the band times the moves), so it is written out
    # move by move (the three matched moves share `matched`), with what depends only on the row or the
    # column taken out of it (|a | b| is |a| + |b| - |a & b|, no union built per cell): the same arithmetic
    # in the same order as _length_cost and _anchor_cost, moves tried in _MOVES's order (ties keep the
    # first), so the beads and their costs are those of the plain loop over _MOVES (tests/test_align.py).
    log, log1p, sqrt, erfc = math.log, math.log1p, math.sqrt, math.erfc
    sqrt2 = math.sqrt(2)
    p11, p10, p01, p21, p12 = (prior for _, _, prior in _MOVES)
    tgt_seg = [tgt_len[j + 1] - tgt_len[j] for j in range(m)]
    # A skipped unit's cost depends on its own length only (the 1-0 and 0-1 beads).
    skip_tgt = [0.0] + [log1p(lt / SKIP_CHARS) for lt in tgt_seg]
    # Two consecutive units' anchors, for the 2-1 and 1-2 beads (tgt_pair[j]: units j and j + 1).
    tgt_pair = [tgt_anchor[j] | tgt_anchor[j + 1] for j in range(m - 1)]
    # A bead's length and anchor costs are never negative, so a 2-1 or 1-2 bead whose prior alone reaches
    # the best cost so far cannot win (c < best is strict): its costs are not computed. Not with the neural
    # similarity, whose term is not bounded below by exactly 0 in floating point; but a similarity marked
    # `at_most_one` (never above 1.0: the lexicon's, 1 - a cost that is never negative) adds
    # weight * (1.0 - similarity) >= 0 exactly, so the bound holds with it too (and its cost, a quarter of
    # the sentence alignment, is not paid for beads that cannot win).
    unbounded = similarity is not None and not (getattr(similarity, "at_most_one", False) and weight >= 0)

    def matched(c: float, ls: int, lt: int, sa: frozenset[str], n_sa: int, ta: frozenset[str]) -> float:
        """c (the previous cost and the bead's prior) plus a matched bead's length and anchor costs:
        _length_cost (capped by `absorb`) and _anchor_cost with local names, in the same order."""
        if ls == 0 or lt == 0:
            length = log1p((ls + lt) / SKIP_CHARS)
        else:
            mean = (ls + lt / ratio) / 2
            delta = (lt / ratio - ls) / sqrt(max(mean, 1.0) * variance)
            length = -log(max(erfc(abs(delta) / sqrt2), 1e-300))
            if absorb:
                length = min(length, _SKIP_PRIOR + log1p(abs(lt / ratio - ls) / SKIP_CHARS))
        c = c + length
        if sa or ta:
            if not sa or not ta:
                c += ANCHOR_WEIGHT * 0.5
            else:
                shared = len(sa & ta)
                c += ANCHOR_WEIGHT * (1.0 - shared / (n_sa + len(ta) - shared))
        return c

    for i in range(n + 1):
        row_cost, row_back, lo_i, src_i = cost[i], back[i], lo[i], src_len[i]
        if i >= 1:
            up, lo_up, hi_up = cost[i - 1], lo[i - 1], hi[i - 1]
            ls1 = src_i - src_len[i - 1]
            sa1 = src_anchor[i - 1]
            n_sa1 = len(sa1)
            skip_src = log1p(ls1 / SKIP_CHARS)
            tie_src = TIE_BREAK * (n - i)
        if i >= 2:
            up2, lo_up2, hi_up2 = cost[i - 2], lo[i - 2], hi[i - 2]
            ls2 = src_i - src_len[i - 2]
            sa2 = src_anchor[i - 2] | src_anchor[i - 1]
            n_sa2 = len(sa2)
        for j in range(max(lo_i, 1 if i == 0 else 0), hi[i] + 1):
            best, best_move = inf, -1
            tgt_j = tgt_len[j]
            # The two skips first (cheap): the first of them at the lowest cost. The 1-1 bead, tried first in
            # _MOVES's order, wins where its cost is at most theirs; it cannot where its prior alone exceeds
            # them (its other costs are never negative, as for the 2-1 bound below), and is then not priced:
            # off the best path that is most cells, and a 1-1 bead's costs were most of the aligner's time.
            skip, skip_move = inf, -1
            if i >= 1 and lo_up <= j <= hi_up and (prev := up[j - lo_up]) != inf:  # 1-0
                c = prev + p10 + skip_src
                # Between equal-cost paths, match early and skip late: a repeated paragraph is the
                # second copy, not the first.
                c += tie_src
                if c < skip:
                    skip, skip_move = c, 1
            if j > lo_i and (prev := row_cost[j - 1 - lo_i]) != inf:  # 0-1
                c = prev + p01 + skip_tgt[j]
                c += TIE_BREAK * (m - j)
                if c < skip:
                    skip, skip_move = c, 2
            if i >= 1:
                pj = j - 1  # 1-1
                if lo_up <= pj <= hi_up and (prev := up[pj - lo_up]) != inf and (unbounded or prev + p11 <= skip):
                    c = matched(prev + p11, ls1, tgt_j - tgt_len[pj], sa1, n_sa1, tgt_anchor[pj])
                    if similarity is not None:
                        c += weight * (1.0 - similarity(source[i - 1:i], target[pj:j]))
                    if c < best:
                        best, best_move = c, 0
            if skip < best:
                best, best_move = skip, skip_move
            if i >= 2:
                pj = j - 1  # 2-1
                if lo_up2 <= pj <= hi_up2 and (prev := up2[pj - lo_up2]) != inf and (
                        unbounded or prev + p21 < best):
                    c = matched(prev + p21, ls2, tgt_j - tgt_len[pj], sa2, n_sa2, tgt_anchor[pj])
                    if similarity is not None:
                        c += weight * (1.0 - similarity(source[i - 2:i], target[pj:j]))
                    if c < best:
                        best, best_move = c, 3
            if i >= 1:
                pj = j - 2  # 1-2
                if lo_up <= pj <= hi_up and (prev := up[pj - lo_up]) != inf and (unbounded or prev + p12 < best):
                    c = matched(prev + p12, ls1, tgt_j - tgt_len[pj], sa1, n_sa1, tgt_pair[pj])
                    if similarity is not None:
                        c += weight * (1.0 - similarity(source[i - 1:i], target[pj:j]))
                    if c < best:
                        best, best_move = c, 4
            row_cost[j - lo_i] = best
            row_back[j - lo_i] = best_move
    if cost[n][m - lo[n]] == inf:  # no path inside the band: search the whole table (never seen; never a crash)
        return align(source, target, ratio, similarity, band=n + m, variance=variance, absorb=absorb,
                     weight=weight)
    beads: list[Bead] = []
    i, j = n, m
    while i > 0 or j > 0:
        k = back[i][j - lo[i]]
        di, dj, _ = _MOVES[k]
        step = cost[i][j - lo[i]] - cost[i - di][j - dj - lo[i - di]]
        beads.append(Bead(tuple(source[i - di:i]), tuple(target[j - dj:j]), step))
        i, j = i - di, j - dj
    beads.reverse()
    return beads
