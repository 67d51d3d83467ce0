"""Suggestions written in the target language: a number, an amount or a date as the translation should say
it, from CLDR through Babel (so no language is special-cased here), never the Indonesian source text."""

from __future__ import annotations

import datetime as dt
import math
import re

from mtcheck.text.dates import Date
from mtcheck.text.quantities import Quantity

_YEAR = re.compile(r"\s*[,،]?\s*y+\s*年?")  # the year and its separator, cut from a CLDR date pattern


def number(value: float, locale: str) -> str:
    """'2.8 billion', '2,8 milliards', '28亿' where the value is round at its scale; all digits otherwise."""
    # Babel is imported where a suggestion is written, not when mtcheck starts (~15 ms, most checks need none).
    from babel.numbers import format_compact_decimal, format_decimal

    if not math.isfinite(value):
        return format_decimal(0, locale=locale)
    if abs(value) >= 1e6:
        scale = 10 ** (int(math.log10(abs(value))) // 3 * 3)
        if abs(round(value / scale, 3) * scale - value) < 1e-6 * abs(value):
            return format_compact_decimal(value, format_type="long", locale=locale, fraction_digits=3)
    return format_decimal(value, locale=locale, decimal_quantization=False)


def quantity(q: Quantity, locale: str) -> str:
    """A source quantity as the target language writes it: '2.8 billion', 'IDR 5 billion', '12,5 %', '14:30'."""
    v = q.value
    if q.kind == "time":
        minutes = int(v) if math.isfinite(v) else 0
        zone = f" {q.unit.name}" if q.unit is not None else ""  # WIB, WITA: the zone names news keep
        return f"{minutes // 60:02d}:{minutes % 60:02d}{zone}"
    if q.kind == "year":
        return str(int(v))
    if q.unit is not None and q.unit.name == "%":
        from babel.numbers import format_percent

        return format_percent(v / 100, locale=locale, decimal_quantization=False)
    shown = number(v, locale)
    if q.unit is None:
        return shown
    if q.unit.dimension == "currency":
        from babel import Locale

        pattern = Locale.parse(locale).currency_formats["standard"].pattern
        return f"{q.unit.name} {shown}" if pattern.lstrip().startswith("¤") else f"{shown} {q.unit.name}"
    return f"{shown} {q.unit.name}"


def date(d: Date, locale: str) -> str | None:
    """A source date in the target language ('Thursday, October 3', 'jeudi 3 octobre', '10月3日木曜日'), or
    None where it has too little to write (a year alone is a number)."""
    from babel.dates import format_date, format_skeleton, get_date_format, get_day_names

    day, month = d.day, d.month
    if day is None or month is None:
        if d.weekday is not None and day is None and month is None:
            return get_day_names("wide", locale=locale)[d.weekday]
        if month is not None:
            return format_skeleton("yMMMM" if d.year else "MMMM", dt.date(d.year or 2000, month, 1), locale=locale)
        return None
    try:
        when = dt.date(d.year or 2000, month, day)  # 2000 is a leap year: 29 February stays writable
    except ValueError:
        return None
    pattern = get_date_format("full" if d.weekday is not None else "long", locale=locale).pattern
    if d.year is None:
        pattern = _YEAR.sub("", pattern).strip()
    if d.weekday is not None and when.weekday() != d.weekday:
        # The source's weekday and date disagree (no year given): write the weekday it names.
        pattern = pattern.replace("EEEE", "'" + get_day_names("wide", locale=locale)[d.weekday] + "'")
    return format_date(when, pattern, locale=locale)
