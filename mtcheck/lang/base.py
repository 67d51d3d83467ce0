"""What a language pack provides. Rules read these fields; they never branch on a language code."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from mtcheck.memo import per_article
from mtcheck.text.ascii_twin import plain, twin

if TYPE_CHECKING:
    from importlib.abc import Traversable  # importing it loads importlib.resources


def _toml_loads(text: str) -> dict:
    # Imported when a file is parsed, i.e. when the cache does not hold it yet.
    import tomllib

    return tomllib.loads(text)

_LATIN_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_LATIN_WORD_ASCII = twin(_LATIN_WORD)  # the same words in an ASCII text (mtcheck/text/ascii_twin.py)


@lru_cache(maxsize=1)
def _data_root() -> Traversable:
    here = Path(__file__).resolve().parent.parent / "data"
    if here.is_dir():
        return here  # an installed or editable package: plain files (importlib.resources costs ~5 ms to load)
    from importlib import resources

    return resources.files("mtcheck").joinpath("data")


def _data_file(*path: str) -> Traversable:
    node = _data_root()
    for part in path:
        node = node.joinpath(part)
    return node


def data_exists(*path: str) -> bool:
    """Whether mtcheck/data/<path...> exists: a language ships only the data files it needs."""
    return _data_file(*path).is_file()


def data_toml(*path: str) -> dict | None:
    """The parsed TOML file mtcheck/data/<path...>, or None when the language has none. Parsed once and
    kept in mtcheck's cache (tomllib is pure Python: the eight files a check reads cost ~10 ms to parse),
    keyed by the file's size and time; a fresh dict each call, as parsing gives."""
    node = _data_file(*path)
    if not node.is_file():
        return None
    if isinstance(node, os.PathLike):
        from mtcheck.cache import load_or_build

        return load_or_build("toml-" + "-".join(path), [os.path.abspath(os.fspath(node))],
                             lambda: _toml_loads(node.read_text(encoding="utf-8")))
    return _toml_loads(node.read_text(encoding="utf-8"))  # data inside a zip: no file to key the cache by


def data_lines(*path: str) -> list[str]:
    """Non-comment, non-empty lines of mtcheck/data/<path...>."""
    text = _data_file(*path).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def data_tsv(*path: str) -> list[dict[str, str]]:
    """Rows of a TSV data file whose first non-comment line is the header."""
    lines = data_lines(*path)
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"))) for ln in lines[1:]]


def abbreviation_lists(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """A language's abbreviations.txt as (every abbreviation, those that may also end a sentence), each
    lower-cased without its final period: "Mme." and "mme" are one entry. A line's second column `may-end`
    marks an abbreviation that closes sentences too ("... buku, pena, dll. Ia ..."): the segmenter ends
    the sentence there when the next word is one that starts sentences."""
    every, may_end = set(), set()
    for line in data_lines(lang, "abbreviations.txt"):
        word, _, mark = line.partition("\t")
        key = word.strip().lower().rstrip(".")
        every.add(key)
        if mark.strip() == "may-end":
            may_end.add(key)
    return frozenset(every), frozenset(may_end)


# Match objects are tracked by the cyclic garbage collector: a cache kept across articles (4,096 texts until
# round 16) held ~200,000 of them in a long batch, which every full collection went through again, for
# answers that another article almost never asks for (each article's sentences are its own).
@per_article(maxsize=0)
def latin_words(text: str) -> tuple[re.Match[str], ...]:
    """The words of `text`; remembered for the article (article_scope), as several rules tokenise the same
    target sentences; not across articles (the comment above)."""
    return tuple((_LATIN_WORD_ASCII if plain(text) else _LATIN_WORD).finditer(text))


@per_article(maxsize=4096)
def latin_word_count(text: str) -> int:
    """len(latin_words(text)), remembered as a number: the paragraphs and sentences that are only counted
    (the article's word counts, the omission rules' min-words) no longer keep a match object per word alive
    in the memos, each of which the garbage collector went through again (a fifth of the objects a check
    left behind)."""
    return len((_LATIN_WORD_ASCII if plain(text) else _LATIN_WORD).findall(text))


# Han, kana and CJK compatibility characters count one word each; anything else by latin_words' rule.
_CJK_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W_\u3040-\u30ff\u3400-\u4dbf"
                       r"\u4e00-\u9fff\uf900-\ufaff]+(?:[-'’][^\W_]+)*")


def cjk_words(text: str) -> list[re.Match[str]]:
    return list(_CJK_WORD.finditer(text))


@dataclass(frozen=True)
class LanguagePack:
    """A target (or source) language's data and small functions that the rules read."""
    code: str
    name: str
    abbreviations: frozenset[str]
    function_words: frozenset[str]
    cjk_terminators: str = ""
    final_abbreviations: frozenset[str] = frozenset()  # abbreviations that may also end a sentence
    # Bracket and quote pairs as (open, close); a symmetric quote has open == close.
    brackets: tuple[tuple[str, str], ...] = (("(", ")"), ("[", "]"))
    quotes: tuple[tuple[str, str], ...] = (('"', '"'), ("“", "”"), ("«", "»"))
    words: Callable[[str], Sequence[re.Match[str]]] = field(default=latin_words)
    # Whether names of the source appear letter for letter in this language's text (Latin script), or are
    # transliterated (Rutte: ルッテ, 吕特, روته) and so cannot be matched by spelling.
    latin_script: bool = True
    # Elided words written onto the next word with an apostrophe (French l', d', qu'): "l'Arizona" is the
    # name Arizona. Lower case, without the apostrophe.
    elisions: frozenset[str] = frozenset()

    # Names of the Latin letters as the language spells an acronym out (Arabic أوه إس إتش أيه, OSHA).
    letter_names: frozenset[str] = frozenset()

    def count_words(self, text: str) -> int:
        if self.words is latin_words:
            return latin_word_count(text)
        return len(self.words(text))

    def clause_words(self, text: str) -> int:
        """Words of a clause for the clause rules' min-words: a run of two or more letter names (an acronym
        spelled out) counts as one word, as the acronym does in the source ("(OSHA)", one word)."""
        if not self.letter_names:
            return self.count_words(text)
        n, run = 0, 0
        for w in self.words(text):
            run = run + 1 if w.group() in self.letter_names else 0
            n += run != 2  # the second letter name of a run joins the first; later ones are not counted
            n -= run > 2
        return n
