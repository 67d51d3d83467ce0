"""Named entities of an Indonesian source and what a translation should call them.

Gazetteer entries (countries and regions from CLDR via Babel, places, institutions, days and months) carry
their Indonesian forms and their renderings in the target language; people and other names are found by
capitalisation, titles ("Presiden", "Sekjen NATO") and word frequencies. A target language adds data only:
a column in `glossary/institutions.tsv` and `glossary/places.tsv`, and `<lang>/country_names.tsv` and
`<lang>/demonyms.tsv`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from operator import attrgetter
from pathlib import Path

from mtcheck.cache import persistent
from mtcheck.lang.base import _data_root, data_exists, data_lines, data_toml, data_tsv
from mtcheck.memo import per_article
from mtcheck.model import Span, quick_init
from mtcheck.text import given_names
from mtcheck.text.alternation import alternation
from mtcheck.text.dictionary import is_common_word
from mtcheck.text.lexicon import travels_unchanged, zipf

# Span sort keys compared in C, not by Span's generated Python __lt__: (start, end) is its own order.
_START = attrgetter("start")
_START_END = attrgetter("start", "end")

# Word boundaries for Latin-script words that hold in any text: a Latin name inside Chinese ("Belanda前首相")
# still ends where the Latin letters end.
LATIN_BEFORE = r"(?<![A-Za-z0-9\u00c0-\u024f-])"
LATIN_AFTER = r"(?![A-Za-z0-9\u00c0-\u024f-])"
_ARABIC = re.compile(r"[\u0600-\u06ff]")


def _latin_word_char(ch: str) -> bool:
    """A character LATIN_BEFORE and LATIN_AFTER treat as part of a word."""
    return (ch.isascii() and (ch.isalnum() or ch == "-")) or "\u00c0" <= ch <= "\u024f"


_LATIN_CHAR = {False: re.compile(r"[A-Za-z0-9\u00c0-\u024f-]"), True: re.compile(r"[A-Za-z0-9\u00c0-\u024f-]", re.I)}


def latin_word_matches(text: str, word: str, ignore_case: bool = False) -> Iterator[tuple[int, int]]:
    """The spans re.finditer(LATIN_BEFORE + re.escape(word) + LATIN_AFTER, text, re.I if ignore_case else 0)
    gives, without compiling that pattern for each name of each article: its two Unicode character classes
    cost about a millisecond to compile, more than the rest of a rule. The word alone is searched (a literal:
    str.find, or a cheap pattern for ignore_case) and the boundaries are checked with the same class,
    compiled once; a rejected candidate is tried again one character later, as the regex engine does."""
    if not word:
        yield from (m.span() for m in re.finditer(LATIN_BEFORE + LATIN_AFTER, text))
        return
    boundary = _LATIN_CHAR[ignore_case].match
    if ignore_case:
        search = re.compile(re.escape(word), re.I).search
        m = search(text)
        while m is not None:
            i, j = m.span()
            if (i == 0 or not boundary(text, i - 1)) and not boundary(text, j):
                yield i, j
                m = search(text, j)
            else:
                m = search(text, i + 1)
        return
    size = len(word)
    i = text.find(word)
    while i >= 0:
        j = i + size
        if (i == 0 or not boundary(text, i - 1)) and not boundary(text, j):
            yield i, j
            i = text.find(word, j)
        else:
            i = text.find(word, i + 1)


def count_latin_word(text: str, word: str, ignore_case: bool = False) -> int:
    """len(re.findall(LATIN_BEFORE + re.escape(word) + LATIN_AFTER, text)), without compiling that pattern."""
    return sum(1 for _ in latin_word_matches(text, word, ignore_case))


_LATIN_WORD_RUN = re.compile(r"[A-Za-z0-9\u00c0-\u024f-]+")


def latin_word_spans(text: str, words: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """For each word, the (start, end) of every re.finditer(LATIN_BEFORE + re.escape(word) + LATIN_AFTER, text)
    match, in one pass over the text: a word made of word characters alone matches exactly the maximal runs of
    word characters equal to it, so an index of the runs answers it (a pattern per name word scanned the whole
    text once per name, quadratic in a long article). Other words (O'Brien) are searched for one by one."""
    runs: dict[str, list[tuple[int, int]]] | None = None
    out: dict[str, list[tuple[int, int]]] = {}
    for word in words:
        if word and all(_latin_word_char(ch) for ch in word):
            if runs is None:
                runs = {}
                for m in _LATIN_WORD_RUN.finditer(text):
                    runs.setdefault(m.group(), []).append(m.span())
            out[word] = list(runs.get(word, ()))
        else:
            out[word] = list(latin_word_matches(text, word))  # the same spans, no pattern compiled
    return out


GEO_KINDS = frozenset({"country", "region", "place"})
ORG_KINDS = frozenset({"ministry", "agency", "legislature", "court", "international", "organisation"})
CALENDAR_KINDS = frozenset({"day", "month"})
# Lower-case words allowed inside a name: "Muhammad bin Salman", "Ursula von der Leyen".
PARTICLES = frozenset({"bin", "binti", "van", "von", "der", "de", "den", "al", "el", "da", "dos", "la", "le"})
_CAP = re.compile(r"[A-Z][\w'’.-]*[\w]|[A-Z]")
# A middle initial between two capitalised words is part of the name ("Lyndon B. Johnson", "John F. Kennedy"):
# cut there, the person was "Lyndon B" and "John F" no one at all.
_NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:bin|binti|van|von|der|de|den|al|el|da|dos)\s+)*"
                       r"(?:(?<=[\w'’-]\s)[A-Z]\.\s+)?[A-Z][\w'’-]*)*")


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry (a country, institution, place, day): its forms and renderings."""
    key: str  # "country:NL", "inst:komdigi", "place:Den Haag", "day:3"
    kind: str
    source_forms: tuple[str, ...]
    renderings: tuple[str, ...]  # in the target language; the first is preferred
    keep_acronym: bool = True
    country: str = ""  # ISO 3166 code of the country the entity is, or is in ("" for seas, regions, the UN)
    capital: bool = False  # a national capital, which news uses for its government ("Beijing said")

    @property
    def preferred(self) -> str:
        return self.renderings[0] if self.renderings else ""


@quick_init  # (mtcheck/model.py: the fields set into __dict__ directly)
@dataclass(frozen=True)
class Mention:
    """Where a text names a gazetteer entry, and as what."""
    entry: Entry
    span: Span
    text: str


@quick_init  # (mtcheck/model.py: the fields set into __dict__ directly)
@dataclass(frozen=True)
class Person:
    """A person or other proper name found in the source: its tokens, title and every mention's span."""

    name: str
    title: str | None
    spans: tuple[Span, ...]
    titled: bool = False
    # Every mention names a street, an institution or a place after this person ("Jl. Jenderal Sudirman",
    # "Rumah Sakit Addenbrooke"): a name the names rules check, but no person of the article.
    named_after: bool = False

    @cached_property  # read in every loop over the article's people: split once (~3% of a check)
    def tokens(self) -> tuple[str, ...]:
        return tuple(t for t in self.name.split() if t not in PARTICLES)

    @property
    def surname(self) -> str:
        return self.tokens[-1]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split("|") if x.strip())


@dataclass
class Gazetteer:
    """The entries of one target language, by Indonesian form and by rendering."""
    target_lang: str
    entries: list[Entry] = field(default_factory=list)
    by_form: dict[str, Entry] = field(default_factory=dict)
    by_rendering: dict[str, list[Entry]] = field(default_factory=dict)
    source_pattern: re.Pattern[str] | None = None
    target_pattern: re.Pattern[str] | None = None
    untranslated_pattern: re.Pattern[str] | None = None
    variants: dict[str, str] = field(default_factory=dict)  # spelling -> canonical spelling

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        for form in entry.source_forms:
            self.by_form.setdefault(form, entry)
        for r in entry.renderings:
            self.by_rendering.setdefault(r, []).append(entry)

    def compile(self) -> None:
        self.source_pattern = _words_regex(self.by_form)
        self.target_pattern = _words_regex(self.by_rendering)
        # Indonesian forms that a translation should not contain: not a rendering themselves, not an
        # ordinary English word or name, not a kept acronym.
        left = [f for f, e in self.by_form.items()
                if f not in e.renderings and not (f.isupper() and e.keep_acronym)
                and not any(f == r for r in self.by_rendering) and len(f) > 2 and zipf(f, self.target_lang) < 4.0]
        self.untranslated_pattern = _words_regex(left)

    def same_name(self, a: str, b: str) -> bool:
        return a == b or self.variants.get(a, a) == self.variants.get(b, b)


def _words_regex(forms: object) -> re.Pattern[str] | None:
    """Alternation of forms, longest first. Latin forms need word boundaries; forms in scripts written
    without spaces (荷兰前首相) or with attached particles (وهولندا) cannot have them."""
    alts = sorted(forms, key=len, reverse=True)  # type: ignore[arg-type]
    if not alts:
        return None
    # Each list as a trie (text/alternation.py): the same matches, without trying every name at every
    # position of the text.
    latin = [a for a in alts if is_latin(a)]
    arabic = [a for a in alts if not is_latin(a) and _ARABIC.search(a)]
    other = [a for a in alts if not is_latin(a) and not _ARABIC.search(a)]
    parts = ([rf"{LATIN_BEFORE}(?:{alternation(latin)}){LATIN_AFTER}"] if latin else [])
    if arabic:  # an attached "and", "with" or "the" may precede (وهولندا, بالصين); nothing may follow
        parts.append(rf"(?<![\u0600-\u06ff])(?:وال|بال|لل|ال|و|ب|ل)?(?P<ar>{alternation(arabic)})(?![\u0600-\u06ff])")
    if other:
        parts.append(f"(?:{alternation(other)})")
    return re.compile("|".join(parts))


def is_latin(form: str) -> bool:
    return all(ch.isascii() or "\u00c0" <= ch <= "\u024f" for ch in form if ch.isalpha())


def _column(row: dict[str, str], lang: str) -> tuple[str, ...]:
    return _split(row.get(lang, "") or "")


def gazetteer(target_lang: str, extra: tuple[tuple[str, str, str], ...] = ()) -> Gazetteer:
    """The gazetteer for Indonesian -> target_lang; `extra` holds user glossary rows (source, target, kind).
    Built once per data version and cached (Babel's CLDR tables and the build cost ~0.2 s per process)."""
    # One key for gazetteer("en") and gazetteer("en", ()): functools.cache tells the two calls apart, and
    # each loaded the pickle again (~5 ms of every English check).
    return _gazetteer(target_lang, tuple(extra))


@cache
def _gazetteer(target_lang: str, extra: tuple[tuple[str, str, str], ...]) -> Gazetteer:
    from mtcheck.cache import load_or_build

    return load_or_build(f"gazetteer-{target_lang}", [gazetteer_key(target_lang, extra)],
                         lambda: _build_gazetteer(target_lang, extra))


@cache
def gazetteer_key(target_lang: str, extra: tuple[tuple[str, str, str], ...] = ()) -> str:
    """The fingerprint of what the gazetteer is built from, once per process (~50 files to stat): it keys
    the gazetteer's pickle and the tables derived from it (source_names.gazetteer_translated)."""
    from mtcheck.cache import fingerprint

    return fingerprint(_gazetteer_inputs(target_lang, tuple(extra)))


def _gazetteer_inputs(target_lang: str, extra: tuple) -> list[object]:
    """What a gazetteer is built from: the data folders it reads, CLDR's two locales, the word list
    (untranslated_pattern asks about word frequencies) and the user's glossary rows."""
    from importlib.util import find_spec

    from mtcheck.text.lexicon import wordlist_path

    inputs: list[object] = [target_lang, extra]
    data = _data_root()
    for folder in ("id", target_lang, "glossary"):
        inputs.append(str(data.joinpath(folder)))
    babel = find_spec("babel")
    if babel is not None and babel.origin is not None:
        locales = Path(babel.origin).parent / "locale-data"
        inputs += [locales / "id.dat", locales / f"{target_lang}.dat", locales / "root.dat"]
    inputs.append(wordlist_path(target_lang))
    # and the code that writes its patterns into the pickle: a change there must not load the old ones
    inputs += [__file__, str(Path(__file__).with_name("alternation.py"))]
    return inputs


def _build_gazetteer(target_lang: str, extra: tuple[tuple[str, str, str], ...] = ()) -> Gazetteer:
    from babel import Locale
    from babel.dates import get_day_names, get_month_names

    g = Gazetteer(target_lang)
    src_terr = Locale("id").territories
    tgt_terr = Locale(target_lang).territories
    extra_names: dict[str, tuple[str, ...]] = {}
    for name in ("country_names.tsv", "demonyms.tsv"):  # other names, then adjectives (German, allemande)
        if data_exists(target_lang, name):
            for r in data_tsv(target_lang, name):
                extra_names[r["code"]] = (*extra_names.get(r["code"], ()), *_split(r[target_lang]))
    aliases: dict[str, list[str]] = {}
    for r in data_tsv("id", "country_aliases.tsv"):
        aliases.setdefault(r["code"], []).append(r["alias"])
    ambiguous: set[str] = set()
    if data_exists(target_lang, "ambiguous_names.txt"):
        ambiguous = set(data_lines(target_lang, "ambiguous_names.txt"))
    for code, name in src_terr.items():
        if code not in tgt_terr or "(" in name or code in ("ZZ", "QO", "EZ", "UN", "EU"):
            continue
        kind = "country" if code.isalpha() else "region"
        forms = (name, *aliases.get(code, ()))
        renderings = tuple(r for r in (tgt_terr[code], *extra_names.get(code, ())) if r not in ambiguous)
        g.add(Entry(f"{kind}:{code}", kind, forms, tuple(dict.fromkeys(renderings)),
                    country=code if kind == "country" else ""))
    for r in data_tsv("glossary", "places.tsv"):
        g.add(Entry(f"place:{_split(r['id'])[0]}", "place", _split(r["id"]), _column(r, target_lang),
                    country=r["country"].strip("-"), capital=r["kind"] == "capital"))
    for r in data_tsv("glossary", "institutions.tsv"):
        # Added even without a rendering in this language: a known institution is no person's name.
        g.add(Entry(f"inst:{r['key']}", r["kind"], _split(r["id"]), _column(r, target_lang),
                    r["keep-acronym"] == "1", country="" if r["kind"] == "international" else "ID"))
    for kind, names in (("day", get_day_names), ("month", get_month_names)):
        src, tgt = names("wide", locale="id"), names("wide", locale=target_lang)
        for k, name in src.items():
            g.add(Entry(f"{kind}:{k}", kind, (name,), (tgt[k],)))
    for source, target, kind in extra:
        if kind in ("woman", "man"):
            continue  # a newsroom's person (mtcheck/text/gender.py), no institution
        g.add(Entry(f"user:{source}", kind or "organisation", (source,), _split(target)))
    if data_exists(target_lang, "name_variants.tsv"):
        for line in data_lines(target_lang, "name_variants.tsv"):
            group = _split(line)
            for v in group:
                g.variants[v] = group[0]
    g.compile()
    return g


def find_mentions(text: str, g: Gazetteer, pattern: re.Pattern[str] | None = None) -> list[Mention]:
    pattern = pattern or g.source_pattern
    if pattern is None:
        return []
    table = g.by_form if pattern is g.source_pattern or pattern is g.untranslated_pattern else None
    out = []
    named = "ar" in pattern.groupindex  # the name without an attached Arabic particle
    for m in pattern.finditer(text):
        group = "ar" if named and m.group("ar") else 0
        key = m.group(group)
        entry = table[key] if table is not None else g.by_rendering[key][0]
        out.append(Mention(entry, Span(*m.span(group)), key))
    return out


_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z][\w'’-]*) $")


def family_names_of_places(text: str, mentions: list[Mention], is_name: Callable[[str], bool]) -> list[Mention]:
    """`mentions` without those of a one-word country or place that is a person's family name: "Kapolri
    Jenderal Badrodin Haiti mengatakan" names General Badrodin Haiti, not Haiti; "Ahmad Jakarta"? no such
    person is read so. Taken only where the word before the place is a name (`is_name`: no title, no common
    word) and a person's by the article: after a title or rank ("Jenderal Badrodin Haiti") or a given name
    of the name table that says a gender ("Dewi Jakarta"), with no capitalised word after the place (not
    "Persib Bandung Luis Milla"). Every mention of the same two words is then the name's (a later "Badrodin
    Haiti mengatakan" too)."""
    title_re, _ = _title_patterns()
    pairs: set[tuple[str, str]] = set()
    candidates: list[tuple[Mention, str]] = []
    for m in mentions:
        a, b = m.span.start, m.span.end
        if " " in m.text or m.entry.kind not in ("country", "place") or not text.startswith(" ", a - 1):
            continue
        before = _WORD_BEFORE.search(text, max(0, a - 40), a)
        if before is None:
            continue
        w = before.group(1)
        candidates.append((m, w))
        if (w, m.text) in pairs or w in _one_word_titles() or w in ranks() or not is_name(w):
            continue
        if re.match(r"\s+[A-Z]", text[b:b + 3]):
            continue
        found = given_names.lookup(w)
        if title_re.search(text, max(0, before.start() - 40), before.start()) or (
                found is not None and found.gender is not None
                and (found.source != "nomquamgender" or found.counts >= 50)):
            pairs.add((w, m.text))
    if not pairs:
        return mentions
    dropped = {id(m) for m, w in candidates if (w, m.text) in pairs}
    return [m for m in mentions if id(m) not in dropped]


@cache
def titles() -> tuple[str, ...]:
    return tuple(sorted({*data_lines("id", "titles.txt"), *ranks()}, key=len, reverse=True))


@cache
def ranks() -> frozenset[str]:
    """Police and armed-forces ranks written before a name (`id/ranks.toml`): Kombes, AKBP, Irjen, Letkol."""
    return frozenset((data_toml("id", "ranks.toml") or {}).get("ranks", ()))


@cache
def _one_word_titles() -> frozenset[str]:
    """The titles of one word (`titles()`): Dr, Prof, Kombes."""
    return frozenset(t for t in titles() if " " not in t)


@cache
def _after_rank() -> frozenset[str]:
    """The force or corps between a rank and the name ("Kombes Pol", "Letkol Inf")."""
    return frozenset((data_toml("id", "ranks.toml") or {}).get("after_rank", ()))


def _from_last_rank(words: list[str]) -> int:
    """Where a run of capitalised words is cut at a rank inside it: the office and unit before the rank
    ("Kapolda Metro Jaya Irjen Karyoto", "Kanit Reskrim Polsek Cilandak Iptu Dewi Lestari") are no part of
    the name, which follows the rank. Only where the run opens with a title (an office: Kapolda, Kanit, Kabid):
    "Jalan Jenderal Sudirman", "Universitas Jenderal Soedirman" are a street and a university, no "Sudirman".
    The index of the last rank with a word after it, or 0."""
    rs = ranks()
    if not words or words[0] not in _one_word_titles():
        return 0
    for i in range(len(words) - 2, 0, -1):
        if words[i] in rs:
            return i
    return 0


@persistent
def _title_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A title right before a name, or one to three words before it ("Presiden Ukraina Volodymyr")."""
    alt = alternation(titles())  # a trie: the same matches as the plain alternation, longest title first
    return re.compile(rf"(?:{alt})\s+$"), re.compile(rf"(?:{alt})\s+(?:\S+\s+){{1,3}}$")


@cache
def _title_words() -> dict[str, list[list[str]]]:
    by_first: dict[str, list[list[str]]] = {}
    for t in titles():
        parts = t.split()
        by_first.setdefault(parts[0], []).append(parts)
    return by_first


@cache
def _named_after() -> re.Pattern[str]:
    """The words before a name that make it a street's, an institution's or a place's, named after a person:
    a head of `id/named_after.toml` (Jl., Universitas, Bandara), then only titles, ranks and honorifics."""
    data = data_toml("id", "named_after.toml") or {}
    heads = alternation(data.get("heads", ()))
    between = alternation(sorted({*titles(), *data.get("between", ())}, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{heads})\.?\s+(?:(?:{between})\.?\s+)*$")


@cache
def _named_after_heads() -> frozenset[str]:
    return frozenset((data_toml("id", "named_after.toml") or {}).get("heads", ()))


def _named_after_head(before: list[str]) -> bool:
    """The words of a capitalised run before its name hold a head of `id/named_after.toml` with no title
    before it: "Warga Jalan Gatot Subroto", "Universitas Jenderal Soedirman" name a street and a university.
    Not "Direktur RSUD Budi Santoso", "Rektor Universitas Trisakti Kadarsah": an office's holder follows."""
    heads = _named_after_heads()
    for i, w in enumerate(before):
        if w.rstrip(".") in heads or " ".join(before[i:i + 2]) in heads:
            return not any(x.rstrip(".") in _one_word_titles() for x in before[:i])
    return False


# Compiled once (asked for each capitalised word: re.search's cache look-up per call).
_SENTENCE_END_BEFORE = re.compile(r"(?:^|[.!?\n\"“”(]\s*)$")
_NON_SPACE = re.compile(r"\S+")


def _sentence_initial(text: str, pos: int) -> bool:
    return pos == 0 or bool(_SENTENCE_END_BEFORE.search(text[max(0, pos - 4):pos]))


def find_people(text: str, mentions: list[Mention], source_lang: str = "id",
                target_lang: str = "en", is_name: Callable[[str], bool] | None = None) -> list[Person]:
    """Proper names in the source that are not gazetteer entries: runs of capitalised words, minus leading
    titles and gazetteer words, kept when they look like names rather than capitalised common words.
    Later surname-only mentions are merged into the full name's Person. `is_name` says whether one
    capitalised word is a name (`source_names.NameWords.is_name`, the article's evidence); without it, word
    frequencies alone decide (`lexicon.travels_unchanged`), which miss most Indonesian names."""
    if is_name is None:
        is_name = lambda word: travels_unchanged(word, source_lang, target_lang)  # noqa: E731
    covered = sorted((m.span for m in mentions), key=_START_END)
    starts = [c.start for c in covered]
    title_re, title_near = _title_patterns()
    found: dict[str, list[Span]] = {}
    titled: dict[str, str] = {}
    places: set[Span] = set()
    for m in _NAME_RUN.finditer(text):
        start, end = m.span()
        # Cut the run at gazetteer mentions ("Presiden Ukraina Volodymyr Zelensky" -> "Volodymyr Zelensky").
        pieces = [(start, end)]
        first = max(0, bisect.bisect_left(starts, start) - 1)
        for c in covered[first:bisect.bisect_right(starts, end)]:
            if any(a < c.end and c.start < b for a, b in pieces):
                pieces = [p for a, b in pieces for p in ((a, min(b, c.start)), (max(a, c.end), b)) if p[1] > p[0]]
        pieces = [p for a, b in pieces for p in _split_at_common_words(text, a, b, source_lang, is_name)]
        for a, b in pieces:
            chunk = text[a:b].strip()
            offset = a + (len(text[a:b]) - len(text[a:b].lstrip()))
            words = chunk.split()
            if words and text.startswith(".", a + len(text[a:b].rstrip())) and words[-1] in _one_word_titles():
                # A run stopped by the full stop of an abbreviated title ("Camat Beji Dra. Sri Wahyuni", "kata
                # Dr. Hartono"): the office and unit before the title are no name, and the name follows it.
                continue
            # Strip leading titles and capitalised common words ("Presiden", "Menurut", "Sekjen").
            # Leading titles, capitalised common words and acronyms ("Sekjen NATO Mark Rutte").
            # A given name opening a sentence ("Siti Nurhaliza mengatakan") is kept where `_common` would drop it.
            given = False
            for _ in range(_from_last_rank(words)):
                head = words.pop(0)
                offset = text.index(words[0], offset + len(head))
            while words:
                if not _is_title(words):
                    if _common(words[0], source_lang, offset, text, is_name):
                        given = _given_opening(words, offset, text, source_lang, is_name)
                        if given:
                            break
                    elif not (len(words) > 1 and words[0].isupper() and len(words[0]) > 1):
                        break
                head = words.pop(0)
                offset = text.index(words[0], offset + len(head)) if words else offset
                while head in ranks() and len(words) > 1 and words[0] in _after_rank():
                    head = words.pop(0)  # "Kombes Pol Endra Zulpan", "Letkol Inf Andi Setiawan"
                    offset = text.index(words[0], offset + len(head))
            while len(words) > given and (words[-1] in PARTICLES
                                          or _common(words[-1], source_lang, -1, text, is_name)):
                words.pop()
            if not words:
                continue
            name = " ".join(words)
            if not text.startswith(name, offset):
                continue  # a run across irregular spacing: skip rather than misplace a span
            if len(words) == 1 and not is_name(words[0]) and not given:
                continue
            span = Span(offset, offset + len(name))  # only for a name kept
            found.setdefault(name, []).append(span)
            if _named_after_head(text[a:offset].split()) or _named_after().search(text, max(0, a - 60), a):
                places.add(span)  # "Universitas Jenderal Soedirman", "Jl. Jenderal Sudirman": a place's name
            window = text[max(0, offset - 60):offset]
            t = title_re.search(window) or title_near.search(window)
            if t:
                titled[name] = t.group().split()[0]
    _split_joined_names(found, titled)
    # Merge "Rutte" into "Mark Rutte".
    people: dict[str, Person] = {}
    first_with: dict[str, str] = {}  # token -> the first person (in insertion order) who has it
    for name in sorted(found, key=lambda n: -len(n.split())):
        host = people[first_with[name]] if len(name.split()) == 1 and name in first_with else None
        if host is not None:
            people[host.name] = Person(host.name, host.title, tuple(sorted((*host.spans, *found[name]),
                                                                           key=_START)), host.titled,
                                       host.named_after and all(s in places for s in found[name]))
        else:
            people[name] = Person(name, titled.get(name), tuple(found[name]), name in titled,
                                  all(s in places for s in found[name]))
            for token in people[name].tokens:
                first_with.setdefault(token, name)
    return sorted(people.values(), key=lambda p: p.spans[0].start)


def _split_joined_names(found: dict[str, list[Span]], titled: dict[str, str]) -> None:
    """Two names of two words or more written together, each of which the article also writes on its own
    ("... pada saat kampanye Donald Trump Track Palin, 26 tahun, menghabiskan": a headline without its full
    stop glued to the first sentence, where "Donald Trump" and "Track Palin" stand alone elsewhere): two
    names, not one. In place; the first split point that makes both halves names of the article is taken."""
    for name in [n for n in found if len(n.split()) >= 4]:
        words = name.split()
        for k in range(2, len(words) - 1):
            head, tail = " ".join(words[:k]), " ".join(words[k:])
            if head in found and tail in found:
                for sp in found.pop(name):
                    found[head].append(Span(sp.start, sp.start + len(head)))
                    found[tail].append(Span(sp.end - len(tail), sp.end))
                found[head].sort(key=lambda x: x.start)
                found[tail].sort(key=lambda x: x.start)
                if name in titled:
                    titled.setdefault(head, titled.pop(name))
                break


# Words of a capitalised run that say it is a title-case headline run into a name, not one name: three or
# more everyday words in a row inside it ("Putra Sulung Sarah Palin Ditangkap Atas Kekerasan Domestik Track
# Palin", a headline the corpus glued to its first sentence). Two in a row stay ("I Gusti Ayu Bintang
# Darmawati": Ayu, Bintang are everyday words and name parts).
_HEADLINE_RUN = 3


def _split_at_common_words(text: str, a: int, b: int, lang: str,
                           is_name: Callable[[str], bool]) -> list[tuple[int, int]]:
    """A capitalised run cut where three or more everyday words (zipf 4+, not names by the article's evidence)
    stand in a row between other words: the pieces before and after, each read as a name on its own."""
    words = [m.span() for m in _NON_SPACE.finditer(text, a, b)]  # \S+ looks at nothing outside the match
    if len(words) < _HEADLINE_RUN + 2:
        return [(a, b)]
    common = [_common(text[x:y], lang, -1, text, is_name) for x, y in words]
    out: list[tuple[int, int]] = []
    start = i = 0
    while i < len(words):
        j = i
        while j < len(words) and common[j]:
            j += 1
        if j - i >= _HEADLINE_RUN and i > start and j < len(words):
            out.append((words[start][0], words[i - 1][1]))
            start = j
        i = max(j, i + 1)
    out.append((words[start][0], b))
    return out


# The name table counts every word someone somewhere is called (Saya, Karena, Anda: thousands of bearers,
# "female"); a word as frequent in Indonesian as Putri or Liga (zipf 5+) is read as the word. Siti (4.3),
# Dewi (4.7), Budi (4.7), Joko (4.6) are below.
_MAX_GIVEN_ZIPF = 5.0
_MAX_LISTED_GIVEN_ZIPF = 6.0  # (not the pronouns and function words: Ia 6.2, Kami 6.4)


def _given_opening(words: list[str], offset: int, text: str, lang: str, is_name: Callable[[str], bool]) -> bool:
    """A given name of the name table opening a sentence and a person's name ("Siti Nurhaliza mengatakan",
    "Dewi menjelaskan"): capitalised there whatever it is, so `_common` takes it for a common word (siti,
    dewi are KBBI words) unless the article writes it mid-sentence, and the name loses its given name and
    the pronouns its gender. Kept when it says a gender with the support `source_names` asks of a given
    name (50 bearers in the table, or the overrides), is no title or contraction, the article never writes
    it in lower case, it is rarer than everyday words, and the next word is a family name or a verb of
    saying or reporting. Jalan, Kota (no gender), Saya (everyday) and Menyetrika (no given name) are not
    kept by it."""
    from mtcheck.text.source_names import _MIN_GIVEN_COUNTS, _not_names  # lazily, as it imports this one

    w = words[0]
    if not _sentence_initial(text, offset) or w in _not_names():
        return False  # Polda (a contraction of common nouns, 9 bearers in the table) opening "Polda Metro Jaya"
    found = given_names.lookup(w)
    # An everyday word (zipf 5+) that the shipped overrides list as an Indonesian given name (Putri, Indah)
    # is one before a verb of saying ("Indah mengatakan"), where the word could be nothing else; not before
    # another capitalised word ("Putri Jokowi", Jokowi's daughter).
    everyday = zipf(w, lang) >= _MAX_GIVEN_ZIPF and not (
        len(words) == 1 and found is not None and found.source.startswith("mtcheck overrides")
        and zipf(w, lang) < _MAX_LISTED_GIVEN_ZIPF)
    if (found is None or found.gender is None
            or (found.source == "nomquamgender" and found.counts < _MIN_GIVEN_COUNTS)
            or everyday
            or _written_whole(w.lower(), text)):
        return False
    if len(words) > 1:
        # A family name: no acronym (Staf NHS, Karena SARS-CoV-2) and no dictionary word (Liga Elite).
        nxt = words[1]
        return is_name(nxt) and not nxt[:2].isupper() and not is_common_word(nxt.strip(".'’"))
    return bool(_news_verb_after(lang).match(text, offset + len(w)))


# [\w'’-]+ compiled at its first use (re's cache), not at import: a class holding ’ makes re build a
# 64K-entry table, a millisecond of every start-up; and it is the pattern the names rules asked before.
_NAME_CHARS = r"[\w'’-]+"


@per_article(maxsize=64)
def name_runs(text: str) -> frozenset[str]:
    """The text's longest runs of word characters, apostrophes and hyphens, found once per text: a sentence
    opening with a given name asks whether the article writes it in lower case, and a search of the whole
    article for each such name was quadratic in a long one (4-6% of a 5 MB article's check). The names
    rules read the source's words so too."""
    return frozenset(re.findall(_NAME_CHARS, text))


def _written_whole(word: str, text: str) -> bool:
    """Whether `re.search(f"(?<![\\w'’-]){re.escape(word)}(?![\\w'’-])", text)` finds something: a word of
    those characters alone is found exactly where it is one of the text's runs of them."""
    if re.fullmatch(_NAME_CHARS, word):
        return word in name_runs(text)
    return re.search(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text) is not None


@cache
def _news_verb_after(lang: str) -> re.Pattern[str]:
    """A verb of saying or reporting right after a word: the word is its subject (`third_person.toml`)."""
    data = data_toml(lang, "third_person.toml") or {}
    verbs = (*data.get("speech_verbs", ()), *data.get("report_verbs", ()))
    if not verbs:
        return re.compile(r"(?!)")
    return re.compile(rf"\s+(?:{alternation(verbs)})(?![\w'’-])")


def _is_title(words: list[str]) -> bool:
    for parts in _title_words().get(words[0], ()):
        if words[:len(parts)] == parts:
            del words[1:len(parts)]
            return True
    return False


def _common(word: str, lang: str, offset: int, text: str, is_name: Callable[[str], bool]) -> bool:
    """A capitalised common word (sentence-initial "Namun", or a capitalised noun such as "Kementerian"),
    as opposed to a name ("Mark", "Sri" are as frequent in English text as in Indonesian: names; Prabowo,
    whom the article's evidence makes one)."""
    w = word.strip(".'’")
    if not w or (w.isupper() and len(w) > 1):
        return False  # acronyms are names
    z = zipf(w, lang)
    if z < 2.5 or is_name(w):
        return False
    return z >= 4.0 or (offset >= 0 and _sentence_initial(text, offset))
