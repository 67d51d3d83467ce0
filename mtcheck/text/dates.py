"""Dates in running text: "Kamis (3/10)", "3 Oktober 2024", "Thursday, October 3", "October 2024".

Day and month names come from CLDR through Babel, so a new target language needs only its
`mtcheck/data/<lang>/dates.toml` (extra spellings, slash order, ambiguous names).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache

from mtcheck.lang.base import data_toml
from mtcheck.model import Span, quick_init
from mtcheck.text.ascii_twin import plain, twin


@quick_init  # (mtcheck/model.py: the fields set through their slots)
@dataclass(frozen=True, slots=True)
class Date:
    """A date found in a text: where, as written, its weekday and its (day, month) readings."""
    span: Span
    text: str
    weekday: int | None  # 0 = Monday, as in Babel and datetime
    readings: tuple[tuple[int | None, int | None], ...]  # (day, month) per reading; two for "3/10" in English
    year: int | None
    # Days of a range or list ("1-10 Januari", "3 dan 4 Februari"): the date keeps only its month and year,
    # and these numbers are part of it.
    loose_days: tuple[int, ...] = ()

    @property
    def day(self) -> int | None:
        return self.readings[0][0]

    @property
    def month(self) -> int | None:
        return self.readings[0][1]


@dataclass(frozen=True)
class DateNames:
    """A language's weekday and month names (CLDR's, with mtcheck's additions)."""
    code: str
    days: dict[str, int]
    months: dict[str, int]
    short_months: dict[str, int]
    slash_orders: tuple[str, ...]
    ambiguous: frozenset[str]
    context_before: frozenset[str]
    not_before: frozenset[str]
    pattern: re.Pattern[str]
    numeric: re.Pattern[str] | None = None  # "2024年10月3日": groups y, m, d
    weekday: re.Pattern[str] | None = None  # day names alone, to attach to a numeric date
    attached_days: dict[str, int] = field(default_factory=dict)
    range_before: re.Pattern[str] | None = None  # "1-" or "3 dan " before "10 Januari"
    range_after: re.Pattern[str] | None = None  # "-10" or "至 10 日" after the date
    numerals: dict[str, int] = field(default_factory=dict)  # Han numerals in numeric dates: 六月
    day_only: re.Pattern[str] | None = None  # "16日午前": a day of the month alone (Chinese, Japanese news)


def _alt(names: object) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))  # type: ignore[arg-type]


def _cldr_names(code: str) -> tuple[dict, dict, dict]:
    """CLDR's wide day and month names and abbreviated month names (Babel), cached: loading Babel's locale
    data costs more than checking an article."""

    def build() -> tuple[dict, dict, dict]:
        from babel.dates import get_day_names, get_month_names

        return (dict(get_day_names("wide", locale=code)), dict(get_month_names("wide", locale=code)),
                dict(get_month_names("abbreviated", locale=code)))

    from importlib.util import find_spec

    from mtcheck.cache import load_or_build

    babel = find_spec("babel")
    origin = babel.origin if babel is not None and babel.origin is not None else "babel"
    locale_data = os.path.join(os.path.dirname(origin), "locale-data")
    return load_or_build(f"cldr-dates-{code}", [code, os.path.join(locale_data, f"{code}.dat"),
                                                os.path.join(locale_data, "root.dat")], build)


@cache
def date_names(code: str) -> DateNames | None:
    data = data_toml(code, "dates.toml")
    if data is None:
        return None
    cldr_days, cldr_months, cldr_short = _cldr_names(code)
    days = {name: int(k) for k, name in cldr_days.items()}
    days.update(data.get("days", {}))
    months = {name: int(k) for k, name in cldr_months.items()}
    months.update(data.get("months", {}))
    # French and others write names in lower case; a sentence may start with one.
    days.update({n[:1].upper() + n[1:]: k for n, k in list(days.items())})
    months.update({n[:1].upper() + n[1:]: k for n, k in list(months.items())})
    short = {name.rstrip("."): int(k) for k, name in cldr_short.items()}
    short = {k: v for k, v in short.items() if k not in months}
    # Where CLDR's abbreviated months equal the full ones (Japanese 1月), no abbreviation is left: an empty
    # alternative would make any number before a space a date.
    day, mon, abbr = _alt(days), _alt(months), _alt(short) or r"(?!x)x"
    ordinal = r"(?:st|nd|rd|th|er)?"
    body = (
        rf"(?P<d1>\d{{1,2}}){ordinal}\s+(?:of\s+)?(?P<m1>{mon}|(?:{abbr})\.?)(?![\w])(?:,?\s+(?P<y1>\d{{4}})(?!\d))?"
        rf"|(?P<m2>{mon}|(?:{abbr})\.?)\s+(?P<d2>\d{{1,2}}){ordinal}(?![\d\w])(?:,?\s+(?P<y2>\d{{4}})(?!\d))?"
        rf"|(?P<m3>{mon}|(?:{abbr})\.)(?![\w])(?:\s+(?P<y3>\d{{4}})(?!\d))?"
        r"|(?P<open>\()?(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y4>\d{2,4}))?(?(open)\))(?![\d/])"
    )
    pattern = rf"(?<![\w/])(?:(?P<wd>{day})(?![\w]),?\s*(?:(?:{body}))?|(?:{body.replace('?P<', '?P<x')}))"
    if data.get("word-boundaries", True) is False:  # Chinese and Japanese: no spaces between words
        pattern = pattern.replace(r"(?<![\w/])", r"(?<![\d/])").replace(r"(?![\w])", "")
    numeric = re.compile(data["numeric"]) if "numeric" in data else None
    joiners = _alt(data.get("range-joiners", ())) or r"(?!x)x"
    range_before = re.compile(rf"(?<!\d)(\d{{1,2}})\s*(?:-|–|{joiners})\s*$")
    range_after = re.compile(rf"\s*(?:-|–|{joiners})\s*(\d{{1,2}})(?!\d)(?!\s*[/:.]\d)")
    numbers = data_toml(code, "numbers.toml") or {}
    # One-character day names (Japanese "（木）") only count right beside a numeric date.
    attached = {**days, **data.get("attached-days", {})}
    return DateNames(code, days, months, short, tuple(data.get("slash-order", ["dm"])),
                     frozenset(data.get("ambiguous", ())), frozenset(data.get("context-before", ())),
                     frozenset(data.get("not-before", ())), re.compile(pattern), numeric,
                     re.compile(_alt(attached)) if numeric else None, attached, range_before, range_after,
                     {k: int(v) for k, v in numbers.get("cjk_numerals", {}).items()},
                     re.compile(data["day-only"]) if "day-only" in data else None)


def _year(text: str | None) -> int | None:
    if not text:
        return None
    y = int(text)
    return y + 2000 if y < 100 else y


def _group(m: re.Match[str], name: str) -> str | None:
    return m.group(name) or m.group("x" + name)


@cache
def _ascii_pattern(code: str) -> re.Pattern[str] | None:
    """The date pattern's ASCII twin, or None where it could differ."""
    names = date_names(code)
    try:
        return twin(names.pattern) if names is not None else None
    except ValueError:
        return None


def find_dates(text: str, code: str) -> list[Date]:
    names = date_names(code)
    if names is None:
        return []
    found: list[Date] = []
    pattern = names.pattern
    if plain(text) and (ascii_pattern := _ascii_pattern(code)) is not None:
        pattern = ascii_pattern  # the same matches on a plain text (text/ascii_twin.py)
    for m in pattern.finditer(text):
        wd_name = m.group("wd")
        month_name = next((g for g in (_group(m, "m1"), _group(m, "m2"), _group(m, "m3")) if g), None)
        a, b = _group(m, "a"), _group(m, "b")
        start, end = m.span()
        # Trailing separators the optional body did not consume stay outside the span.
        while end > start and text[end - 1] in " ,(":
            end -= 1
        has_number = bool(a or _group(m, "d1") or _group(m, "d2") or _group(m, "y1") or _group(m, "y2")
                          or _group(m, "y3"))
        ambiguous_name = (wd_name in names.ambiguous) or (month_name in names.ambiguous and not wd_name)
        if ambiguous_name and not has_number:
            words_before = re.findall(r"[^\W\d_]+", text[max(0, start - 20):start])
            word_after = re.match(r"\s*([^\W\d_]+)", text[m.end():m.end() + 20])
            if not words_before or words_before[-1] not in names.context_before or (
                    word_after and word_after[1] in names.not_before):
                continue
        if a and not wd_name and not _group(m, "open") and not _group(m, "y4"):
            continue  # a bare "3/10" is as likely a fraction or a score as a date
        weekday = names.days.get(wd_name) if wd_name else None
        year = _year(_group(m, "y1") or _group(m, "y2") or _group(m, "y3") or _group(m, "y4"))
        if a and b:
            x, y = int(a), int(b)
            readings = tuple(
                r for order in names.slash_orders
                for r in [((x, y) if order == "dm" else (y, x))] if 1 <= r[0] <= 31 and 1 <= r[1] <= 12)
            readings = tuple(dict.fromkeys(readings))
            if not readings:
                continue
        else:
            month = None
            if month_name:
                key = month_name.rstrip(".")
                month = names.months.get(key) or names.short_months.get(key)
            day_text = _group(m, "d1") or _group(m, "d2")
            day = int(day_text) if day_text else None
            if day is not None and not 1 <= day <= 31:
                continue
            readings = ((day, month),)
            if day is not None and (other := _range_day(text, start, end if _group(m, "d2") else None, names)):
                loose, readings = (other, day), ((None, month),)
                found.append(Date(Span(start, end), text[start:end], weekday, readings, year
                                  or _year(_group(m, "y1") or _group(m, "y2")), loose))
                continue
        if weekday is None and readings == ((None, None),) and year is None:
            continue
        found.append(Date(Span(start, end), text[start:end], weekday, readings, year))
    if names.numeric is not None:
        found = _numeric_dates(text, names, found)
    return found


def _range_day(text: str, start: int, end: int | None, names: DateNames) -> int | None:
    """The other day of a range or list around a date: "1-10 Januari" (before), "January 1-10" (after)."""
    assert names.range_before is not None and names.range_after is not None
    before = names.range_before.search(text, max(0, start - 12), start)
    if before:
        return int(before[1])
    after = names.range_after.match(text, end) if end is not None else None
    return int(after[1]) if after else None


def _numeral(written: str, names: DateNames) -> int | None:
    """Digits or Han numerals (六, 十二) as an integer."""
    if written.isdigit():
        return int(written)
    if not written or any(c not in names.numerals for c in written):
        return None
    total = digit = 0
    for c in written:
        v = names.numerals[c]
        if v < 10:
            digit = v
        else:
            total += (digit or 1) * v
            digit = 0
    return total + digit


def _numeric_dates(text: str, names: DateNames, found: list[Date]) -> list[Date]:
    """"2024年10月3日（木）", "周四（10月3日）": numeric dates with a day name next to them."""
    assert names.numeric is not None and names.weekday is not None
    out = []
    for m in names.numeric.finditer(text):
        start, end = m.span()
        weekday = None
        after = (names.weekday.match(text, end + 1) if text[end:end + 1] in "(（" else None) or \
            names.weekday.match(text, end)
        before = names.weekday.search(text, max(0, start - 6), start)
        for w in (after, before):
            if w is not None:
                weekday = names.attached_days[w.group()]
                start, end = min(start, w.start()), max(end, w.end() + (1 if w is after and
                                                                         text[w.end():w.end() + 1] in ")）" else 0))
                break
        month = _numeral(m["m"], names)
        day = _numeral(m["d"], names) if m["d"] else None
        if month is None or not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
            continue
        loose: tuple[int, ...] = ()
        if day is not None and (other := names.range_after.match(text, m.end()) if names.range_after else None):
            loose, day = (day, int(other[1])), None  # "1 月 1 日至 10 日"
        out.append(Date(Span(start, end), text[start:end], weekday, ((day, month),), int(m["y"]) if m["y"] else None,
                        loose))
    if names.day_only is not None:
        for m in names.day_only.finditer(text):
            day = int(m["d"])
            if 1 <= day <= 31 and not any(m.start() < o.span.end and o.span.start < m.end() for o in out):
                out.append(Date(Span(*m.span()), m.group(), None, ((day, None),), None))
    kept = [d for d in found if not any(d.span.start < o.span.end and o.span.start < d.span.end for o in out)]
    return sorted(kept + out, key=lambda d: d.span.start)


def compare(source: Date, target: Date) -> str:
    """'same', 'reversed' (only the other slash reading fits: an ambiguous day/month order),
    'different' (a stated field differs) or 'unrelated' (no field in common)."""
    shared = False
    if source.weekday is not None and target.weekday is not None:
        if source.weekday != target.weekday:
            return "different"
        shared = True
    if source.year is not None and target.year is not None:
        if source.year != target.year:
            return "different"
        shared = True
    sd, sm = source.readings[0]
    outcomes = []
    for i, (td, tm) in enumerate(target.readings):
        fields = [(sd, td), (sm, tm)]
        common = [(x, y) for x, y in fields if x is not None and y is not None]
        if not common:
            outcomes.append("unrelated")
        elif all(x == y for x, y in common):
            outcomes.append("same" if i == 0 or target.readings[0] == (td, tm) else "reversed")
        else:
            outcomes.append("different")
    if "same" in outcomes:
        return "same"
    if "reversed" in outcomes:
        return "reversed"
    if "different" in outcomes:
        return "different"
    return "same" if shared else "unrelated"


def agreement(source: Date, target: Date) -> int:
    """How many stated fields two dates share: picks the date a translation changed among several."""
    pairs = [(source.weekday, target.weekday), (source.year, target.year),
             (source.day, target.day), (source.month, target.month)]
    return sum(1 for x, y in pairs if x is not None and x == y)
