"""Pair the numbers and dates of a source with those of its translation, bead by bead.

Computed once per article and shared by the number, date, unit and omission rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mtcheck.text.article import ArticlePair, in_segments
from mtcheck.text.dates import Date, compare
from mtcheck.text.quantities import Quantity, same_quantity


@dataclass
class QuantityMatch:
    matched: list[tuple[Quantity, Quantity]] = field(default_factory=list)
    changed: list[tuple[Quantity, Quantity]] = field(default_factory=list)  # same place, different amount
    missing: list[Quantity] = field(default_factory=list)  # strict source numbers with no counterpart
    extra: list[Quantity] = field(default_factory=list)  # strict target numbers with no counterpart


@dataclass
class DateMatch:
    source: Date
    target: Date | None
    outcome: str  # same | reversed | different | missing


def _comparable(a: Quantity, b: Quantity) -> bool:
    return (a.kind == "time") == (b.kind == "time")


def match_quantities(pair: ArticlePair) -> QuantityMatch:
    cached = pair.shared.get("quantities")
    if isinstance(cached, QuantityMatch):
        return cached
    result = QuantityMatch()
    left_src: list[Quantity] = []
    left_tgt: list[Quantity] = []
    by_bead: dict[int, list] = {}
    for sp in pair.sentence_pairs:
        by_bead.setdefault(sp.paragraph_bead, []).append(sp)
    for sentence_pairs in by_bead.values():
        # Per sentence pair first, then what is left over across the paragraph bead (sentence alignment slips).
        bead_src: list[Quantity] = []
        bead_tgt: list[Quantity] = []
        local: list[tuple[list[Quantity], list[Quantity]]] = []
        for sp in sentence_pairs:
            src = in_segments(pair.source_quantities, sp.source)
            tgt = in_segments(pair.target_quantities, sp.target)
            s_left, t_left = _pair_equal(src, tgt, result.matched)
            local.append((s_left, t_left))
        for s_left, t_left in local:
            bead_src += s_left
            bead_tgt += t_left
        s_rest, t_rest = _pair_equal(bead_src, bead_tgt, result.matched)
        # A number in the same sentence pair but with another value: a changed number.
        for s_left, t_left in local:
            cands = [t for t in t_left if t in t_rest and t.strict]
            for s in [s for s in s_left if s in s_rest and s.strict]:
                t = next((t for t in cands if _comparable(s, t)), None)
                if t is not None:
                    result.changed.append((s, t))
                    cands.remove(t)
                    s_rest.remove(s)
                    t_rest.remove(t)
        left_src += s_rest
        left_tgt += t_rest
    # Anything still unmatched may have moved to another paragraph: accept a match anywhere in the article.
    s_rest, t_rest = _pair_equal(left_src, left_tgt, result.matched)
    # A number written as part of a date on the other side ("2012" in "November 2012") is not lost.
    in_target_dates = _date_numbers(pair.target_dates)
    in_source_dates = _date_numbers(pair.source_dates)
    result.missing = [s for s in s_rest if s.strict and s.value not in in_target_dates]
    result.extra = [t for t in t_rest if t.strict and t.value not in in_source_dates]
    pair.shared["quantities"] = result
    return result


def _date_numbers(dates: list[Date]) -> set[float]:
    return {float(n) for d in dates for n in (d.year, *(x for r in d.readings for x in r)) if n is not None}


def _pair_equal(src: list[Quantity], tgt: list[Quantity],
                matched: list[tuple[Quantity, Quantity]]) -> tuple[list[Quantity], list[Quantity]]:
    """Greedy one-to-one pairing of equal quantities, strict source numbers first; returns the leftovers."""
    free = list(tgt)
    left: list[Quantity] = []
    for s in sorted(src, key=lambda q: not q.strict):
        t = next((t for t in free if t.strict and same_quantity(s, t)), None) or next(
            (t for t in free if same_quantity(s, t)), None)
        if t is None:
            left.append(s)
        else:
            matched.append((s, t))
            free.remove(t)
    left.sort(key=lambda q: q.span.start)
    return left, free


def match_dates(pair: ArticlePair) -> list[DateMatch]:
    cached = pair.shared.get("dates")
    if isinstance(cached, list):
        return cached
    out: list[DateMatch] = []
    by_bead: dict[int, list] = {}
    for sp in pair.sentence_pairs:
        by_bead.setdefault(sp.paragraph_bead, []).append(sp)
    for sentence_pairs in by_bead.values():
        bead_targets = [d for sp in sentence_pairs for d in in_segments(pair.target_dates, sp.target)]
        for sp in sentence_pairs:
            local = in_segments(pair.target_dates, sp.target)
            for s in in_segments(pair.source_dates, sp.source):
                out.append(_best(s, local, bead_targets, pair.target_dates))
    pair.shared["dates"] = out
    return out


def _best(s: Date, local: list[Date], bead: list[Date], article: list[Date]) -> DateMatch:
    # The same date nearest first (sentence pair, paragraph bead, anywhere: alignment slips), then a
    # conflicting date nearby.
    for pool in (local, bead, article):
        outcomes = [(compare(s, t), t) for t in pool]
        for wanted in ("same", "reversed"):
            hit = next((t for o, t in outcomes if o == wanted), None)
            if hit is not None:
                return DateMatch(s, hit, wanted)
    for pool in (local, bead):
        hit = next((t for t in pool if compare(s, t) == "different"), None)
        if hit is not None:
            return DateMatch(s, hit, "different")
    return DateMatch(s, None, "missing")
