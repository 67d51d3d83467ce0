"""Find a source person's name in a translation that spells it in another script (Rutte: ルッテ, 吕特, روته).

Names are compared as consonant skeletons: vowels dropped, doubled letters collapsed, and each language's
sound substitutions applied to the Latin name (Japanese has no l, Chinese transliteration writes r as l,
Arabic has no p or v). Katakana is romanised with pykakasi, Han characters with pypinyin (through
`mtcheck.text.pinyin`'s table of its readings), Arabic letters
by the table in `mtcheck/data/<lang>/transliteration.toml`. Both libraries load on first use.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from rapidfuzz.distance import OSA

from mtcheck.lang.base import data_toml
from mtcheck.model import Span
from mtcheck.text.spans import DisjointSpans

_VOWELS = re.compile(r"[aeiouyvw]")  # pinyin writes ü as v; w and y are glides in every romanisation here
_KATAKANA = re.compile(r"[\u30a0-\u30ff]+")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")


@cache
def _rules(lang: str) -> dict:
    return data_toml(lang, "transliteration.toml") or {}


_REPEATED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def _squeeze(text: str) -> str:
    # Remembered: the name search squeezes the same few syllables and windows ~1,000 times per zh or ar
    # article (two substitutions each, ~2 ms of an article).
    text = _VOWELS.sub("", text)
    return _REPEATED.sub(r"\1", text)


def skeleton(latin: str, lang: str, patterns: bool = False) -> str:
    """Consonant skeleton of a Latin-script name as the target language would write it; with `patterns`,
    after the language's context-dependent sound changes too (a coda r dropped: Mark as マーク)."""
    s = latin.lower()
    for a, b in (_rules(lang).get("latin_patterns", {}) if patterns else {}).items():
        s = re.sub(a, b, s)
    for a, b in _rules(lang).get("latin", {}).items():
        s = s.replace(a, b)
    return _squeeze(re.sub(r"[^a-z]", "", s))


@lru_cache(maxsize=65536)  # bounded, as _squeeze: a batch over an archive meets names without end
def skeletons(latin: str, lang: str) -> frozenset[str]:
    """Every skeleton of a Latin name a rendering may follow: plain, after the language's context-dependent
    changes (`skeleton(patterns=True)`), and after those and its alternative ones (`[latin_variant_patterns]`:
    a Chinese v before a vowel as a glide, 维多利亚, where 奥利弗 keeps the f)."""
    out = {skeleton(latin, lang), skeleton(latin, lang, patterns=True)}
    # `[latin_variant_patterns]`: one more skeleton; `[[latin_variants]]`: one skeleton per table, for sounds a
    # rendering writes one way or another independently of each other (Arabic: a voiced th as ذ, an s as ز),
    # kept where it has `variant_min` consonants or more: a short variant skeleton is matched by common words
    # (Seth with th as ز: 'sz')
    rules = _rules(lang)
    variants = ([rules["latin_variant_patterns"]] if rules.get("latin_variant_patterns") else []) + list(
        rules.get("latin_variants", ()))
    shortest = rules.get("thresholds", {}).get("variant_min", 0)
    for variant in variants:
        s = latin.lower()
        for a, b in {**rules.get("latin_patterns", {}), **variant}.items():
            s = re.sub(a, b, s)
        for a, b in rules.get("latin", {}).items():
            s = s.replace(a, b)
        sk = _squeeze(re.sub(r"[^a-z]", "", s))
        if len(sk) >= shortest:
            out.add(sk)
    return frozenset(out)


def romanise(text: str, lang: str) -> str:
    """Latin letters for katakana (Hepburn), Han characters (pinyin) or Arabic letters (the table)."""
    return _romanise(text, lang)


def _romanise(text: str, lang: str) -> str:
    if lang == "ja":
        return "".join(part["hepburn"] for part in _kakasi().convert(text))
    if lang == "zh":
        from mtcheck.text.pinyin import lazy_pinyin

        return "".join(lazy_pinyin(text))
    table = _rules(lang).get("letters", {})
    # A letter read otherwise where it does not end the word (Arabic ه: the h of هاري, Harry; at the end a
    # clitic or a feminine ending, no consonant of a name).
    inner = _rules(lang).get("letters_not_final", {})
    last = len(text) - 1
    return "".join(inner[ch] if ch in inner and i < last and text[i + 1] in table else table.get(ch, "")
                   for i, ch in enumerate(text))


@cache
def _kakasi():
    """pykakasi's converter, with its kanji dictionary (10 MB, most of a Japanese check's start-up) loaded
    only if a text with kanji reaches it: mtcheck romanises katakana runs, which pykakasi converts without
    it. Where pykakasi's internals differ from 2.x's, the converter as pykakasi builds it."""
    try:
        _load_without_package_init("pykakasi", ("pykakasi.kakasi", "pykakasi.scripts"))
        from pykakasi.kakasi import Kakasi
        from pykakasi.scripts import IConv

        k = Kakasi.__new__(Kakasi)
        k._iconv = IConv()
        k._jconv = _LazyKanji()
        if "".join(p["hepburn"] for p in k.convert("ルッテ")) == "rutte":
            return k
    except Exception:
        pass
    import pykakasi

    return pykakasi.kakasi()


def _load_without_package_init(package: str, modules: tuple[str, ...]) -> None:
    """Import a package's modules without running its __init__: pykakasi's imports its legacy API, and with
    it `deprecated`, `wrapt` and asyncio (0.1-0.2 s of a Japanese check's start-up, for a converter mtcheck
    builds from the modules themselves). The bare package stands in sys.modules only while they load; a
    later `import pykakasi` runs its __init__ as usual and finds them loaded."""
    import sys
    from importlib import import_module
    from importlib.util import find_spec, module_from_spec

    if package in sys.modules or any(m in sys.modules for m in modules):
        return
    spec = find_spec(package)
    if spec is None or spec.submodule_search_locations is None:
        return
    sys.modules[package] = module_from_spec(spec)
    try:
        for name in modules:
            import_module(name)
    finally:
        del sys.modules[package]


class _LazyKanji:
    """pykakasi's JConv, built on first use."""

    def __getattr__(self, name: str):
        from pykakasi.kanji import JConv

        real = self.__dict__.get("_real")
        if real is None:
            real = self.__dict__["_real"] = JConv()
        return getattr(real, name)


def target_skeleton(text: str, lang: str) -> str:
    if lang == "zh":  # syllable by syllable, as `_spans` does: a coda n and the next g are no ng
        from mtcheck.text.pinyin import lazy_pinyin

        return _squeeze("".join(_zh_syllable(s) for s in lazy_pinyin(text)))
    s = _romanise(text, lang)
    for a, b in _rules(lang).get("romanised", {}).items():
        s = s.replace(a, b)
    return _squeeze(s)


def _zh_syllable(syllable: str) -> str:
    for a, b in _rules("zh").get("romanised", {}).items():
        syllable = syllable.replace(a, b)
    return syllable


def similar(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    return 1.0 - OSA.distance(a, b) / max(len(a), len(b))


def find_names(text: str, names: list[str], lang: str, threshold: float = 0.8,
               whole_words: bool = True) -> dict[str, list[Span]]:
    """Where each Latin name (a surname, a given name) appears in `text`, written in the target's script."""
    found: dict[str, list[Span]] = {}
    for _, span, name in scored_names(text, names, lang, threshold, whole_words=whole_words):
        found.setdefault(name, []).append(span)
    return {n: sorted(spans) for n, spans in found.items()}


def scored_names(text: str, names: list[str], lang: str, threshold: float, any_start: bool = False,
                 keep: Callable[[int, int], bool] | None = None,
                 vowel_starts: bool = False, whole_words: bool = True) -> list[tuple[float, Span, str]]:
    """Non-overlapping (similarity, span, name) of the best match of some name at each place of `text`.

    With `any_start`, Chinese windows that start with another consonant than any name's, or with a vowel,
    are tried too (a garble may change or drop a name's first character: 穆恩 for 范恩, 里曼 for 弗里曼; a
    name may start with a vowel: 奥利弗); the whole-article search leaves them out, for speed. `keep`
    (called with a candidate's start and end in `text`) filters candidate spans before overlapping ones are
    dropped (so a window that crosses out of a name, 哈莱的, does not hide the name's own window, 哈莱).
    With `vowel_starts`, a Chinese window that starts with a vowel is tried for the names that start with a
    vowel, W or Y (沃伦 Warren, 维斯特 West, 奥巴马 Obama: their skeletons have no first consonant of the
    window's), and only those names are matched with it.
    Without `whole_words`, an Arabic word starting with ب or ل is matched only without it (`arabic_readings`):
    for a reader that takes such words whole only where it chooses (the pronoun reader, after a verb)."""
    best_of = name_matcher(tuple(names), lang, threshold)
    wanted, lengths, firsts = best_of.wanted, best_of.lengths, best_of.firsts
    vowel_names = vowel_starts and any(n[:1].lower() in _VOWEL_OR_GLIDE for n in wanted)
    # Offsets, not Spans, until a hit survives the overlaps: a Chinese article's windows made ~1,000 Spans
    # here and ~1,000 more in `keep`, for the few dozen returned (round 16).
    hits: list[tuple[float, bool, int, int, int, str]] = []
    # The candidates by skeleton: each skeleton is judged once (a Chinese paragraph's ~2,400 windows have
    # ~600), and `keep` (word frequencies, a window's neighbours) asked only of spans some name matches.
    # The hits are those of judging window by window: their order is the sort's below, whatever the loop's.
    for sk, first, spans in _grouped_candidates(text, lang):
        vowel_window = vowel_names and first == ""
        if first is not None and not any_start and first not in firsts and not vowel_window:
            continue  # a Chinese window starting with no name's consonant (_candidates)
        if len(sk) not in lengths:
            continue
        found = best_of(sk)
        if found is None:
            continue
        vowel_name = vowel_window and found[1][:1].lower() in _VOWEL_OR_GLIDE
        if not (vowel_name or first is None or first in firsts or _first_garbled(sk, first, found[1], wanted)):
            continue
        for start, end in spans:
            whole = lang == "ar" and _read_whole(text, start, end)
            if whole and (found[0] < WHOLE_READING or not whole_words):
                continue
            if keep is None or keep(start, end):
                hits.append((found[0], whole, end - start, start, end, found[1]))
    # Best first, longest on ties; a span overlapping a better one is dropped (windows over Han runs overlap).
    # An Arabic word read whole only where it scores better than without its first letter (لألبومه is
    # ل + ألبومه, both 'lbm' for Album).
    out: list[tuple[float, Span, str]] = []
    taken = DisjointSpans()
    for score, _, _, start, end, name in sorted(hits, key=lambda h: (-h[0], h[1], -h[2], h[3])):
        if not taken.overlaps_at(start, end):
            taken.add_at(start, end)
            out.append((score, Span(start, end), name))
    return out


_VOWEL_OR_GLIDE = "aeiouwy"


def _first_garbled(sk: str, first: str, name: str, wanted: dict[str, set[str]]) -> bool:
    """A Chinese window that starts with another sound than the name (`any_start`) is a candidate only as
    the name's rendering with its first character changed, dropped or added (穆恩 for 范恩, 里曼 for 弗里曼,
    法利弗 for 利弗), the rest of its consonants the name's; one starting with a vowel only for a name that
    starts with one (奥利弗 for Oliver), or as the name with a vowel or glide syllable put before it or in
    place of its first character (奥塔伊普 for 塔伊普, Tayyip; 雅马 for 伽马, Gama: round 8; that syllable is
    judged by phonetic._vowel_syllables). Any window that merely resembles the name is mostly a phrase."""
    if not first:
        return name[:1].lower() in "aeiouy" or any(sk == w or sk == w[1:] for w in wanted.get(name, ()))
    return any(sk[1:] == w[1:] or sk == w[1:] or sk[1:] == w for w in wanted.get(name, ()))


@lru_cache(maxsize=256)
def name_matcher(names: tuple[str, ...], lang: str, threshold: float) -> BestName:
    """The best of `names` for a candidate's skeleton (`BestName`), as `scored_names` judges a span: each
    name with and without its language's context-dependent changes. Public for the readers that judge
    words of their own (the pronoun reader's Arabic words after a verb); kept with its memo of answers: the
    names and pronoun rules search the same names (one word, a paragraph's, the article's) again."""
    # Each name as the language may hear it: with and without its context-dependent changes (Mark is マルク
    # and マーク); the closer skeleton counts.
    wanted = {n: set(skeletons(n, lang)) for n in names}
    wanted = {n: {s for s in sks if len(s) >= 2} for n, sks in wanted.items()}
    return BestName({n: sks for n, sks in wanted.items() if sks}, threshold)


_INDEXED = 3  # deletions held by the index of name skeletons; a candidate needing more is compared with all
# Up to this many name skeletons, a candidate is compared with each of them: cheaper than listing its
# deletion variants (a paragraph's names, one word's own search). The answers are the same either way.
_SCANNED = 8


class BestName:
    """The best name (highest similarity, the first of `wanted` on ties) for a candidate skeleton when it
    scores at least `threshold`, else None: what comparing it with every name gives, without doing so.

    Comparing every candidate span of a long article with every name of its source is quadratic (a 35 KB
    Chinese article took minutes). A similarity of at least t needs an OSA distance d <= (1 - t) * max(L, M)
    between skeletons of lengths L and M, and d >= |L - M|, so d <= (1 - t) * L / t: the name skeletons
    within that many edits of the candidate are found by a deletion index (NearIndex), and only they are
    scored. A name scoring at least t is always among them, so the best of them is the best of all names
    whenever any name reaches the threshold, and ties fall to the same (earliest) name. Answers are kept
    per distinct skeleton (the same windows come back in every paragraph)."""

    def __init__(self, wanted: dict[str, set[str]], threshold: float) -> None:
        from mtcheck.text.near import NearIndex

        self.names = list(wanted)
        self.wanted = wanted
        self.threshold = threshold
        self.owners: dict[str, list[int]] = {}  # skeleton -> positions of the names that have it
        for i, n in enumerate(self.names):
            for sk in wanted[n]:
                self.owners.setdefault(sk, []).append(i)
        self.skeletons = list(self.owners)
        self.index = NearIndex(self.skeletons, k=_INDEXED) if threshold > 0 and len(self.skeletons) > _SCANNED \
            else None
        # the lengths within two of some name's (a candidate of another length is too short or long to be
        # any of them), and the names' first letters
        self.lengths = {len(s) + d for s in self.skeletons for d in range(-2, 3)}
        self.firsts = {s[0] for s in self.skeletons}
        self.every = list(range(len(self.names)))
        self.asked: dict[str, tuple[float, str] | None] = {}

    def edits(self, sk: str) -> int:
        t = self.threshold
        return max(0, int((1.0 - t) * len(sk) / t + 1e-6)) if t > 0 else len(sk) + 1_000

    def names_near(self, sk: str) -> list[int]:
        """Positions (in `wanted` order) of every name that may score at least the threshold against sk."""
        if self.index is None:
            return self.every
        e = self.edits(sk)
        if e > _INDEXED:
            return self.every
        return sorted({i for s in self.index.candidates(sk, e) for i in self.owners[s]})

    def __call__(self, sk: str) -> tuple[float, str] | None:
        if sk in self.asked:
            return self.asked[sk]
        best, best_score = None, -1.0
        # rapidfuzz's normalized OSA similarity is `similar` (1 - d / the longer length, the same float; the
        # name skeletons are never empty), without a Python call per name
        score_of = OSA.normalized_similarity
        for i in self.names_near(sk):
            n = self.names[i]
            score = max([score_of(sk, s) for s in self.wanted[n]])
            if score > best_score:
                best, best_score = n, score
        out = (best_score, best) if best is not None and best_score >= self.threshold else None
        self.asked[sk] = out
        return out


def _scan_best(wanted: dict[str, set[str]], sk: str, threshold: float) -> tuple[float, str] | None:
    """The scan BestName replaced: every name scored (kept for the test that compares the two)."""
    def score_of(name: str) -> float:
        return max(similar(sk, s) for s in wanted[name])

    best = max(wanted, key=score_of, default=None)
    if best is not None and (score := score_of(best)) >= threshold:
        return score, best
    return None


@lru_cache(maxsize=4)  # the names and pronoun rules ask about the same translation, some once per person
def _all_candidates(text: str, lang: str) -> tuple[tuple[int, int, str, str | None], ...]:
    """Every candidate span of `text` with its skeleton and (Chinese) the first sound of its window."""
    return tuple(_spans(text, lang))


@lru_cache(maxsize=4)
def _grouped_candidates(text: str, lang: str) -> tuple[tuple[str, str | None, tuple[tuple[int, int], ...]], ...]:
    """The candidate spans of `text` grouped by skeleton and (Chinese) first sound: (skeleton, first, spans)."""
    groups: dict[tuple[str, str | None], list[tuple[int, int]]] = {}
    for start, end, sk, first in _all_candidates(text, lang):
        groups.setdefault((sk, first), []).append((start, end))
    return tuple((sk, first, tuple(spans)) for (sk, first), spans in groups.items())


def _spans(text: str, lang: str):
    if lang == "ja":
        for m in _KATAKANA.finditer(text):
            pos = m.start()
            for part in m.group().split("・"):
                if len(part) >= 2:
                    yield pos, pos + len(part), target_skeleton(part, lang), None
                pos += len(part) + 1
    elif lang == "zh":
        # Transliterated names are runs of Han characters without spaces: try every window of 2 to 5.
        from mtcheck.text.pinyin import lazy_pinyin

        for m in _HAN.finditer(text):
            run = m.group()
            # one call per run: per-character calls cost 5x more
            romans = [_squeeze(_zh_syllable(syllable)) for syllable in lazy_pinyin(run)]
            for i in range(len(run)):
                first = romans[i][:1]  # "" for a vowel: no consonant a name starts with, tried on request
                # _squeeze("".join(romans[i:j])), grown one syllable at a time: the syllables are squeezed
                # already (no vowel, no letter twice in a row), so only a letter repeated across the joint
                # goes, and the zh windows cost a string concatenation each instead of two regex passes.
                window = romans[i]
                for j in range(i + 1, min(len(run), i + 5)):
                    nxt = romans[j]
                    window += nxt[1:] if window and nxt and nxt[0] == window[-1] else nxt
                    yield m.start() + i, m.start() + j + 1, window, first
    else:
        for m in _ARABIC_WORD.finditer(text):
            for start, word in arabic_readings(m.group(), m.start(), lang):
                yield start, m.end(), target_skeleton(word, lang), None


def arabic_readings(word: str, start: int, lang: str = "ar") -> list[tuple[int, str]]:
    """The ways an Arabic word may hold a name, as (start, letters): without a leading proclitic (the
    article, a preposition or a conjunction: لترامب, وبايدن, في البرلمان), and whole where a ب or ل it starts
    with may be the name's own first letter (بوان for Puan, لندن for London, بايدن for Biden). Stripping the
    letter always made the first of those وان and the second ندن, whose skeletons miss the name's first
    consonant. A و adds no consonant (it is a glide in the skeleton), so a word starting with it is not read
    whole as well. A common word (`common_short`) is neither: a name whose skeleton is two consonants is
    matched by too many of them (بين "between" for Puan, عدم "lack" for Adam). The one place the Arabic
    transliteration search (`scored_names`, `find_names`), the names rules and the pronoun reader split a
    word; shared, so that they agree on what an Arabic word may be a name."""
    out = []
    for p in _rules(lang).get("proclitics", ()):
        if word.startswith(p) and len(word) > len(p) + 2:
            out.append((start + len(p), word[len(p):]))
            if p in ("ب", "ل"):
                out.append((start, word))
            break
    else:
        out.append((start, word))
    return [(a, w) for a, w in out if not common_short(w, lang)]


# An Arabic word read whole with its first ب or ل as the name's letter (`arabic_readings`) must render the
# name this closely: as a near miss (MT201's candidates) it is mostly a preposition before a word, لإعصار
# "for the hurricane", باجتياح "with the invasion" (round 7: such words gave 5% of clean dev articles a
# minor MT201 finding).
WHOLE_READING = 0.8


def _read_whole(text: str, start: int, end: int) -> bool:
    """The span is an Arabic word of four letters or more read whole from a first ب or ل, which the search
    also splits off as a proclitic."""
    return end - start >= 4 and text[start] in "بل" and (start == 0 or not _ARABIC_WORD.match(text[start - 1]))


# An Arabic word at least this frequent (zipf) whose skeleton is two consonants or fewer is vocabulary, not
# a name's rendering (بين 6.35, عدم 5.54, قال 6.01; renderings of names are rarer: بوتين 4.19, آدم 4.73, موسى 4.85).
COMMON_SHORT = 5.0


def common_short(word: str, lang: str) -> bool:
    """A common word of the target whose skeleton is as short as a two-consonant name's (بين, عدم, قال)."""
    if len(target_skeleton(word, lang)) > 2:
        return False
    from mtcheck.text.lexicon import zipf

    return zipf(word, lang) >= COMMON_SHORT
