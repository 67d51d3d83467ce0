"""MT501-MT503: source content the translation dropped, and target content with no source."""

from __future__ import annotations

import math
import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from mtcheck.model import Category, Finding, Severity, Span
from mtcheck.rules.base import Rule
from mtcheck.text.align import VARIANCE_PER_CHAR
from mtcheck.text.article import ArticlePair, SentencePair, in_segments
from mtcheck.text.coverage import coverage, lexicon, source_terms, source_word_spans, target_tokens
from mtcheck.text.fold import fold
from mtcheck.text.number_match import match_dates, match_quantities
from mtcheck.text.segment import Segment, clause_spans
from mtcheck.text.source_names import name_words

# Clause boundaries inside a sentence: commas, semicolons, colons, dashes and brackets.
_CLAUSE_BREAK = re.compile(r"[,;:]\s+|\s+[-–—]\s+|\s*[()]\s*")
_CAPITALISED = re.compile(r"(?=[A-Z])(?<![\w'’-])[A-Z][\w'’-]+")
ANCHOR_PREFIX = 5
LEXICAL_MARGIN = 0.3


def _absorbed(pair: ArticlePair, index: int, extra: int, on_source: bool) -> bool:
    """Would a neighbouring 1-1 sentence pair fit the length ratio better with this unpaired sentence added
    to it? Then the sentence was merged or split by the translator (common in informal text), not dropped
    or added: the aligner simply preferred a skip to a 2-1 or 1-2 bead."""
    pairs = pair.sentence_pairs
    r = pair.norms.ratio
    for j in (index - 1, index + 1):
        if not 0 <= j < len(pairs) or pairs[j].paragraph_bead != pairs[index].paragraph_bead:
            continue
        sp = pairs[j]
        if not sp.source or not sp.target:
            continue
        ls = sum(s.length for s in sp.source)
        lt = sum(t.length for t in sp.target)
        if on_source and abs(lt - r * (ls + extra)) < abs(lt - r * ls):
            return True
        if not on_source and abs(lt + extra - r * ls) < abs(lt - r * ls):
            return True
    return False


_WORD = re.compile(r"\w+")


def _evidence(pair: ArticlePair, source: str, target: str) -> int:
    """How many words of the source sentence reappear in the target sentence: numbers as written, and
    words of 5+ letters that look alike once accents are folded and the Indonesian k read as c (names,
    and the many loanwords: teknologi/technology, satelit/satellite, piramida/pyramide). A bilingual
    signal that needs no dictionary; Latin-script targets only (elsewhere numbers alone)."""
    src = [w.replace("k", "c") for w in _WORD.findall(_fold(source)) if len(w) >= 5 or w.isdigit()]
    tgt = _WORD.findall(_fold(target))
    digits = {w for w in tgt if w.isdigit()}
    words = [w.replace("k", "c") for w in tgt if len(w) >= 5] if pair.target_pack.latin_script else []
    found = 0
    for w in src:
        if w.isdigit():
            found += w in digits
        elif words and process.extractOne(w, words, scorer=fuzz.ratio, score_cutoff=75) is not None:
            found += 1
    return found


def _better_skip(pair: ArticlePair, index: int) -> tuple[Segment, ...]:
    """The source sentence to report for an unpaired one: the aligner's choice, or a neighbour in a 1-1
    bead whose target shares more words (numbers, names, loanwords) with the unpaired sentence than with its
    own source. Between two sentences of similar length and no anchors, the aligner skips the later one
    by its tie-break, which was wrong about half the time."""
    pairs = pair.sentence_pairs
    unpaired = pairs[index]
    best, margin = unpaired.source, 0
    for j in (index - 1, index + 1):
        if not 0 <= j < len(pairs) or pairs[j].paragraph_bead != unpaired.paragraph_bead:
            continue
        sp = pairs[j]
        # A 2-1 neighbour too: a row of two sentences dropped costs the aligner two skips, more than pairing
        # both with the next sentence's translation and skipping that one instead.
        if len(sp.source) not in (1, 2) or len(sp.target) != 1:
            continue
        target = sp.target[0].text
        own = " ".join(s.text for s in sp.source)
        gain = _evidence(pair, unpaired.source[0].text, target) - _evidence(pair, own, target)
        if gain == 0:  # no numbers, names or loanwords tell: the lexicon's translations may
            gain = _lexical_gain(pair, unpaired.source[0].text, own, target)
        if gain > margin:
            best, margin = sp.source, gain
    return best


def _lexical_gain(pair: ArticlePair, unpaired: str, paired: str, target: str) -> int:
    """1 where the lexicon says the target translates the unpaired sentence far better than its own source
    (a share of covered content words higher by `LEXICAL_MARGIN`, three known words on each side), else 0."""
    lex = lexicon(pair.target_pack.code, pair.source_pack.code)
    if not lex:
        return 0
    tokens = target_tokens(target)
    a = coverage(source_terms(unpaired), tokens, lex)
    b = coverage(source_terms(paired), tokens, lex)
    if min(a.known, b.known) < 3:
        return 0
    return int(a.share - b.share >= LEXICAL_MARGIN)


def _bead_words(pair: ArticlePair, segments: tuple[Segment, ...], source: bool) -> int:
    pack = pair.source_pack if source else pair.target_pack
    return sum(pack.count_words(s.text) for s in segments)


class OmittedSentence(Rule):
    """A source sentence or paragraph with no counterpart in the translation.

    ## What it does
    Reads the sentence alignment (length- and anchor-based, paragraph by paragraph): a source sentence
    aligned to nothing is reported, and a source paragraph aligned to nothing is reported once, as
    critical. Sentences under `min-words` words (datelines, bylines) are left alone. Which of two neighbours
    is the unpaired one, length alone often cannot tell: the one whose numbers, names and loanwords the
    target shares is paired. Two source sentences aligned to one target sentence too short for both are
    reported too (see `_merged_away`: major where it fits one alone, minor where it is only short).

    ## Why is this bad?
    MT systems skip sentences, most often a short one between two long ones or a quote; the reader cannot
    know anything is missing.

    ## Example
    Source: Rutte tiba di Kyiv pada Kamis. Ia bertemu Presiden Zelensky di istana kepresidenan untuk membahas bantuan militer. Keduanya kemudian menggelar konferensi pers bersama.
    Target: Rutte arrived in Kyiv on Thursday. The two then held a joint press conference.

    Use instead:
    Target: Rutte arrived in Kyiv on Thursday. He met President Zelensky at the presidential palace to discuss military aid. The two then held a joint press conference.
    """

    code = "MT501"
    name = "omitted-sentence"
    category = Category.OMISSION
    default_severity = Severity.MAJOR
    defaults = {"min-words": 4, "min-shortfall": 1.5, "min-merge-shortfall": 1.0}
    suppresses = ("MT205", "MT401", "MT403")

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        beads = pair.paragraph_beads
        for bead in beads:
            if bead.source and not bead.target:
                words = _bead_words(pair, bead.source, True)
                if words >= self.options["min-words"]:
                    yield self.finding(f"paragraph of {words} words has no counterpart in the translation",
                                       source=bead.source, severity=Severity.CRITICAL, confidence=0.8)
        for i, sp in enumerate(pair.sentence_pairs):
            if not beads[sp.paragraph_bead].target:
                continue
            if not sp.target:
                words = _bead_words(pair, sp.source, True)
                if words >= self.options["min-words"] and not _absorbed(pair, i, sp.source[0].length, True):
                    skipped = _better_skip(pair, i)
                    words = _bead_words(pair, skipped, True)
                    what = "sentence" if len(skipped) == 1 else f"{len(skipped)} sentences"
                    yield self.finding(f"{what} of {words} words has no counterpart in the translation",
                                       source=skipped, confidence=0.75)
            elif len(sp.source) > 1:
                yield from self._merged_away(pair, sp)

    def _merged_away(self, pair: ArticlePair, sp: SentencePair) -> Iterator[Finding]:
        """Two source sentences aligned to one target sentence that is too short for both. Where its length
        fits one of them alone, the aligner merged a dropped sentence into its neighbour's bead (a skip
        costs more than a bad merge): major, on the sentence whose numbers, names and loanwords the target
        shares least, or on both where they tell nothing. Shorter than both by `min-merge-shortfall` only:
        a sentence merged into its neighbour with part of it lost ("A. B C." -> "A, and C."), minor."""
        r = pair.norms.ratio
        ls = sum(s.length for s in sp.source)
        lt = sum(t.length for t in sp.target)
        # Gale & Church's length statistic: how many standard deviations short the target is.
        z = (lt / r - ls) / math.sqrt(ls * VARIANCE_PER_CHAR)
        major = yield from self._sentence_merged_away(pair, sp, z)
        if major or len(sp.source) != 2 or len(sp.target) != 1:
            return
        if (lt / r - ls) / math.sqrt(ls * _minor_variance(pair)) <= -self.options["min-merge-shortfall"]:
            yield self.finding(
                f"two sentences rendered as one of {lt} characters where about {round(r * ls)} are expected: "
                "part of them may be missing", source=sp.source, target=sp.target, confidence=0.35,
                severity=Severity.MINOR)

    def _sentence_merged_away(self, pair: ArticlePair, sp: SentencePair, z: float) -> Generator[Finding, None, bool]:
        if z > -self.options["min-shortfall"]:
            return False
        r = pair.norms.ratio
        ls = sum(s.length for s in sp.source)
        lt = sum(t.length for t in sp.target)
        tt = " ".join(t.text for t in sp.target)
        target_text = tt.lower()
        shared = {id(s): _evidence(pair, s.text, tt) / max(_evidence(pair, s.text, s.text), 1) for s in sp.source}
        best = min(sp.source, key=lambda s: (shared[id(s)], abs(lt - r * (ls - s.length))))
        if abs(lt - r * (ls - best.length)) > abs(lt - r * ls):
            return False
        if pair.source_pack.count_words(best.text) < self.options["min-words"]:
            return False
        kept = name_words(pair)
        names = [m.group() for m in _CAPITALISED.finditer(best.text) if pair.target_pack.latin_script
                 and m.start() > 0 and kept.is_name(m.group())]
        if any(n.lower()[:ANCHOR_PREFIX] in target_text for n in names):
            return False  # its names are in the target: the sentence was condensed, not dropped
        expected = (f"its paragraph's translation has {lt} characters where about {round(r * ls)} are expected, "
                    f"and about {round(r * (ls - best.length))} without this sentence")
        if len(set(shared.values())) == 1:  # length picks one, but nothing the two share with the target does
            yield self.finding(f"one of these {len(sp.source)} sentences seems missing: {expected}",
                               source=sp.source, confidence=0.5)
        else:
            yield self.finding(f"sentence of {pair.source_pack.count_words(best.text)} words seems missing: "
                               f"{expected}", source=best, confidence=0.55)
        return True


@dataclass(frozen=True)
class _Clause:
    """A source clause and the names and numbers that should reappear in the target."""
    span: Span
    text: str
    anchors: tuple[str, ...]  # what should reappear in the target: names and numbers, as written


class OmittedClause(Rule):
    """Part of a source sentence (a clause or a whole sentence merged with its neighbour) left out.

    ## What it does
    Splits each aligned source sentence at commas, semicolons, dashes and brackets. A clause is reported
    when it carries at least `min-anchors` names, numbers or dates, none of which appears in the aligned
    target paragraph, and the target sentence is closer in length to the source without the clause than to
    the whole source sentence (by the language pair's length ratio). A name is a capitalised word that
    `source_names` judges one: word frequencies, the places and public-figures lists, no Indonesian word
    and never in lower case in the article, or written as such in the translation (Indonesian names).
    Clauses without anchors get a minor finding only when the whole target sentence is far too short
    (`min-shortfall` standard deviations and under `max-ratio` of the expected length): length alone cannot
    tell a dropped clause from a concise translation.

    ## Why is this bad?
    Dropped attributions ("melansir Reuters 3 Oktober"), dates and figures go unnoticed by readers and
    by surface metrics, yet change what the article claims and on whose authority.

    ## Example
    Source: Rutte menegaskan dukungan aliansi untuk Kyiv, melansir Reuters 3 Oktober.
    Target: Rutte stressed the alliance's support for Kyiv.

    Use instead:
    Target: Rutte stressed the alliance's support for Kyiv, Reuters reported on October 3.
    """

    code = "MT502"
    name = "omitted-clause"
    category = Category.OMISSION
    default_severity = Severity.MAJOR
    # min-shortfall: standard deviations (Gale & Church's length statistic) a sentence must be short by;
    # max-ratio: and at most this share of its expected length, for a clause with nothing to anchor it.
    # min-uncovered: consecutive content words with no translation in the target sentence (the lexicon's
    # test, for clauses without anchors), the rest of the sentence covered at least `min-covered`, and the
    # target short by `min-lexical-shortfall` standard deviations.
    defaults = {"min-anchors": 1, "min-words": 3, "min-shortfall": 1.5, "max-ratio": 0.8,
                "min-uncovered": 3, "min-covered": 0.6, "min-lexical-shortfall": 1.25}
    suppresses = ("MT205", "MT401", "MT403")

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        if not pair.sentence_pairs:
            return
        qm = match_quantities(pair)
        found_src = {id(s) for s, _ in qm.matched}
        dates_found = {id(m.source) for m in match_dates(pair) if m.outcome in ("same", "reversed")}
        beads = pair.paragraph_beads
        folded: dict[int, str] = {}
        for sp in pair.sentence_pairs:
            if not sp.source or not sp.target:
                continue
            if sp.paragraph_bead not in folded:  # once per paragraph, not once per sentence
                folded[sp.paragraph_bead] = _fold(" ".join(t.text for t in beads[sp.paragraph_bead].target))
            target_text = folded[sp.paragraph_bead]
            reported = False
            for clause in self._clauses(pair, sp, found_src, dates_found):
                if any(_in_target(a, target_text) for a in clause.anchors):
                    continue
                if not self._length_fits(pair, sp, clause):
                    continue
                reported = True
                yield self.finding(
                    f"not in the translation: '{clause.text}' (its {', '.join(clause.anchors)} "
                    "appear nowhere in the aligned target paragraph, and the target sentence is short by "
                    "about that much)", source=clause.span, confidence=0.6)
            if not reported and len(sp.source) == 1:  # a 2-1 bead's lost sentence is MT501's
                found = self._uncovered(pair, sp)
                if found is not None:
                    reported = True
                    yield found
            if not reported and len(sp.source) == 1:
                yield from self._short(pair, sp)

    def _uncovered(self, pair: ArticlePair, sp: SentencePair) -> Finding | None:
        """The longest run of consecutive source content words that the lexicon knows and none of which has
        a translation in the target sentence, where the rest of the sentence is translated and the target
        is short by about that run: the words a dropped clause or a half-lost merged sentence leaves."""
        lex = lexicon(pair.target_pack.code, pair.source_pack.code)
        if not lex:
            return None
        tokens = target_tokens(" ".join(t.text for t in sp.target))
        known: list[tuple[int, int, bool]] = []
        for seg in sp.source:
            for a, b, w in source_word_spans(pair.source, seg.start, seg.end):
                own = _fold(pair.source[a:b])[:ANCHOR_PREFIX] in tokens  # names, loanwords written as in the source
                entry = lex.get(w)
                if entry is not None or own:
                    known.append((a, b, own or not entry.isdisjoint(tokens)))
        best: tuple[int, int] | None = None
        i = 0
        while i < len(known):
            j = i
            while j < len(known) and not known[j][2]:
                j += 1
            if j - i > (best[1] - best[0] if best else 0):
                best = (i, j)
            i = j + 1
        if best is None or best[1] - best[0] < self.options["min-uncovered"]:
            return None
        rest = known[:best[0]] + known[best[1]:]
        if len(rest) < 2 or sum(k[2] for k in rest) < self.options["min-covered"] * len(rest):
            return None  # the lexicon does not cover this sentence: its silence proves nothing
        start, end = known[best[0]][0], known[best[1] - 1][1]
        ls = sum(s.length for s in sp.source)
        lt = sum(t.length for t in sp.target)
        r = pair.norms.ratio
        z = (lt / r - ls) / math.sqrt(ls * _minor_variance(pair))
        if z > -self.options["min-lexical-shortfall"] or abs(lt - r * (ls - end + start)) >= abs(lt - r * ls):
            return None
        return self.finding(
            f"no translation of '{pair.source[start:end]}' in the target sentence, which is "
            f"{lt} characters where about {round(r * ls)} are expected: part of it may be missing",
            source=Span(start, end), target=sp.target, confidence=0.4, severity=Severity.MINOR)

    def _short(self, pair: ArticlePair, sp: SentencePair) -> Iterator[Finding]:
        """No clause to blame, but the target sentence is far shorter than its source predicts."""
        ls = sp.source[0].length
        lt = sum(t.length for t in sp.target)
        expected = pair.norms.ratio * ls
        z = (lt - expected) / pair.norms.ratio / math.sqrt(ls * _minor_variance(pair))  # in source characters
        if z > -self.options["min-shortfall"] or lt > self.options["max-ratio"] * expected:
            return
        yield self.finding(
            f"translation of this sentence has {lt} characters where about {round(expected)} are expected: "
            "part of it may be missing", source=sp.source[0], target=sp.target, confidence=0.4,
            severity=Severity.MINOR)

    def _clauses(self, pair: ArticlePair, sp: SentencePair, found_src: set[int],
                 dates_found: set[int]) -> Iterator[_Clause]:
        for seg in sp.source:
            pieces = _split(seg) if len(sp.source) == 1 else [(seg.start, seg.end)]
            if len(pieces) < 2 and len(sp.source) == 1:
                continue  # a whole 1-1 sentence is never "omitted" from its own counterpart
            for start, end in pieces:
                text = pair.source[start:end]
                if pair.source_pack.count_words(text) < self.options["min-words"]:
                    continue
                anchors = self._anchors(pair, start, end, found_src, dates_found)
                # A whole sentence of a 2-1 bead is MT501's to judge by length; here it needs two anchors
                # (with one, the two rules reported the same sentence twice).
                least = self.options["min-anchors"] + (len(sp.source) > 1)
                if len(anchors) >= least:
                    yield _Clause(Span(start, end), text, anchors)

    def _anchors(self, pair: ArticlePair, start: int, end: int, found_src: set[int],
                 dates_found: set[int]) -> tuple[str, ...]:
        """Names, numbers and dates in the clause; None if any of its numbers or dates is in the target."""
        segs = (Segment(start, end, "", 0, 0),)
        anchors: list[str] = []
        covered: list[Span] = []
        # A date or number in words (Sabtu, tiga) can be looked for as text only in a Latin-script target.
        for d in in_segments(pair.source_dates, segs):
            if id(d) in dates_found:
                return ()
            covered.append(d.span)
            if pair.target_pack.latin_script or any(c.isdigit() for c in d.text):
                anchors.append(d.text)
        for q in in_segments(pair.source_quantities, segs):
            if id(q) in found_src:
                return ()
            if q.strict:
                covered.append(q.span)
                if pair.target_pack.latin_script or any(c.isdigit() for c in q.text):
                    anchors.append(q.text)
        names = name_words(pair)  # names by word frequencies, the data and the article's own evidence
        for m in _CAPITALISED.finditer(pair.source, start, end) if pair.target_pack.latin_script else ():
            if m.start() == start or any(s.start <= m.start() < s.end for s in covered):
                continue  # clause-initial capitals are not names; date words are already counted
            if len(m.group()) < 3:
                continue  # two-letter acronyms are translated more often than not: TV (télé), AS (US), UE
            if names.is_name(m.group()):
                anchors.append(m.group())  # translated words (Keamanan, Terbaik) prove nothing
        return tuple(anchors)

    def _length_fits(self, pair: ArticlePair, sp: SentencePair, clause: _Clause) -> bool:
        ls = sum(s.length for s in sp.source)
        lt = sum(t.length for t in sp.target)
        r = pair.norms.ratio
        return abs(lt - r * (ls - clause.span.end + clause.span.start)) < abs(lt - r * ls)


def _minor_variance(pair: ArticlePair) -> float:
    """The length variance of the tests that judge by length alone: Gale & Church's, scaled by the language
    pair's measured spread (id-zh sentence lengths vary 4.9 times as much as id-en's)."""
    return VARIANCE_PER_CHAR * math.sqrt(pair.norms.spread)


def _in_target(anchor: str, target_text: str) -> bool:
    """Is a clause's anchor in the (folded: `_fold`) target paragraph? A name by its first letters; a number by
    its leading digits, even where the number matcher paired it elsewhere: "802.11a, b et g" renders the
    source's "802.11a, 802.11b dan 802.11g" in full."""
    if anchor[0].isdigit():
        # Its leading number as a whole number: "100 persen" is "100%" or "100 パーセント", "4 sen" "4セント"
        # (full-width digits fold to ASCII).
        lead = re.match(r"\d+", _fold(anchor))
        return lead is not None and re.search(rf"(?<!\d){lead.group()}(?!\d)", target_text) is not None
    prefix = _fold(anchor)[:ANCHOR_PREFIX]
    # Indonesian spells the c of Latin cognates k (Episkopal/épiscopal, Kolonel/Colonel, Katolik/Catholic).
    return prefix in target_text or prefix.replace("k", "c") in target_text


def _fold(text: str) -> str:
    """Lower case without accents, with one apostrophe (text/fold.py): Taiwan is Taïwan, L’Oreal is L'Oréal."""
    return fold(text)


def _split(seg: Segment) -> list[tuple[int, int]]:
    return [(seg.start + a, seg.start + b) for a, b in clause_spans(seg.text, 0, len(seg.text), _CLAUSE_BREAK)]


class AddedSentence(Rule):
    """A target sentence or paragraph with no counterpart in the source.

    ## What it does
    Reads the sentence alignment: a target sentence aligned to nothing is reported (major from `min-words`
    words, minor below), and a target paragraph aligned to nothing is reported once. The site's standard
    disclaimer is boilerplate (see `boilerplate` in the configuration) and never counts.

    ## Why is this bad?
    MT systems add explanations, repeat sentences, or hallucinate conclusions that the newsroom never wrote.

    ## Example
    Source: Rutte tiba di Kyiv pada Kamis. Keduanya kemudian menggelar konferensi pers bersama.
    Target: Rutte arrived in Kyiv on Thursday. The visit is widely seen as a turning point for the war in Europe and for the alliance. The two then held a joint press conference.

    Use instead:
    Target: Rutte arrived in Kyiv on Thursday. The two then held a joint press conference.
    """

    code = "MT503"
    name = "added-sentence"
    category = Category.ADDITION
    default_severity = Severity.MAJOR
    defaults = {"min-words": 5}

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        beads = pair.paragraph_beads
        for bead in beads:
            if bead.target and not bead.source:
                words = _bead_words(pair, bead.target, False)
                yield self.finding(f"paragraph of {words} words has no counterpart in the source",
                                   target=bead.target, confidence=0.75,
                                   severity=None if words >= self.options["min-words"] else Severity.MINOR)
        for i, sp in enumerate(pair.sentence_pairs):
            if sp.source or not beads[sp.paragraph_bead].source or _absorbed(pair, i, sp.target[0].length, False):
                continue
            words = _bead_words(pair, sp.target, False)
            yield self.finding(f"sentence of {words} words has no counterpart in the source",
                               target=sp.target, confidence=0.7,
                               severity=None if words >= self.options["min-words"] else Severity.MINOR)
