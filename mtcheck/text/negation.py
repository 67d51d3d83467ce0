"""Negators in a sentence, from each language's `negation.toml`: the shared analysis behind MT704.

A flipped negation barely moves a sentence embedding, so it is counted, not modelled. Per language: strong
negators (each match is one negation), soft negatives (fail, refuse, un-, rarely: they render a negation
but never stand for one), expressions that contain a negator without negating (belum lama ini "recently",
sans doute "probably", かもしれない "may"), which are blanked first, idioms that another language may render
with a negator (bukan hanya "not only"), blanked and counted as soft, double negations (bukan tidak
mungkin, not impossible), which make a sentence unjudgeable, and clausal contexts (tidak akan, is not, ne ...
pas), where a negator negates the clause: MT704 is sure only of those.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from re import _constants as _C  # type: ignore[attr-defined]  # re's own parser: the patterns' first letters
from re import _parser as _sre_parser  # type: ignore[attr-defined]

from mtcheck.cache import persistent
from mtcheck.errors import InputError
from mtcheck.lang.base import data_toml
from mtcheck.model import Span
from mtcheck.text.ascii_twin import plain, twin

# Arabic short vowels and shadda (U+064B-U+065F, U+0670) are combining marks, not \w: without them here
# لمَن (li-man, "for whom") would end a word after لم.
_MARKS = "\u064b-\u065f\u0670"
_B, _E = rf"(?<![\w'’{_MARKS}-])", rf"(?![\w'’{_MARKS}-])"
_ELIDED = "['’]"
# Where `elision` is set (French), a word may also start right after an elided article or pronoun (l’absence,
# d’échec, qu’aucun), which the plain word start refuses (an apostrophe joins n't to its word in English).
_B_ELIDED = rf"(?:(?<=\b[cdjlmnst]['’])|(?<=\bqu['’])|{_B})"


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
    # A negator in clausal use (Indonesian tidak before a modal or a prefixed verb, English aux + not, French
    # ne ... pas): it negates what the sentence claims. A lone negator elsewhere (yang tidak normal, 无菌,
    # non testés) is often lexical and rendered by an antonym (abnormal, sterile), so MT704 is sure only of a
    # clausal one.
    clausal: re.Pattern[str] | None = None
    # Where the words a clausal negator negates stand: "after" it (tidak [datang], is not [injured]) or
    # "before" it in a head-final language (Japanese [来]ない).
    governed: str = "after"
    # The same patterns without their alternatives that need an "n't" (English \w+n['’]t, can['’]t), for a
    # sentence with no "n'" or "n’" in any case, where those cannot match: the same matches, and each such
    # alternative read every word of every sentence to its end, looking for the n't (two thirds of the
    # English scans). None where the language has none, or where one could not be taken out (`_without_nt`).
    without_nt: NegationData | None = None
    # The same data with each pattern's ASCII twin (text/ascii_twin.py), for a piece of text for which
    # ascii_twin.plain holds (most sentences of both sides): the same matches, at 0.8x-0.9x the instructions
    # of re's Unicode classes and case folding. None in the twin itself.
    ascii_twin: NegationData | None = None


class NegationScan:
    """The negations one text holds: strong ones with spans, soft ones, doubles.

    The soft negatives are found when first asked: MT704 reads them only where one side of a sentence pair
    is negated and the other is not, and their scan (a long alternation, then word frequencies for the
    affixal ones) was most of the analysis's cost."""

    __slots__ = ("_idioms", "_nd", "_piece", "_soft", "clausal", "double", "strong")

    def __init__(self, strong: tuple[tuple[Span, str], ...], soft: tuple[str, ...] | None, double: bool,
                 piece: str = "", nd: NegationData | None = None, idioms: tuple[str, ...] = (),
                 clausal: tuple[Span, ...] = ()) -> None:
        self.strong = strong  # absolute spans and the matched text
        self.double = double
        self.clausal = clausal  # absolute spans of the clausal-negation contexts that hold a strong negator
        self._soft = soft
        self._piece, self._nd, self._idioms = piece, nd, idioms

    @property
    def soft(self) -> tuple[str, ...]:
        if self._soft is None:
            nd = self._nd
            assert nd is not None
            soft = tuple(m.group() for m in nd.soft.finditer(self._piece)) if nd.soft is not None else ()
            # An idiom with a negator does not negate, but the other language may well render it with one
            # ("atau tanpa gejala" -> "or no symptoms", "bukan hanya" -> "not just"): like a soft negative, it
            # excuses a negation on the other side and never raises a finding itself.
            soft += self._idioms
            if self.strong or not soft:
                soft += tuple(affixal_negatives(self._piece, nd))
            self._soft = soft
            self._piece, self._nd = "", None
        return self._soft

    @property
    def negated(self) -> bool:
        return bool(self.strong)

    def clausal_negator(self) -> tuple[Span, str, Span] | None:
        """The first strong negator in clausal use, with the `clausal` context it is in (tidak akan, is not,
        ne ... pas, ではない), or None."""
        for span, word in self.strong:
            for c in self.clausal:
                if c.start <= span.start and span.end <= c.end:
                    return span, word, c
        return None

    def __repr__(self) -> str:
        return f"NegationScan(strong={self.strong!r}, soft={self.soft!r}, double={self.double!r})"


_NEVER = re.compile(r"\A(?!x)x")  # a field left with no alternative
# An alternative that needs an n't: one a pattern holds whole, or a branch of a group after another branch.
_NT_ITEM = re.compile(r"[^()|]*n\['’\]t[^()|]*")
_NT_BRANCH = re.compile(r"\|[^()|]*n\['’\]t[^()|]*(?=[|)])")
# What a match of n['’]t needs in the text, under re.IGNORECASE (n and t have no other case partners).
_NT_MARKS = ("n'", "n’", "N'", "N’")


def _without_nt(ordered: list[str]) -> list[str] | None:
    """The patterns (in their order) with every alternative that needs an n't taken out: a pattern that is
    one such alternative dropped, a branch `|...n['’]t...` of a group cut. In a text without "n'" or "n’"
    (any case) what was taken out can match nothing, so the rest matches as the whole did, in the same order
    of preference. None where an n['’]t is left that this does not take out (then no such patterns)."""
    out = []
    for p in ordered:
        if _NT_ITEM.fullmatch(p):
            continue
        p = _NT_BRANCH.sub("", p)
        if "n['’]" in p:
            return None
        out.append(p)
    return out


def has_nt(text: str) -> bool:
    return any(m in text for m in _NT_MARKS)


def _compile(patterns: list[str], words: bool, where: str, start: str = _B,
             dispatch: bool = True, without_nt: bool = False) -> re.Pattern[str] | None:
    """The patterns as one alternation, longest first; `without_nt`: without their alternatives that need an
    n't (`_without_nt`, in the order of the whole list)."""
    if not patterns:
        return None
    ordered = sorted(patterns, key=len, reverse=True)
    if without_nt:
        reduced = _without_nt(ordered)
        assert reduced is not None  # asked only where _without_nt succeeds for every field
        if not reduced:
            return _NEVER
        ordered = reduced
    # an elided form (French n') ends in its apostrophe and runs straight into the next word
    parts = [f"(?:{p}){'' if p.rstrip(')').endswith(_ELIDED) else _E}" if words else f"(?:{p})" for p in ordered]
    # The word start is tested once per position, not once per alternative (the same matches, ~3x faster).
    alternation = f"{start}(?:{'|'.join(parts)})" if words else "|".join(parts)
    try:
        plain = re.compile(alternation, re.IGNORECASE)
    except re.error as e:
        raise InputError(f"{where}: bad pattern: {e}") from None
    by_letter = _by_first_letter(ordered, parts) if dispatch else None
    if by_letter is None:
        return plain
    try:
        return re.compile(f"{start}(?:{by_letter})" if words else by_letter, re.IGNORECASE)
    except re.error:
        return plain


def _by_first_letter(patterns: list[str], parts: list[str]) -> str | None:
    """The alternation of `parts` (the patterns, each with its word end) dispatched on the next character:
    for each letter a pattern must start with, a lookahead for it and the patterns that can start with it,
    in their order (those that start with a class such as \\w or a lookaround in every group), and the latter
    alone after a lookahead for none of the letters. At any position at most one group's lookahead holds,
    and the patterns it leaves out cannot match there, so the first pattern that matches is the one the plain
    alternation finds, with the same match: `re` tried every pattern at every word of every sentence (MT704's
    scans were 6% of a short article's check). None where that cannot be shown from the patterns (a
    capturing group, a letter whose other case is not its only one, a parse that fails): then the plain
    alternation is used."""
    firsts = []
    for p in patterns:
        try:
            compiled = re.compile(p, re.IGNORECASE)
            if compiled.groups:
                return None  # repeated in several groups, a capturing group would number differently
            first = _first_chars(list(_sre_parser.parse(p, re.IGNORECASE)))
        except (re.error, RecursionError, TypeError, ValueError):
            return None
        if first is not None and not all(_caseless_pair(c) for c in first):
            return None
        firsts.append(None if first is None else {c.lower() for c in first})
    letters = sorted({c for f in firsts if f is not None for c in f})
    if not letters or len(letters) > 64:
        return None
    groups = []
    for letter in letters:
        alts = [part for part, f in zip(parts, firsts) if f is None or letter in f]
        groups.append(f"(?=[{re.escape(letter)}])(?:{'|'.join(alts)})")
    rest = [part for part, f in zip(parts, firsts) if f is None]
    if rest:
        groups.append(f"(?![{''.join(re.escape(c) for c in letters)}])(?:{'|'.join(rest)})")
    return "|".join(groups)


def _caseless_pair(ch: str) -> bool:
    """A character whose case-insensitive matches are its own lower- and upper-case forms only (the test of
    text/alternation.py): then lower-cased letters of two groups never match the same character."""
    from mtcheck.text.alternation import _safe

    return _safe(ch)


def _first_chars(items: list) -> set[str] | None:
    """The characters a match of these parsed items (re's parser) must start with, or None when it may start
    otherwise (a class with a category or negated, an anchor). A lookaround consumes nothing, so the items
    after it say (a superset for a lookahead: safe for the dispatch); an optional first item adds its own to
    those of the items after it ([وف]?لا, (?<!paling )sedikit: in every letter's group, these made compiling
    the patterns several times slower)."""
    if not items:
        return None
    op, av = items[0]
    if op in (_C.ASSERT, _C.ASSERT_NOT):
        return _first_chars(items[1:])
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[0] == 0:
        own, rest = _first_chars(list(av[2])), _first_chars(items[1:])
        return None if own is None or rest is None else own | rest
    if op is _C.LITERAL:
        return {chr(av)}
    if op is _C.IN:
        out = set()
        for kind, value in av:
            if kind is _C.LITERAL:
                out.add(chr(value))
            elif kind is _C.RANGE and value[1] - value[0] < 64:
                out.update(chr(c) for c in range(value[0], value[1] + 1))
            else:
                return None
        return out
    if op is _C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _first_chars(list(sub))
    if op is _C.BRANCH:
        out = set()
        for branch in av[1]:
            first = _first_chars(list(branch))
            if first is None:
                return None
            out |= first
        return out
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[0] >= 1:
        return _first_chars(list(av[2]))
    return None


@persistent  # parsing each pattern for its first letters (_by_first_letter) was ~5% of a check's start-up
def negation_data(lang: str) -> NegationData | None:
    """The language's negation data, or None where it ships none (the rule then does not run)."""
    data = data_toml(lang, "negation.toml")
    if data is None:
        return None
    where = f"mtcheck/data/{lang}/negation.toml"
    words = bool(data.get("words", True))
    start = _B_ELIDED if data.get("elision", False) else _B

    fields = ("strong", "soft", "not_negation", "double", "idioms", "clausal")
    lists = {f: sorted(data.get(f, []), key=len, reverse=True) for f in fields}
    reduced = {f: _without_nt(lists[f]) for f in fields}
    nt = all(r is not None for r in reduced.values()) and any(reduced[f] != lists[f] for f in fields)

    def build(without_nt: bool) -> NegationData:
        def compiled(field: str, dispatch: bool = True) -> re.Pattern[str] | None:
            return _compile(data.get(field, []), words, where, start, dispatch, without_nt)

        strong = compiled("strong")
        if strong is None:
            raise InputError(f"{where}: no strong negators")
        return NegationData(strong, compiled("soft"), compiled("not_negation"), compiled("double"),
                            tuple(sorted(data.get("affix_negatives", []), key=len, reverse=True)), lang,
                            # clausal contexts are read only in a sentence with a negator: the plain
                            # alternation, whose compiling costs a fifteenth of the dispatched one's (en: 1 ms
                            # against 16)
                            compiled("idioms"), compiled("clausal", dispatch=False),
                            str(data.get("governed", "after")),
                            build(True) if nt and not without_nt else None)

    def with_twin(nd: NegationData) -> NegationData:
        def twinned(p: re.Pattern[str] | None) -> re.Pattern[str] | None:
            try:
                return twin(p) if p is not None else None
            except ValueError:  # a pattern whose twin could differ: itself
                return p

        ascii_nd = replace(nd, strong=twinned(nd.strong), soft=twinned(nd.soft), not_negation=twinned(
            nd.not_negation), double=twinned(nd.double), idioms=twinned(nd.idioms), clausal=twinned(nd.clausal),
                           without_nt=None)
        return replace(nd, without_nt=with_twin(nd.without_nt) if nd.without_nt is not None else None,
                       ascii_twin=ascii_nd)

    return with_twin(build(False))


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
    if nd.without_nt is not None and not has_nt(piece):
        nd = nd.without_nt  # the same matches here (the piece has no n't); blanking below adds none
    if nd.ascii_twin is not None and plain(piece):
        nd = nd.ascii_twin  # the same matches on this piece, and on it blanked (spaces only) for the soft ones
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
    clausal: tuple[Span, ...] = ()
    if strong and nd.clausal is not None:  # most sentences have no negator: no pass for them
        clausal = tuple(Span(start + m.start(), start + m.end()) for m in nd.clausal.finditer(piece))
    return NegationScan(strong, None, double, piece, nd, idioms, clausal)
