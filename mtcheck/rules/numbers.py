"""MT401-MT404: numbers, dates, money and units that the translation changed, lost or invented."""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.model import Category, Finding, Severity
from mtcheck.rules.base import Rule
from mtcheck.text import suggest
from mtcheck.text.article import ArticlePair
from mtcheck.text.number_match import match_dates, match_quantities
from mtcheck.text.quantities import units_agree, written_alike


class NumberMismatch(Rule):
    """A number in the source is missing from the translation or has another value there.

    ## What it does
    Reads every number in both texts with its language's conventions (Indonesian "1.250.000,75", "2,5 juta",
    "Rp10 miliar", "pukul 14.30 WIB"; English "2.5 million", "$1.5m", "2:30 p.m."), normalises it to a value
    and pairs equal values inside each aligned sentence, then paragraph, then anywhere in the article. A
    source number left over is reported, with the target number that took its place if there is one, or
    else at the aligned target sentence. Number words and ordinals ("dua", "satu", "kedua", "two",
    "first") count as counterparts and their absence is not reported, but one replaced by another number
    of the same kind at about the same place is ("empat hari" as "two days"). A clock time no clock shows
    ("14:70") is a changed time. Approximate wording ("sekitar", "about", "ribuan") allows rounding.
    Critical when the number is money.

    ## Why is this bad?
    A lost zero or a shrunk magnitude word ("miliar" rendered "million") changes the news.

    ## Example
    Source: Pemerintah mengalokasikan Rp 2,5 miliar untuk 1.200 keluarga korban banjir.
    Target: The government allocated IDR 2.5 million for 1,200 families affected by the flood.

    Use instead:
    Target: The government allocated IDR 2.5 billion for 1,200 families affected by the flood.
    """

    code = "MT401"
    name = "number-mismatch"
    category = Category.NUMBERS
    default_severity = Severity.MAJOR

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        m = match_quantities(pair)
        for s, t in m.changed:
            yield self.finding(
                f"number changed: source {s.describe()}; target {t.describe()}",
                source=s.span, target=t.span, suggestion=suggest.quantity(s, pair.target_pack.code),
                severity=Severity.CRITICAL if s.is_money else None, confidence=0.9)
        for s in m.missing:
            # The error is in the translation: point at the target sentence where the number belongs (or, where
            # its sentence has no counterpart, at the point between target sentences where that belongs).
            yield self.finding(
                f"number missing from the translation: source {s.describe()}",
                source=s.span, target=m.aligned.get(id(s)) or pair.target_place(s.span),
                severity=Severity.CRITICAL if s.is_money else None, confidence=0.7)


class ExtraNumber(Rule):
    """A number in the translation with no counterpart in the source.

    ## What it does
    After pairing numbers as MT401 does, reports target numbers (digits) that match no source number,
    word or round quantity anywhere in the article.

    ## Why is this bad?
    An invented figure is as misleading as a changed one, and often a sign of a hallucinated phrase.

    ## Example
    Source: Banjir merendam ratusan rumah di Bekasi.
    Target: The flood submerged 300 houses in Bekasi.

    Use instead:
    Target: The flood submerged hundreds of houses in Bekasi.
    """

    code = "MT402"
    name = "extra-number"
    category = Category.NUMBERS
    default_severity = Severity.MINOR

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        for t in match_quantities(pair).extra:
            yield self.finding(f"number not in the source: {t.describe()}", target=t.span, confidence=0.6)


class DateMismatch(Rule):
    """A date whose day of week, day, month or year differs in the translation, or is missing.

    ## What it does
    Reads dates with day and month names from CLDR (Babel) in each language and the Indonesian news
    convention "Kamis (3/10)" (Thursday, 3 October). A source date must reappear in the aligned target
    with no conflicting field. A slash date whose two numbers could both be a month, written in the
    other order in the target ("Thursday (10/3)" for "Kamis (3/10)"), is reported as minor: US readers
    read it right, everyone else reads 10 March. A date missing from the translation points at the aligned
    target sentence, where it belongs.

    ## Why is this bad?
    A wrong day or month misdates the event; a dropped date loses when it happened.

    ## Example
    Source: Rutte tiba di Kyiv pada Kamis (3/10) untuk bertemu Zelensky.
    Target: Rutte arrived in Kyiv on Friday (3/10) to meet Zelensky.

    Use instead:
    Target: Rutte arrived in Kyiv on Thursday (3 October) to meet Zelensky.
    """

    code = "MT403"
    name = "date-mismatch"
    category = Category.NUMBERS
    default_severity = Severity.MAJOR

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        for m in match_dates(pair):
            if m.outcome == "different" and m.target is not None:
                yield self.finding(f"date changed: source '{m.source.text}'; target '{m.target.text}'",
                                   source=m.source.span, target=m.target.span,
                                   suggestion=suggest.date(m.source, pair.target_pack.code))
            elif m.outcome == "reversed" and m.target is not None:
                yield self.finding(
                    f"day and month order reversed: source '{m.source.text}' (day/month); target "
                    f"'{m.target.text}' reads as another date outside the US",
                    source=m.source.span, target=m.target.span, severity=Severity.MINOR, confidence=0.8)
            elif m.outcome == "missing":
                # The error is in the translation: point at the target sentence where the date belongs.
                yield self.finding(f"date missing from the translation: '{m.source.text}'",
                                   source=m.source.span, target=pair.target_place(m.source.span),
                                   confidence=0.7)


class UnitMismatch(Rule):
    """A currency or unit changed without converting the amount.

    ## What it does
    For each number paired with an equal target number, compares their currencies and units: "Rp 5 miliar"
    as "$5 billion", or "10 km" as "10 miles", is reported. Converted amounts ("10 km" as "6.2 miles",
    "80 derajat" Fahrenheit as "26 °C") pair as equal and are not reported.

    ## Why is this bad?
    Rupiah shown as dollars multiplies the amount by about 16,000.

    ## Example
    Source: Proyek itu bernilai Rp 5 miliar.
    Target: The project is worth $5 billion.

    Use instead:
    Target: The project is worth IDR 5 billion.
    """

    code = "MT404"
    name = "unit-mismatch"
    category = Category.NUMBERS
    default_severity = Severity.MAJOR

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        for s, t in match_quantities(pair).matched:
            if not s.unit or not t.unit or units_agree(s.unit, t.unit, s.value == t.value):
                continue  # the same unit, or converted: 10 km = 6.2 miles, 80 °F = 26 °C
            if written_alike(s.unit, t, pair.target_pack.code):
                continue  # "1.000 pon" as "1,000 pounds": the word names the weight as well as sterling
            yield self.finding(
                f"unit changed: source {s.describe()}; target {t.describe()}",
                source=s.span, target=t.span, suggestion=suggest.quantity(s, pair.target_pack.code),
                severity=Severity.CRITICAL if s.is_money else None, confidence=0.8)
