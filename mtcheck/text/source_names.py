"""Which capitalised words of the Indonesian source are names, kept as written (or transliterated) in a
translation, rather than common words that are translated? Computed once per article and shared by the
rules that need to know: the people of `entities.find_people` (and so the pronouns' referents), MT205's
"clear people" and the omission rules' anchors.

Word frequencies alone (`lexicon.travels_unchanged`) get foreign names right (Rutte, Reuters: rare in
Indonesian or as common in the target) but not Indonesian ones: Jokowi, Prabowo, Surabaya and Semarang are
frequent in Indonesian and rare in English, exactly like Keamanan, Kementerian and Belanda, which are
translated. The evidence here, each item recorded as the reason:

- word frequencies, as before (overruled only by the list of titles and contractions of common nouns,
  `id/titles.txt` and `id/not_names.txt`: Kapolri, Wawali are rare words, and translated);
- data: a word of a public figure's name or alias (`id/public_figures.tsv`), a word that the shipped places
  and institutions keep as written in their Latin renderings (Surabaya, Kalimantan, Golkar; not Jawa, which
  is Java, nor Tenggara, which is "Southeast" in Sulawesi Tenggara);
- the dictionary: a capitalised word that is no Indonesian word (`dictionary.is_common_word`: neither a KBBI
  root nor formed from one) and that the article never writes in lower case, capitalised mid-sentence at
  least once or named as a speaker (Jokowi, Haryanto, Depok, "Yanti mengatakan"), unless it is a title or
  a contraction of common nouns (Polda, Pemprov: `id/not_names.txt`) or a word the places list
  translates (Jawa);
- a given name of the name table (nomquamgender, weak: its counts make Jaya, Raya and Timur look like
  names) only with the article's support: never in lower case, and once after a form of address or in an
  attribution ("kata Dewi", "Pak Budi");
- a Latin-script translation that writes the word as the source does, mid-sentence, where the source never
  writes it in lower case (Bogor, Puan: common words of the dictionary, kept by the translator).

A dictionary word with none of that (Keamanan, Dewan, Kota, Jaya) stays a common word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial

from mtcheck.cache import persistent
from mtcheck.lang.base import data_lines, data_toml, data_tsv
from mtcheck.text import given_names
from mtcheck.text.alternation import alternation
from mtcheck.text.ascii_twin import plain, twin
from mtcheck.text.dictionary import is_common_word
from mtcheck.text.fold import fold
from mtcheck.text.lexicon import travels_unchanged

# A capitalised word after a word or a comma and one space: not opening a sentence. Titles count ("Presiden
# Jokowi"), an abbreviation's period does not ("Dr. Haryanto" is left to other evidence).
_MID_SENTENCE = re.compile(r"(?=[A-Z])(?<=[\w,;)] )[A-Z][\w'’-]*")
_LOWER = re.compile(r"(?=[a-z])(?<![\w'’-])[a-z][\w'’-]*")
_MID_SENTENCE_ASCII, _LOWER_ASCII = twin(_MID_SENTENCE), twin(_LOWER)
# A given name must be seen bearing a person's role in the article: after a form of address, or in an
# attribution ("kata Dewi", "Dewi mengatakan").
_MIN_GIVEN_COUNTS = 50
_PARTICLES = frozenset({"bin", "binti", "van", "von", "der", "de", "den", "al", "el", "da", "dos", "la", "le"})
_LATIN_COLUMNS = ("en", "fr")  # the renderings that say whether a word is kept as written


# meN-, ber-, di-, ter-, peN-, per- before a root: the prefixes of verbs and their nouns.
_AFFIXED = re.compile(r"(?:Me|Be|Di|Te|Pe)")
_CAPITALISED_WORD = re.compile(r"\b[A-Z][\w'’-]*")


@dataclass
class NameWords:
    """Capitalised source words judged names, each with its evidence; asked word by word, answers kept."""

    source: str
    target: str
    source_lang: str
    target_lang: str
    latin_target: bool
    # Words of the gazetteer's Indonesian forms (countries, places, institutions) that no rendering of
    # their entry in the target language keeps as written (Rusia, Belanda, Jawa): asked only when needed.
    translated: Callable[[], frozenset[str]] = frozenset
    _lower: set[str] = field(default_factory=set, repr=False)
    _mid: Counter[str] = field(default_factory=Counter, repr=False)
    _target_mid: set[str] = field(default_factory=set, repr=False)
    _personal: set[str] = field(default_factory=set, repr=False)
    _answers: dict[str, str | None] = field(default_factory=dict, repr=False)
    _target_all: set[str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        # Two C-level scans of each text, whatever its length: the words the source writes in lower case,
        # and those it and the translation capitalise mid-sentence.
        # (each with its ASCII twin on a plain ASCII text: the same words, text/ascii_twin.py)
        ascii_source = plain(self.source)
        self._lower = set((_LOWER_ASCII if ascii_source else _LOWER).findall(self.source))
        self._mid = Counter((_MID_SENTENCE_ASCII if ascii_source else _MID_SENTENCE).findall(self.source))
        self._personal = {w for pattern in (_personal_ascii() if ascii_source else _personal())
                          for w in pattern.findall(self.source)}
        if self.latin_target:  # folded: Taïwan, Erdoğan in a French target are the source's Taiwan, Erdogan
            mid = _MID_SENTENCE_ASCII if plain(self.target) else _MID_SENTENCE
            self._target_mid = {fold(w) for w in set(mid.findall(self.target))}

    def is_name(self, word: str) -> bool:
        return self.why(word) is not None

    def why(self, word: str) -> str | None:
        """The evidence that `word` (as the source writes it) is a name, or None for a common word."""
        if word not in self._answers:
            self._answers[word] = self._judge(word)
        return self._answers[word]

    def _judge(self, word: str) -> str | None:
        w = word.strip(".'’")
        if not w or not w[0].isupper():
            return None
        if w in _not_names():
            return None  # a title or a contraction of common nouns (Presiden, Kapolri, Polda, Pemprov)
        if self._affixed_word_opening_sentences(w):
            return None
        if travels_unchanged(w, self.source_lang, self.target_lang) or (
                not self.latin_target and travels_unchanged(w, self.source_lang, "en")):
            # Into another script a name is transliterated: English frequencies say it is an international
            # one (Mark, Sri) where Chinese or Arabic lists know no Latin word.
            return "word frequencies: rare in Indonesian, or as common in the target language (or English)"
        lowered = w.lower() in self._lower
        common = is_common_word(w)
        known = _known_words().get(w)
        # A common word is a known name's only where the article names the whole figure or place: "Sakti"
        # (magic) is Sakti Wahyu Trenggono's name only in an article that names him; Bogor is its own form.
        if known and not lowered and (not common or any(f in self.source for f in known.forms)):
            return known.reason
        if lowered:
            return None  # "kota" elsewhere: the capital is a sentence's or a heading's
        if common and self._mid[w] and self._given_and_personal(w):
            return "a given name (name table) the article uses for a person"
        if w in _translated_words() or w in self.translated():
            return None  # Jawa (Java), Rusia (Russia), Tenggara (Southeast): the gazetteer translates it
        if not common and not (w.isupper() and len(w) > 1) and (self._mid[w] or w in self._personal):
            # Capitalised mid-sentence, or named as a speaker at a sentence's start ("Yanti mengatakan")
            return "no Indonesian word (KBBI), and never in lower case in the article"
        if fold(w) in self._target_mid:
            return "written so in the translation, and never in lower case in the source"
        return None

    def _affixed_word_opening_sentences(self, w: str) -> bool:
        """"Menyetrika pakaian ..." (ironing), "Berlayar ...": a word formed by a verbal or nominal prefix on a
        KBBI root, written capitalised only where it opens a sentence and never named as a speaker, that is
        no given name, no known figure or place and (into Latin script) not kept by the translation. Rare
        in word lists (its frequency made it "rare in Indonesian", so a name), but the dictionary forms it."""
        if self._mid[w] or w in self._personal or not _AFFIXED.match(w) or not is_common_word(w):
            return False
        if _known_words().get(w) is not None:
            return False
        found = given_names.lookup(w)
        if found is not None and found.gender is not None:
            return False
        return not (self.latin_target and fold(w) in self._target_words())

    def _target_words(self) -> set[str]:
        if self._target_all is None:
            self._target_all = {fold(x) for x in _CAPITALISED_WORD.findall(self.target)}
        return self._target_all

    def _given_and_personal(self, w: str) -> bool:
        found = given_names.lookup(w)
        # Borne by many, of either gender or both (Dana, Sri): a name, whatever it says of gender.
        if found is None or (found.source == "nomquamgender" and found.counts < _MIN_GIVEN_COUNTS):
            return False
        return w in self._personal


def name_words(pair) -> NameWords:  # pair: ArticlePair (not imported: article.py is below this module)
    return pair.analysis("name-words", lambda p: NameWords(
        p.source, p.target, p.source_pack.code, p.target_pack.code, p.target_pack.latin_script,
        partial(gazetteer_translated, p.target_pack.code, p.glossary)))  # no reference back to the pair


@lru_cache(maxsize=32)
def gazetteer_translated(target_lang: str, glossary: tuple = ()) -> frozenset[str]:
    """The capitalised words of the gazetteer's Indonesian forms that some entry does not keep as written
    in its renderings into `target_lang` (every word, into another script)."""
    # Kept in the cache beside the gazetteer, keyed by what the gazetteer is built from and by mtcheck's
    # code: going through its ~1,700 forms was ~1.5% of every check's start-up.
    from mtcheck.cache import _code_and_data, load_or_build
    from mtcheck.text.entities import gazetteer_key

    return load_or_build(f"gazetteer-translated-{target_lang}",
                         [gazetteer_key(target_lang, glossary), _code_and_data()],
                         lambda: _gazetteer_translated(target_lang, glossary))


def _gazetteer_translated(target_lang: str, glossary: tuple) -> frozenset[str]:
    from mtcheck.text.entities import gazetteer

    kept: dict[str, bool] = {}
    for form, entry in gazetteer(target_lang, glossary).by_form.items():
        rendered = {w for r in entry.renderings for w in r.split()}
        for w in form.split():
            if len(w) > 2 and w[0].isupper() and not w.isupper():
                kept[w] = kept.get(w, True) and w in rendered
    return frozenset(w for w, ok in kept.items() if not ok)


def frequency_only(source_lang: str, target_lang: str):
    """The old test, word frequencies alone, for callers without an article (tests, scripts)."""
    return lambda word: travels_unchanged(word, source_lang, target_lang)


@cache
def _third_person() -> dict:
    return data_toml("id", "third_person.toml") or {}


@cache
def _address() -> tuple[str, ...]:
    cues = data_toml("id", "gender_cues.toml") or {}
    return tuple(cues.get("before_male", ())) + tuple(cues.get("before_female", ()))


@cache
def _personal() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A capitalised word after a form of address or a verb of saying ("Pak Budi", "kata Dewi"), and one
    before a verb of saying ("Dewi mengatakan"): one scan of the article each."""
    data = _third_person()
    cues = (*_address(), *data.get("speech_stems", ()), "menurut")
    verbs = data.get("speech_verbs", ())
    # Tries (the same matches as the plain alternations, text/alternation.py), and a lookahead for the
    # possible first letters before the lookbehind: `re` then rejects most positions in one step.
    before = alternation(cues, ignore_case=True)
    first = "".join(sorted({re.escape(w[0].lower()) for w in cues}))
    after = alternation(verbs, ignore_case=True) if all(re.escape(v) == v for v in verbs) else "|".join(verbs)
    return (re.compile(rf"(?=(?i:[{first}]))(?<![\w'’-])(?i:{before})\s+([A-Z][\w'’-]*)"),
            # An apposition may come between: "Yanti, warga Kelurahan Beji, mengatakan".
            re.compile(rf"(?=[A-Z])(?<![\w'’-])([A-Z][\w'’-]*)(?:,[^,.;:\"“”\n]{{1,80}},)?\s+(?i:{after})\b"))


@cache
def _personal_ascii() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """_personal()'s ASCII twins (for a plain ASCII source)."""
    speaker_before, speaker_after = _personal()
    return twin(speaker_before), twin(speaker_after)


@cache
def _not_names() -> frozenset[str]:
    """Titles, forms of address and contractions of common nouns: capitalised, no KBBI root, translated."""
    # One-word titles only: the words of "Jaksa Agung" or "Panglima TNI" are names elsewhere (Agung Laksono).
    words = {t for t in data_lines("id", "titles.txt") if " " not in t}
    words |= set((data_toml("id", "ranks.toml") or {}).get("ranks", ()))  # Kombes, AKBP, Letkol
    words |= set(_address())
    words |= set(data_lines("id", "not_names.txt"))
    return frozenset(words)


@dataclass(frozen=True)
class _Known:
    """Why the shipped data say a word is a name, and the full names holding it."""
    reason: str
    forms: tuple[str, ...]  # the full names that hold the word (Bima Arya, Sakti Wahyu Trenggono)


@persistent
def _known_words() -> dict[str, _Known]:
    """Words the shipped data say are names kept as written, with the file that says so and the names
    holding them."""
    out: dict[str, _Known] = {}

    def add(word: str, reason: str, forms: tuple[str, ...]) -> None:
        old = out.get(word)
        out[word] = _Known(old.reason if old else reason, (*old.forms, *forms) if old else forms)

    for row in data_tsv("id", "public_figures.tsv"):
        forms = tuple(f for f in (row["name"], *row["aliases"].split("|")) if f)
        for form in forms:
            for w in form.split():
                if len(w) > 2 and w[0].isupper() and w not in _PARTICLES:
                    add(w, f"a public figure's name ({row['name']}: public figures list)", forms)
    # A word of a place's or an institution's Indonesian name that every entry holding it keeps as written
    # in its English or French rendering (Surabaya, Kalimantan in "West Kalimantan"); one translated in any
    # entry (Tenggara, "Southeast" in Sulawesi Tenggara) is not.
    for w, (ok, forms) in _place_words().items():
        if ok:
            add(w, "kept as written in the renderings of the places and institutions lists", forms)
    return out


@persistent
def _place_words() -> dict[str, tuple[bool, tuple[str, ...]]]:
    """Each capitalised word of the places' and institutions' Indonesian names: is it kept as written in
    the English or French rendering of every entry that holds it, and the names that hold it."""
    kept: dict[str, tuple[bool, tuple[str, ...]]] = {}
    for name in ("places.tsv", "institutions.tsv"):
        for row in data_tsv("glossary", name):
            rendered = {w for c in _LATIN_COLUMNS for r in (row.get(c) or "").split("|") for w in r.split()}
            for form in row["id"].split("|"):
                for w in form.split():
                    if len(w) > 2 and w[0].isupper() and not w.isupper() and w not in _not_names():
                        ok, forms = kept.get(w, (True, ()))
                        kept[w] = (ok and w in rendered, (*forms, form))
    return kept


@cache
def _translated_words() -> frozenset[str]:
    """Words of the places' and institutions' names that some entry translates (Jawa, Barat, Kementerian)."""
    return frozenset(w for w, (ok, _) in _place_words().items() if not ok)
