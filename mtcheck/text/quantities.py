"""Numbers, money, units and times in running text, normalised to values so that "2,5 juta" (Indonesian)
and "2.5 million" or "2,500,000" (English) compare equal.

The conventions of each language (separators, number words, scale words, currencies, units) are data:
`mtcheck/data/<lang>/numbers.toml`. This module has no language-specific code.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from mtcheck.cache import persistent
from mtcheck.lang.base import data_toml
from mtcheck.model import Span, quick_init
from mtcheck.text.alternation import alternation, first_class, first_letters
from mtcheck.text.ascii_twin import plain, twin

# (?=\d) first: the same matches, and `re` passes over a position that is no digit in one step instead of two
# lookbehinds (the whole text is scanned per article side).
_CORE = re.compile(r"(?=\d)(?<!\d)(?<!\d[.,])\d+(?:[.,]\d+|:\d\d(?!\d))*(?!\d)")
# A pattern that matches nowhere, for the patterns of words a language lists none of. Anchored at the start
# of the string: `re` then tries it at one position, where "(?!x)x" was tried at every position of the text
# (~10 us per scan of an article's side; a language without roman ordinals or not-numbers scanned twice).
_NEVER = re.compile(r"\A(?!x)x")
_CJK_MORE = re.compile(r"[ \u00a0]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")  # "1 万 5 千", "1億2,500万"
# French groups thousands with (non-breaking or thin) spaces: "1 250 000,75".
_SPACES = "[ \u00a0\u202f\u2009]"
_CORE_SPACED = re.compile(  # not inside a longer run of digit groups: "0800 555 111" is a phone number
    rf"(?=\d)(?<!\d)(?<!\d[.,])(?:(?<!\d{_SPACES})[1-9]\d{{0,2}}(?:{_SPACES}\d{{3}}(?!\d))+(?!{_SPACES}\d)|\d+)"
    r"(?:[.,]\d+|:\d\d(?!\d))*(?!\d)")
# Not \b: in Chinese and Japanese a Han character, a word character, stands against the year ("由于2019-20").
_YEAR_RANGE = re.compile(r"(?<!\d)((?:1[5-9]|20)\d\d)[-–/]$")
# A page number written against its abbreviation ("(Larson, 1989, p109)", "pp12"): lower case, so that codes
# and model names (G20, A320, H5N1) stay codes.
_PAGE_BEFORE = re.compile(r"(?<![^\W\d_])pp?$")
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d|2100)$")
_CODE_BEFORE = re.compile(r"([^\W\d_]+)-$")
# Letters glued after the digits ("802.11b", "5G", "4K", "3D") make a code, unless they are a unit, a scale
# or an ordinal suffix (read first) or the plural of a decade ("1980s").
_CODE_AFTER = re.compile(r"[A-Za-z]{1,2}(?![A-Za-z])")
# "24/7", written so in every language here: a phrase ("around the clock"), not two numbers. Not in brackets
# nor after a date's preposition: "Kamis (24/7)", "pada 24/7" are Indonesian news's date, 24 July.
_AROUND_THE_CLOCK = re.compile(r"(?<![\d/(（])(?<!\bpada )(?<!\btanggal )(?<!\bsejak )(?<!\bhingga )(?<!\bon )"
                               r"(?<!\ble )24 ?/ ?7(?![\d/)）])")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_PER_HOUR = {"km/h": "km", "mph": "mi"}  # a speed and the length it counts per hour
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}


def _alternation(phrases: Iterable[str]) -> str:
    """Regex alternation, longest first, with a space inside a phrase matching any run of spaces."""
    # Ties in length in a fixed order, not the set's (which changes with each process's string hashing): the
    # same matches either way, and the same pattern string in every process, so the regex cache keeps it.
    parts = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in parts)


def _alternation_i(phrases: Iterable[str]) -> str:
    """_alternation for a pattern compiled with re.I, written as a trie (text/alternation.py: the same
    matches; the number words were tried one by one at every position of the text)."""
    parts = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
    return alternation(parts, ignore_case=True, spaces=True)


def _word_end(phrase: str) -> str:
    # Symbols ("%", "$") and CJK words ("万", "公里": no spaces between words) need no word boundary, and
    # kana or Han after a Latin unit is a new word ("200mおよび").
    latin_end = phrase[-1:].isalnum() and not _is_cjk(phrase[-1])
    return r"(?![^\W\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff])" if latin_end else ""


def _is_cjk(ch: str) -> bool:
    return "\u3040" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _suffix_regex(table: dict[str, object], joiners: tuple[str, ...] = ()) -> re.Pattern[str] | None:
    if not table:
        return None
    alts = sorted(table, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in a.split()) + _word_end(a) for a in alts)
    # "2,5 milliards de roupies": a joining word may stand between an amount and its currency.
    join = "(?:(?:" + "|".join(re.escape(j) for j in joiners) + r")\s?)?" if joiners else ""
    return re.compile(rf"[ \u00a0\u202f-]?{join}({body})")  # "30-metre"


def _unit_key(text: str) -> str:
    """Unit words compare in lower case ("Dollars" at a line start), codes as written ("IDR", "MW")."""
    return text if text.isupper() else text.lower()


@dataclass(frozen=True)
class Unit:
    """A unit of measure or currency, with its dimension and factor to the base unit."""
    name: str  # canonical symbol: "km", "%", "IDR"
    dimension: str  # "length", "percent", "currency", ...
    factor: float  # to the dimension's base unit (currencies: 1, never converted)


@dataclass(frozen=True)
class NumberSystem:
    """One language's number conventions, from its numbers.toml."""

    code: str
    decimal: str
    group: str
    words: dict[str, float]
    teens: dict[str, float]
    multipliers: dict[str, float]
    scales: dict[str, float]
    approximate: dict[str, float]
    ordinal_prefix: str
    ordinal_suffixes: tuple[str, ...]
    ordinal_mark: str  # written against the number before it: 第二, 第3 (Chinese, Japanese)
    ordinal_words: dict[str, float]
    currency_before: dict[str, str]
    after: dict[str, Unit]  # currencies and units written after the number (lower-cased keys)
    time_before: tuple[str, ...]  # make a bare hour a time: "pukul 7"
    time_before_minutes: tuple[str, ...]  # only with minutes: "at 10.30", "à 14.30" ("à 18 ans" is an age)
    time_after: tuple[str, ...]
    # Day periods after an hour ("3 sore", "6 pagi"): a time when a time word stands shortly before
    # ("antara pukul 3 sore dan 6 pagi"); alone "3 malam" may be three nights.
    day_periods: tuple[str, ...]
    time_separators: str
    zones: dict[str, float]  # lower-cased zone name -> hours from UTC
    time_words: dict[str, int]  # "noon" -> 720 minutes
    attached_scales: frozenset[str]  # written against the digits: "10bn", "150万"
    money_scales: frozenset[str]  # against the digits only after a currency: "$1.5m" (but "100m" is metres)
    digit_map: dict[int, str]  # str.translate table, one character for one: full-width and Arabic-Indic digits
    time_patterns: tuple[re.Pattern[str], ...]  # with groups h and m: "14h30", "14时30分"
    cjk_numerals: dict[str, int]  # 一二三..., 十百千: parsed as numbers (soft) when present
    space_groups: bool  # "1 250 000" (French): a space before exactly three digits groups thousands
    unit_joiners: tuple[str, ...]  # "de", "d'": between an amount and its unit
    soft_after: tuple[str, ...]  # suffixes that make a number soft: "1960-an"
    # As a target: small counts this language writes in words mtcheck does not read (Arabic عشرة).
    words_below: float
    hedges: tuple[str, ...]
    # Phrases with number words that state no count ("satu-satunya": the only; "satu sama lain": each other).
    not_numbers: tuple[str, ...] = ()
    # As a target: words that render "100 percent" ("100 persen yakin" as 絶対に: absolutely certain).
    whole_words: tuple[str, ...] = ()
    # Attached to a number word ("و" and, "ب" with, "ال" the: "وعشرون", "بمليون", "الثلاث").
    word_prefixes: tuple[str, ...] = ()
    # An ordinal word followed by one of these adds ten ("السادس عشر": sixteenth); an ordinal, a joiner and a
    # tens ordinal add up ("الخامس والعشرين": twenty-fifth).
    ordinal_teens: tuple[str, ...] = ()
    ordinal_joiners: tuple[str, ...] = ()
    ordinal_teen_ones: tuple[str, ...] = ()  # the ordinals of 1 that form a teen (الحادي عشر); not أول
    roman_ordinal_suffixes: tuple[str, ...] = ()  # "XVIe siècle", "XVIème"
    # Between digits and an attached scale ("550多万": more than 5.5 million): the amount is approximate.
    scale_infixes: tuple[str, ...] = ()
    percent_before: tuple[str, ...] = ()  # "百分之三十" (30%)
    # A Han numeral is a count only before a classifier or measure word (三个, 五名); else it is part of a
    # word (四散 "scatter", 二进制 "binary").
    classifiers: tuple[str, ...] = ()
    # "antara 14 dan 22 juta": the scale of the second number may apply to the first.
    range_joiners: tuple[str, ...] = ()
    # Multipliers that are also a unit after a number word ("quatre cents": 400, or four cents).
    unit_multipliers: tuple[str, ...] = ()
    vague_before: tuple[str, ...] = ()  # "数千": several thousand, a magnitude
    roman_not: frozenset[str] = frozenset()  # words that look like Roman ordinals: French "Le", "Ce"
    decade_words: tuple[str, ...] = ()  # "satu dekade": also a count of years (10), "10 ans plus tard"
    fraction_marks: tuple[str, ...] = ()  # after a Han numeral, a fraction's denominator: 三分之二
    # Unit words listed both as a currency and as a unit (English "pounds": GBP or lb) -> the two unit names;
    # the word is read as the currency, and agrees with either.
    homonyms: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_toml(cls, code: str, data: dict) -> NumberSystem:
        after: dict[str, Unit] = {}
        before: dict[str, str] = {}
        for text, iso, position in data.get("currencies", []):
            if position == "before":
                before[text] = iso
            else:
                after.setdefault(_unit_key(text), Unit(iso, "currency", 1.0))
        homonyms: dict[str, frozenset[str]] = {}
        for text, name, dimension, factor in data.get("units", []):
            key = _unit_key(text) if text[0].isalpha() else text
            if key in after and after[key].dimension == "currency" and dimension != "currency":
                homonyms[key] = frozenset({after[key].name, name})  # "pounds": sterling or weight
            after.setdefault(key, Unit(name, dimension, float(factor)))
        ordinal = data.get("ordinal", {})
        return cls(
            homonyms=homonyms,
            code=code, decimal=data["decimal"], group=data["group"],
            words={k: float(v) for k, v in data.get("words", {}).items()},
            teens={k: float(v) for k, v in data.get("teens", {}).items()},
            multipliers={k: float(v) for k, v in data.get("multipliers", {}).items()},
            scales={k: float(v) for k, v in data.get("scales", {}).items()},
            approximate={k: float(v) for k, v in data.get("approximate", {}).items()},
            ordinal_prefix=ordinal.get("prefix", ""),
            ordinal_suffixes=tuple(ordinal.get("suffixes", ())),
            ordinal_mark=ordinal.get("mark", ""),
            # "first" lists the words for 1 that are no prefix form ("pertama", not "kesatu").
            ordinal_words={**{k: float(v) for k, v in ordinal.get("words", {}).items()},
                           **{k: 1.0 for k in ordinal.get("first", ())}},
            currency_before=before, after=after,
            time_before=tuple(data.get("time_before", ())), time_after=tuple(data.get("time_after", ())),
            time_before_minutes=tuple(data.get("time_before_minutes", ())),
            day_periods=tuple(data.get("day_periods", ())),
            time_separators="".join(data.get("time_separators", [":"])),
            zones={k.lower(): float(v) for k, v in data.get("zones", {}).items()},
            time_words={k: int(v) for k, v in data.get("time_words", {}).items()},
            attached_scales=frozenset(data.get("scales_attached", ())),
            money_scales=frozenset(data.get("scales_attached_money", ())),
            digit_map={ord(k): v for k, v in data.get("digits", {}).items()},
            time_patterns=tuple(re.compile(p) for p in data.get("time_patterns", ())),
            cjk_numerals={k: int(v) for k, v in data.get("cjk_numerals", {}).items()},
            space_groups=bool(data.get("space_groups", False)),
            unit_joiners=tuple(data.get("unit_joiners", ())),
            soft_after=tuple(data.get("soft_after", ())),
            decade_words=tuple(data.get("decade_words", ())),
            fraction_marks=tuple(data.get("fraction_marks", ())),
            words_below=float(data.get("words_below", 0)),
            hedges=tuple(data.get("hedges", ())),
            not_numbers=tuple(data.get("not_numbers", ())),
            whole_words=tuple(data.get("whole_words", ())),
            word_prefixes=tuple(data.get("word_prefixes", ())),
            ordinal_teens=tuple(ordinal.get("teens", ())),
            ordinal_joiners=tuple(ordinal.get("joiners", ())),
            ordinal_teen_ones=tuple(ordinal.get("teen_ones", ())),
            roman_ordinal_suffixes=tuple(ordinal.get("roman_suffixes", ())),
            scale_infixes=tuple(data.get("scale_infixes", ())),
            percent_before=tuple(data.get("percent_before", ())),
            classifiers=tuple(data.get("classifiers", ())),
            range_joiners=tuple(data.get("range_joiners", ())),
            unit_multipliers=tuple(data.get("unit_multipliers", ())),
            vague_before=tuple(data.get("vague_before", ())),
            roman_not=frozenset(ordinal.get("roman_not", ())),
        )

    # Compiled lazily: the regexes are per system and reused for every article.
    @property
    def patterns(self) -> _Patterns:
        return _patterns(self)


@dataclass(frozen=True)
class _Patterns:
    """A language's compiled patterns for finding numbers, units and scale words."""
    before_currency: re.Pattern[str]
    scale_spaced: re.Pattern[str]
    scale_attached: re.Pattern[str]
    scale_attached_money: re.Pattern[str]
    time_core: re.Pattern[str]
    after: re.Pattern[str] | None
    hedge_before: re.Pattern[str]
    time_before: re.Pattern[str]
    time_after: re.Pattern[str]
    ordinal_before: re.Pattern[str] | None
    ordinal_after: re.Pattern[str] | None
    word_number: re.Pattern[str]
    approximate: re.Pattern[str] | None
    ordinal_word: re.Pattern[str] | None
    time_before_minutes: re.Pattern[str]
    day_period: re.Pattern[str]
    not_numbers: re.Pattern[str]
    roman_ordinal: re.Pattern[str]
    percent_before: re.Pattern[str]
    range_before: re.Pattern[str]
    time_word: re.Pattern[str]  # a time_before word anywhere: "pukul 3 sore dan 6 pagi"
    # word_number's ASCII twin (text/ascii_twin.py), for a text for which ascii_twin.plain holds: the same
    # matches, at 0.78x the instructions (en; under re.I each letter is lower-cased through Unicode's tables)
    word_number_ascii: re.Pattern[str] | None = None


_PATTERNS: dict[str, _Patterns] = {}


def _when(words: tuple[str, ...], pattern: str) -> re.Pattern[str]:
    """The pattern, or one that never matches when the language lists no such words (an empty alternation
    would match everywhere)."""
    return re.compile(pattern, re.I) if words else _NEVER


def _scale_regex(scales: dict[str, float], infixes: tuple[str, ...] = ()) -> re.Pattern[str]:
    if not scales:
        return _NEVER
    alts = sorted(scales, key=len, reverse=True)
    infix = rf"(?:{_alternation(infixes)})?[ \u00a0\u202f]?" if infixes else ""
    return re.compile(r"[ \u00a0\u202f]?" + infix + "(" + "|".join(re.escape(a) + _word_end(a) for a in alts) + ")")


def _patterns(ns: NumberSystem) -> _Patterns:
    cached = _PATTERNS.get(ns.code)
    if cached:
        return cached
    # A shipped language's patterns come from the cache (their tries cost ~5 ms per language to build)
    p = _PATTERNS[ns.code] = _shipped_patterns(ns.code) if ns is number_system(ns.code) else _build_patterns(ns)
    return p


@persistent
def _shipped_patterns(code: str) -> _Patterns:
    ns = number_system(code)
    assert ns is not None
    return _build_patterns(ns)


_KATAKANA_NUMBER_START = r"(?:\b|(?=[\u30a0-\u30ff]))(?<![\u30a0-\u30ff])(?<![\u30a0-\u30ff][-‐－])"
_NUMBER_START = r"\b(?<![\u30a0-\u30ff])(?<![\u30a0-\u30ff][-‐－])"


def _number_word_start(firsts: list[str]) -> str:
    """The zero-width test before a number word. Katakana number words ("イレブン": a football eleven) stand
    between hiragana or kanji, where \\b never holds; not inside a longer katakana word ("セブンイレブン",
    "セブン-イレブン"). Where no word (or word prefix) starts with katakana, a match can never start at a
    katakana character, so the alternative `(?=[katakana])` never leads to one and \\b alone gives the same
    matches: without the alternation, re tests each position in one step fewer (en: 0.76x that scan's
    instructions, id: 0.77x). \\b first: the three are zero-width tests of one position (the same matches in
    any order), and \\b turns away a position inside a word in one step, before the lookbehinds' two."""
    if all(w and not "\u30a0" <= w[0] <= "\u30ff" for w in firsts):
        return _NUMBER_START
    return _KATAKANA_NUMBER_START


def _build_patterns(ns: NumberSystem) -> _Patterns:
    spaced = {k: v for k, v in ns.scales.items() if k not in ns.attached_scales | ns.money_scales}
    attached = {k: v for k, v in ns.scales.items() if k in ns.attached_scales}
    attached_money = {k: v for k, v in ns.scales.items() if k in ns.attached_scales | ns.money_scales}
    number_words = [*ns.words, *ns.teens, *ns.multipliers, *spaced]
    word_alt = _alternation_i(number_words)  # every pattern that reads it is compiled with re.I
    if ns.word_prefixes and word_alt:
        word_alt = rf"(?:{_alternation_i(ns.word_prefixes)})?(?:{word_alt})"
    joiner = r"(?:[\s-]+(?:(?:and|dan)\s+)?(?:a\s+)?)"  # "one hundred and five", "seven and a half"
    # (see _number_word_start)
    lb = _number_word_start([*ns.word_prefixes, *number_words])
    rb = r"(?:\b|(?<=[\u30a0-\u30ff]))(?![\u30a0-\u30ff])"
    ordinal_alt = _alternation_i(ns.ordinal_words)
    # After a joiner only a tens ordinal ("الخامس والعشرين", 25th), and never after a teen: in "الحادي عشر
    # والثاني عشر" (the 11th and 12th) the second ordinal is a number of its own, not 11 + 2.
    tens_alt = _alternation_i([w for w, v in ns.ordinal_words.items() if v >= 20 and v % 10 == 0])
    teen = rf"\s+(?P<teen>{_alternation(ns.ordinal_teens)})" if ns.ordinal_teens else ""
    ord2 = rf"\s+(?:{_alternation(ns.ordinal_joiners)})(?P<ord2>{tens_alt})" if ns.ordinal_joiners and tens_alt else ""
    # "twenty-fourth", "vingt-quatrième"; "السادس عشر" (16th); "الخامس والعشرين" (25th).
    # A prefix joins an ordinal as it joins a cardinal: "والثاني عشر" (and the twelfth).
    ord_prefix = rf"(?:{_alternation(ns.word_prefixes)})?" if ns.word_prefixes else ""
    compound = (rf"\b{ord_prefix}(?:(?P<tens>{word_alt})[\s-]+)?(?P<ord>{ordinal_alt})"
                + (f"(?:{'|'.join(x for x in (teen, ord2) if x)})?" if teen or ord2 else "")
                + r"\b") if ordinal_alt else None
    p = _Patterns(
        before_currency=re.compile(rf"(?<![\w$])({_alternation(ns.currency_before)})[ \u00a0\u202f]?$"),
        # A scale word may also stand against the digits: "Rp1,5triliun", "£11juta", "€3.1billion".
        scale_spaced=re.compile(rf"\+?[ \u00a0\u202f-]?({_alternation(spaced)})(?![\w])", re.I) if spaced else _NEVER,
        # "10bn" always; "$1.5m", "Rp3k" only after a currency ("100m" alone is a distance).
        scale_attached=_scale_regex(attached, ns.scale_infixes),
        scale_attached_money=_scale_regex(attached_money),
        time_core=re.compile(rf"\d{{1,2}}[{re.escape(ns.time_separators)}]\d\d"),
        after=_suffix_regex(ns.after, ns.unit_joiners),
        # (As a trie, the same matches: under re.I each hedge was tried at every position of the 40
        # characters before each number.)
        hedge_before=_when(ns.hedges, rf"({_alternation_i(ns.hedges)})\s*(?:[^\W\d]{{1,4}}\s+)?$"),
        time_before=_when(ns.time_before, rf"\b({_alternation(ns.time_before)})\s+$"),
        time_after=_when(ns.time_after, rf"\s?({_alternation(ns.time_after)})(?![\w])"),
        ordinal_before=re.compile(rf"\b{re.escape(ns.ordinal_prefix)}-$", re.I) if ns.ordinal_prefix else None,
        ordinal_after=re.compile(rf"({_alternation(ns.ordinal_suffixes)})\b") if ns.ordinal_suffixes else None,
        word_number=re.compile(rf"{first_letters([*ns.word_prefixes, *number_words])}{lb}(?:{word_alt})"
                               rf"(?:{joiner}(?:{word_alt}))*{rb}", re.I),
        approximate=re.compile(rf"\b({_alternation(ns.approximate)})\b", re.I) if ns.approximate else None,
        # (after a first-letter lookahead: text/alternation.py's first_letters, the same matches)
        ordinal_word=(re.compile(first_letters([ns.ordinal_prefix, *ns.ordinal_words])
                                 + rf"\b({re.escape(ns.ordinal_prefix)}(?:{word_alt})(?:{joiner}(?:{word_alt}))*"
                                 + (f"|{_alternation(ns.ordinal_words)}" if ns.ordinal_words else "") + r")\b", re.I)
                      if ns.ordinal_prefix
                      else re.compile(first_letters([*ns.word_prefixes, *number_words, *ns.ordinal_words]) + compound,
                                      re.I) if compound
                      else None),
        time_before_minutes=_when(ns.time_before_minutes, rf"\b({_alternation(ns.time_before_minutes)})\s+$"),
        day_period=_when(ns.day_periods, rf"\s+({_alternation(ns.day_periods)})(?![\w])"),
        not_numbers=_when(ns.not_numbers, rf"(?<![\w-])(?:{_alternation(ns.not_numbers)})(?![\w-])"),
        roman_ordinal=(re.compile(rf"\b([IVXLC]+)(?:{_alternation(ns.roman_ordinal_suffixes)})\b")
                       if ns.roman_ordinal_suffixes else _NEVER),
        percent_before=(re.compile(rf"(?:{_alternation(ns.percent_before)})(\d+(?:\.\d+)?|[{''.join(ns.cjk_numerals)}]+)")
                        if ns.percent_before else _NEVER),
        time_word=_when(ns.time_before, rf"\b({_alternation(ns.time_before)})\s"),
        range_before=_when(ns.range_joiners, rf"^\s*(?:{_alternation(ns.range_joiners)})\s*$"),
    )
    try:
        return replace(p, word_number_ascii=twin(p.word_number))
    except ValueError:  # a pattern whose twin could differ on ASCII text: none
        return p


@cache
def number_system(code: str) -> NumberSystem | None:
    data = data_toml(code, "numbers.toml")
    return NumberSystem.from_toml(code, data) if data is not None else None


@quick_init  # (mtcheck/model.py: the fields set through their slots)
@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in text. `values` holds every reading (an ambiguous "1.000" in English has two)."""

    span: Span
    text: str
    values: tuple[float, ...]
    kind: str = "number"  # number | ordinal | time | year
    unit: Unit | None = None
    approximate: bool = False
    # Digits are strict: a strict source number must reappear. Number words ("dua", "one") and round
    # quantities ("ribuan") are soft: they satisfy a strict number but their absence proves nothing.
    strict: bool = True
    # A bare scale word ("beberapa triliun", "millions"): only its order of magnitude is stated.
    magnitude: bool = False
    # A clock time no clock shows ("14:70"): a time that matches nothing, so that it pairs as changed.
    impossible: bool = False
    # "2.53" in Indonesian: a decimal, or the clock time 02:53; minutes since midnight for the second reading.
    clock: float | None = None
    code: str | None = None  # kind "code": the letters of the name ("covid" for COVID-19, "-b" for 802.11b)
    scale: float = 1.0  # the scale word's factor ("22 juta": 1e6), which a range's first number may share
    # A count of decades ("satu dekade"): also met by ten times its value in years, in its own sentence only
    # (text/number_match.py), so that it takes no other sentence's "ten".
    decades: bool = False

    @property
    def value(self) -> float:
        return self.values[0]

    @property
    def is_money(self) -> bool:
        return self.unit is not None and self.unit.dimension == "currency"

    def describe(self) -> str:
        if self.impossible:
            return f"{self.text} (no such time)"
        v = int(self.value) if math.isfinite(self.value) else 0  # a reading past float range is shown as written
        shown = f"{self.value:,.10g}" if self.kind != "time" else f"{v // 60:02d}:{v % 60:02d}"
        unit = f" {self.unit.name}" if self.unit else ""
        approx = "about " if self.approximate else ""
        return f"{self.text} ({approx}{shown}{unit})" if self.text != shown else self.text


def _parse_digits(core: str, ns: NumberSystem) -> tuple[float, ...]:
    """Values of a digit string under the language's separators, plus a lenient second reading where the
    string is ambiguous (an English "1.000" or an Indonesian "1,000" written in the other convention)."""
    g, d = ns.group, ns.decimal
    if ":" in core:
        return ()
    if g in core:
        head, _, frac = core.partition(d)
        groups = head.split(g)
        if 1 <= len(groups[0]) <= 3 and all(len(x) == 3 for x in groups[1:]) and d not in frac:
            return (float("".join(groups) + ("." + frac if frac else "")),)
        if core.count(g) == 1 and d not in core:
            return (float(core.replace(g, ".")),)  # the group mark used as a decimal point: "1.5" in Indonesian
        return ()
    if d in core:
        if core.count(d) > 1:
            return ()
        whole, frac = core.split(d)
        value = float(f"{whole}.{frac}")
        return (value, float(whole + frac)) if len(frac) == 3 and len(whole) <= 3 else (value,)
    return (float(core),)


def _digit_readings(core: str, ns: NumberSystem) -> tuple[float, ...]:
    """`_parse_digits`, but never raising: a digit string that is no number under the language's separators
    ("192.168.1.1", "2.5,3", "1.000.000" read with French conventions) has no reading, and a value past float
    range (a 310-digit run is an identifier, not a quantity) none either. Any text must parse or be skipped."""
    try:
        values = _parse_digits(core, ns)
    except (ValueError, OverflowError):
        return ()
    return tuple(v for v in values if math.isfinite(v))


def _parse_words(phrase: str, ns: NumberSystem) -> float | None:
    total = current = last = 0.0
    seen = False
    unit = False  # the last token was a word below ten: "satu dua" is a list ("once or twice"), not 3
    for tok in re.split(r"[\s-]+", phrase.lower()):
        if tok in ("and", "dan", "a"):
            continue
        tok = _unprefixed(tok, ns)
        if tok in ns.words:
            value = ns.words[tok]
            if unit and 1 <= value < 10:
                return None
            unit = value < 10
            current += value
            last = value if value < 100 else 0.0
        elif tok in ns.teens:
            if not current:
                return None  # "belas" alone is no number
            unit = False
            current += ns.teens[tok]
            last = 0.0
        elif tok in ns.multipliers:
            unit = False
            m = ns.multipliers[tok]
            current = current - last + (last or 1.0) * m
            last = 0.0
        elif tok in ns.scales:
            unit = False
            total += (current or 1.0) * ns.scales[tok]
            current = last = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def _unprefixed(tok: str, ns: NumberSystem) -> str:
    """The table word inside a number word with an attached prefix ("وعشرون" -> "عشرون", "بمليون" -> "مليون")."""
    tables = (ns.words, ns.teens, ns.multipliers, ns.scales)
    if any(tok in t for t in tables):
        return tok
    for prefix in sorted(ns.word_prefixes, key=len, reverse=True):
        if tok.startswith(prefix) and any(tok[len(prefix):] in t for t in tables):
            return tok[len(prefix):]
    return tok


def _covered(start: int, end: int, taken: Sequence[Span]) -> bool:
    if isinstance(taken, _Taken):
        return taken.overlaps(start, end)
    return any(s.start < end and start < s.end for s in taken)


class _Taken(list):
    """The spans already read as something: a list, plus their union as sorted disjoint intervals, so that
    the overlap test takes log time instead of a scan of every span (quadratic on long articles)."""

    def __init__(self, spans: Sequence[Span] = ()) -> None:
        super().__init__()
        self._starts: list[int] = []
        self._ends: list[int] = []
        for span in spans:
            self.append(span)

    def append(self, span: Span) -> None:
        super().append(span)
        a, b = span.start, span.end
        lo = bisect.bisect_right(self._ends, a)  # the first interval ending after a
        hi = bisect.bisect_left(self._starts, b, lo)  # the first starting at or after b
        if lo < hi:  # overlapping intervals merge into one
            a, b = min(a, self._starts[lo]), max(b, self._ends[hi - 1])
        self._starts[lo:hi] = [a]
        self._ends[lo:hi] = [b]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._ends, start)
        return i < len(self._starts) and self._starts[i] < end


def find_quantities(text: str, code: str, exclude: Sequence[Span] = ()) -> list[Quantity]:
    """Every quantity in `text`, in order, skipping spans in `exclude` (dates, found first)."""
    ns = number_system(code)
    if ns is None:
        return []
    p = ns.patterns
    original = text
    if ns.digit_map:
        text = text.translate(ns.digit_map)  # one character for one: offsets stay valid
    taken = _Taken(exclude)
    for m in p.not_numbers.finditer(text):
        taken.append(Span(*m.span()))
    found: list[Quantity] = []
    for m in _AROUND_THE_CLOCK.finditer(text):
        if _covered(*m.span(), taken):
            continue  # a date
        # "bekerja 24/7" is "around the clock", "全天候", "sans relâche": no count; compared with a 24/7 only
        found.append(Quantity(Span(*m.span()), original[m.start():m.end()], (24.0,), "code", strict=False,
                              code="24/7"))
        taken.append(Span(*m.span()))
    for pattern in ns.time_patterns:
        for m in pattern.finditer(text):
            if _covered(*m.span(), taken):
                continue
            hours, minutes = _small_int(m["h"], ns), _small_int(m["m"], ns) if m["m"] else None
            if hours is None:
                continue
            if hours > 24 or (minutes or 0) >= 60:  # 14h70, 9時75分
                found.append(_impossible_time(m.start(), m.end(), original))
                taken.append(Span(*m.span()))
                continue
            minutes = minutes if minutes is not None else (30 if m.group().endswith("半") else 0)  # 10点半
            # "15 h 00 UTC": a zone after the time, so that it compares in UTC with "22.00 WIB"
            stop, zone = m.end(), None
            if (t_zone := p.time_after.match(text, stop)) and (
                    marker := re.sub(r"\s+", " ", t_zone.group(1)).lower()) in ns.zones:
                stop, zone = t_zone.end(), Unit(marker.upper(), "zone", ns.zones[marker])
            found.append(Quantity(Span(m.start(), stop), original[m.start():stop],
                                  (float(hours * 60 + minutes),), "time", zone))
            taken.append(Span(m.start(), stop))
    for m in p.percent_before.finditer(text):  # 百分之三十
        if _covered(*m.span(), taken):
            continue
        value = _small_int(m[1], ns) if not m[1][0].isdigit() else float(m[1])
        if value is not None:
            found.append(Quantity(Span(*m.span()), original[m.start():m.end()], (float(value),),
                                  unit=Unit("%", "percent", 1.0)))
            taken.append(Span(*m.span()))
    for m in (_CORE_SPACED if ns.space_groups else _CORE).finditer(text):
        start, end = m.span()
        if _covered(start, end, taken):
            continue
        core = re.sub(r"[\u00a0\u202f\u2009 ]", " ", m.group())
        if start and text[start - 1] == "." == ns.decimal and _bare_decimal_point(text[start - 2:start - 1]):
            core, start = "0." + core, start - 1  # ".08%": a decimal without its leading zero
        before = text[max(0, start - 40):start]
        kind = "number"
        unit: Unit | None = None
        approximate = bool(p.hedge_before.search(before))
        # Time of day: "pukul 14.30 WIB", "2:30 p.m.", "14:30", "antara pukul 3 sore dan 6 pagi".
        t_after = p.time_after.match(text, end)
        clock = re.fullmatch(r"(\d{1,2})(?:[.:](\d\d))?", core)
        if not clock and t_after and re.sub(r"\s+", " ", t_after.group(1)).lower() in ns.zones:
            clock = re.fullmatch(r"([01]\d|2[0-4])([0-5]\d)", core)  # "1200 GMT": the wire services' four digits
        followed = p.scale_spaced.match(text, end) or (p.after and p.after.match(text, end))
        clock_reading: float | None = None
        if clock and not followed:
            hours, minutes = int(clock[1]), int(clock[2] or 0)
            hour_word = p.time_before.search(before)
            if hour_word and re.search(r"\d\s*$", before[:hour_word.start()]):
                hour_word = None  # "3 jam 15 menit": a duration
            period = p.day_period.match(text, end) if p.time_word.search(text, max(0, start - 40), start) else None
            firm = bool((":" in core and p.time_core.fullmatch(core)) or t_after or hour_word or period
                        or (clock[2] and p.time_before_minutes.search(before)))
            valid = hours <= 24 and minutes < 60
            if firm and valid:
                value = hours * 60 + minutes
                zone = None
                if t_after:
                    marker = re.sub(r"\s+", " ", t_after.group(1)).lower()
                    if marker.startswith("p") and hours < 12:
                        value += 720
                    if marker in ns.zones:
                        zone = Unit(marker.upper(), "zone", ns.zones[marker])
                stop = t_after.end() if t_after else period.end() if period else end
                found.append(Quantity(Span(start, stop), original[start:stop], (float(value),), "time", zone))
                taken.append(Span(start, stop))
                continue
            if firm and clock[2] and hours <= 24:
                stop = t_after.end() if t_after else end  # "14:70", "7.65am", "pukul 14.70"
                found.append(_impossible_time(start, stop, original))
                taken.append(Span(start, stop))
                continue
            if valid and clock[2] and p.time_core.fullmatch(core):
                clock_reading = float(hours * 60 + minutes)  # "ERA 2.53" or "07.30": a decimal or a time
        values = _digit_readings(core, ns)
        if not values:
            continue
        if len(core) == 2 and (span_year := _YEAR_RANGE.search(before)):
            values = (*values, float(span_year[1][:2] + core))  # "2019-20": the second year, abbreviated
        stop = end
        # "29¾ inches"; also "29Â¾", the UTF-8 of ¾ read as Latin-1, as web-scraped sources carry it
        frac = end + 1 if text[end:end + 1] == "Â" and text[end + 1:end + 2] in _FRACTIONS else end
        if frac < len(text) and text[frac] in _FRACTIONS:
            values, stop = tuple(v + _FRACTIONS[text[frac]] for v in values), frac + 1
        cur = p.before_currency.search(before)
        if (start and text[start - 1].isascii() and text[start - 1].isalpha() and not cur
                and not _PAGE_BEFORE.search(before)):
            continue  # part of a code or model name: G20, A320, H5N1
        ordinal_before = bool(p.ordinal_before and p.ordinal_before.search(before))
        # (Only where `before` ends in the hyphen the pattern ends with: its search over the 40 characters
        # tried each letter as a word's start and read the word to its end, ~14 us per number.)
        code_before = _CODE_BEFORE.search(before) if before.endswith(("-", "-\n")) else None
        if code_before and not ordinal_before and len(core) <= 3 and (
                any(c.isupper() for c in code_before[1]) or not code_before[1].isascii()):
            # COVID-19, SARS-CoV-2, F-16: a name, not an amount; compared with the same name's number only
            found.append(Quantity(Span(start, end), original[start:end], values, "code", strict=False,
                                  code=code_before[1].lower()))
            taken.append(Span(start, end))
            continue
        if cur:
            unit = Unit(ns.currency_before[re.sub(r"\s+", " ", cur.group(1))], "currency", 1.0)
            start -= len(before) - cur.start(1)
        if ordinal_before or (ns.ordinal_mark and before.endswith(ns.ordinal_mark)):
            kind = "ordinal"
        elif p.ordinal_after and (o := p.ordinal_after.match(text, stop)):
            kind, stop = "ordinal", o.end()
        scale = p.scale_spaced.match(text, stop) or (p.scale_attached_money if unit else p.scale_attached).match(
            text, stop)
        factor = 1.0
        if scale and kind == "number":
            factor = ns.scales.get(scale.group(1).lower()) or ns.scales[scale.group(1)]
            values = tuple(v * factor for v in values)
            stop = scale.end()
            approximate = approximate or any(i in scale.group() for i in ns.scale_infixes)
            # "1億2500万": a smaller digit group with its own scale continues the same number.
            while more := _CJK_MORE.match(text, stop):
                sub = p.scale_attached.match(text, more.end())
                sub_factor = ns.scales.get(sub.group(1)) if sub else None
                if not sub_factor or sub_factor >= factor:
                    break
                values = tuple(v + float(more.group().replace(",", "")) * sub_factor for v in values)
                factor, stop = sub_factor, sub.end()
        if p.after and (u := p.after.match(text, stop)):
            key = u.group(1)
            key = re.sub(r"\s+", " ", _unit_key(key) if key[0].isalpha() else key)
            if key in ns.after and (unit is None or ns.after[key].dimension == "currency"):
                unit = unit or ns.after[key]
                stop = u.end()
        if stop == end and kind == "number" and (glued := _CODE_AFTER.match(text, end)) and glued.group() != "s":
            found.append(Quantity(Span(start, end), original[start:end], values, "code", strict=False,
                                  code="-" + glued.group().lower()))  # 802.11b, 5G, 4K
            taken.append(Span(start, end))
            continue
        if kind == "number" and unit is None and len(values) == 1 and _YEAR.match(core):
            kind = "year"
        # A bare "1" is as often "a", "an" or "one" in the translation: it may match but need not; a decade
        # ("1960-an") may be written in words.
        strict = not (values == (1.0,) and not (unit and unit.dimension == "currency")) and not any(
            text.startswith(x, stop) for x in ns.soft_after)
        found.append(Quantity(Span(start, stop), original[start:stop], values, kind, unit, approximate, strict,
                              clock=clock_reading, scale=factor))
        taken.append(Span(start, stop))
    for pattern, words in _time_word_scans(tuple(ns.time_words)):
        for m in pattern.finditer(text):
            if not _covered(*m.span(), taken):
                minutes = ns.time_words[words[m.lastindex - 1]]
                found.append(Quantity(Span(*m.span()), m.group(), (float(minutes),), "time", strict=False))
                taken.append(Span(*m.span()))
    found.extend(_word_quantities(text, ns, taken))
    if ns.cjk_numerals:
        found.extend(_cjk_numerals(text, ns, taken))
    if ns.decade_words:
        found = _decade_readings(found, text, ns)
    found.sort(key=lambda q: q.span.start)
    return _ranges_and_conversions(found, text, ns)


@cache
def _decade_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{_alternation(words)})\b", re.I)


def _decade_readings(found: list[Quantity], text: str, ns: NumberSystem) -> list[Quantity]:
    """A count of decades is also a count of years: "satu dekade kemudian" is "10 ans plus tard", "十年后"."""
    pattern = _decade_pattern(ns.decade_words)
    return [replace(q, decades=True)
            if q.kind == "number" and q.unit is None and not q.magnitude and pattern.match(text, q.span.end) else q
            for q in found]


@cache
def _time_word_scans(words: tuple[str, ...]) -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    """The scans of a text for these time words ("noon", "tengah malam"): each a pattern of whole words, after
    a lookahead for their first letters (the same matches), whose group k + 1 is the k-th of its words. One
    scan for all of them where no two can match overlapping text ("noon", "midday", "midnight": every match
    is then found, and kept, as one scan per word finds and keeps it); else one per word, in `words`' order,
    which decides which of two overlapping ones is kept."""
    if any(_may_overlap(a, b) for i, a in enumerate(words) for b in words[i + 1:]):
        groups = [(w,) for w in words]
    else:
        groups = [words] if words else []
    out = []
    for group in groups:
        pattern = rf"(?<![\w-])(?:{'|'.join(f'({re.escape(w)})' for w in group)})(?![\w-])"
        out.append((re.compile(first_class(pattern, re.I) + pattern, re.I), group))
    return tuple(out)


def _may_overlap(a: str, b: str) -> bool:
    """Can matches of the two words share a character (in lower case, as re.I compares them)? Yes where an
    end of one is a start of the other, or one holds the other; word boundaries are not asked (a yes too
    many only costs a scan)."""
    a, b = a.lower(), b.lower()
    return any(x[k:][:len(y)] == y[:len(x) - k] for x, y in ((a, b), (b, a)) for k in range(len(x)))


def _bare_decimal_point(before: str) -> bool:
    """Does a point after this character start a decimal (" .08", "و.08")? Not after a digit, a closing bracket
    ("(Fig.2).2)") or a Latin letter ("Fig.4")."""
    return not before or not (before.isdigit() or before in ")]" or (before.isascii() and before.isalpha()))


def _small_int(written: str | None, ns: NumberSystem) -> int | None:
    """Digits or Han numerals ("三", "十二") as an integer."""
    if not written:
        return None
    if written.isdigit():
        return int(written.translate(ns.digit_map) if ns.digit_map else written)
    if ns.cjk_numerals and all(c in ns.cjk_numerals for c in written):
        return _han_value(written, ns)
    return None


def _ranges_and_conversions(found: list[Quantity], text: str, ns: NumberSystem) -> list[Quantity]:
    """Readings that depend on a neighbour: "antara 14 dan 22 juta" (the first number may take the second's
    scale), and "30 meter (100 kaki)" (a converted value in brackets may be left out of a translation)."""
    p = ns.patterns
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        gap = text[a.span.end:b.span.start]
        if (b.scale > 1 and a.scale == 1 and a.kind == "number" and len(gap) <= 12 and p.range_before.match(gap)
                and all(v < b.scale for v in a.values)):
            out[i] = replace(a, values=(*a.values, *(v * b.scale for v in a.values)))
        elif (b.unit and not a.unit and b.unit.dimension not in ("currency", "zone") and a.kind == b.kind == "number"
              and len(gap) <= 12 and p.range_before.match(gap)):
            # "2 sampai 4 inci" as "5 à 10 cm": the first number of a range is in the second's unit, so that
            # it converts as the second does
            out[i] = replace(a, unit=b.unit)
        elif (a.unit and b.unit and _same_dimension(a.unit, b.unit) and a.unit.name != b.unit.name
              and re.fullmatch(r"\s*[(（]\s*(?:\S+\s+)?", gap) and b.strict):
            out[i + 1] = replace(b, strict=False)
    return out


def _same_dimension(a: Unit, b: Unit) -> bool:
    degrees = {"degree", "temperature", "angle"}
    return a.dimension == b.dimension or (a.dimension in degrees and b.dimension in degrees
                                          and "degree" in (a.dimension, b.dimension))


def _impossible_time(start: int, stop: int, original: str) -> Quantity:
    return Quantity(Span(start, stop), original[start:stop], (math.nan,), "time", impossible=True)


def _word_quantities(text: str, ns: NumberSystem, taken: list[Span]) -> list[Quantity]:
    p = ns.patterns
    out: list[Quantity] = []
    if p.ordinal_word:
        for m in p.ordinal_word.finditer(text):
            if _covered(*m.span(), taken):
                continue
            if ns.ordinal_prefix:
                word = m.group(1).lower()
                value = ns.ordinal_words.get(word)
                if value is None:
                    value = _parse_words(word[len(ns.ordinal_prefix):], ns)
            else:
                value = _compound_ordinal(m, ns)
                if value is None:
                    continue
            span = Span(*m.span())
            if "teen" in m.re.groupindex and m["teen"] and ns.ordinal_words.get(m["ord"].lower()) == 1 and (
                    m["ord"] not in ns.ordinal_teen_ones):
                # "أول عشر عينات": the first ten samples, not the eleventh; the ten is a number of its own
                value, span = 1.0, Span(m.start(), m.end("ord"))
            if value:
                out.append(Quantity(span, text[span.start:span.end], (value,), "ordinal", strict=False))
                taken.append(span)
    scan = p.word_number_ascii if p.word_number_ascii is not None and plain(text) else p.word_number
    for m in scan.finditer(text):
        start, end = m.span()
        if _covered(start, end, taken):
            continue
        value = _parse_words(m.group(), ns)
        if value is None:
            continue
        words = [_unprefixed(w.lower(), ns) for w in re.split(r"[\s-]+", m.group())]
        values: tuple[float, ...] = (value,)
        if len(words) > 1 and words[-1] in ns.unit_multipliers:  # "quatre cents": 400, or four cents
            shorter = _parse_words(" ".join(words[:-1]), ns)
            values = (value, shorter) if shorter is not None else values
        # "one", "satu", "salah satu" stay soft (often "a", "an", "one of"), but a "two" in their place is seen.
        unit = None
        stop = end
        if p.after and (u := p.after.match(text, stop)):
            key = _unit_key(u.group(1)) if u.group(1)[0].isalpha() else u.group(1)
            unit = ns.after.get(re.sub(r"\s+", " ", key))
            stop = u.end() if unit else stop
        approximate = bool(p.hedge_before.search(text[max(0, start - 40):start]))
        # "enam juta" and "seribu" are as specific as "6 juta" and "1.000"; a bare "dua" may be rephrased
        # ("a couple", "both"), and a bare "triliun" or "million" is no figure at all.
        figure = any(w not in ns.scales for w in words)  # "enam juta", "seribu"; a bare "triliun" is a magnitude
        scaled = not figure or any(w in ns.scales for w in words) or value >= 1000
        out.append(Quantity(Span(start, stop), text[start:stop], values, "number", unit, approximate or not figure,
                            strict=scaled, magnitude=not figure))
        taken.append(Span(start, stop))
    if p.approximate:
        for m in p.approximate.finditer(text):
            if not _covered(*m.span(), taken):
                out.append(Quantity(Span(*m.span()), m.group(), (ns.approximate[m.group(1).lower()],),
                                    approximate=True, strict=False))
    for m in p.roman_ordinal.finditer(text):  # "XVIe siècle"
        if m[1] in ("L", "C", "D", "M") and m.group() in ns.roman_not:
            continue  # "Le", "Ce": articles, not the 50th
        value = _roman(m[1])
        if value and not _covered(*m.span(), taken):
            out.append(Quantity(Span(*m.span()), m.group(), (float(value),), "ordinal", strict=False))
            taken.append(Span(*m.span()))
    return out


def _compound_ordinal(m: re.Match[str], ns: NumberSystem) -> float | None:
    """"fourth", "twenty-fourth" (tens + ordinal), "السادس عشر" (ordinal + ten), "الخامس والعشرين" (+ tens)."""
    value = ns.ordinal_words.get(m["ord"].lower())
    if value is None:
        return None
    if m["tens"]:
        tens = _parse_words(m["tens"], ns)
        if tens is None or tens < 20 or tens % 10:
            return None  # "two first" is no ordinal 3
        value += tens
    if "teen" in m.re.groupindex and m["teen"]:
        value += 10
    if "ord2" in m.re.groupindex and m["ord2"]:
        value += ns.ordinal_words.get(m["ord2"].lower(), 0)
    return value


def _roman(numeral: str) -> int:
    values = [_ROMAN[c] for c in numeral]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if total > 0 and len(numeral) <= 7 else 0


def _significant(x: float) -> int:
    """Significant digits of a number as written: 2500 -> 2, 2467 -> 4, 4.8 -> 2."""
    digits = f"{x:.10g}".replace(".", "").replace("-", "").lstrip("0")
    return max(1, len(digits.rstrip("0")) if "." not in f"{x:.10g}" else len(digits))


def _rounds_to(exact: float, rounded: float) -> bool:
    """Is `rounded` the exact value rounded to its own significant digits (2,467 -> "about 2,500")?"""
    if exact == 0 or rounded == 0:
        return exact == rounded
    k = _significant(rounded)
    return math.isclose(float(f"{exact:.{k}g}"), rounded, rel_tol=1e-9) or math.isclose(
        exact, rounded, rel_tol=10 ** -k)


def _as_float(value: int) -> float | None:
    """The value as a float, None past float range (万亿 written a hundred times): skipped, as digit strings
    past float range are."""
    try:
        return float(value)
    except OverflowError:
        return None


def _cjk_numerals(text: str, ns: NumberSystem, taken: list[Span]) -> list[Quantity]:
    """Han numerals: 三, 二十五, 三百万 (soft, unless a scale makes them a figure)."""
    chars = "".join(ns.cjk_numerals)
    out = []
    big = {c for c, v in ns.cjk_numerals.items() if v >= 100}
    for m in re.finditer(f"[{re.escape(chars)}]+", text):
        if _covered(*m.span(), taken):
            continue
        if all(c in big for c in m.group()):  # 万亿 alone: a magnitude ("数万亿"), the scales multiply
            vague = any(text.endswith(v, 0, m.start()) for v in ns.vague_before)  # 数千, 几百, 何千
            if (m.group() in ("百", "千") and not vague and ns.classifiers
                    and _before_classifier(text, m.end(), ns)):
                # 千年 (a thousand years), 百人: one hundred or thousand counted; soft, as 千代田 and 千歳 are names
                out.append(Quantity(Span(*m.span()), m.group(), (float(ns.cjk_numerals[m.group()]),),
                                    strict=False))
                taken.append(Span(*m.span()))
                continue
            if len(m.group()) > 1 or ns.cjk_numerals[m.group()] >= 10_000 or vague:
                value = _as_float(math.prod(ns.cjk_numerals[c] for c in m.group()))
                if value is None:
                    continue
                out.append(Quantity(Span(*m.span()), m.group(), (value,), approximate=True,
                                    magnitude=True))
                taken.append(Span(*m.span()))
            continue
        value = _as_float(_han_value(m.group(), ns))
        if value is None:
            continue
        ordinal = bool(ns.ordinal_mark) and text.endswith(ns.ordinal_mark, 0, m.start())  # 第二, 第一
        if value < 1 or (value == 1 and not ordinal):
            continue
        scaled = any(ns.cjk_numerals[c] >= 10_000 for c in m.group()) and len(m.group()) > 1
        if not ordinal and not scaled and ns.classifiers and not _before_classifier(text, m.end(), ns):
            continue  # 四散 (scatter), 二进制 (binary): part of a word, no count
        if text.startswith(ns.fraction_marks, m.end()):
            continue  # 三分之二 (two thirds): a denominator, no count
        out.append(Quantity(Span(*m.span()), m.group(), (value,), "ordinal" if ordinal else "number",
                            strict=scaled and not ordinal))
        taken.append(Span(*m.span()))
    return out


def _han_value(numeral: str, ns: NumberSystem) -> int:
    """三 3, 二十五 25, 一亿二千万 120,000,000, 五万亿 5,000,000,000,000 (a larger scale multiplies what came
    before it)."""
    total = section = digit = 0
    for ch in numeral:
        v = ns.cjk_numerals[ch]
        if v < 10:
            digit = v
        elif v < 10_000:
            section += (digit or 1) * v
            digit = 0
        else:
            group = section + digit
            if total and total < v:
                total = (total + group) * v
            else:
                total += (group or 1) * v
            section = digit = 0
    return total + section + digit


def _before_classifier(text: str, end: int, ns: NumberSystem) -> bool:
    rest = text[end:end + 8].lstrip(" \u00a0")
    for infix in ns.scale_infixes:
        if rest.startswith(infix):
            rest = rest[len(infix):]
            break
    return rest.startswith(ns.classifiers)


def same_quantity(a: Quantity, b: Quantity) -> bool:
    """Does target quantity `b` state the amount of source quantity `a`? Units are compared by another rule."""
    if (a.kind == "time") != (b.kind == "time"):
        # "2.53" may be a decimal or a clock time: it meets "02:53" as a time
        other, clock = (b, a.clock) if a.kind != "time" else (a, b.clock)
        return clock is not None and any(clock % 720 == y % 720 for y in other.values)
    if a.kind == "time":
        if a.unit and b.unit:  # both zoned: compare in UTC
            return any((x - a.unit.factor * 60) % 720 == (y - b.unit.factor * 60) % 720
                       for x in a.values for y in b.values)
        return any(x % 720 == y % 720 for x in a.values for y in b.values)
    if a.magnitude or b.magnitude:
        # "triliun" is met by "trillions", "2.5 trillion", not by "billions"; "enam juta" by "six ... millions";
        # a vague "beberapa ribu" (数万) never by a year.
        if a.kind == "year" or b.kind == "year":
            return False
        if a.magnitude:
            return any(x <= y < x * 1000 for x in a.values for y in b.values)
        return any(y <= x < y * 1000 for x in a.values for y in b.values)
    for x in a.values:
        for y in b.values:
            if math.isclose(x, y, rel_tol=1e-9) or _converted(a, b, x, y):
                return True
            if b.approximate and _rounds_to(x, y):  # the translation may round the source, not refine it
                return True
            if (a.approximate and math.isfinite(x) and math.isfinite(y) and x != int(x) and y == int(y)
                    and float(f"{x:.{_significant(y)}g}") == y):
                return True  # "sekitar 9,6 kilometer" as "10 km": an approximate figure's decimals rounded off
    return False


def _converted(a: Quantity, b: Quantity, x: float, y: float) -> bool:
    """A unit conversion ("10 km" as "6.2 miles") states the same amount."""
    ua, ub = a.unit, b.unit
    if ua and ub and _same_dimension(ua, ub) and {"degree", "temperature"} & {ua.dimension, ub.dimension}:
        return _same_temperature(ua, x, ub, y)
    if not ua or not ub or ua.name == ub.name or ua.dimension != ub.dimension:
        return False
    if ua.dimension == "currency":
        return False
    return math.isclose(x * ua.factor, y * ub.factor, rel_tol=0.1)  # converted, then rounded


def written_alike(source_unit: Unit, t: Quantity, code: str) -> bool:
    """Is target quantity `t`'s unit word one that also names the source's unit ("1,000 pounds" for "1.000
    pon", lb: the word is read as sterling, and means either)?"""
    ns = number_system(code)
    if ns is None or t.unit is None:
        return False
    return any(source_unit.name in names and t.unit.name in names and re.search(rf"\b{re.escape(word)}\b", t.text, re.I)
               for word, names in ns.homonyms.items())


def units_agree(a: Unit, b: Unit, same_value: bool) -> bool:
    """Do two units of paired numbers say the same thing? The same unit; a conversion (10 km as 6.2 miles,
    80 °F as 26 °C); a bare degree ("80 derajat") as degrees Celsius or an angle. A currency never converts."""
    if a.name == b.name:
        return True
    if a.dimension == b.dimension == "zone":
        return a.factor == b.factor or not same_value  # GMT is UTC, بتوقيت جرينتش; 22.00 WIB is 15:00 UTC
    if a.dimension == "currency" or b.dimension == "currency":
        return False
    if {a.dimension, b.dimension} == {"speed", "length"}:  # 時速70キロ, "70 كم في الساعة": "per hour" apart
        return _PER_HOUR.get(a.name, a.name) == _PER_HOUR.get(b.name, b.name)
    if not _same_dimension(a, b):
        return False
    return not same_value or "degree" in (a.dimension, b.dimension)


def _celsius(unit: Unit, x: float) -> set[float]:
    """What a temperature reads in Celsius; a bare degree ("80 derajat") may be either scale."""
    fahrenheit = (x - 32) * 5 / 9
    if unit.name == "°F":
        return {fahrenheit}
    return {x} if unit.name == "°C" else {x, fahrenheit}


def _same_temperature(ua: Unit, x: float, ub: Unit, y: float) -> bool:
    """80 °F as 26 or 27 °C: converted, then rounded to a whole degree."""
    return any(abs(c1 - c2) <= 1.0 for c1 in _celsius(ua, x) for c2 in _celsius(ub, y))
