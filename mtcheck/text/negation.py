"""Negators in a sentence, from each language's `negation.toml`: the shared analysis behind MT704.

A flipped negation barely moves a sentence embedding, so it is counted, not modelled. Per language: strong
negators (each match is one negation), soft negatives (fail, refuse, un-, rarely: they render a negation
but never stand for one), expressions that contain a negator without negating (belum lama ini "recently",
sans doute "probably", かもしれない "may"), which are blanked first, idioms that another language may render
with a negator (bukan hanya "not only"), blanked and counted as soft, and double negations (bukan tidak
mungkin, not impossible), which make a sentence unjudgeable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from mtcheck.errors import InputError
from mtcheck.lang.base import data_toml
from mtcheck.model import Span

# Arabic short vowels and shadda (U+064B-U+065F, U+0670) are combining marks, not \w: without them here
# لمَن (li-man, "for whom") would end a word after لم.
_MARKS = "\u064b-\u065f\u0670"
_B, _E = rf"(?<![\w'’{_MARKS}-])", rf"(?![\w'’{_MARKS}-])"
_ELIDED = "['’]"


@dataclass(frozen=True)
class NegationData:
    """A language's compiled negation patterns (strong, soft, not-negation, double)."""
    strong: re.Pattern[str]
    soft: re.Pattern[str] | None
    not_negation: re.Pattern[str] | None
    double: re.Pattern[str] | None
    # Negative prefixes (un-, in-, dis-): a word that is one of them plus a commoner word of the language
    # (impractical = im + practical) is a soft negative, by wordfreq.
    affixes: tuple[str, ...] = ()
    lang: str = ""
    # Idioms with a negator that do not negate but that another language may render with one (bukan hanya
    # = not only = 不仅; atau tanpa = or no): blanked like not_negation, and counted as soft negatives.
    idioms: re.Pattern[str] | None = None


@dataclass(frozen=True)
class NegationScan:
    """The negations one text holds: strong ones with spans, soft ones, doubles."""
    strong: tuple[tuple[Span, str], ...]  # absolute spans and the matched text
    soft: tuple[str, ...]
    double: bool

    @property
    def negated(self) -> bool:
        return bool(self.strong)


def _compile(patterns: list[str], words: bool, where: str) -> re.Pattern[str] | None:
    if not patterns:
        return None
    # an elided form (French n') ends in its apostrophe and runs straight into the next word
    parts = [f"(?:{p}){'' if p.rstrip(')').endswith(_ELIDED) else _E}" if words else f"(?:{p})"
             for p in sorted(patterns, key=len, reverse=True)]
    # The word start is tested once per position, not once per alternative (the same matches, ~3x faster).
    alternation = f"{_B}(?:{'|'.join(parts)})" if words else "|".join(parts)
    try:
        return re.compile(alternation, re.IGNORECASE)
    except re.error as e:
        raise InputError(f"{where}: bad pattern: {e}") from None


@cache
def negation_data(lang: str) -> NegationData | None:
    """The language's negation data, or None where it ships none (the rule then does not run)."""
    data = data_toml(lang, "negation.toml")
    if data is None:
        return None
    where = f"mtcheck/data/{lang}/negation.toml"
    words = bool(data.get("words", True))
    strong = _compile(data["strong"], words, where)
    assert strong is not None
    return NegationData(strong, _compile(data.get("soft", []), words, where),
                        _compile(data.get("not_negation", []), words, where),
                        _compile(data.get("double", []), words, where),
                        tuple(sorted(data.get("affix_negatives", []), key=len, reverse=True)), lang,
                        _compile(data.get("idioms", []), words, where))


_WORD = re.compile(r"[^\W\d_]{6,}")


@cache
def _affixes_by_initial(affixes: tuple[str, ...]) -> dict[str, tuple[str, ...]] | None:
    """The affixes by their first letter, each group in the order of `affixes`; None when one is empty
    (every word starts with it)."""
    if "" in affixes:
        return None
    out: dict[str, list[str]] = {}
    for a in affixes:
        out.setdefault(a[0], []).append(a)
    return {c: tuple(group) for c, group in out.items()}


def affixal_negatives(text: str, nd: NegationData) -> list[str]:
    if not nd.affixes:
        return []
    from mtcheck.text.lexicon import zipf as zipf_frequency  # wordfreq's values, without loading its lists

    found = []
    by_initial = _affixes_by_initial(nd.affixes)
    for m in _WORD.finditer(text):
        w = m.group().lower()
        # Only the affixes that start with the word's letter, in the same order (longest first): a long
        # article asked every affix of every word.
        for a in by_initial.get(w[0], ()) if by_initial is not None else nd.affixes:
            stem = w[len(a):]
            if w.startswith(a) and len(stem) >= 4:
                zs = zipf_frequency(stem, nd.lang)
                if zs >= 3.0 and zipf_frequency(w, nd.lang) < zs:
                    found.append(m.group())
                break
    return found


def scan(text: str, start: int, end: int, lang: str) -> NegationScan | None:
    """Negations in text[start:end], with spans into `text`."""
    nd = negation_data(lang)
    if nd is None:
        return None
    piece = text[start:end]
    idioms: tuple[str, ...] = ()
    if nd.idioms is not None:
        idioms = tuple(m.group() for m in nd.idioms.finditer(piece))
        if idioms:  # most sentences have none: no second pass to blank nothing
            piece = nd.idioms.sub(lambda m: " " * len(m.group()), piece)
    if nd.not_negation is not None:
        # blank with spaces, not delete, so that offsets stay those of the original text
        piece = nd.not_negation.sub(lambda m: " " * len(m.group()), piece)
    double = bool(nd.double and nd.double.search(piece))
    strong = tuple((Span(start + m.start(), start + m.end()), m.group()) for m in nd.strong.finditer(piece))
    soft = tuple(m.group() for m in nd.soft.finditer(piece)) if nd.soft is not None else ()
    # An idiom with a negator does not negate, but the other language may well render it with one ("atau
    # tanpa gejala" -> "or no symptoms", "bukan hanya" -> "not just"): like a soft negative, it excuses a
    # negation on the other side and never raises a finding itself.
    soft += idioms
    if strong or not soft:
        soft += tuple(affixal_negatives(piece, nd))
    return NegationScan(strong, soft, double)
