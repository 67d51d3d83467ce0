"""Pair the numbers and dates of a source with those of its translation, bead by bead.

Computed once per article and shared by the number, date, unit and omission rules.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from mtcheck.model import Span
from mtcheck.text.article import ArticlePair, in_segments
from mtcheck.text.dates import Date, agreement, compare
from mtcheck.text.quantities import Quantity, number_system, same_quantity
from mtcheck.text.segment import Segment


@dataclass
class QuantityMatch:
    matched: list[tuple[Quantity, Quantity]] = field(default_factory=list)
    changed: list[tuple[Quantity, Quantity]] = field(default_factory=list)  # same place, different amount
    missing: list[Quantity] = field(default_factory=list)  # strict source numbers with no counterpart
    extra: list[Quantity] = field(default_factory=list)  # strict target numbers with no counterpart
    # id(source quantity) -> the target sentence(s) aligned with its sentence: where a missing number belongs.
    aligned: dict[int, Span] = field(default_factory=dict)


@dataclass
class DateMatch:
    source: Date
    target: Date | None
    outcome: str  # same | reversed | different | missing


def _comparable(a: Quantity, b: Quantity) -> bool:
    """Could target number `b` be source number `a` changed? Times with times; a unit with its like; a
    percentage not with a bare count (a misaligned sentence); a bare magnitude ("beberapa ribu", 数万) only
    with another large amount, never with a year or a small count."""
    if (a.kind == "time") != (b.kind == "time"):
        return False
    if a.unit is not None and b.unit is not None and a.unit.dimension != b.unit.dimension:
        return False
    if (a.unit is None) != (b.unit is None) and (a.unit or b.unit).dimension == "percent":
        return False
    for x, y in ((a, b), (b, a)):
        if x.magnitude and not y.magnitude and (y.kind == "year" or y.value < 1000):
            return False
    return True


# How far apart (as a share of the sentence) a word number and the number that took its place may stand.
_SOFT_DRIFT = 0.3


def _countable(q: Quantity) -> bool:
    """A plain count or ordinal that a word may state: no round quantity, magnitude, year or decade ("sekitar
    satu jam", about an hour, is still a count)."""
    return (q.kind in ("number", "ordinal") and not (q.approximate and q.value > 20) and not q.magnitude
            and (q.unit is None or q.unit.dimension != "currency") and q.value < 1000 and q.value == int(q.value))


def _beside_paired(s: Quantity, t: Quantity, matched: list[tuple[Quantity, Quantity]]) -> bool:
    """Word order moved the count, but its neighbour is paired: "satu atau dua momen" as "trois ou deux
    moments" (dua is deux, so trois stands where satu does)."""
    def side(a: Quantity, b: Quantity) -> int:  # 1: a just before b, -1: just after, 0: not beside
        return 1 if 0 <= b.span.start - a.span.end <= 12 else -1 if 0 <= a.span.start - b.span.end <= 12 else 0
    return any(side(s, s2) != 0 and side(s, s2) == side(t, t2) for s2, t2 in matched)


def _same_kind(a: Quantity, b: Quantity, loose: bool = False) -> bool:
    """Counts with counts, ordinals with ordinals. `loose` (for a digit number a word replaced): a count and an
    ordinal are of one kind too ("urutan ke-13" as "fourteenth"); not for word numbers, which pair too easily
    across kinds ("dua lawan dua" with 第四场)."""
    kinds = {a.kind, b.kind}
    return (a.kind == b.kind or (loose and kinds == {"number", "ordinal"})) and (a.unit is None) == (b.unit is None)


def match_quantities(pair: ArticlePair) -> QuantityMatch:
    return pair.analysis("quantities", _match_quantities)


def _match_quantities(pair: ArticlePair) -> QuantityMatch:
    result = QuantityMatch()
    left_src: list[Quantity] = []
    left_tgt: list[Quantity] = []
    soft_pairs: list[tuple[Quantity, Quantity]] = []
    for sentence_pairs in pair.sentence_pairs_by_bead:
        # Per sentence pair first, then what is left over across the paragraph bead (sentence alignment slips).
        bead_src: list[Quantity] = []
        bead_tgt: list[Quantity] = []
        local: list[tuple[list[Quantity], list[Quantity]]] = []
        for sp in sentence_pairs:
            src = in_segments(pair.source_quantities, sp.source)
            tgt = in_segments(pair.target_quantities, sp.target)
            if sp.target:
                for q in src:
                    result.aligned[id(q)] = Span(sp.target[0].start, sp.target[-1].end)
            s_left, t_left = _pair_equal(src, tgt, result.matched)
            local.append((s_left, t_left))
        for s_left, t_left in local:
            bead_src += s_left
            bead_tgt += t_left
        s_rest, t_rest = _pair_equal(bead_src, bead_tgt, result.matched)
        # A number in the same sentence pair but with another value: a changed number. Not one the other side
        # writes inside a date ("tanggal 3 dan 4 Februari" as "2 月 3 日和 4 日").
        for sp, (s_left, t_left) in zip(sentence_pairs, local):
            s_dates = _date_numbers(in_segments(pair.source_dates, sp.source))
            t_dates = _date_numbers(in_segments(pair.target_dates, sp.target))
            cands = [t for t in t_left if t in t_rest and t.strict and t.value not in s_dates]
            for s in [s for s in s_left if s in s_rest and s.strict and s.value not in t_dates]:
                t = next((t for t in cands if _comparable(s, t)), None)
                if t is None:  # a word took the number's place ("ke-16" as "XVIIème"): decided after the
                    # article-wide pass, which may still find the number elsewhere
                    word = next((t for t in t_left if t in t_rest and not t.strict and _countable(t)
                                 and _countable(s) and _same_kind(s, t, loose=True)), None)
                    if word is not None:
                        soft_pairs.append((s, word))
                if t is not None:
                    result.changed.append((s, t))
                    cands.remove(t)
                    s_rest.remove(s)
                    t_rest.remove(t)
        # A word number ("dua", "kedua", "satu") whose place a number of the same kind took: "empat hari"
        # as "two days", "kedua" as "sixth". Soft numbers may be absent, but not replaced. Decided after the
        # article-wide pass, which may still find their counterparts elsewhere.
        for sp, (s_left, t_left) in zip(sentence_pairs, local):
            # A number word the source itself contains, kept in English ("front nine"), took no one's place.
            said = " ".join(pair.source[seg.start:seg.end] for seg in sp.source).lower()
            soft = [t for t in t_left if t in t_rest and _countable(t)
                    and not re.search(rf"(?<!\w){re.escape(t.text.lower())}(?!\w)", said)]
            unmatched = [s for s in s_left if s in s_rest]
            for s in [s for s in unmatched if not s.strict and _countable(s)]:
                where = _relative(s.span.start, sp.source)
                # Not a target number that is another source number cut short ("tujuh setengah" as 七天半).
                t = next((t for t in soft if _same_kind(s, t)
                          and not any(o is not s and math.isfinite(o.value) and int(o.value) == t.value
                                      for o in unmatched)
                          and (abs(where - _relative(t.span.start, sp.target)) <= _SOFT_DRIFT
                               or _beside_paired(s, t, result.matched))), None)
                if t is not None:
                    soft_pairs.append((s, t))
                    soft.remove(t)
        left_src += s_rest
        left_tgt += t_rest
    # Anything still unmatched may have moved to another paragraph: accept a match anywhere in the article;
    # but not a word for a small count, which recurs ("dua", "satu") and would take another sentence's "two".
    small = [s for s in left_src if not s.strict and _countable(s)]
    s_rest, t_rest = _pair_equal([s for s in left_src if s not in small], left_tgt, result.matched)
    s_rest = sorted(s_rest + small, key=lambda q: q.span.start)
    for s, t in soft_pairs:
        if s in s_rest and t in t_rest:
            result.changed.append((s, t))
            s_rest.remove(s)
            t_rest.remove(t)
    # A number written as part of a date on the other side ("2012" in "November 2012") is not lost.
    in_target_dates = _date_numbers(pair.target_dates)
    in_source_dates = _date_numbers(pair.source_dates)
    target_ns = number_system(pair.target_pack.code)
    in_words = target_ns.words_below if target_ns else 0.0
    result.missing = [s for s in s_rest if s.strict and s.value not in in_target_dates
                      and not (s.unit is None and s.kind in ("number", "ordinal") and s.value <= in_words)]
    result.extra = [t for t in t_rest if t.strict and t.value not in in_source_dates]
    _join_split_numbers(pair.source, result)
    _changed_codes(pair, result)
    return result


def _changed_codes(pair: ArticlePair, result: QuantityMatch) -> None:
    """A name's number changed ("COVID-19" as "COVID-13", "802.11n" as "803.11n"): a target code whose number
    no source code has, beside a source code of the same name."""
    source = [q for q in pair.source_quantities if q.kind == "code"]
    values = {v for q in source for v in q.values}
    for t in (q for q in pair.target_quantities if q.kind == "code"):
        if values.isdisjoint(t.values) and (s := next((s for s in source if s.code == t.code), None)):
            result.changed.append((s, t))


def _join_split_numbers(source: str, result: QuantityMatch) -> None:
    """A phone number written in groups on one side and whole, or grouped as thousands, on the other
    ("116 123" as "116123" or the French "116 123"): the source groups, next to each other, spell it."""
    sources = sorted(result.missing + [s for s, _ in result.changed], key=lambda q: q.span.start)
    for t in result.extra + [t for _, t in result.changed]:
        digits = re.sub(r"\D", "", t.text)
        if len(digits) < 5:
            continue
        for i in range(len(sources)):
            run, spelt = [sources[i]], re.sub(r"\D", "", sources[i].text)
            while digits.startswith(spelt) and len(spelt) < len(digits) and i + len(run) < len(sources):
                nxt = sources[i + len(run)]
                if not re.fullmatch(r"[ \u00a0-]", source[run[-1].span.end:nxt.span.start]):
                    break
                run.append(nxt)
                spelt += re.sub(r"\D", "", nxt.text)
            if len(run) > 1 and spelt == digits:
                dropped = [s for s, x in result.changed if x is t and s not in run]
                result.changed = [(s, x) for s, x in result.changed if x is not t and s not in run]
                result.missing = [s for s in result.missing if s not in run] + dropped
                result.extra = [x for x in result.extra if x is not t]
                result.matched += [(s, t) for s in run]
                break


def _date_numbers(dates: list[Date]) -> set[float]:
    return {float(n) for d in dates for n in (d.year, *d.loose_days, *(x for r in d.readings for x in r))
            if n is not None}


def _pair_equal(src: list[Quantity], tgt: list[Quantity],
                matched: list[tuple[Quantity, Quantity]]) -> tuple[list[Quantity], list[Quantity]]:
    """One-to-one pairing of equal quantities, strict source numbers first; among equal candidates the one
    at the nearest relative position ("from 1977 to 1981" keeps its order). Returns the leftovers."""
    where_s = {id(q): i / max(len(src), 1) for i, q in enumerate(src)}
    where_t = {id(q): i / max(len(tgt), 1) for i, q in enumerate(tgt)}
    free = list(tgt)
    left = sorted(src, key=lambda q: not q.strict)
    # The same value written first, then conversions and rounding: "50 kilometer (31 mil)" keeps 31 for 31
    # miles, so that a changed 50 is still seen.
    for exact in (True, False):
        rest: list[Quantity] = []
        for s in left:
            cands = [t for t in free if same_quantity(s, t) and (not exact or _same_value(s, t))]
            if not cands:
                rest.append(s)
                continue
            t = min(cands, key=lambda t: (not t.strict, abs(where_s[id(s)] - where_t[id(t)])))
            matched.append((s, t))
            free.remove(t)
        left = rest
    left.sort(key=lambda q: q.span.start)
    return left, free


def _same_value(a: Quantity, b: Quantity) -> bool:
    return any(math.isclose(x, y, rel_tol=1e-9) for x in a.values for y in b.values) or a.kind == "time"


def match_dates(pair: ArticlePair) -> list[DateMatch]:
    """Pair each source date with a target date: the same date nearby (one-to-one first), else a
    conflicting one nearby (the closest in relative position among those sharing most fields), else the
    same date anywhere in the article (alignment slips), else none."""
    return pair.analysis("dates", _match_dates)


def _match_dates(pair: ArticlePair) -> list[DateMatch]:
    out: list[DateMatch] = []
    for sentence_pairs in pair.sentence_pairs_by_bead:
        bead = [d for sp in sentence_pairs for d in in_segments(pair.target_dates, sp.target)]
        work = []
        for sp in sentence_pairs:
            local = in_segments(pair.target_dates, sp.target)
            for s in in_segments(pair.source_dates, sp.source):
                work.append((s, local, _relative(s.span.start, sp.source), sp.target))
        used: set[int] = set()
        result: dict[int, DateMatch] = {}
        for use_bead in (False, True):  # pass 1: the same date, one-to-one, in the sentence pair first
            for s, local, _, _ in work:
                if id(s) in result:
                    continue
                hit = _first(s, [t for t in (bead if use_bead else local) if id(t) not in used])
                if hit and hit.target is not None:
                    used.add(id(hit.target))
                    result[id(s)] = hit
        for s, local, where, target_segs in work:  # pass 2: repeated mentions, conflicts, slips
            if id(s) in result:
                continue
            match = None
            for pool in (local, bead):
                match = _first(s, pool)  # a date mentioned twice in the source, once in the target
                if match:
                    break
                conflicting = [t for t in pool if id(t) not in used and compare(s, t) == "different"]
                if conflicting:
                    t = max(conflicting, key=lambda t: (
                        agreement(s, t), -abs(where - _relative(t.span.start, target_segs))))
                    used.add(id(t))
                    match = DateMatch(s, t, "different")
                    break
            result[id(s)] = match or _first(s, pair.target_dates) or DateMatch(s, None, "missing")
        out += [result[id(s)] for s, *_ in work]
    return out


def _relative(pos: int, segments: tuple[Segment, ...]) -> float:
    if not segments:
        return 0.0
    start, end = segments[0].start, segments[-1].end
    return (pos - start) / max(end - start, 1)


def _first(s: Date, pool: list[Date]) -> DateMatch | None:
    outcomes = [(compare(s, t), t) for t in pool]
    for wanted in ("same", "reversed"):
        hit = next((t for o, t in outcomes if o == wanted), None)
        if hit is not None:
            return DateMatch(s, hit, wanted)
    return None
