"""MT705: two names that swap places around what joins them (who did what to whom), by the order of the two
texts and, with the neural family on, by the names' contextual token vectors (mtcheck.neural.roles)."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from mtcheck.lang.base import data_toml
from mtcheck.model import Category, Finding, Severity, Span
from mtcheck.rules.base import Rule
from mtcheck.text.article import ArticlePair

# A run of capitalised words of a Latin-script text (a name), without a possessive 's (Joko Widodo's). Each
# word runs to the end of its [\w-] characters: inside such a run neither the next word's \s+ nor the final
# lookahead (which needs a character outside [\w'’-], or 's before one) can hold, so a lazy [\w-]*? (as
# written until round 13) found the same matches, trying the rest of the pattern after every letter.
_NAME = re.compile(r"(?=[A-Z])(?<![\w'’-])[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*(?=(?:['’]s)?(?![\w'’-]))")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_BREAK = re.compile(r"[,;:()\"“”«»—–/]|\s-\s")
_NON_SPACE = re.compile(r"\S+")


@dataclass(frozen=True)
class RolesData:
    """A language's compiled patterns for MT705: joins, reversals and verbs."""
    joins: re.Pattern[str]
    reverses: re.Pattern[str]
    verbs: re.Pattern[str] | None  # where given, the stretch between two names must hold a verb
    inverting: re.Pattern[str] | None  # a mark right after the first name that puts the second one first
    # converse markers by meaning (before, after, from, than, ...): the same meaning on both sides keeps the order
    converse: tuple[tuple[str, re.Pattern[str]], ...] = ()


@cache
def roles_data(lang: str) -> RolesData | None:
    data = data_toml(lang, "roles.toml")
    if data is None:
        return None

    def words(key: str, unless: str | None = None) -> re.Pattern[str]:
        # `unless`: a data key of whole words that the patterns of `key` match but that are not of it
        # (tersebut matches ter[a-z]{3,} and is a demonstrative, not a passive)
        skip = r"(?!(?:" + "|".join(data[unless]) + r")(?![\w'’-]))" if unless and data.get(unless) else ""
        return re.compile(r"(?<![\w'’-])" + skip + "(?:" + "|".join(data[key]) + r")(?![\w'’-])", re.IGNORECASE)

    inverting = re.compile(r"\s*(?:" + "|".join(data["inverting"]) + r")(?![\w'’-])") if data.get("inverting") else None
    converse = tuple((meaning, re.compile("|".join(ws), re.IGNORECASE))
                     for meaning, ws in sorted(data.get("converse", {}).items()))
    return RolesData(words("joins"), words("reverses", "not_reverses"), words("verbs") if data.get("verbs") else None, inverting,
                     converse)


def _converse_meanings(text: str, data: RolesData) -> Counter[str] | None:
    """The meanings of the passive or converse markers in `text` (before, after, from, than, ...: the
    language's `converse` table), or None where one of them has no meaning in the table (a passive verb)."""
    found: Counter[str] = Counter()
    for m in data.reverses.finditer(text):
        meaning = next((k for k, pattern in data.converse if pattern.fullmatch(m.group())), None)
        if meaning is None:
            return None
        found[meaning] += 1
    return found


def _order_kept(source_between: str, target_between: str, src: RolesData, tgt: RolesData) -> bool:
    """Whether the stretches between two names keep the order of the names: neither holds a passive or converse
    marker, or both hold markers of the same meanings. A converse marker licenses an inversion only where the
    other side does not say the same: "Jacobs sebelum Lithgow" may rightly become "Lithgow after Jacobs", but
    "Lithgow before Jacobs" says the opposite, as much as "Lithgow met Jacobs" for "Jacobs menemui Lithgow"."""
    a, b = _converse_meanings(source_between, src), _converse_meanings(target_between, tgt)
    return a is not None and a == b


def _anchors(text: str, start: int, end: int) -> dict[str, list[tuple[tuple[int, int], tuple[int, int]]]]:
    """Each capitalised word of text[start:end]: its occurrences, each as (the word's span, the span of the
    whole name, the run of capitalised words, it occurs in), both as (start, end) pairs: shared_names
    compares, counts and sorts them as such, and makes a Span of the few it keeps (a Span per word was ~100
    objects an article, each built by a Python __init__ and hashed and compared by Python methods)."""
    seen: dict[str, list[tuple[tuple[int, int], tuple[int, int]]]] = {}
    for m in _NAME.finditer(text, start, end):
        run = m.span()
        # (the words of the match itself: \S+ looks at nothing outside what it matches)
        for w in _NON_SPACE.finditer(text, run[0], run[1]):
            a, b = w.span()
            if b - a >= 2:
                seen.setdefault(w.group(), []).append(((a, b), run))
    return seen


def _link(text: str, a: Span, b: Span, data: RolesData, max_words: int) -> bool:
    """Whether text between two names reads as one clause linking them: 1..max_words lowercase words, no
    punctuation that breaks a clause, no list word (and, or), and a verb where the language's data says how
    to see one. Passive and converse markers are the caller's (`_order_kept`, which needs both sides)."""
    between = text[a.end:b.start]
    words = _WORD.findall(between)
    if not 1 <= len(words) <= max_words or any(w[0].isupper() for w in words):
        return False
    if data.verbs is not None and not data.verbs.search(between):
        return False
    return not (_BREAK.search(between) or data.joins.search(between))


def _may_swap(pair: ArticlePair, sa: Span, sb: Span, ta: Span, tb: Span, src: RolesData, tgt: RolesData,
              max_words: int) -> bool:
    """Whether two names, ta before tb in the translation, are a candidate for the contextual test: near each
    other in one clause of the translation, and joined on neither side by a list word (their order is free)
    or a passive or converse marker (the translation may rightly invert them: Zelensky ditemui Rutte = Rutte
    met Zelensky). Unlike the order test, no verb is needed between them: "the Soviet invasion of
    Afghanistan" turned "the Afghanistan invasion of Soviet" swaps roles across a noun."""
    if sa.overlaps(sb) or sa == sb:
        return False
    between = pair.target[ta.end:tb.start]
    if not 1 <= len(_WORD.findall(between)) <= max_words or _BREAK.search(between):
        return False
    if tgt.inverting is not None and tgt.inverting.match(between):
        return False  # Bush's New Orleans Deal = Kesepakatan New Orleans Bush: the genitive inverts the order
    first, second = sorted((sa, sb), key=lambda x: x.start)
    source_between = pair.source[first.end:second.start]
    if src.joins.search(source_between) or tgt.joins.search(between):
        return False
    return _order_kept(source_between, between, src, tgt)


class RolesSwapped(Rule):
    """Two names in the source whose order the translation inverts around the same link (A met B -> B met A).

    ## What it does
    In each aligned sentence pair, takes the capitalised words that occur once on each side (names kept
    letter for letter: Latin-script targets) and looks for two of them, A before B in the source, with B
    before A in the translation, where in both texts only a short stretch of lowercase words joins them (at
    most `max-words`): no comma or bracket, no list word (*dan*, *atau*, and, or), no passive or converse
    marker (*oleh*, *di-* verbs, by, from, lost) unless both sides carry markers of the same meaning
    (*sebelum* ... before, *menerima* ... *dari* = received ... from: the `converse` table), and in the
    source a verb (*meN-*, *ber-*). That is the shape of a swapped doer and done-to: the same words,
    rearranged, which a sentence vector barely sees (MT701's AUC on it is about 0.5). Language data: `mtcheck/data/<lang>/roles.toml`.

    With `--neural` it also tests every two such names at most `context-max-words` words apart in one
    clause of the translation, joined on neither side by a list word or a passive or converse marker (again
    unless both sides carry markers of the same meaning), but with or without a verb between them: the sentence is encoded once more with the two exchanged, and
    where the exchanged version puts each name in a context closer to the one the source gives it (the
    cosine of the names' contextual token vectors with the source's, `mtcheck.neural.roles`) by more than
    `min-context-gain`, it is reported, with the gain in the evidence. That sees swaps across prepositions,
    converse verbs and appositions, which the stretch test must refuse.

    ## Why is this bad?
    "Rusia menyerang Ukraina" rendered "Ukraine attacked Russia" reads well and says the opposite; a reader
    who does not read the source cannot tell.

    ## Example
    Source: Sebelumnya, Rutte menemui Zelensky di Kyiv untuk membahas bantuan militer.
    Target: Earlier, Zelensky met Rutte in Kyiv to discuss military aid.

    Use instead:
    Target: Earlier, Rutte met Zelensky in Kyiv to discuss military aid.
    """

    code = "MT705"
    name = "roles-swapped"
    category = Category.MISTRANSLATION
    default_severity = Severity.MAJOR
    defaults = {"max-words": 6, "context-max-words": 8, "min-context-gain": 0.03}
    not_for = {"zh": "names are transliterated and the verb-final order differs: no letter-for-letter anchors",
               "ja": "names are transliterated and Japanese is verb-final: no letter-for-letter anchors",
               "ar": "names are transliterated and Arabic often puts the verb first: no letter-for-letter anchors"}

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        src_data = roles_data(pair.source_pack.code)
        tgt_data = roles_data(pair.target_pack.code)
        if src_data is None or tgt_data is None or not pair.target_pack.latin_script:
            return
        n = self.options["max-words"]
        reported: set[tuple[int, int]] = set()
        neighbours: list = []  # (bead, source a, source b, target a, target b): B follows A in the target
        for i, sp in enumerate(pair.sentence_pairs):
            if not sp.source or not sp.target:
                continue
            names = shared_names(pair, sp)
            ordered = sorted(names.items(), key=lambda st: st[0].start)
            for (sa, ta), (sb, tb) in itertools.pairwise(ordered):
                if ta == tb or tb.start >= ta.start:
                    continue  # the same order, or two source names inside one target name
                if (_link(pair.source, sa, sb, src_data, n) and _link(pair.target, tb, ta, tgt_data, n)
                        and _order_kept(pair.source[sa.end:sb.start], pair.target[tb.end:ta.start], src_data,
                                        tgt_data)):
                    reported.add((tb.start, ta.end))
                    yield self._finding(pair, sa, sb, Span(tb.start, ta.end),
                                        f"in the source {pair.source[sa.start:sa.end]} comes first "
                                        f"('{pair.source[sa.start:sb.end]}')")
            by_target = sorted({t: s for s, t in names.items()}.items(), key=lambda ts: ts[0].start)
            for (ta, sa), (tb, sb) in itertools.pairwise(by_target):
                if sa != sb and _may_swap(pair, sa, sb, ta, tb, src_data, tgt_data, self.options["context-max-words"]):
                    neighbours.append((i, sa, sb, ta, tb))
        if pair.encoder is None or not neighbours:
            return
        from mtcheck.neural.roles import RoleCandidate, role_contrasts

        key = f"neural.roles.{self.options['context-max-words']}"
        contrasts = pair.analysis(key, lambda p: role_contrasts(p, [RoleCandidate(*c) for c in neighbours]))
        for rc in contrasts:
            c = rc.candidate
            if rc.gain > self.options["min-context-gain"] and (c.target_a.start, c.target_b.end) not in reported:
                first, second = sorted((c.source_a, c.source_b), key=lambda s: s.start)
                yield self._finding(pair, first, second, Span(c.target_a.start, c.target_b.end),
                                    f"each name stands where the source has the other (context gain {rc.gain:.3f})",
                                    gain=rc.gain)

    def _finding(self, pair: ArticlePair, first: Span, second: Span, target: Span, why: str,
                 gain: float | None = None) -> Finding:
        """first, second: the two names in the source's order; target: both names in the translation."""
        a, b = pair.source[first.start:first.end], pair.source[second.start:second.end]
        evidence = (f"source order: {a} ... {b}", f"target: {pair.target[target.start:target.end]}")
        if gain is not None:
            evidence += (f"context gain {gain:.3f} when the two are exchanged (min-context-gain "
                         f"{self.options['min-context-gain']}; model {pair.encoder.name})",)
        return self.finding(f"'{a}' and '{b}' seem to have swapped roles: {why}", source=Span(first.start, second.end),
                            target=target, confidence=0.5 if gain is None else 0.4, evidence=evidence)


def shared_names(pair: ArticlePair, sp) -> dict[Span, Span]:
    """Names kept letter for letter in a sentence pair, source span -> target span. A capitalised word as
    often on both sides is an anchor, its k-th occurrences paired (the family name of Presiden Joko Widodo);
    anchors next to each other in one name on both sides are one name. A name is its whole run of
    capitalised words (Presiden Joko Widodo), unless the other side splits the run: "juru bicara Kremlin
    Dmitry Peskov" rendered "Kremlin spokesman Dmitry Peskov" holds two names, Kremlin and Dmitry Peskov,
    not one, or a swap of the two ("Dmitry Peskov spokesman Kremlin") would go unseen."""
    s_words = _anchors(pair.source, sp.source[0].start, sp.source[-1].end)
    t_words = _anchors(pair.target, sp.target[0].start, sp.target[-1].end)
    # (start, end) pairs, compared, counted and sorted as Spans are (by start, then end)
    links: list[tuple[tuple[int, int], tuple[int, int], tuple[int, int], tuple[int, int]]] = []
    for w, spans in s_words.items():
        if len(t_words.get(w, ())) == len(spans):
            links += _paired(pair, spans, t_words[w])
    groups: list[list[tuple[tuple[int, int], tuple[int, int], tuple[int, int], tuple[int, int]]]] = []
    for link in sorted(links, key=lambda lk: lk[0][0]):
        last = groups[-1][-1] if groups else None
        if last and last[1] == link[1] and last[3] == link[3] and last[2][1] <= link[2][0]:
            groups[-1].append(link)  # the next word of the same name on both sides
        else:
            groups.append([link])
    in_source_run = Counter(g[0][1] for g in groups)  # names per run of capitalised words
    in_target_run = Counter(g[0][3] for g in groups)
    names: dict[Span, Span] = {}
    for g in groups:
        source_run, target_run = g[0][1], g[0][3]
        source = source_run if in_source_run[source_run] == 1 else (g[0][0][0], g[-1][0][1])
        target = target_run if in_target_run[target_run] == 1 else (g[0][2][0], g[-1][2][1])
        names[Span(*source)] = Span(*target)
    return names


def _paired(pair: ArticlePair, source: list, target: list) -> list:
    """A word's k occurrences on each side, paired. In order, unless pairing first those whose whole runs of
    capitalised words read the same pairs more such runs: "Sarah Palin mengutip PTSD Track Palin" rendered
    "Track Palin cites Sarah Palin's PTSD" pairs each Palin with its own first name, not the k-th with the
    k-th (which splits both names and hides the swap); a run the other side renders otherwise (Red Tide as
    Red Tide Update in a headline) leaves the order as it was."""
    def same(s: tuple, t: tuple) -> bool:
        return pair.source[s[1][0]:s[1][1]] == pair.target[t[1][0]:t[1][1]]

    in_order = list(zip(source, target))
    left, by_run, rest = list(target), [], []
    for s in source:
        t = next((t for t in left if same(s, t)), None)
        if t is None:
            rest.append(s)
        else:
            left.remove(t)
            by_run.append((s, t))
    by_run += list(zip(rest, left))
    if sum(same(s, t) for s, t in by_run) > sum(same(s, t) for s, t in in_order):
        in_order = sorted(by_run)
    return [(sw, sr, tw, tr) for (sw, sr), (tw, tr) in in_order]
