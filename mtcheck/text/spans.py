"""Span indexes that answer "does anything overlap this span?" and "how many start in this range?" by bisection,
so that a rule asking once per mention stays linear in a long article (a scan of every span per mention made
whole families of rules quadratic: a 5 MB article did not finish)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from mtcheck.model import Span


class SpanSet:
    """A fixed set of spans (they may overlap one another): `overlaps(span)` is
    `any(span.overlaps(s) for s in spans)` in O(log n)."""

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted((s.start, s.end) for s in spans)
        self._starts = [a for a, _ in ordered]
        self._max_end: list[int] = []  # the greatest end among the spans up to each position
        top = -1
        for _, b in ordered:
            top = max(top, b)
            self._max_end.append(top)

    def __len__(self) -> int:
        return len(self._starts)

    def overlaps(self, span: Span) -> bool:
        # The spans that start before span.end; one of them overlaps iff the greatest of their ends passes
        # span.start (Span.overlaps: a.start < b.end and b.start < a.end).
        i = bisect.bisect_left(self._starts, span.end)
        return i > 0 and self._max_end[i - 1] > span.start

    def overlaps_at(self, start: int, end: int) -> bool:
        """`overlaps(Span(start, end))` on plain offsets (round 16: no Span for a match the caller drops)."""
        i = bisect.bisect_left(self._starts, end)
        return i > 0 and self._max_end[i - 1] > start


class DisjointSpans:
    """A growing set of spans that never overlap one another (each added only if it overlaps none):
    `overlaps` and `add` in O(log n) (the list insertion is a memmove)."""

    def __init__(self) -> None:
        self._starts: list[int] = []  # non-empty spans, sorted
        self._ends: list[int] = []
        self._points: list[int] = []  # empty spans: Span(a, a) overlaps what holds a strictly inside

    def overlaps(self, span: Span) -> bool:
        # Disjoint non-empty spans sorted by start are sorted by end too: only the last one starting before
        # span.end can reach past span.start. (overlaps_at's body again: a call fewer on the hot path.)
        i = bisect.bisect_left(self._starts, span.end)
        if i > 0 and self._ends[i - 1] > span.start:
            return True
        k = bisect.bisect_right(self._points, span.start)
        return k < len(self._points) and self._points[k] < span.end

    def add(self, span: Span) -> None:
        self.add_at(span.start, span.end)

    def overlaps_at(self, start: int, end: int) -> bool:
        """`overlaps(Span(start, end))` on plain offsets: a scan that tests each match against the spans kept
        builds no Span for the matches it drops (round 16: ~2,000 an article in Chinese)."""
        i = bisect.bisect_left(self._starts, end)
        if i > 0 and self._ends[i - 1] > start:
            return True
        k = bisect.bisect_right(self._points, start)
        return k < len(self._points) and self._points[k] < end

    def add_at(self, start: int, end: int) -> None:
        """`add(Span(start, end))` on plain offsets."""
        if start == end:
            bisect.insort(self._points, start)
            return
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)


def count_in(starts: list[int], lo: int, hi: int) -> int:
    """How many of the sorted `starts` lie in [lo, hi)."""
    return bisect.bisect_left(starts, hi) - bisect.bisect_left(starts, lo)
