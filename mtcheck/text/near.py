"""Which words of a list can be within a few edits of a word, without comparing it with every one of them.

The names rules ask, for each capitalised word of an article, which known or source name it may misspell
(OSA distance, one or two edits). Comparing every word with every name is quadratic in a long article (every
word of a 5 MB article against thousands of names). A deletion index answers it in time linear in the
article: two strings within k edits (insertions, deletions, substitutions, swaps of adjacent letters) become
equal after at most k deletions from each, so a word can only be near the choices that share one of its
"deletion variants" (the word with up to k letters removed). The index returns a superset, in the choices'
order; the caller's own distance test then decides, so results are those of the full scan.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache


@lru_cache(maxsize=1 << 16)  # the same names come back in every rule and every paragraph
def deletions(word: str, k: int) -> frozenset[str]:
    """`word` with any 0..k of its letters removed."""
    out = {word}
    layer = {word}
    for _ in range(k):
        layer = {w[:i] + w[i + 1:] for w in layer for i in range(len(w))}
        out |= layer
    return frozenset(out)


# Longer words have too many deletion variants (a 10,000-letter "word" of hostile input has 50 million):
# they are compared with every choice of a near length instead, as the full scan would.
_LONG = 32
# An index of at most this many choices is not built: each question compares the word with every choice, by
# the index's own criterion (below), which costs less than the deletion variants of the choices and of the
# word for the handful of names a paragraph or an article holds (~14 on average, ~9 questions each).
_SCANNED = 64


class NearIndex:
    """Choices indexed by their deletion variants up to `k` letters; `candidates(word, edits)` lists, in their
    original order, every choice that may be within `edits` (<= k) edits of `word`."""

    def __init__(self, choices: Sequence[str], k: int = 2) -> None:
        self.choices = list(choices)
        self.k = k
        self._index: dict[str, list[int]] = {}
        self._long: list[int] = []  # choices too long to index: candidates of every word
        self._asked: dict[tuple[str, int], list[int]] = {}
        # Built at the first question: most articles ask a names rule's index nothing (every capitalised word
        # of the translation is a source word or a common one), and building it was ~3% of a short check.
        self._built = False

    def _build(self) -> None:
        self._built = True
        for i, choice in enumerate(self.choices):
            if len(choice) > _LONG:
                self._long.append(i)
                continue
            for variant in deletions(choice, self.k):
                self._index.setdefault(variant, []).append(i)

    def positions(self, word: str, edits: int) -> list[int]:
        if edits > self.k:
            raise ValueError(f"the index holds variants up to {self.k} deletions, not {edits}")
        known = self._asked.get((word, edits))
        if known is not None:
            return known
        if len(word) > _LONG:
            out = [i for i, c in enumerate(self.choices) if abs(len(c) - len(word)) <= edits]
        elif len(self.choices) <= _SCANNED:
            out = self._scan(word, edits)
        else:
            out = self._lookup(word, edits)
        self._asked[(word, edits)] = out
        return out

    def _lookup(self, word: str, edits: int) -> list[int]:
        if not self._built:
            self._build()
        found: set[int] = set(self._long)
        index = self._index
        for variant in deletions(word, edits):
            hit = index.get(variant)
            if hit:
                found.update(hit)
        return sorted(found)

    def _scan(self, word: str, edits: int) -> list[int]:
        """What the index answers, without it. Two strings share a deletion variant (one with at most `edits`
        letters removed from the word, the other with at most k from the choice) exactly when their longest
        common subsequence is at least max(len(word) - edits, len(choice) - k): the common subsequence cut to
        that length is such a variant, and any shared variant is a common subsequence that long. Choices too
        long to index are candidates of every word, as in the index."""
        from rapidfuzz.distance import LCSseq

        lcs, k, n = LCSseq.similarity, self.k, len(word)
        out = []
        for i, choice in enumerate(self.choices):
            need = max(n - edits, len(choice) - k)
            if len(choice) > _LONG or need <= 0 or lcs(word, choice, score_cutoff=need) >= need:
                out.append(i)
        return out

    def candidates(self, word: str, edits: int) -> list[str]:
        return [self.choices[i] for i in self.positions(word, edits)]
