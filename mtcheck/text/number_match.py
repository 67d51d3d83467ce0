"""Pair the numbers and dates of a source with those of its translation, bead by bead.

Computed once per article and shared by the number, date, unit and omission rules.
"""

from __future__ import annotations

import bisect
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
    """Source and target numbers paired: the same, changed, missing and extra."""
    matched: list[tuple[Quantity, Quantity]] = field(default_factory=list)
    changed: list[tuple[Quantity, Quantity]] = field(default_factory=list)  # same place, different amount
    missing: list[Quantity] = field(default_factory=list)  # strict source numbers with no counterpart
    extra: list[Quantity] = field(default_factory=list)  # strict target numbers with no counterpart
    # id(source quantity) -> the target sentence(s) aligned with its sentence: where a missing number belongs.
    aligned: dict[int, Span] = field(default_factory=dict)


@dataclass
class DateMatch:
    """A source date, its target counterpart (if any) and how they compare."""
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


def _english_word_for(value: float, said: str) -> bool:
    """Whether the source sentence says `value` as an English number word ("front nine", kept in English in
    the Indonesian): a target written in digits or another script ("前半9ホール") then took no one's place."""
    en = number_system("en")
    if en is None or not math.isfinite(value):
        return False
    return any(v == value and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", said) for w, v in en.words.items())


def _said_whole(s: Quantity, target: str, aligned: Span | None, whole: tuple[str, ...]) -> bool:
    """A source "100 percent" that the aligned target sentence renders as a word ("100 persen yakin" as
    絶対に, absolutely certain), not as a figure."""
    if aligned is None or s.value != 100 or s.unit is None or s.unit.dimension != "percent":
        return False
    said = target[aligned.start:aligned.end]
    return any(w in said for w in whole)


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
            if any(q.decades for q in s_left):
                s_left, t_left = _pair_decades(s_left, t_left, result.matched)
            local.append((s_left, t_left))
        for s_left, t_left in local:
            bead_src += s_left
            bead_tgt += t_left
        s_rest, t_rest = _pair_equal(bead_src, bead_tgt, result.matched)
        # Membership by identity in sets (a quantity is its own span): `q in s_rest` compared dataclasses
        # field by field along the whole list, quadratic in a paragraph of thousands of numbers.
        s_ids, t_ids = {id(q) for q in s_rest}, {id(q) for q in t_rest}
        # A number in the same sentence pair but with another value: a changed number. Not one the other side
        # writes inside a date ("tanggal 3 dan 4 Februari" as "2 月 3 日和 4 日").
        for sp, (s_left, t_left) in zip(sentence_pairs, local):
            s_dates = _date_numbers(in_segments(pair.source_dates, sp.source))
            t_dates = _date_numbers(in_segments(pair.target_dates, sp.target))
            cands = [t for t in t_left if id(t) in t_ids and t.strict and t.value not in s_dates]
            for s in [s for s in s_left if id(s) in s_ids and s.strict and s.value not in t_dates]:
                t = next((t for t in cands if _comparable(s, t)), None)
                if t is None:  # a word took the number's place ("ke-16" as "XVIIème"): decided after the
                    # article-wide pass, which may still find the number elsewhere
                    word = next((t for t in t_left if id(t) in t_ids and not t.strict and _countable(t)
                                 and _countable(s) and _same_kind(s, t, loose=True)), None)
                    if word is not None:
                        soft_pairs.append((s, word))
                if t is not None:
                    result.changed.append((s, t))
                    cands.remove(t)
                    s_ids.discard(id(s))
                    t_ids.discard(id(t))
        s_rest = [q for q in s_rest if id(q) in s_ids]
        t_rest = [q for q in t_rest if id(q) in t_ids]
        # A word number ("dua", "kedua", "satu") whose place a number of the same kind took: "empat hari"
        # as "two days", "kedua" as "sixth". Soft numbers may be absent, but not replaced. Decided after the
        # article-wide pass, which may still find their counterparts elsewhere.
        for sp, (s_left, t_left) in zip(sentence_pairs, local):
            # A number word the source itself contains, kept in English ("front nine"), took no one's place.
            said = " ".join(pair.source[seg.start:seg.end] for seg in sp.source).lower()
            soft = [t for t in t_left if id(t) in t_ids and _countable(t)
                    and not re.search(rf"(?<!\w){re.escape(t.text.lower())}(?!\w)", said)
                    and not _english_word_for(t.value, said)]
            unmatched = [s for s in s_left if id(s) in s_ids]
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
    small_ids = {id(s) for s in small}
    s_rest, t_rest = _pair_equal([s for s in left_src if id(s) not in small_ids], left_tgt, result.matched)
    s_rest = sorted(s_rest + small, key=lambda q: q.span.start)
    s_ids, t_ids = {id(q) for q in s_rest}, {id(q) for q in t_rest}
    for s, t in soft_pairs:
        if id(s) in s_ids and id(t) in t_ids:
            result.changed.append((s, t))
            s_ids.discard(id(s))
            t_ids.discard(id(t))
    s_rest = [q for q in s_rest if id(q) in s_ids]
    t_rest = [q for q in t_rest if id(q) in t_ids]
    # A number written as part of a date on the other side ("2012" in "November 2012") is not lost.
    in_target_dates = _date_numbers(pair.target_dates)
    in_source_dates = _date_numbers(pair.source_dates)
    target_ns = number_system(pair.target_pack.code)
    in_words = target_ns.words_below if target_ns else 0.0
    whole = target_ns.whole_words if target_ns else ()
    result.missing = [s for s in s_rest if s.strict and s.value not in in_target_dates
                      and not (s.unit is None and s.kind in ("number", "ordinal") and s.value <= in_words)
                      and not (whole and _said_whole(s, pair.target, result.aligned.get(id(s)), whole))]
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
    spelt_by = [re.sub(r"\D", "", q.text) for q in sources]
    starts: dict[str, list[int]] = {}
    for i, d in enumerate(spelt_by):
        starts.setdefault(d, []).append(i)
    for t in result.extra + [t for _, t in result.changed]:
        digits = re.sub(r"\D", "", t.text)
        if len(digits) < 5:
            continue
        # The runs can start only at groups that spell a proper prefix of the target's digits (a word number,
        # spelling "", included), tried in text order as a scan of every group would.
        firsts = sorted(i for k in range(len(digits)) for i in starts.get(digits[:k], ()))
        for i in firsts:
            run, spelt = [sources[i]], spelt_by[i]
            while digits.startswith(spelt) and len(spelt) < len(digits) and i + len(run) < len(sources):
                nxt = sources[i + len(run)]
                if not re.fullmatch(r"[ \u00a0-]", source[run[-1].span.end:nxt.span.start]):
                    break
                run.append(nxt)
                spelt += spelt_by[i + len(run) - 1]
            if len(run) > 1 and spelt == digits:
                ids = {id(q) for q in run}
                dropped = [s for s, x in result.changed if x is t and id(s) not in ids]
                result.changed = [(s, x) for s, x in result.changed if x is not t and id(s) not in ids]
                result.missing = [s for s in result.missing if id(s) not in ids] + dropped
                result.extra = [x for x in result.extra if x is not t]
                result.matched += [(s, t) for s in run]
                break


def _date_numbers(dates: list[Date]) -> set[float]:
    return {float(n) for d in dates for n in (d.year, *d.loose_days, *(x for r in d.readings for x in r))
            if n is not None}



def _pair_decades(src: list[Quantity], tgt: list[Quantity],
                  matched: list[tuple[Quantity, Quantity]]) -> tuple[list[Quantity], list[Quantity]]:
    """Within one sentence pair: a count of decades left over ("satu dekade kemudian") met by ten times it in
    years ("10 ans plus tard", "十年后"). Only here: across a paragraph the "ten" is as likely another
    sentence's number."""
    tgt = list(tgt)
    left = []
    for s in src:
        t = next((t for t in tgt if s.decades and t.kind == "number" and t.unit is None
                  and any(math.isclose(y, 10 * x) for x in s.values for y in t.values)), None)
        if t is None:
            left.append(s)
            continue
        matched.append((s, t))
        tgt.remove(t)
    return left, tgt


def _pair_equal(src: list[Quantity], tgt: list[Quantity],
                matched: list[tuple[Quantity, Quantity]]) -> tuple[list[Quantity], list[Quantity]]:
    """One-to-one pairing of equal quantities, strict source numbers first; among equal candidates the one
    at the nearest relative position ("from 1977 to 1981" keeps its order). Returns the leftovers.

    The pairing is that of comparing every source quantity with every free target quantity, without the
    quadratic cost (a paragraph of thousands of numbers, or a long article's leftovers, did not finish):
    targets are indexed by value, and searched outward from the source's position in the values that
    same_quantity can accept (the value itself; a range for a bare magnitude; the values an approximate
    target may round); targets in another unit of the source's dimension (a conversion) and times are
    compared one by one, as before."""
    # Most sentence pairs hold no number on one side or both: nothing to pair, and no index to build.
    if not src:
        return [], list(tgt)
    if not tgt:
        order = sorted(range(len(src)), key=lambda i: not src[i].strict)
        return sorted((src[i] for i in order), key=lambda q: q.span.start), []
    n_src, n_tgt = max(len(src), 1), max(len(tgt), 1)
    free = [True] * len(tgt)
    by_value = _ValueIndex()  # every target but times
    by_rounding = _ValueIndex()  # approximate targets: a rounding of the source's value states it too
    by_unit: dict[str, dict[str, list[int]]] = {}  # dimension -> unit -> targets (a conversion states it)
    for j, t in enumerate(tgt):
        if t.kind == "time":
            continue  # only a time states a time (same_quantity); times are compared one by one
        by_value.add(j, t)
        if t.approximate:
            by_rounding.add(j, t)
        if _convertible(t):
            by_unit.setdefault(t.unit.dimension, {}).setdefault(t.unit.name, []).append(j)
    # Compared one by one too (few in any text): a bare magnitude in the target ("millions") meets a figure
    # below it; a time meets an Indonesian "2.53" read as a clock; degrees meet degrees of the same name in
    # another scale (80 derajat Fahrenheit as 26 degrés).
    by_magnitude = _ValueIndex()  # found through the range of values they meet, (x / 1000, x]
    for j, t in enumerate(tgt):
        if t.magnitude:
            by_magnitude.add(j, t)
    times = [j for j, t in enumerate(tgt) if t.kind == "time"]
    degrees = [j for j, t in enumerate(tgt) if t.unit is not None and t.unit.dimension in _DEGREES]

    def rank(i: int, j: int) -> tuple[bool, float]:
        return not tgt[j].strict, abs(i / n_src - j / n_tgt)

    order = sorted(range(len(src)), key=lambda i: not src[i].strict)
    # The same value first, then conversions and rounding: "50 kilometer (31 mil)" keeps 31 for 31 miles, so
    # that a changed 50 is still seen.
    for exact in (True, False):
        rest: list[int] = []
        for i in order:
            s = src[i]

            def fits(j: int, s: Quantity = s, exact: bool = exact) -> bool:
                return same_quantity(s, tgt[j]) and (not exact or _same_value(s, tgt[j]))

            where = i / n_src
            if s.kind == "time":
                cands = [j for j in range(len(tgt)) if free[j] and fits(j)]
            elif s.magnitude:  # "triliun": any value from one trillion up to a thousand trillion
                cands = by_value.nearest(where, n_tgt, fits, [(x, x * 1000) for x in s.values])
            else:
                others: list[int] = []
                if s.clock is not None:
                    others += times
                if s.unit is not None and s.unit.dimension in _DEGREES:
                    others += degrees
                if _convertible(s):
                    for unit, held in by_unit.get(s.unit.dimension, {}).items():
                        if unit != s.unit.name:
                            others += held
                cands = [j for j in others if free[j] and fits(j)]
                cands += by_value.nearest(where, n_tgt, fits, [(x, x) for x in s.values])
                # _rounds_to(x, y) holds only for y within [x / 1.5, 2x] (a rounding moves a value by at most
                # half of its leading digit)
                cands += by_rounding.nearest(where, n_tgt, fits, [(x / 1.5, x * 2) for x in s.values])
                if s.approximate:  # "sekitar 9,6 km" as "10 km": its decimals rounded off (same_quantity)
                    cands += by_value.nearest(where, n_tgt, fits, [(x / 1.5, x * 2) for x in s.values
                                                                   if math.isfinite(x) and x != int(x)])
                # a bare magnitude y of the target meets x when y <= x < 1000y (same_quantity)
                cands += by_magnitude.nearest(where, n_tgt, fits, [(x / 1000, x * (1 + 1e-9)) for x in s.values])
            if not cands:
                rest.append(i)
                continue
            j = min(sorted(set(cands)), key=lambda j: rank(i, j))  # ties: the first in the text, as before
            matched.append((s, tgt[j]))
            free[j] = False
            by_value.remove(j, tgt[j])
            by_rounding.remove(j, tgt[j])
            by_magnitude.remove(j, tgt[j])
        order = rest
    left = sorted((src[i] for i in order), key=lambda q: q.span.start)
    return left, [t for j, t in enumerate(tgt) if free[j]]


_DEGREES = ("degree", "temperature")


def _same_value(a: Quantity, b: Quantity) -> bool:
    return a.kind == "time" or any(math.isclose(x, y, rel_tol=1e-9) for x in a.values for y in b.values)


class _ValueIndex:
    """Free target indexes by value (seven significant digits), strict and soft apart, each list sorted."""

    def __init__(self) -> None:
        self.lists: dict[float, tuple[list[int], list[int]]] = {}
        self.keys: list[float] = []  # sorted, for ranges
        self._sorted = True

    def add(self, j: int, q: Quantity) -> None:
        for key in {_value_key(y) for y in q.values}:
            if key not in self.lists:
                self.lists[key] = ([], [])
                self.keys.append(key)
                self._sorted = False
            self.lists[key][0 if q.strict else 1].append(j)

    def remove(self, j: int, q: Quantity) -> None:
        for key in {_value_key(y) for y in q.values}:
            held = self.lists.get(key, ((), ()))[0 if q.strict else 1]
            k = bisect.bisect_left(held, j)
            if k < len(held) and held[k] == j:
                held.pop(k)

    def _range(self, lo: float, hi: float) -> list[float]:
        if not self._sorted:
            self.keys = sorted(k for k in self.keys if k == k)  # NaN matches nothing
            self._sorted = True
        lo, hi = min(lo, hi), max(lo, hi)
        # widened by more than the keys' rounding and math.isclose's tolerance: a superset, fits decides
        a = bisect.bisect_left(self.keys, lo - abs(lo) * 1e-6)
        b = bisect.bisect_right(self.keys, hi + abs(hi) * 1e-6)
        return self.keys[a:b]

    def nearest(self, where: float, n_tgt: int, fits, ranges: list[tuple[float, float]]) -> list[int]:
        """For each range of values, the nearest fitting strict and soft targets in each of its keys."""
        if not self.lists:
            return []
        out = []
        for lo, hi in ranges:
            if lo != lo or hi != hi:
                continue  # NaN: same_quantity accepts nothing for it
            # one value: its own key and its neighbours' (see _value_key); else every key in the range
            keys = {_value_key(lo * f) for f in (1 - 2e-9, 1.0, 1 + 2e-9)} if lo == hi else set(self._range(lo, hi))
            for key in keys:
                for held in self.lists.get(key, ()):
                    j = _nearest(held, where, n_tgt, fits)
                    if j is not None:
                        out.append(j)
        return out


def _convertible(q: Quantity) -> bool:
    """A unit that same_quantity converts (km and miles), so that another value may state the same amount."""
    return q.unit is not None and q.unit.dimension not in ("currency", "temperature")


def _value_key(v: float) -> float:
    # Seven significant digits: values that math.isclose(rel_tol=1e-9) accepts fall in one key or in the keys
    # of v * (1 -+ 2e-9) (see _buckets).
    return float(f"{v:.6e}")


def _nearest(held: list[int], where: float, n_tgt: int, fits) -> int | None:
    """The index in sorted `held` nearest to relative position `where` (the earlier on a tie) that `fits`."""
    right = bisect.bisect_left(held, where * n_tgt)
    left = right - 1
    while left >= 0 or right < len(held):
        d_left = abs(where - held[left] / n_tgt) if left >= 0 else math.inf
        d_right = abs(where - held[right] / n_tgt) if right < len(held) else math.inf
        if d_left <= d_right:
            if fits(held[left]):
                return held[left]
            left -= 1
        else:
            if fits(held[right]):
                return held[right]
            right += 1
    return None


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
