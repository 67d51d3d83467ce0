"""MT201-MT207: names and entities garbled, misspelt at the source, left untranslated, replaced, dropped,
rendered two ways, or invented."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache
from itertools import pairwise

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from mtcheck.lang.base import data_tsv
from mtcheck.memo import per_article
from mtcheck.model import Category, Finding, Severity, Span
from mtcheck.rules import names_script
from mtcheck.rules.added_entity import _inside_longer_word
from mtcheck.rules.base import Rule
from mtcheck.text import given_names
from mtcheck.text.article import ArticlePair
from mtcheck.text.ascii_twin import plain, twin
from mtcheck.text.entities import (
    CALENDAR_KINDS,
    GEO_KINDS,
    ORG_KINDS,
    Entry,
    Gazetteer,
    Mention,
    count_latin_word,
    is_latin,
    name_runs,
)
from mtcheck.text.fold import fold
from mtcheck.text.lexicon import travels_unchanged, zipf
from mtcheck.text.name_match import NameAnalysis, analyse, contains, rendered
from mtcheck.text.near import NearIndex
from mtcheck.text.source_names import name_words

# Capitalised words, without a possessive "'s" ("Kavanaugh's" is Kavanaugh).
# Where the transliterated-name rules (mtcheck/rules/names_script.py) stay off, and why (measured on the
# clean sibling translations of the corpora, docs/quality.md).
_SCRIPT_OFF = {
    "MT201": {},
    "MT205": {},
    "MT206": {
        "zh": "Chinese has no word boundaries: name windows over Han text match common words, so two "
              "'renderings' of a name are often a name and a phrase",
    },
    "MT207": dict.fromkeys(("zh", "ja", "ar"), "names are transliterated into another script; an invented name "
                           "cannot be told by its capital letters"),
}
_CAP_WORD = re.compile(r"(?=[A-Z])(?<![\w'’-])[A-Z][a-z]\w*(?:['’][A-Z]\w+)?(?:-[A-Z]\w*)?")
_CAP_WORD_ASCII = twin(_CAP_WORD)  # the same words in an ASCII text (text/ascii_twin.py)


@per_article(maxsize=0)
def _cap_words(text: str) -> tuple[re.Match[str], ...]:
    """_CAP_WORD's matches in `text`, found once per text for the article: MT201 (and the pieces of its lost
    names), MT202, MT206 and MT207 each scanned the same source or translation with it again. Not kept across
    articles: match objects are the garbage collector's to go through (lang/base.py's latin_words)."""
    return tuple((_CAP_WORD_ASCII if plain(text) else _CAP_WORD).finditer(text))


def _max_edits(word: str) -> int:
    return 1 if len(word) <= 7 else 2


def _near(word: str, choices: list[str]) -> str | None:
    """The choice one or two edits away from `word` (same first letter), if any; a swap of two adjacent
    letters ("Chnia") is one edit. Differences of case, a plural "s" or an appended suffix ("LiverpoolFC")
    are not misspellings."""
    if not choices:
        return None
    hit = process.extractOne(word, choices, scorer=OSA.distance, score_cutoff=_max_edits(word))
    if hit is None or hit[1] == 0:
        return None
    ref = hit[0]
    a, b = word.lower(), ref.lower()
    if a[0] != b[0] or a == b or a.startswith(b) or b.startswith(a):
        return None
    return ref


_QWERTY = {ch: (r, c) for r, row in enumerate(("qwertyuiop", "asdfghjkl", "zxcvbnm")) for c, ch in enumerate(row)}


def _neighbour_keys(a: str, b: str) -> bool:
    """Are a and b next to each other on a QWERTY keyboard (same row or the row above/below)?"""
    if a not in _QWERTY or b not in _QWERTY:
        return False
    (ra, ca), (rb, cb) = _QWERTY[a], _QWERTY[b]
    return (ra == rb and abs(ca - cb) == 1) or (abs(ra - rb) == 1 and cb - ca in ((0, 1) if rb > ra else (-1, 0)))


def _typing_slip(word: str, ref: str) -> bool:
    """Can `word` be `ref` mistyped: letters dropped, doubled or added, two neighbours swapped, or a key
    struck for its neighbour (Sekatan/Selatan, Belada/Belanda, Ingris/Inggris)? A letter replaced by a
    distant one is a spelling variant or another name (Medinah/Madinah, Jakar/Jabar, Wikimania/Wikimedia)."""
    a, b = word.lower(), ref.lower()
    ops = [op for op in Levenshtein.editops(a, b) if op.tag == "replace"]
    i = 0
    while i < len(ops):
        p, q = ops[i].src_pos, ops[i].dest_pos
        if i + 1 < len(ops) and ops[i + 1].src_pos == p + 1 and a[p] == b[q + 1] and a[p + 1] == b[q]:
            i += 2  # a transposition: "Chnia"
            continue
        if not _neighbour_keys(a[p], b[q]):
            return False
        i += 1
    return True


def _sentence_initial(text: str, pos: int) -> bool:
    return pos == 0 or bool(re.search(r"(?:[.!?:]|^)[\s\"“'‘(]*$", text[max(0, pos - 4):pos]))


def _source_names(a: NameAnalysis, pair: ArticlePair) -> dict[str, Span]:
    """Name tokens of the source (people and unknown names) with one span where each occurs."""
    out: dict[str, Span] = {}
    for p in a.people:
        for span in p.spans:
            for m in re.finditer(r"\w+(?:['’]\w+)*", pair.source[span.start:span.end]):
                if len(m.group()) >= 4 and m.group()[0].isupper():
                    out.setdefault(m.group(), Span(span.start + m.start(), span.start + m.end()))
    return out


def _fold(word: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """Lower case, accents removed (text/fold.py), Indonesian spellings of foreign names mapped to the
    target's."""
    w = fold(word)
    for a, b in pairs:
        w = w.replace(a, b)
    return w


@cache
def _transliteration(target_lang: str) -> tuple[tuple[str, str], ...]:
    try:
        return tuple((r["id"], r[target_lang]) for r in data_tsv(target_lang, "transliteration.tsv"))
    except FileNotFoundError:
        return ()


def _mojibake(word: str) -> bool:
    # UTF-8 read as Latin-1 in a corpus ("GuaranÃ"): no reference to hold a translation to.
    return "Ã" in word or "Â" in word


class GarbledName(Rule):
    """A name in the translation that is a near-miss of a source name or of its expected rendering.

    ## What it does
    Compares each capitalised target word that is neither in the source nor a common word of the target
    language (wordfreq) with the names of the source and the expected renderings of its entities; one or two
    edits away ("Zelenski" for "Zelensky", "Netherlnds" for "Netherlands") is reported. Then, from the
    source side: a name the source keeps (not a translated entity, not a common Indonesian word) that the
    aligned target paragraph has fewer times than the source, beside a capitalised word of that paragraph
    that garbles it: cut short by one or two letters ("Prabow"), its last letter doubled ("Johnn"), one edit
    away, or two from four letters on, even when the garble is a real word ("Grandson" for "Grayson"); parts
    of hyphenated names and names after a French elision ("l'Arizoa") count. A real word is reported where
    it stands in the name's place: beside the word that stands beside the name in the source ("Donald
    True"), or in the aligned sentence of a name the translation spells right elsewhere; otherwise
    rewordings ("Senate" for "Senator"), exonyms, demonyms, widely borne variants of a given name
    ("Élisabeth") and cognates of a word the translation may translate ("Musée", "Stadio") are left alone.
    Accepted transliterations and exonyms (`mtcheck/data/<lang>/name_variants.tsv`: Zelensky/Zelenskyy,
    Kyiv/Kiev, Putin/Poutine) are not reported.
    In Japanese and Arabic, which transliterate names, the span of the aligned paragraph that renders each
    source name (its closest transliteration) is judged by its sounds: a consonant that no correspondence of
    the language explains (`mtcheck/text/phonetic.py`: ルッケ for Rutte) is reported, minor for one such
    consonant, major for two; a gazetteer place a character or two from its rendering (ミビア for ナミビア)
    and, in Japanese, a near copy of the rendering the article uses elsewhere or of a listed rendering
    (`mtcheck/data/names/renderings.tsv`, `observed.tsv`) are major. A rendering used once that is a
    character or two from the article's other rendering of the name, vowels included (カコニエ beside カニエ),
    is reported too: major beside one used twice with another consonant, minor otherwise. A Japanese or
    Arabic rendering regular in its consonants but unknown to the word list, one letter from a spelling the
    list knows that renders the name at least as well (ريجنان for ريجان, クルーガトー for クルーガー:
    `mtcheck/text/known_spelling.py`), is minor, with that spelling as the suggestion; in Japanese a
    full-size ヤ/ユ/ヨ or a doubled n (ンノ) the name does not explain counts as a consonant. Other proper
    names of the source (storms, diseases, rivers) are judged like people's. In Chinese a candidate must be
    a whole run of transliteration characters (`mtcheck/data/zh/transliteration_chars.txt`, from CLDR, the
    shipped renderings and jieba's transliterated names) with no common word across its edges (a country's
    rendering before a city ends the run: 瑞典乌普萨拉): windows of Han text that nearly match a name are
    otherwise mostly phrases (了更快, 证会, 佩林提 of 佩林提起); a character without a consonant, a bare vowel
    or a glide syllable, that the name's vowels, w, y or a v or j before a vowel do not explain counts as
    one unexplained consonant (马斯厄科伊, 索维诺拉 for Sonora, 奥塔伊普 for Tayyip). A Chinese place's
    rendering counts as written only as a whole run (巴黎, not 切巴黎), and a whole run one character from
    it, or from the rendering the article uses twice for a person (韦林 beside 佩林), is reported where the
    paragraph renders the name fewer times than its source mentions it: a near-homophone garble sounds like
    the name. A Chinese rendering regular in its consonants, written once and listed nowhere, is judged
    syllable by syllable too (`mtcheck/text/zh_syllables.py`: a character whose reading is far less expected
    for its part of the name than the likeliest one, 泰尼洛 for 托尼洛, Tornillo; 朗朱 for 拉朱, Raju), minor;
    so is a run one or two characters longer than a regular rendering (康利罗菲 for 利罗菲, Lealofi). In a
    Chinese paragraph short of a name's rendering, a whole run that is the article's or a listed rendering
    less one character (弗里 for 弗里曼), with one character put inside it (巴戴黎 for 巴黎) or one rare
    character added at an edge (迈巴厘岛) is minor, and so is a run of six characters or more, longer than
    any window of the search, with a character that is no syllable of the name (路亨易斯安那). The
    suggestion, where one is known, is in the target's script.

    ## Why is this bad?
    A garbled name is the most visible error a newsroom can publish, and readers cannot search for it.

    ## Example
    Source: Presiden Ukraina Volodymyr Zelensky bertemu Sekjen NATO Mark Rutte di Kyiv.
    Target: Ukrainian President Volodymyr Zelenski met NATO Secretary General Mark Rutte in Kyiv.

    Use instead:
    Target: Ukrainian President Volodymyr Zelenskyy met NATO Secretary General Mark Rutte in Kyiv.
    """

    code = "MT201"
    name = "garbled-name"
    category = Category.NAMES
    default_severity = Severity.MAJOR
    not_for = _SCRIPT_OFF["MT201"]

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        if not pair.target_pack.latin_script:
            yield from names_script.garbled(self, pair)
            return
        a = analyse(pair)
        names = _source_names(a, pair)
        references: dict[str, Span | None] = dict(names)
        for m in a.mentions:
            for r in m.entry.renderings:
                for w in r.split():
                    if len(w) >= 4 and w[0].isupper():
                        references.setdefault(w, m.span)
        near_index = NearIndex(list(references))
        source_words = set(name_runs(pair.source))
        source_words |= {part for w in source_words if "-" in w for part in w.split("-")}
        reported: set[int] = set()
        for m in _cap_words(pair.target):
            word = m.group()
            if len(word) < 4 or word in source_words or word in references:
                continue
            if zipf(word, pair.target_pack.code) >= 2.5 or zipf(word, pair.source_pack.code) >= 3.0:
                continue  # a real word, not a misspelt name
            ref = _near(word, near_index.candidates(word, _max_edits(word)))
            if ref is None or a.g.same_name(word, ref) or _mojibake(ref):
                continue
            pairs = _transliteration(pair.target_pack.code)
            if _fold(word, pairs) == _fold(ref, pairs):
                continue  # Asunción/Asuncion, Mashhad/Masyhad: one name in two spellings
            if zipf(word, pair.target_pack.code) > zipf(ref, pair.target_pack.code):
                continue  # the translation's spelling is the better-attested one: a source typo, not a garble
            reported.add(m.start())
            yield self.finding(f"'{word}' looks like a misspelling of '{ref}'", target=Span(*m.span()),
                               source=references[ref], suggestion=ref, confidence=0.8)
        for word, span, ref, ref_span in _lost_names(pair, a, source_words):
            if span.start not in reported:
                reported.add(span.start)
                yield self.finding(f"'{word}' looks like a misspelling of '{ref}', which the translation "
                                   "does not have", target=span, source=ref_span, suggestion=ref, confidence=0.7)


_NAME_TOKEN = re.compile(r"(?=[A-Z])(?<![\w'’])[A-Z][a-z]+(?![\w'’])")  # parts of "Jean-Pierre" too


def _garble_of(word: str, name: str, target_lang: str, placed: bool = False) -> bool:
    """Is `word` (in the translation) a garble of the source name `name`: cut short by one or two letters
    (Prabowo -> Prabow), its last letter doubled (John -> Johnn), or one edit away (two from five letters on:
    Jokowi -> Jokiwo)? Same first letter. `placed`: the word stands where the name should (beside the same
    neighbour word as in the source, "Donald True" for "Donald Trump"), which allows two edits in a name of
    four letters even when they make a word (John F. Kennedy -> Jin F. Kennedy)."""
    a, b = _fold(word, ()), _fold(name, ())
    if a[0] != b[0] or a == b:
        return False
    if a.startswith(b):
        # A suffix appended is no garble ("LiverpoolFC", "Europeans", "Korean"); the last letter struck once
        # or twice more is (Johnn, Brettt): no suffix of any language repeats the letter before it.
        return len(a) - len(b) <= 2 and set(a[len(b):]) == {b[-1]}
    if b == a + "s" and len(a) >= 5:
        return False  # a brand's plural s left off (Ladbrokes: Ladbroke; Frontieres: Frontière)
    if b.startswith(a):
        return len(a) >= 3 and len(b) - len(a) <= 2
    if len(b) <= 3 and zipf(word, target_lang) >= 3.0:
        return False  # "Ali" and "All": too short to tell a garble from a word
    # Two edits from five letters on, and in a four-letter name when the result is no word (John -> Joohc)
    # or stands in the name's place.
    edits = 2 if len(b) >= 5 or (len(b) == 4 and (placed or zipf(word, target_lang) < 2.0)) else 1
    return OSA.distance(a, b, score_cutoff=edits) <= edits


def _given_name(name: str) -> bool:
    """A given name people bear (the name table's count, not a word that a few people are named)."""
    found = given_names.lookup(name)
    return found is not None and found.counts >= 1000


def _name_count(name: str) -> int:
    found = given_names.lookup(name)
    return found.counts if found is not None else 0


def _other_form(word: str, name: str) -> bool:
    """Is `word` another spelling of the given name `name` that translators choose, not a garble: a letter
    apart and both widely borne (Marie for Maria, Élisabeth for Elizabeth, Tracy for Tracey)? A name cut
    short or two letters off (Victor for Victoria, Roland for Ronald) is another person's name."""
    a, b = _fold(word, ()), _fold(name, ())
    if b.startswith(a) or a.startswith(b) or OSA.distance(a, b, score_cutoff=1) > 1:
        return False
    return _name_count(word) >= 100_000 and _name_count(name) >= 100_000


def _mentions_within(a: NameAnalysis) -> Callable[[Span], list[Mention]]:
    """`within(span)`: the source mentions starting inside `span`, in the analysis's order. Mentions are sorted
    by start once and found by bisection: scanning every mention for every bead was quadratic."""
    order = sorted(range(len(a.mentions)), key=lambda k: a.mentions[k].span.start)
    starts = [a.mentions[k].span.start for k in order]

    def within(span: Span) -> list[Mention]:
        lo, hi = bisect.bisect_left(starts, span.start), bisect.bisect_left(starts, span.end)
        return [a.mentions[k] for k in sorted(order[lo:hi])]

    return within


def _inside(spans: list[Span]):
    """A test of whether an offset lies inside one of the spans, in log time (the union of the spans as sorted
    disjoint intervals): a scan of every span for every name of every paragraph was quadratic."""
    starts: list[int] = []
    ends: list[int] = []
    for s in sorted(spans):
        if starts and s.start <= ends[-1]:
            ends[-1] = max(ends[-1], s.end)
        else:
            starts.append(s.start)
            ends.append(s.end)

    def test(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and pos < ends[i]

    return test


_LETTERS = re.compile(r"[^\W\d_]+")
_TARGET_RUN = re.compile(r"[A-Za-z0-9\u00c0-\u024f-]+")  # a word as LATIN_BEFORE/LATIN_AFTER bound it
_LEFT = re.compile(r"([^\W_]+)(?:\.?\s+|-)$")
_RIGHT = re.compile(r"(?:\s+|-)([^\W_]+)")


_ELIDED_NAME = re.compile(r"(?<![^\W_])[ld]['’]([A-Z][a-z]+)(?![\w'’])")


def _source_name_tokens(text: str) -> list[re.Match[str]]:
    """The name tokens of a source paragraph (_NAME_TOKEN) and names after a French elision a foreign name
    carries ("Saint-Georges-de-l'Oyapock"), as matches of the name alone, in text order."""
    found = [*_NAME_TOKEN.finditer(text), *(_NameMatch(m) for m in _ELIDED_NAME.finditer(text))]
    return sorted(found, key=lambda m: m.start())


class _NameMatch:
    """The name group of an _ELIDED_NAME match, with the interface of a match of the name alone."""

    def __init__(self, m: re.Match[str]) -> None:
        self._m = m

    def group(self) -> str:
        return self._m.group(1)

    def start(self) -> int:
        return self._m.start(1)


def _name_pieces(text: str, offset: int, elisions: frozenset[str]) -> list[tuple[str, Span]]:
    """The capitalised words of `text` where a garbled name may stand: whole words ("Jean-Pierre"), the
    capitalised parts of hyphenated words (Pierre, Natal in KwaZulu-Natal, September in post-September) and
    a word after an elided article of the language (Arizona in l'Arizona, Ebola in d'Ebola)."""
    out: dict[tuple[int, int], str] = {m.span(): m.group() for m in _cap_words(text)}
    for m in _LETTERS.finditer(text):
        word, i = m.group(), m.start()
        if len(word) < 2 or not word[0].isupper() or not word[1:].islower() or m.span() in out:
            continue
        if i > 0 and text[i - 1] in "'’":
            before = _LETTERS.search(text, max(0, i - 10), i - 1)
            while before is not None and before.end() < i - 1:
                before = _LETTERS.search(text, before.end(), i - 1)
            if before is None or before.end() != i - 1 or before.group().lower() not in elisions:
                continue  # O'Brien is one name, not "Brien"
        elif i > 0 and text[i - 1].isdigit():
            continue
        out[m.span()] = word
    return [(w, Span(offset + i, offset + j)) for (i, j), w in sorted(out.items())]


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The words just before and after text[start:end] when only a space, a hyphen or an initial's period
    parts them from it ("Donald" and "" for Trump in "Donald Trump said"); "" where there is none."""
    right = _RIGHT.match(text, end, min(len(text), end + 40))
    return (_left_word(text, max(0, start - 40), start), right.group(1) if right else "")


def _left_word(text: str, lo: int, end: int) -> str:
    """_LEFT.search(text, lo, end).group(1), or "", read backwards from `end`: the search tried every
    position from `lo` (a run of letters from each), the costliest line of the names rules. The leftmost
    match starts where the run of letters before the separator starts (or at `lo`)."""
    best: tuple[int, int] | None = None
    # `$` holds at `end`, and before a newline that ends the text searched
    for stop in (end, end - 1) if end - 1 >= lo and text[end - 1] == "\n" else (end,):
        if stop - 1 >= lo and text[stop - 1] == "-":
            q = stop - 1
        else:
            q = stop
            while q > lo and text[q - 1].isspace():  # \s+
                q -= 1
            if q == stop:
                continue
            if q > lo and text[q - 1] == ".":  # \.?
                q -= 1
        j = q
        while j > lo and text[j - 1].isalnum():  # [^\W_]+
            j -= 1
        if j < q and (best is None or j < best[0]):
            best = (j, q)
    return text[best[0]:best[1]] if best else ""


def _source_neighbours(source: str, source_spans: list[Span]) -> tuple[frozenset[str], frozenset[str]]:
    """The capitalised words just before and just after the name's mentions in the source (`_neighbours`),
    read once per name: reading them again for every candidate word of the target was mentions x candidates
    (fuzzing: a name written thousands of times in one paragraph)."""
    lefts, rights = set(), set()
    for s in source_spans:
        left, right = _neighbours(source, s.start, s.end)
        if left and left[0].isupper():
            lefts.add(left)
        if right and right[0].isupper():
            rights.add(right)
    return frozenset(lefts), frozenset(rights)


def _placed(neighbours: tuple[frozenset[str], frozenset[str]], target: str, span: Span) -> bool:
    """Does the target word at `span` stand beside a capitalised word that stands beside the name in the
    source (`_source_neighbours`: the other words of a name are kept with it: "Donald True" for "Donald
    Trump", "Hgo Kong")?"""
    t_left, t_right = _neighbours(target, span.start, span.end)
    return t_left in neighbours[0] or t_right in neighbours[1]


def _kept_entity_words(a: NameAnalysis) -> list[Span]:
    """Spans of the source entity mentions that the translation translates, less the words it keeps: "Korea"
    in "Korea Utara" (North Korea) stays a name the translation must spell as the source does."""
    out = []
    for m in a.mentions:
        if m.text in m.entry.renderings:
            continue
        kept = {w for r in m.entry.renderings for w in r.split()}
        words = list(re.finditer(r"\S+", m.text))
        if not any(w.group() in kept for w in words):
            out.append(m.span)
            continue
        out += [Span(m.span.start + w.start(), m.span.start + w.end()) for w in words if w.group() not in kept]
    return out


def _demonym_of(word: str, name: str) -> bool:
    """An adjective or inhabitant of a kept entity name: the name's final vowel turned into an ending made of
    vowels, n and s ("Argentine" beside "Argentina", "Chine"); "Child" is no demonym of China, nor "Parie"
    of Paris."""
    return (name[-1] in "aeiouy" and word[:len(name) - 1] == name[:-1] and word != name
            and re.fullmatch(r"[aeiouyns]{1,2}", word[len(name) - 1:]) is not None)


def _lost_names(pair: ArticlePair, a: NameAnalysis, source_words: set[str]
                ) -> Iterator[tuple[str, Span, str, Span]]:
    """Source names that the aligned target paragraph lacks, beside a target word that garbles them.

    A name the translation keeps must reappear as it is; when it does not and a capitalised word of the same
    paragraph is a truncation or a near miss of it, that word is the name garbled, even if it happens to be a
    real word ("Grayson" -> "Grandson"). Names inside known entities (countries, places, institutions, days)
    are translated, not kept, and common Indonesian words capitalised in titles ("Presiden") are no names.

    Two ordinary words of the target a letter or two apart ("Senate" for "Senator"), an exonym and a word
    common in both languages are left alone unless the word stands in the name's place: beside a word that
    stands beside the name in the source ("Donald True" for "Donald Trump"), or in the sentence aligned with
    the name's when the translation spells the name right elsewhere (consistency: a name kept three times and
    garbled once)."""
    src_lang, tgt_lang = pair.source_pack.code, pair.target_pack.code
    pairs = _transliteration(tgt_lang)
    elisions = pair.target_pack.elisions
    in_entity = _inside(_kept_entity_words(a))
    in_target_mention = _inside([t.span for t in a.target_mentions])
    entity_names = {m.text for m in a.mentions}
    target_runs = Counter(_TARGET_RUN.findall(pair.target))  # count_latin_word over the whole target, at once
    # Where the target's sentences start (the segmenter knows "M." and "Mr." end no sentence), past quotes.
    sentence_starts = {seg.start + len(seg.text) - len(seg.text.lstrip("\"“‘'«( \u00a0"))
                       for seg in pair.target_segments.sentences}

    def aligned(pos: int) -> Span | None:
        return pair.aligned_target(Span(pos, pos))

    for bead in a.beads:
        src_text = pair.source[bead.source.start:bead.source.end]
        target_words = [(w, s) for w, s in _name_pieces(bead.target_text, bead.target.start, elisions)
                        if w not in source_words]
        if not target_words:
            continue
        # Name kept from the source -> where the source has it.
        expected: dict[str, list[Span]] = {}
        for m in _source_name_tokens(src_text):
            name = m.group()
            start = bead.source.start + m.start()
            if len(name) < 3 or _mojibake(name) or (in_entity(start) and not target_runs[name]):
                continue  # a translated entity, unless the translation keeps its name elsewhere ("Wales")
            expected.setdefault(name, []).append(Span(start, start + len(name)))
        for name, spans in expected.items():
            # Kept as often as the source has it (a second mention may become a pronoun, but then no garble
            # of it stands beside the first); but a sentence whose aligned one lacks the name while the
            # paragraph repeats it elsewhere may still hold its garble, a non-word or in the name's place
            # ("Le Président Trum" beside another "Trump" that the translation added).
            # Each aligned sentence once: a name written thousands of times in one sentence (fuzzing's "one long
            # line") made the count below spans x sentence length.
            sentences = list(dict.fromkeys(t for t in map(aligned, (s.start for s in spans)) if t is not None))
            local = count_latin_word(bead.target_text, name) >= len(spans)
            if local:
                sentences = [t for t in sentences if not count_latin_word(pair.target[t.start:t.end], name)]
                if not sentences:
                    continue
            known = zipf(name, tgt_lang)
            unknown = known == 0 and zipf(name, src_lang) == 0
            kept = target_runs[name] > 0
            # A word of the source language capitalised in a title or a name ("Presiden", "Kota") that the
            # target language hardly knows (Bali and Islam it knows), or an English word of the source
            # ("Priorities", "Museum"), may be translated, into a cognate too ("Professor", "Stadio",
            # "Parlement"): a garble of it must be no word of the target, and of an Indonesian word the
            # translation must keep the name elsewhere.
            common = zipf(name, src_lang)
            source_word = common >= 3.5 and known < min(3.0, common - 0.5)
            english_word = tgt_lang != "en" and zipf(name, "en") >= 3.0 and zipf(name, "en") > known + 1.0
            # A name no language knows beside a common word in its place: the source's typo, which the
            # translation fixed ("Royal Bengala" for Royal Bengal, "Supplementsal"): MT202's business.
            rare = max(known, zipf(name, src_lang), zipf(name, "en")) < 1.5
            if source_word and not kept:
                continue
            best: tuple[tuple[bool, bool, int], str, Span] | None = None
            neighbours = _source_neighbours(pair.source, spans)
            for word, span in target_words:
                placed = _placed(neighbours, pair.target, span)
                if (source_word or english_word) and zipf(word, tgt_lang) >= 3.0:
                    continue
                in_sentence = any(t.start <= span.start < t.end for t in sentences)
                if local and not (in_sentence and (placed or zipf(word, tgt_lang) < 2.5)):
                    continue
                context = placed or (kept and in_sentence)
                # A final s left off is a brand's plural (Ladbrokes: Ladbroke) unless the translation spells
                # the name with it elsewhere: then it is the name cut short (Zagros: Zagro).
                cut_s = kept and in_sentence and _fold(name, ()) == _fold(word, ()) + "s"
                if not (cut_s or _garble_of(word, name, tgt_lang, placed=context)) or a.g.same_name(word, name):
                    continue
                common = zipf(word, tgt_lang)
                if common >= 3.0 and not placed and span.start in sentence_starts:
                    continue  # an ordinary word that starts a sentence ("Singer Sanju Sharma" beside Singh)
                if _other_form(word, name):
                    continue
                if name in entity_names and _demonym_of(word, name):
                    continue  # a demonym of a kept entity name: "Argentine" beside "Argentina"
                if common >= 4.0 and zipf(name, tgt_lang) >= 4.0 and not _given_name(name) and not context:
                    continue  # two ordinary words of the target ("Senator", "Senate"): a rewording
                if in_target_mention(span.start):
                    continue  # a known rendering of an entity ("Argentine" beside "Argentina")
                if _fold(word, pairs) == _fold(name, pairs) or (unknown and common > 0 and not placed) or (
                        rare and common >= 3.0):
                    continue  # one name in two spellings, or a typo of the source that the translation fixed
                if known < 2.0 and common > known and (not context or _name_count(word) >= 100_000):
                    continue  # the target language's own form of a rare name: an exonym (Poutine, Santorin),
                    # and a widely borne given name even beside a neighbour
                rank = (placed, in_sentence, -OSA.distance(_fold(word, ()), _fold(name, ())))
                if best is None or rank > best[0]:
                    best = (rank, word, span)
            if best is not None:
                yield best[1], best[2], name, spans[0]


class SourceTypo(Rule):
    """A name in the Indonesian original that looks like a typo of a known name, carried into the translation.

    ## What it does
    Reports a capitalised source word that is no known name or word (gazetteer, wordfreq) but one or two
    typing slips from a country, place or institution name, or from a more frequent name of the same
    article ("Belada" for "Belanda"): letters dropped, added or swapped, or a key struck for its neighbour.
    A letter replaced by a distant one is a spelling variant or another name ("Medinah", "Jakar") and is
    left alone. The finding points at the source; where the translation carries the same word on, at that too.

    ## Why is this bad?
    The original is the reference for five translations: a typo there propagates into every language.

    ## Example
    Source: Rutte adalah mantan Perdana Menteri Belada itu.
    Target: Rutte is the former Belada Prime Minister.

    Use instead:
    Source: Rutte adalah mantan Perdana Menteri Belanda itu.
    Target: Rutte is the former Dutch Prime Minister.
    """

    code = "MT202"
    name = "source-typo"
    category = Category.SOURCE
    default_severity = Severity.MAJOR

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        a = analyse(pair)
        src_lang, tgt_lang = pair.source_pack.code, pair.target_pack.code
        known = _typo_references(a.g)
        counts = Counter(m.group() for m in _cap_words(pair.source))
        known_set = set(known)
        by_count: NearIndex | None = None  # the article's own words, built when first needed
        for m in _cap_words(pair.source):
            word = m.group()
            if len(word) < 5 or word in known_set or any(ch.isdigit() for ch in word):
                continue  # short words and codes (CoV-HKU5) are not name typos
            if zipf(word, src_lang) >= 1.5 or zipf(word, tgt_lang) >= 1.5:
                continue
            ref = _near(word, known)
            if ref is None:  # a rarer spelling of a name the article uses more often
                if by_count is None:
                    by_count = NearIndex([w for w in counts if len(w) >= 5])
                frequent = [w for w in by_count.candidates(word, _max_edits(word))
                            if counts[w] > counts[word] and w != word]
                ref = _near(word, frequent)
            if ref is None or a.g.same_name(word, ref) or not _typing_slip(word, ref):
                continue
            span = Span(*m.span())
            bead = a.bead_of(span)
            carried = contains(bead.target_text, word) if bead else None
            target = Span(bead.target.start + carried.start(), bead.target.start + carried.end()) if (
                bead and carried) else None
            note = "; the translation carries it on" if target else ""
            # Carried on, the fix that matters to the reader is the target language's name ('Netherlands'
            # for 'Belanda'); the message names the Indonesian fix for the original.
            entry = a.g.by_form.get(ref)
            suggestion = entry.preferred if target and entry is not None and entry.preferred else ref
            yield self.finding(f"'{word}' in the original looks like a typo for '{ref}'{note}",
                               source=span, target=target, suggestion=suggestion, confidence=0.8)


class UntranslatedEntity(Rule):
    """An Indonesian name of a country, place, institution, day or month left in the translation.

    ## What it does
    Looks in the target for the Indonesian forms of gazetteer entities whose rendering differs ("Belanda",
    "Jepang", "Kementerian Keuangan", "PBB", "Kamis"). Acronyms that English news keeps (KPK, TNI, BMKG) are
    accepted. Major for places and institutions, minor for days and months.

    ## Why is this bad?
    A reader of the English edition cannot know that "Belanda" is the Netherlands.

    ## Example
    Source: Rutte adalah mantan Perdana Menteri Belanda.
    Target: Rutte is the former Prime Minister of Belanda.

    Use instead:
    Target: Rutte is the former Prime Minister of the Netherlands.
    """

    code = "MT203"
    name = "untranslated-entity"
    category = Category.NAMES
    default_severity = Severity.MAJOR

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        a = analyse(pair)
        if a.g.untranslated_pattern is None:
            return
        for m in a.g.untranslated_pattern.finditer(pair.target):
            entry = a.g.by_form[m.group()]
            if _kept_in_name(pair, m.start(), m.end(), entry):
                continue
            # The rendering without its accents (Taiwan, Nepal for Taïwan, Népal) is legible: a spelling slip.
            unaccented = any(_fold(m.group(), ()) == _fold(r, ()) for r in entry.renderings)
            minor = entry.kind in CALENDAR_KINDS or unaccented
            if unaccented:
                message = f"'{m.group()}' is spelt '{entry.preferred}' in {pair.target_pack.name}"
            elif entry.renderings:
                message = f"'{m.group()}' is the Indonesian name; in {pair.target_pack.name} it is '{entry.preferred}'"
            elif " " in m.group():  # an institution with no shipped rendering in this language
                message = f"'{m.group()}' is the Indonesian name, left untranslated"
            else:
                continue
            yield self.finding(message, target=Span(*m.span()), suggestion=entry.preferred or None,
                               confidence=0.9, severity=Severity.MINOR if minor else None)


_CONNECTORS = frozenset({"of", "the", "and", "for", "&", "de", "del", "la", "du", "des", "y"})
_RUN_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|&")


def _run_neighbours(text: str, start: int, end: int) -> list[str]:
    """The capitalised words next to text[start:end] in its run of capitalised words, one on each side,
    across a connector ("Association of Australia", "Asociacion Argentina de Polo") or a comma or colon
    ("AI Superpowers: China, Silicon Valley")."""
    out = []
    left = [m for m in _RUN_WORD.finditer(text, max(0, start - 60), start)]
    right = list(_RUN_WORD.finditer(text, end, min(len(text), end + 60)))
    for words, edge, step in ((left[::-1], start, -1), (right, end, 1)):
        pos = edge
        for w in words[:3]:
            gap = text[w.end():pos] if step < 0 else text[pos:w.start()]
            if not re.fullmatch(r"\s*[,:]?\s+|-", gap):
                break
            pos = w.start() if step < 0 else w.end()
            word = re.split(r"['’]", w.group())[-1]  # l'Asociacion: Asociacion
            if word.lower() in _CONNECTORS and not word[0].isupper():
                continue
            if word[0].isupper():
                out.append(word)
            break
    return out


# A Latin word beside a Latin form in a text of another script (Chinese, Japanese, Arabic): "据ABC Australia 3月3日",
# "2007 Taipei IT Monthで". Only spaces between: a Han character or kana against the form is no neighbour.
_LATIN_LEFT = re.compile(r"(?<![A-Za-z\u00c0-\u024f])([A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f0-9'’&.-]*) +$")
_LATIN_RIGHT = re.compile(r" +([A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f0-9'’&-]*)")


def _latin_neighbours(text: str, start: int, end: int) -> list[tuple[str, str]]:
    """The capitalised Latin words right beside text[start:end] in a text of another script, each with the two
    words in their order there ("ABC Australia")."""
    out = []
    form = text[start:end]
    if (left := _LATIN_LEFT.search(text, max(0, start - 40), start)) and left.group(1)[0].isupper():
        out.append((left.group(1), f"{left.group(1)} {form}"))
    if (right := _LATIN_RIGHT.match(text, end)) and right.group(1)[0].isupper():
        out.append((right.group(1), f"{form} {right.group(1)}"))
    return out


def _run_pairs(text: str, start: int, end: int) -> list[tuple[str, str]]:
    """_run_neighbours, each with no fixed order: in a Latin-script translation the source's words may be
    reordered ("Asociacion Argentina" for "Argentina Asociacion")."""
    return [(n, "") for n in _run_neighbours(text, start, end)]


def _kept_in_name(pair: ArticlePair, start: int, end: int, entry: Entry) -> bool:
    """Is the Indonesian form at target[start:end] part of a proper name kept as it is, not an entity left
    untranslated: a word of a name the source has word for word ("Taiwan Sustainable Award", "Asociacion
    Argentina de Polo"; in Chinese, Japanese or Arabic text a Latin name kept in Latin letters: "ABC Australia",
    "Rumah Sakit Kuwait Maitree" as "Kuwait Maitree医院"), or the English name inside an English title in another
    Latin-script language ("Government of Wales Act", "South China Morning Post")? A neighbour that is an
    Indonesian word ("Kerajaan Belanda") or a person's name keeps the finding."""
    src_lang, tgt_lang = pair.source_pack.code, pair.target_pack.code
    form = pair.target[start:end]
    latin = pair.target_pack.latin_script
    for n, phrase in (_run_pairs if latin else _latin_neighbours)(pair.target, start, end):
        if zipf(n, src_lang) >= 3.0 and zipf(n, src_lang) >= zipf(n, "en"):
            continue  # an Indonesian word beside it: the phrase is left untranslated
        if _name_count(n) >= 10_000:
            continue  # a person beside the country ("d'Argentina Cristina Fernandez"), not one name
        if latin and tgt_lang != "en" and zipf(n, "en") >= 3.0 and zipf(n, "en") > zipf(n, tgt_lang) + 1.0:
            return True  # an English title kept in English
        if phrase:  # a Latin name kept in another script: the source has it in the same order
            if re.search(rf"(?<![^\W\d_]){re.escape(phrase)}(?![^\W\d_])", pair.source):
                return True  # not "Coaster Jepang" (Japanese Coaster) for "Jepang Coaster"
            continue
        left, right = f"{n} {form}", f"{form} {n}"
        if any(re.search(rf"{re.escape(x)}\b", pair.source) for x in (left, right)) or re.search(
                rf"{re.escape(form)}\s+(?:of|de|del|la|the)\s+{re.escape(n)}|{re.escape(n)}\s+(?:of|de|del|la|the)"
                rf"\s+{re.escape(form)}", pair.source):
            return True  # the source has the same name word for word
    return False


def _explained_by_source(entries: list[Entry], source_text: str) -> bool:
    """Does the source paragraph name one of these entities, where the mention search does not see it: a
    form attached to a hyphen ("Belanda-berdasarkan"), a form another entity of the gazetteer took
    ("Amerika", the region and the United States), the distinctive word of a longer form ("Falkland" of
    "Kepulauan Falkland"), or the form's stem as a capitalised word of its own: the name of a river, valley or
    sea after the country ("Lembah Yordan", the Jordan Valley, beside Yordania)?"""
    for e in entries:
        for f in e.source_forms:
            words = [f] if " " not in f else [f, *(w for w in f.split() if w[0].isupper() and len(w) >= 4
                                                    and zipf(w, "id") < 3.0)]
            if " " not in f and f[:1].isupper() and not f.isupper():
                words += [f[:k] for k in range(max(5, len(f) - 3), len(f))]  # Yordan, Yordani of Yordania
            if any(re.search(rf"(?<![^\W\d_]){re.escape(w)}(?![^\W\d_])", source_text) for w in words):
                return True
    return False


class _Rivals:
    """What _competitors reads of the whole article, prepared once per article rather than once per
    candidate mention (each call lowered the whole source, scanned every target mention and institution
    phrase of the article, and searched the source for each cognate: quadratic on a 5 MB article). Each
    answer is the one of those scans: the paragraph's mentions and phrases in the same order, the same
    substring tests (remembered), the same sets."""

    def __init__(self, a: NameAnalysis, source_lower: str) -> None:
        self.source_lower = source_lower
        self.article_keys = {m.entry.key for m in a.mentions}
        self.renderings_by_key: dict[str, set[str]] = {}
        for m in a.mentions:
            self.renderings_by_key.setdefault(m.entry.key, set()).update(r.lower() for r in m.entry.renderings)
        self.mentions = a.target_mentions
        self.mention_starts = _starts_if_sorted([t.span.start for t in a.target_mentions])
        self.phrases = a.institution_phrases
        self.phrase_starts = _starts_if_sorted([span.start for span, _ in a.institution_phrases])
        self._in_source: dict[str, bool] = {}

    def in_source(self, piece: str) -> bool:
        hit = self._in_source.get(piece)
        if hit is None:
            hit = self._in_source[piece] = piece in self.source_lower
        return hit

    @staticmethod
    def _within(items: list, starts: list[int] | None, target: Span) -> list:
        if starts is None:  # not in text order: every item, as the scan
            return items
        return items[bisect.bisect_left(starts, target.start):bisect.bisect_left(starts, target.end)]

    def mentions_within(self, target: Span) -> list[Mention]:
        return self._within(self.mentions, self.mention_starts, target)

    def phrases_within(self, target: Span) -> list[tuple[Span, str]]:
        return self._within(self.phrases, self.phrase_starts, target)

    def accepted(self, keys: set[str]) -> set[str]:
        out: set[str] = set()
        for key in keys:
            out |= self.renderings_by_key.get(key, set())
        return out


def _starts_if_sorted(starts: list[int]) -> list[int] | None:
    return starts if all(a <= b for a, b in pairwise(starts)) else None


def _competitors(a: NameAnalysis, mention: Mention, bead_source_keys: set[str], target: Span,
                 used: set[tuple[int, int]], source_lower: str, a_text: str = "", source_text: str = "",
                 rivals: _Rivals | None = None) -> list[tuple[Span, str]]:
    """Entities of the same kind in the target paragraph that render no source entity of the article.
    `rivals`: the article's _Rivals, when several mentions are tested (built here otherwise)."""
    if rivals is None:
        rivals = _Rivals(a, source_lower)
    out: list[tuple[Span, str]] = []
    kind = mention.entry.kind
    article_keys = rivals.article_keys
    if kind in GEO_KINDS:
        for t in rivals.mentions_within(target):
            if not target.start <= t.span.start < target.end or (t.span.start, t.span.end) in used:
                continue
            if t.text[0].islower() or rivals.in_source(t.text.lower()[:4]):
                continue  # a cognate of a source word ("Chile" for "Chili") is no rival
            if (a_text and _inside_longer_word(a_text, t.span)) or (
                    mention.entry.country and all(e.country == mention.entry.country for e in a.g.by_rendering[t.text])):
                continue  # マリ inside マリオ; a city or capital of the same country ("Vienna" for "Austria")
            entries = a.g.by_rendering[t.text]
            if all(e.kind in GEO_KINDS - {"region"} and e.key not in article_keys for e in entries):
                if source_text and _explained_by_source(entries, source_text):
                    continue  # "Pays-Bas" for "Belanda-berdasarkan", "Américains" for "Amerika"
                out.append((t.span, t.text))
    elif kind in ORG_KINDS:
        accepted = rivals.accepted(bead_source_keys)
        for span, phrase in rivals.phrases_within(target):
            if not target.start <= span.start < target.end or (span.start, span.end) in used:
                continue
            if phrase.lower() in accepted or any(r in phrase.lower() for r in accepted if len(r) > 12):
                continue
            out.append((span, phrase))
    return out


class WrongEntity(Rule):
    """A source country, place or institution replaced by a different one in the translation.

    ## What it does
    For each gazetteer entity of a source paragraph whose expected renderings are all missing from the aligned
    target paragraph, looks there for an entity of the same kind that renders nothing in the source
    paragraph: another country ("Norway" for "Belanda"), or an institution-like phrase no rendering matches
    ("Ministry of Communication and Trade" for "Kementerian Komdigi").

    ## Why is this bad?
    A wrong ministry or country misattributes a decision; readers trust names and do not check them.

    ## Example
    Source: Kementerian Komdigi memblokir situs judi daring.
    Target: The Ministry of Communication and Trade blocked online gambling sites.

    Use instead:
    Target: The Ministry of Communication and Digital Affairs blocked online gambling sites.
    """

    code = "MT204"
    name = "wrong-entity"
    category = Category.NAMES
    default_severity = Severity.MAJOR

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        a = analyse(pair)
        used: set[tuple[int, int]] = set()
        wanted = GEO_KINDS | ORG_KINDS
        within = _mentions_within(a)
        rivals_of = _Rivals(a, pair.source.lower())
        for bead in a.beads:
            here = [m for m in within(bead.source) if m.entry.kind in wanted and m.entry.kind != "region"]
            keys = {m.entry.key for m in here}
            # Mentions per entity against its renderings in the target paragraph: the later mentions beyond
            # the count of renderings are the candidates ("Mexico" twice in the source, once in the target).
            by_key: dict[str, list[Mention]] = {}
            for m in here:
                by_key.setdefault(m.entry.key, []).append(m)
            for group in by_key.values():
                found = _count_renderings(bead.target_text, group[0])
                for m in group[found:]:
                    if not m.entry.renderings:
                        continue
                    rivals = _competitors(a, m, keys, bead.target, used, rivals_of.source_lower, pair.target,
                                          pair.source[bead.source.start:bead.source.end], rivals_of)
                    if not rivals:
                        continue
                    span, text = rivals[0]
                    used.add((span.start, span.end))
                    yield self.finding(
                        f"'{m.text}' should be '{m.entry.preferred}', but the translation has '{text}' here",
                        source=m.span, target=span, suggestion=m.entry.preferred, confidence=0.7)


_REFERENCES: dict[int, tuple[Gazetteer, list[str]]] = {}


def _typo_references(g: Gazetteer) -> list[str]:
    """The gazetteer's one-word place and organisation names that a source typo may be near: the same for
    every article, so built once per gazetteer (it is most of MT202's time otherwise)."""
    hit = _REFERENCES.get(id(g))
    if hit is None or hit[0] is not g:
        hit = _REFERENCES[id(g)] = (g, [f for e in g.entries if e.kind in GEO_KINDS | ORG_KINDS
                                        for f in e.source_forms if " " not in f and not f.isupper() and len(f) >= 5])
    return hit[1]


def _count_renderings(text: str, mention: Mention) -> int:
    e = mention.entry
    forms = [*e.renderings, *(f for f in e.source_forms if f.isupper() and e.keep_acronym)]
    return sum(len(re.findall(re.escape(f), text, re.I)) if not is_latin(f) else
               count_latin_word(text, f, ignore_case=True) for f in forms)


class MissingEntity(Rule):
    """A source person or organisation absent from the aligned target paragraph.

    ## What it does
    Reports a person or name of the source (found by titles, capitalisation and word frequencies) none of
    whose words appears in the aligned target paragraph or elsewhere in the translation, and an institution
    whose renderings and acronyms are all absent from its target paragraph. Low confidence: translators
    legitimately replace a repeated name by a pronoun or a role. In Chinese, Japanese and Arabic a person
    named after a title is missing when no name word has even a loose transliteration match anywhere.
    Each finding names the source mention and, as its target span, the aligned target sentence where the
    name belongs.

    ## Why is this bad?
    A dropped name hides who said or did something; it often marks a dropped clause.

    ## Example
    Source: Menurut Jens Stoltenberg, aliansi itu harus bersatu.
    Target: According to him, the alliance must stay united.

    Use instead:
    Target: According to Jens Stoltenberg, the alliance must stay united.
    """

    code = "MT205"
    name = "missing-entity"
    category = Category.NAMES
    default_severity = Severity.MINOR
    not_for = _SCRIPT_OFF["MT205"]
    # Its target span is the aligned target sentence, where the name belongs (`ArticlePair.target_place`):
    # a clause finding on that sentence (MT502) may be about another part of it.
    target_is_context = True

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        a = analyse(pair)
        target_lower = pair.target.lower()
        clear, titled = set(), {p.name for p in a.people if p.titled}
        names = name_words(pair)
        for p in a.people:
            # Only clear people: named after a title, or two or more name words ("Jens Stoltenberg", "Joko
            # Widodo": the article's evidence, not word frequencies alone, which miss Indonesian names).
            tokens = [t for t in p.tokens if len(t) >= 3]
            if not tokens or not (p.titled or (len(tokens) >= 2 and all(names.is_name(t) for t in tokens))):
                continue
            clear.add(p.name)
        if not pair.target_pack.latin_script:
            yield from names_script.missing(self, pair, titled)
            yield from self._institutions(pair, a)
            return
        # The target's words by canonical spelling, for same_name (a.g.same_name(t, w) for some word w), made
        # once: finding every word of the whole target again for each name was quadratic in a long article.
        canon: set[str] | None = None
        for p in a.people:
            if p.name not in clear:
                continue
            tokens = [t for t in p.tokens if len(t) >= 3]
            # Looked for in the person's own paragraph first, where it nearly always is; the whole target
            # answers only when it is not there (a scan of the target per person was quadratic too).
            bead = a.bead_of(p.spans[0])
            here = bead.target_text.lower() if bead is not None else ""
            if any(t.lower()[:5] in here for t in tokens):
                continue
            if canon is None:
                canon = {a.g.variants.get(w, w) for w in re.findall(r"[\w'’-]+", pair.target)}
            if any(t.lower()[:5] in target_lower or a.g.variants.get(t, t) in canon for t in tokens):
                continue
            yield self.finding(f"'{p.name}' does not appear in the translation", source=p.spans[0],
                               target=pair.target_place(p.spans[0]), suggestion=p.name, confidence=0.4)
        yield from self._institutions(pair, a)

    def _institutions(self, pair: ArticlePair, a: NameAnalysis) -> Iterator[Finding]:
        within = _mentions_within(a)
        anywhere: dict[str, bool] = {}  # entry key -> rendered somewhere in the target (asked once per entity)
        for bead in a.beads:
            seen: set[str] = set()
            for m in within(bead.source):
                if m.entry.kind not in ORG_KINDS:
                    continue
                if not m.entry.renderings:
                    continue  # no known rendering in this language: nothing to look for
                if m.entry.key in seen or rendered(bead.target_text, m):
                    continue
                if m.entry.key not in anywhere:
                    anywhere[m.entry.key] = rendered(pair.target, m) is not None
                if anywhere[m.entry.key]:
                    continue
                seen.add(m.entry.key)
                yield self.finding(f"'{m.text}' ({m.entry.preferred}) does not appear in the translation",
                                   source=m.span, target=pair.target_place(m.span), suggestion=m.entry.preferred,
                                   confidence=0.4)


def _norm(text: str) -> str:
    """Spellings that differ only by case or a plural "s" are one rendering."""
    t = text.lower()
    return t[:-1] if t.endswith("s") and len(t) > 4 else t


class InconsistentRendering(Rule):
    """The same source entity rendered two different ways in one article.

    ## What it does
    Collects, for each source institution, the rendering used in each aligned target paragraph (an accepted
    one, or the institution-like phrase standing in its place), and for each source name the spellings of
    its words in the target. Where an entity has two or more renderings, the less frequent ones are reported.
    A full name and its acronym ("Corruption Eradication Commission", then "KPK") count as one rendering.
    In Japanese and Arabic, two transliterations of one name a consonant apart, used equally often, are
    reported; spellings that differ in vowels or length marks only (ネル/ニール, مندوزا/ميندوزا) are one.

    ## Why is this bad?
    "Ministry of Communication and Industry" in one paragraph and "... and Trade" in another: at least one
    is wrong, and the reader cannot tell whether they are two ministries.

    ## Example
    Source: Presiden Zelensky menyambut Rutte. Zelensky meminta lebih banyak senjata. Zelensky berterima kasih.
    Target: President Zelensky welcomed Rutte. Zelenskyy asked for more weapons. Zelensky was grateful.

    Use instead:
    Target: President Zelensky welcomed Rutte. Zelensky asked for more weapons. Zelensky was grateful.
    """

    code = "MT206"
    name = "inconsistent-rendering"
    category = Category.NAMES
    default_severity = Severity.MINOR
    not_for = _SCRIPT_OFF["MT206"]

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        if not pair.target_pack.latin_script:
            yield from names_script.inconsistent(self, pair)
            return
        a = analyse(pair)
        # entity key -> (rendering, source span, target span, attested: the rendering is the shipped/glossary
        # one or the source's own spelling of the name)
        uses: dict[str, list[tuple[str, Span, Span, bool]]] = {}
        within = _mentions_within(a)
        phrase_starts = [s.start for s, _ in a.institution_phrases]  # in text order (finditer)
        for bead in a.beads:
            for m in within(bead.source):
                if m.entry.kind not in ORG_KINDS:
                    continue
                if not m.entry.renderings:
                    continue
                hit = rendered(bead.target_text, m)
                if hit and not hit.group().isupper():
                    span = Span(bead.target.start + hit.start(), bead.target.start + hit.end())
                    uses.setdefault(m.entry.key, []).append((hit.group().lower(), m.span, span, True))
                elif not hit:
                    lo = bisect.bisect_left(phrase_starts, bead.target.start)
                    phrases = a.institution_phrases[lo:bisect.bisect_left(phrase_starts, bead.target.end)]
                    if len(phrases) == 1:
                        uses.setdefault(m.entry.key, []).append((phrases[0][1].lower(), m.span, phrases[0][0],
                                                                 False))
        source_words = set(re.findall(r"\w+", pair.source))
        target_words: dict[str, list[Span]] = {}
        for w in _cap_words(pair.target):
            target_words.setdefault(w.group(), []).append(Span(*w.span()))
        # A name meets only the words it could be: the same name or a variant of it, or a word within two edits
        # (same first letter, within two letters of its length), in the order of the article. Found through a
        # deletion index of the names and a table of canonical spellings (a scan of every word of the shape
        # for every name was quadratic in a long article).
        tokens = list(dict.fromkeys(t for p in a.people for t in p.tokens if len(t) >= 4))
        token_index = NearIndex(tokens)
        canon: dict[str, list[int]] = {}
        for i, token in enumerate(tokens):
            canon.setdefault(a.g.variants.get(token, token), []).append(i)
        meets: dict[str, list[tuple[int, str]]] = {}
        for n, word in enumerate(target_words):
            hits = set(token_index.positions(word, 2)) | set(canon.get(a.g.variants.get(word, word), ()))
            for i in hits:
                token = tokens[i]
                if word[0].lower() == token[0].lower() and abs(len(word) - len(token)) <= 2:
                    meets.setdefault(token, []).append((n, word))
        for p in a.people:
            for token in p.tokens:
                if len(token) < 4:
                    continue
                for _, word in sorted(meets.get(token, ())):
                    spans = target_words[word]
                    if word != token and (word in source_words or any(c.isdigit() for c in word)
                                          or zipf(word, pair.target_pack.code) >= 3.0):
                        continue  # another name of the source ("Wayne" beside "Wayde"), a code, a word
                    if word == token or a.g.same_name(word, token) or _near(word, [token]):
                        uses.setdefault("person:" + token, []).extend((word, p.spans[0], s, word == token)
                                                                      for s in spans)
        lang = pair.target_pack.code
        for found in uses.values():
            counts = Counter(_norm(text) for text, _, _, _ in found)
            if len(counts) < 2:
                continue
            # The rendering to keep is the well-attested one: the expected rendering or the source's spelling,
            # then the more frequent in the article, then the more frequent in the language (wordfreq) — not
            # whichever came first, which may be the misspelt one.
            attested = {_norm(text) for text, _, _, ok in found if ok}
            main = max(counts, key=lambda n: (n in attested, counts[n], zipf(n, lang)))
            main_text = next(text for text, _, _, _ in found if _norm(text) == main)
            reported: set[tuple[int, int]] = set()
            for text, source, target, _ in found:
                if _norm(text) != main and (target.start, target.end) not in reported:
                    reported.add((target.start, target.end))
                    yield self.finding(f"rendered '{text}' here but '{main_text}' elsewhere in the article",
                                       source=source, target=target, suggestion=main_text, confidence=0.6)


class InventedName(Rule):
    """A capitalised name in the translation with no counterpart in the source.

    ## What it does
    Reports a capitalised target word (not at a sentence start) that is no common word of the target language,
    renders no source entity, and whose first letters occur nowhere in the source. Off by default: it is
    a low-confidence signal, useful when reviewing a suspect translation.

    ## Why is this bad?
    MT systems hallucinate names, most often by "completing" a partial name or title.

    ## Example
    Source: Rutte bertemu Zelensky di Kyiv.
    Target: Rutte met Zelensky and Kuleba in Kyiv.

    Use instead:
    Target: Rutte met Zelensky in Kyiv.
    """

    code = "MT207"
    name = "invented-name"
    category = Category.NAMES
    default_severity = Severity.MINOR
    not_for = _SCRIPT_OFF["MT207"]
    default_enabled = False

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        a = analyse(pair)
        rendered_spans = [m.span for m in a.target_mentions]
        source_lower = pair.source.lower()
        for m in _cap_words(pair.target):
            word = m.group()
            if len(word) < 4 or _sentence_initial(pair.target, m.start()):
                continue
            if any(s.start <= m.start() < s.end for s in rendered_spans):
                continue
            if word.lower()[:4] in source_lower or zipf(word, pair.target_pack.code) >= 3.0:
                continue
            if not travels_unchanged(word, pair.target_pack.code, pair.source_pack.code):
                continue
            if a.bead_of(Span(*m.span()), "target") is None:
                continue  # added paragraphs are the omission rules' business
            yield self.finding(f"'{word}' has no counterpart in the source", target=Span(*m.span()),
                               confidence=0.3)
