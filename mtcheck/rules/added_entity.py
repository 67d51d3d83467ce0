"""MT208: a country, nationality, place or institution in the translation that the source never mentions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from rapidfuzz.distance import OSA

from mtcheck.lang.base import data_exists, data_tsv
from mtcheck.model import Category, Finding, Severity, Span
from mtcheck.rules.base import Rule
from mtcheck.text.article import ArticlePair
from mtcheck.text.entities import GEO_KINDS, ORG_KINDS, Entry, Mention, is_latin
from mtcheck.text.lexicon import zipf
from mtcheck.text.name_match import NameAnalysis, analyse, contains
from mtcheck.text.renderings import known_renderings, name_words
from mtcheck.text.spans import SpanSet
from mtcheck.text.transliterate import similar, skeleton, target_skeleton

_KANA = re.compile(r"[\u30a0-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
# A country name that a word of the source language implies: Indonesian news adds "Indonesian" to its
# ministers in translation ("Menteri Keuangan" -> "Indonesian Finance Minister"); that is no invention.
IMPLIED_COUNTRY = {"id": "ID"}
# Consonant skeletons this similar make an added word a likely rendering of an unrendered source name
# (German/Herman: grmn/hrmn, 0.75).
SOUNDS_LIKE = 0.7


@cache
def _source_demonyms(lang: str) -> dict[str, tuple[str, ...]]:
    """Country code -> words of the source language for its people or language (Portugis, Tionghoa)."""
    if not data_exists(lang, "demonyms.tsv"):
        return {}
    return {r["code"]: tuple(f for f in r[lang].split("|") if f) for r in data_tsv(lang, "demonyms.tsv")}


_RUN = re.compile(r"[^\W_]+")
_RUN_CHAR = re.compile(r"[^\W_]")  # (the same characters with re.IGNORECASE)


def _in_source(forms: tuple[str, ...], source: str, words: set[str] | None = None) -> bool:
    # Word boundaries that let a hyphen through ("AS-China" names both countries); names of two words in
    # any case ("amerika Serikat"). `words`, the source's runs of letters and digits, answers a one-word form
    # without searching the whole source (a form of letters alone between those boundaries is such a run),
    # and turns away a form one of whose runs is no run of the source (`_cannot_occur`).
    for f in forms:
        if len(f) < 2:
            continue
        if words is not None and " " not in f and _RUN.fullmatch(f):
            if f in words:
                return True
        elif words is not None and _cannot_occur(f, words):
            continue
        elif _found(f, source, words):
            return True
    return False


def _found(form: str, source: str, words: set[str] | None) -> bool:
    """Whether `re.search(rf"(?<![^\\W_]){re.escape(form)}(?![^\\W_])", source, re.I if " " in form else 0)`
    finds something, told by str.find: a pattern that opens with a look-behind is tried at every position of
    the source, ~90 ms for each name of an institution or region in a 5 MB article. A match is an occurrence
    of the form with no letter or digit on either side; in any case for a form with a space, which is an
    occurrence of the lower-cased form in the lower-cased source where the form is ASCII and the source
    holds none of the four characters re.IGNORECASE maps to ASCII letters (`SourceRuns.lowered`: then
    lower-casing keeps every character's place and turns no other one into an ASCII letter)."""
    haystack, needle = source, form
    if " " in form:
        lowered = words.lowered_source() if isinstance(words, SourceRuns) else None
        if lowered is None or not form.isascii():
            return re.search(rf"(?<![^\W_]){re.escape(form)}(?![^\W_])", source, re.I) is not None
        haystack, needle = lowered, form.lower()
    i = haystack.find(needle)
    while i >= 0:
        if (i == 0 or _RUN_CHAR.match(source, i - 1) is None) and _RUN_CHAR.match(source, i + len(needle)) is None:
            return True
        i = haystack.find(needle, i + 1)
    return False


# A word this frequent (zipf) made of a two-character name's edge character and its neighbour holds that
# character (沿海 of 沿海地区 for 海地). 以北 (3.9) of 以北约 15 英里 for 北约 and 华南 (3.9) of 华南海鲜 for
# 南海 gave minor MT208 findings on clean dev articles, but 3.5 lost 韩国 in 韩国军队 (国军 4.0).
HAN_WORD = 4.0
# A name with one character more is a word of its own (印度教 "Hinduism", 3.7): not the country. A people or
# a language (美国人, 德语) still names it.
HAN_DERIVED = 3.0
_STILL_NAMES = frozenset("人语族籍军队")


class SourceRuns(set):
    """The source's runs of letters and digits (`_RUN`), with their lower-case forms where those answer the
    case-insensitive searches: each form of each target entity searched the whole source, which in a long
    article was quadratic (thousands of forms, megabytes each; 2-5% of a 5 MB article's check)."""

    def __init__(self, source: str) -> None:
        super().__init__(_RUN.findall(source))
        # re.IGNORECASE matches four characters outside ASCII to ASCII letters (İ ı ſ K): with one of them in
        # the source, lower-casing no longer tells what a case-insensitive search finds.
        self.lowered = None if any(c in source for c in "\u0130\u0131\u017f\u212a") else {r.lower() for r in self}
        self._source = source
        self._lowered_source: str | None = None

    def lowered_source(self) -> str | None:
        """The source lower-cased (once), where that tells what a case-insensitive search of an ASCII form
        finds (`lowered`); None where it does not."""
        if self.lowered is None:
            return None
        if self._lowered_source is None:
            self._lowered_source = self._source.lower()
        return self._lowered_source


def _cannot_occur(form: str, words: set[str]) -> bool:
    """Whether the search `_in_source` makes for `form` must fail: a match holds each run of the form as a
    whole run of the source (the form's other characters and the boundaries around it are no run
    characters, and match only such characters), in the same letters (forms with a space: the same letters
    in any case, told by lower-casing ASCII runs where the source has no character that re.IGNORECASE maps
    to ASCII). False where that cannot be told: the search decides."""
    runs = _RUN.findall(form)
    if " " not in form:
        return any(r not in words for r in runs)
    lowered = getattr(words, "lowered", None)
    if lowered is None or not all(r.isascii() for r in runs):
        return False
    return any(r.lower() not in lowered for r in runs)


def _inside_han_word(text: str, span: Span, lang: str) -> bool:
    """A two-character Chinese or Japanese name whose edge characters belong to a common word with their
    neighbour (海地 "Haiti" in 沿海地区 "coastal areas"), or that is the start of a longer common word (印度教
    for Hinduism): no word boundaries to tell, so ask word frequencies."""
    if span.end - span.start != 2 or not _HAN.fullmatch(text[span.start:span.end]):
        return False
    before, after = text[max(0, span.start - 1):span.start + 1], text[span.end - 1:span.end + 1]
    if any(len(w) == 2 and _HAN.fullmatch(w) and zipf(w, lang) >= HAN_WORD for w in (before, after)):
        return True
    longer = text[span.start:span.end + 1]
    return len(longer) == 3 and _HAN.fullmatch(longer) is not None and longer[-1] not in _STILL_NAMES \
        and zipf(longer, lang) >= HAN_DERIVED


# A source word this frequent in Indonesian (zipf) is an everyday word capitalised at a sentence's start, no
# other spelling of a place a letter away (Jalan/Japan 5.9, Seorang/Serang 6.2; Romawi 4.3, Mekah 3.8).
EVERYDAY = 5.0
GIVEN_NAME = 1000  # people in the name table bearing a word that makes it a given name (Malik 64,509)

_CAPITALISED = re.compile(r"(?<![^\W\d_])[A-Z][^\W\d_]{3,}")


def _spelt_alike(a: str, b: str) -> bool:
    """Whether source word `a` spells place name `b` another way: `b` with an ending (Romawi/Roma,
    Belarusia/Belarus) or a letter or two apart in a long name (Mekah/Mekkah, Afganistan/Afghanistan), with
    the same first letter. A name cut short is another name (Jakar is no Jakarta), as names.py says of
    people's names."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    if a[:1] != b[:1] or min(len(a), len(b)) < 4:
        return False
    short = min(a, b, key=len)
    if a.startswith(b) and len(a) - len(b) <= 2:
        return True
    d = OSA.distance(a, b)
    return (d <= 1 and len(short) >= 5) or (d <= 2 and len(short) >= 8)


def capitalised_words(pair: ArticlePair) -> dict[str, frozenset[str]]:
    """The source's capitalised words of four letters or more, by lower-case first letter, found once per
    article (MT208 asks for each target entity the source has no form of)."""
    def compute(p: ArticlePair) -> dict[str, frozenset[str]]:
        by_first: dict[str, set[str]] = {}
        for w in set(_CAPITALISED.findall(p.source)):
            by_first.setdefault(w[0].lower(), set()).add(w)
        return {k: frozenset(v) for k, v in by_first.items()}

    return pair.analysis("capitalised-source-words", compute)


def named_otherwise(entries: list[Entry], words: dict[str, frozenset[str]], g) -> bool:
    """Whether the source names the entity in another spelling than the gazetteer's Indonesian forms: its
    English name, which Indonesian news often keeps (Vienna for Wina, Afghanistan, Comoros, Mecca), a
    spelling variant of either (Mekah, Romawi, Belarusia), or the distinctive word of a name of several
    (Falkland for Kepulauan Falkland). Found on clean dev articles (round 6 of issue 18): minor MT208
    findings for 维也纳, 阿富汗, 科摩罗, 罗马, 白俄罗斯, 福克兰群岛, جزر القمر. A source word borne as a
    given name (Malik) is no other spelling of a place (Mali)."""
    from mtcheck.text.given_names import lookup

    if not words:
        return False
    english = _english_names()
    forms: set[str] = set()
    for e in entries:
        for f in (*e.source_forms, *english.get(e.key, ())):
            parts = f.split()
            if len(parts) == 1:
                forms.add(f)
            else:  # the word of a longer name that is no place itself (Falkland; not Korea of Korea Selatan)
                forms.update(p for p in parts if len(p) >= 5 and p[0].isupper() and p not in g.by_form
                             and not _ordinary(p))
    if any(f in words.get(f[:1].lower(), ()) for f in forms if f):
        return True

    def given_name(word: str) -> bool:  # as names.py's: borne by people, not a word a few are named (Mekah 37)
        found = lookup(word)
        return found is not None and found.counts >= GIVEN_NAME

    # a variant has the form's first letter and a length within two of it
    return any(_spelt_alike(w, f) and zipf(w, "id") < EVERYDAY and not given_name(w)
               for f in forms if f.isalpha() for w in words.get(f[0].lower(), ()) if abs(len(w) - len(f)) <= 2)


# An English word this frequent (zipf) in a place's name is a word, not the name (Central, Islands).
ORDINARY_EN = 4.5


def _ordinary(word: str) -> bool:
    """A word of a place's name that other names share: Indonesian vocabulary (Tengah of Jawa Tengah, also
    of Timur Tengah; Kepulauan, Selatan) or a common English word (Central Java, Solomon Islands)."""
    from mtcheck.text.dictionary import is_common_word

    return is_common_word(word) or zipf(word, "en") >= ORDINARY_EN


@cache
def _english_names() -> dict[str, tuple[str, ...]]:
    """Gazetteer key -> the entity's English renderings (CLDR and glossary/places.tsv)."""
    from mtcheck.text.entities import gazetteer

    return {e.key: e.renderings for e in gazetteer("en").entries if e.kind in GEO_KINDS}


def _counterpart(entries: list[Entry], keys: set[str], countries: set[str], source: str, lang: str,
                 words: set[str] | None = None) -> bool:
    """Whether the source names this entity: the same entry or one of its Indonesian forms anywhere (a
    gazetteer match may have taken a longer or other reading: "Amerika" is also the Americas), a word for its
    people (Portugis), a place in this country ("Kyiv" for "Ukrainian"), or the country of this capital
    ("China" for "Beijing said")."""
    for e in entries:
        if e.key in keys or _in_source(e.source_forms, source, words):
            return True
        if e.country and e.country in countries and (e.kind == "country" or e.capital):
            return True
        if e.kind == "country" and _in_source(_source_demonyms(lang).get(e.country, ()), source, words):
            return True
    return False


@cache
def _acronyms() -> dict[str, tuple[str, ...]]:
    """Acronym -> the gazetteer keys its spelt-out name holds (glossary/acronyms.tsv: NASA -> country:US)."""
    if not data_exists("glossary", "acronyms.tsv"):
        return {}
    return {r["acronym"]: tuple(k for k in r["implies"].split("|") if k) for r in data_tsv("glossary", "acronyms.tsv")}


def implied_by_acronyms(source_runs: set[str]) -> set[str]:
    """The countries, places and bodies that the source names through acronyms a translation may spell out
    (NASA: 美国宇航局 names the United States; MERS: 中东呼吸综合征 the Middle East). `source_runs` are the
    source's runs of letters and digits; MERS-CoV is the runs MERS and CoV."""
    return {k for acronym, keys in _acronyms().items() if all(p in source_runs for p in acronym.split("-"))
            for k in keys}


@cache
def _title_renderings(lang: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """(Indonesian forms, renderings in `lang`) of the titles whose rendering is written like an entity
    (glossary/titles.tsv: Sultan, 苏丹, also Sudan)."""
    if not data_exists("glossary", "titles.tsv"):
        return ()
    return tuple((tuple(f for f in r["id"].split("|") if f), tuple(f for f in (r.get(lang) or "").split("|") if f))
                 for r in data_tsv("glossary", "titles.tsv"))


def title_spans(pair: ArticlePair, source_runs: set[str]) -> SpanSet:
    """Where the target writes a title that the source gives someone (苏丹 for Sultan Hamengku Buwono X):
    such a word renders the title, not a country or place."""
    spans = []
    for forms, renderings in _title_renderings(pair.target_pack.code):
        if not any(all(w in source_runs or w.lower() in source_runs for w in f.split()) for f in forms):
            continue
        for r in renderings:
            start = pair.target.find(r)
            while start >= 0:
                spans.append(Span(start, start + len(r)))
                start = pair.target.find(r, start + 1)
    return SpanSet(spans)


def _inside_longer_word(text: str, span: Span) -> bool:
    """A katakana name inside a longer katakana word (マリ in マリオ) is not that name."""
    before = text[span.start - 1:span.start]
    after = text[span.end:span.end + 1]
    return bool(_KANA.match(text[span.start]) and (_KANA.match(before or " ") or _KANA.match(after or " ")))


class AddedEntity(Rule):
    """A country, nationality, place or institution in the translation with no counterpart in the source.

    ## What it does
    Finds the countries (CLDR names and demonyms: German, allemande, ドイツ, 德国, ألماني), places
    (`mtcheck/data/glossary/places.tsv`) and institutions of the target and reports those the source never
    mentions, neither by name nor by a place in the country ("Kyiv" for "Ukrainian") nor, for a country, by its
    capital. A target word that renders a source person's name is no entity ("Jordan" for Jordan Henderson,
    乔丹 is no 约旦); where a source given name sounds like the added word (Herman, "the German minister"),
    the finding points at that name. The country of the source newsroom (Indonesia) is implied, not added;
    so is what a source acronym's full name says, which translations spell out (NASA: 美国宇航局, the US
    space agency; `glossary/acronyms.tsv`), and a target word that renders a source title is no entity
    (苏丹 for Sultan, also Sudan; `glossary/titles.tsv`). A source that names the place in another
    spelling counts too: its English name (Vienna for Wina, Afghanistan), a spelling a letter or an ending
    away (Mekah, Romawi, Belarusia) or the distinctive word of a longer name (Falkland).

    ## Why is this bad?
    MT systems turn names into nationalities and places ("Herman" becomes "German"), and add countries to
    roles; the reader learns a fact that is not in the original.

    ## Example
    Source: Menteri Energi Ukraina Herman Halushchenko tiba di Brussel.
    Target: Ukraine's German energy minister Halushchenko arrived in Brussels.

    Use instead:
    Target: Ukraine's energy minister Herman Halushchenko arrived in Brussels.
    """

    code = "MT208"
    name = "added-entity"
    category = Category.NAMES
    default_severity = Severity.MAJOR

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        a = analyse(pair)
        keys = {m.entry.key for m in a.mentions}
        countries = {m.entry.country for m in a.mentions if m.entry.country}
        implied = IMPLIED_COUNTRY.get(pair.source_pack.code)
        if implied:
            countries.add(implied)
            keys.add(f"country:{implied}")
        words = name_words(pair)
        person_spans = SpanSet(s for w in words for s in w.targets)
        reported: set[str] = set()
        # What depends on the mention's text alone is asked once per text: each question searches the whole
        # source, and asking it for every mention was quadratic in a long article.
        answered: dict[str, bool] = {}
        source_runs = SourceRuns(pair.source)
        # An acronym the translation may spell out names what its full name says (NASA: the United States).
        implied_keys = implied_by_acronyms(source_runs)
        keys |= implied_keys
        countries |= {k.split(":", 1)[1] for k in implied_keys if k.startswith("country:")}
        titles = title_spans(pair, source_runs)
        kept: dict[str, bool] = {}
        otherwise: dict[str, bool] = {}
        for t in a.target_mentions:
            entries = [e for e in a.g.by_rendering[t.text] if e.kind in GEO_KINDS | ORG_KINDS and e.kind != "region"]
            if not entries or entries[0].key in reported:
                continue
            if t.text not in answered:
                answered[t.text] = _counterpart(entries, keys, countries, pair.source, pair.source_pack.code,
                                             source_runs)
            if answered[t.text]:
                continue
            if person_spans.overlaps(t.span) or _inside_longer_word(pair.target, t.span):
                continue
            if titles.overlaps(t.span):
                continue  # a source title's rendering (苏丹 for Sultan), no country
            if _inside_han_word(pair.target, t.span, pair.target_pack.code):
                continue
            if t.text not in kept:
                kept[t.text] = is_latin(t.text) and contains(pair.source, t.text) is not None
            if kept[t.text]:
                continue  # an English name kept in the source ("Bank of England", "New York Times")
            if a.bead_of(t.span, "target") is None:
                continue  # an added paragraph is the omission rules' business
            if t.text not in otherwise:
                otherwise[t.text] = named_otherwise(entries, capitalised_words(pair), a.g)
            if otherwise[t.text]:
                continue
            reported.add(entries[0].key)
            yield self._report(pair, a, t, entries[0], words)

    def _report(self, pair: ArticlePair, a: NameAnalysis, t: Mention, entry: Entry, words: list) -> Finding:
        what = f"'{t.text}'"
        name = entry.source_forms[0] if entry.source_forms else ""
        if name and name != t.text:
            what += f" ({name})"
        look_alike = _sounds_like(t.text, entry, words, pair.target_pack.code)
        if look_alike is not None:  # a name turned into a nationality or place: the error this rule is for
            return self.finding(f"{what} has no counterpart in the source; it may render the name "
                                f"'{look_alike.word}'", target=t.span, source=look_alike.source,
                                suggestion=_rendering_of(look_alike.word, pair), confidence=0.7)
        # Otherwise often an explicitation (the country of an agency, a capital for its government): minor.
        return self.finding(f"{what} has no counterpart in the source", target=t.span, confidence=0.4,
                            severity=Severity.MINOR)


def _rendering_of(word: str, pair: ArticlePair) -> str | None:
    """The name as the target should write it: kept in a Latin-script target, its listed transliteration
    (names/renderings.tsv, observed.tsv) in another script, else none known."""
    if pair.target_pack.latin_script:
        return word
    listed = known_renderings(pair.target_pack.code).get(word.lower())
    return listed[0] if listed else None


def _sounds_like(text: str, entry: Entry, words: list, lang: str):
    """A source name word that the added word could be a mistranslation of (Herman -> German): one or two
    letters apart in a Latin-script target, a close consonant skeleton in another script."""
    mine = skeleton(text.split()[0], lang) if is_latin(text) else target_skeleton(text, lang)
    own = [skeleton(f, "ja") for f in entry.source_forms]
    for w in words:
        if w.targets or len(w.word) < 4:
            continue  # rendered elsewhere: not this one
        if len(mine) < 3 or similar(mine, skeleton(w.word, lang)) < SOUNDS_LIKE:
            continue
        # The entity's own name spelt another way in the source (Afghanistan/Afganistan, Comoros/Komoro) is
        # its counterpart, not a name mistaken for it; Herman is not Jerman (another first consonant).
        sk = skeleton(w.word, "ja")
        if any(similar(sk, o) >= 0.8 or (sk[:1] == o[:1] and similar(sk, o) >= SOUNDS_LIKE) for o in own):
            return None
        return w
    return None
