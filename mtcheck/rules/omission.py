"""MT501-MT503: source content the translation dropped, and target content with no source."""

from __future__ import annotations

import math
import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from mtcheck.model import Category, Finding, Severity, Span, quick_init
from mtcheck.rules.base import Rule, to_span
from mtcheck.text.align import VARIANCE_PER_CHAR
from mtcheck.text.article import ArticlePair, SentencePair, in_segments
from mtcheck.text.coverage import coverage, lexicon, source_spans, source_terms, target_tokens
from mtcheck.text.dates import Date
from mtcheck.text.fold import fold
from mtcheck.text.number_match import match_dates, match_quantities
from mtcheck.text.quantities import Quantity
from mtcheck.text.segment import Segment, clause_spans
from mtcheck.text.source_names import name_words

# Clause boundaries inside a sentence: commas, semicolons, colons, dashes and brackets.
_CLAUSE_BREAK = re.compile(r"[,;:]\s+|\s+[-–—]\s+|\s*[()]\s*")
_CAPITALISED = re.compile(r"(?=[A-Z])(?<![\w'’-])[A-Z][\w'’-]+")
ANCHOR_PREFIX = 5
LEXICAL_MARGIN = 0.3
# What a known word with no translation in the target sentence costs a pairing, against 1 for a covered one
# (`_relocated`): a wrong pairing leaves most known words uncovered, a right one only some.
UNCOVERED_COST = 0.5


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


def _better_skip(pair: ArticlePair, index: int) -> tuple[tuple[Segment, ...], Span | None]:
    """The source sentence to report for an unpaired one, and the point in the target where its translation
    belongs: the aligner's choice, or a neighbour in a 1-1
    bead whose target shares more words (numbers, names, loanwords) with the unpaired sentence than with its
    own source. Between two sentences of similar length and no anchors, the aligner skips the later one
    by its tie-break, which was wrong about half the time. The neighbour's target then translates the
    unpaired sentence, so the neighbour's own translation is missing before it (the neighbour before) or
    after it (the one after)."""
    pairs = pair.sentence_pairs
    unpaired = pairs[index]
    best, margin, point = unpaired.source, 0, pair.point_after(index)
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
            at = sp.target[0].start if j < index else sp.target[-1].end
            best, margin, point = sp.source, gain, Span(at, at)
    return best, point


def _relocated(pair: ArticlePair, min_gain: float) -> dict[int, tuple[tuple[Segment, ...], float, Span]]:
    """Paragraph beads with one or two source sentences more than target sentences, aligned 1-1 but for the
    skips and 2-1 beads that make up the difference, where leaving out other sentences (one, or two in a row)
    pairs the rest far better: paragraph bead -> those sentences, and by how much. Without names or numbers
    the aligner puts the skip (or a 2-1 merge, which costs it less) wherever the lengths allow, and the
    sentences between it and the true gap are paired with their neighbours' translations (half the dropped
    sentences missed in zh and ja; a corpus row of two sentences dropped leaves two such beads). Each choice
    of the missing sentence d pairs S[i] with T[i] before d and with T[i - 1] after it; its score is what
    those pairs share (content words the lexicon finds translated, numbers): two lists of n scores, so linear
    in the sentences. Two missing sentences d, d + 1 pair S[i] with T[i - 2] after them: a third list.
    The third item is the point in the target where they belong: right after T[d - 1] (before T[0] for d = 0)."""
    lex = lexicon(pair.target_pack.code, pair.source_pack.code)
    if not lex:
        return {}
    out: dict[int, tuple[tuple[Segment, ...], float, Span]] = {}
    for group in pair.sentence_pairs_by_bead:
        src = [s for sp in group for s in sp.source]
        tgt = [t for sp in group for t in sp.target]
        kinds = [sp.kind for sp in group]
        odd = [i for i, k in enumerate(kinds) if k != "1-1"]
        missing = len(src) - len(tgt)
        if missing not in (1, 2) or len(src) < 2 + missing or len(odd) != missing or \
                any(kinds[i] not in ("1-0", "2-1") for i in odd):
            continue
        # The aligner's choices: each odd bead leaves out its one sentence (1-0) or either of its two (2-1).
        options: list[list[int]] = []
        for i in odd:
            first = sum(len(sp.source) for sp in group[:i])
            options.append([first] if kinds[i] == "1-0" else [first, first + 1])
        sides = [(source_terms(s.text), set(_DIGITS.findall(_fold(s.text)))) for s in src]
        targets = [(target_tokens(t.text), set(_DIGITS.findall(_fold(t.text)))) for t in tgt]
        # shifted[k][i]: S[i] paired with T[i - k], what S[i] shares with the target k sentences back.
        shifted = [[_shared(sides[i], targets[i - k], lex) if 0 <= i - k < len(tgt) else 0.0
                    for i in range(len(src))] for k in range(missing + 1)]

        def score(left_out: tuple[int, ...], shifted: list[list[float]] = shifted) -> float:
            return _pairing_score(shifted, left_out)

        if missing == 1:
            chosen = [(c,) for c in options[0]]
            candidates = [(d,) for d in range(len(src))]
        else:
            chosen = [(a, b) for a in options[0] for b in options[1] if a != b]
            candidates = [(d, d + 1) for d in range(len(src) - 1)]
        aligned = max(score(c) for c in chosen)
        first = min(options[0])
        best = max(candidates, key=lambda d: (score(d), -abs(d[0] - first)))
        if best not in chosen and score(best) - aligned >= min_gain:
            at = tgt[best[0] - 1].end if best[0] > 0 else tgt[0].start
            out[group[0].paragraph_bead] = (tuple(src[d] for d in best), score(best) - aligned, Span(at, at))
    return out


def _pairing_score(shifted: list[list[float]], left_out: tuple[int, ...]) -> float:
    """What the sources share with the targets they pair with when `left_out` have none: the sentences before
    the first one left out keep their own index, each after it moves one back per sentence left out."""
    return sum(shifted[sum(d < i for d in left_out)][i] for i in range(len(shifted[0])) if i not in left_out)


_DIGITS = re.compile(r"\d+")


def _article_rate(pair: ArticlePair) -> float:
    """The share of known content words the lexicon finds translated over the article's 1-1 sentence pairs
    (Laplace-smoothed): how well the lexicon knows this article's words."""
    def compute(pair: ArticlePair) -> float:
        lex = lexicon(pair.target_pack.code, pair.source_pack.code)
        known = covered = 0
        for sp in pair.sentence_pairs:
            if len(sp.source) == 1 and len(sp.target) == 1:
                c = coverage(source_terms(sp.source[0].text), target_tokens(sp.target[0].text), lex)
                known += c.known
                covered += c.covered
        return (covered + 1) / (known + 2)

    return pair.analysis("omission.article_rate", compute)


def _at_most(k: int, n: int, p: float) -> float:
    """P(X <= k) for X binomial(n, p)."""
    return sum(math.comb(n, i) * p ** i * (1 - p) ** (n - i) for i in range(k + 1))


def _shared(source: tuple[list[tuple[str, str]], set[str]], target: tuple[set[str], set[str]],
            lex: dict[str, frozenset[str]]) -> float:
    """What a source sentence (its terms and numbers) shares with a target sentence (its tokens and numbers):
    covered known words, less `UNCOVERED_COST` per known word left uncovered, plus shared numbers."""
    c = coverage(source[0], target[0], lex)
    return c.covered - UNCOVERED_COST * (c.known - c.covered) + len(source[1] & target[1])


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


def _agree(count: int, one: str, several: str) -> str:
    """The verb form that agrees with `count` things: "its Selasa appears", "its 3 and 4 appear"."""
    return one if count == 1 else several


def _sentences_and_pronoun(count: int) -> tuple[str, str]:
    """How a message names `count` relocated sentences and refers back to them: ("sentence", "it") or
    ("2 sentences", "them")."""
    return ("sentence", "it") if count == 1 else (f"{count} sentences", "them")


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
    target shares is paired, and where a paragraph's sentences match its translations in order far better
    without one other sentence, or two in a row, those are reported instead (minor where nothing else in the
    paragraph was: `_relocated`). Two source sentences aligned to one target sentence too short for both are
    reported too (see `_merged_away`: major where it fits one alone, minor where it is only short).
    Every finding points into the translation too: a sentence or paragraph with no counterpart at the
    point (an empty span) between the target sentences where its translation belongs, a merged one at the
    target sentence it was merged into.

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
    # min-known-merged, max-share-merged, max-merge-chance, max-lexical-merge-z: the lexical test of a 2-1
    # bead (`_untranslated_in_merge`; max-merge-chance-minor: its minor tier); min-share-gap:
    # `_unevenly_covered`'s. Set on dev articles the tuning lexicon had not seen (docs/quality.md).
    # min-relocation-gain: words (covered by the lexicon, or numbers) by which another choice of the one
    # missing sentence of a paragraph must out-score the aligner's (`_relocated`) for the paragraph's finding to
    # move there; min-relocation-gain-alone: for a minor finding where the paragraph has none.
    defaults = {"min-words": 4, "min-shortfall": 1.5, "min-merge-shortfall": 1.0, "min-known-merged": 4,
                "max-share-merged": 0.25, "max-merge-chance": 0.01, "min-share-gap": 0.3, "max-lexical-merge-z": 1.0,
                "min-relocation-gain": 2, "min-uneven-merge-shortfall": 0.5,
                "min-relocation-gain-alone": 4, "max-merge-chance-minor": 0.1}
    # A sentence reported missing needs no clause finding inside it: MT502's run of untranslated words in a
    # 2-1 bead is the same omission seen closer up. Inside it by source: its target span is only where the
    # sentence belongs (a merged sentence's target also translates its neighbour, whose own findings stay).
    suppresses = ("MT205", "MT401", "MT403", "MT502")
    target_is_context = True

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        beads = pair.paragraph_beads
        for bead in beads:
            if bead.source and not bead.target:
                words = _bead_words(pair, bead.source, True)
                if words >= self.options["min-words"]:
                    # Its target span: the point between the neighbouring paragraphs' translations.
                    yield self.finding(f"paragraph of {words} words has no counterpart in the translation",
                                       source=bead.source, target=pair.target_place(to_span(bead.source)),
                                       severity=Severity.CRITICAL, confidence=0.8)
        moved = _relocated(pair, min(self.options["min-relocation-gain"],
                                     self.options["min-relocation-gain-alone"]))
        reported: set[int] = set()
        found: list[Finding] = []
        sentences = list(self._sentences(pair))
        # A paragraph's findings moved to its missing sentences keep the gravest of them.
        gravest: dict[int, Finding] = {}
        for finding, k in sentences:
            if k in moved and moved[k][1] >= self.options["min-relocation-gain"] and (
                    k not in gravest or finding.severity.rank > gravest[k].severity.rank):
                gravest[k] = finding
        for k, (segs, gain, point) in moved.items():
            words = _bead_words(pair, segs, True)
            if k not in gravest and gain >= self.options["min-relocation-gain-alone"] and \
                    words >= self.options["min-words"]:
                # Nothing reported in the paragraph (its lengths fit), but its sentences match the translations
                # far better without these: minor, the lexicon's word alone.
                what, it = _sentences_and_pronoun(len(segs))
                found.append(self.finding(
                    f"{what} of {words} words may have no counterpart in the translation (the paragraph's other "
                    f"sentences match the translation's in order far better without {it})", source=segs,
                    target=point, severity=Severity.MINOR, confidence=0.4))
        for finding, k in sentences:
            if k not in moved or moved[k][1] < self.options["min-relocation-gain"]:
                found.append(finding)
            elif k not in reported:  # the paragraph's missing sentences, where its translations say they are
                reported.add(k)
                finding = gravest[k]
                segs, _, point = moved[k]
                words = _bead_words(pair, segs, True)
                what, it = _sentences_and_pronoun(len(segs))
                found.append(self.finding(
                    f"{what} of {words} words {_agree(len(segs), 'has', 'have')} no counterpart in the "
                    f"translation (its paragraph's other sentences match the translation's in order without {it})",
                    source=segs, target=point, severity=finding.severity, confidence=finding.confidence))
        # A sentence inside sentences reported already (a dropped row of two: the skip's choice and the 2-1
        # bead's lexical test both find it) is reported once, with the row.
        for f in found:
            if not any(g is not f and g.source_span and f.source_span and g.source_span != f.source_span
                       and g.source_span.start <= f.source_span.start and f.source_span.end <= g.source_span.end
                       for g in found):
                yield f

    def _sentences(self, pair: ArticlePair) -> Iterator[tuple[Finding, int]]:
        """The sentence-level findings, each with its paragraph bead."""
        beads = pair.paragraph_beads
        for i, sp in enumerate(pair.sentence_pairs):
            if not beads[sp.paragraph_bead].target:
                continue
            if not sp.target:
                words = _bead_words(pair, sp.source, True)
                if words >= self.options["min-words"] and not _absorbed(pair, i, sp.source[0].length, True):
                    skipped, point = _better_skip(pair, i)
                    words = _bead_words(pair, skipped, True)
                    what, _ = _sentences_and_pronoun(len(skipped))
                    # Its target span: the point where its translation belongs, between two target sentences.
                    yield self.finding(f"{what} of {words} words {_agree(len(skipped), 'has', 'have')} no "
                                       "counterpart in the translation",
                                       source=skipped, target=point, confidence=0.75), sp.paragraph_bead
            elif len(sp.source) > 1:
                for f in self._merged_away(pair, sp):
                    yield f, sp.paragraph_bead

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
        z_minor = (lt / r - ls) / math.sqrt(ls * _minor_variance(pair))
        found = self._untranslated_in_merge(pair, sp, z_minor)
        if found is not None and found.severity is not Severity.MINOR:
            yield found
            return
        if z_minor <= -self.options["min-merge-shortfall"] or (
                z_minor <= -self.options["min-uneven-merge-shortfall"] and self._unevenly_covered(pair, sp)):
            yield self.finding(
                f"two sentences rendered as one of {lt} characters where about {round(r * ls)} are expected: "
                "part of them may be missing", source=sp.source, target=sp.target, confidence=0.35,
                severity=Severity.MINOR)
        elif found is not None:  # the lexicon's weaker word, where the length says nothing
            yield found

    def _unevenly_covered(self, pair: ArticlePair, sp: SentencePair) -> bool:
        """Does the target translate one sentence of a 2-1 bead much less than the other (a share of known
        content words lower by `min-share-gap`)? What a sentence merged into its neighbour with half of it
        lost leaves: then a shorter shortfall suffices for the minor finding."""
        lex = lexicon(pair.target_pack.code, pair.source_pack.code)
        if not lex:
            return False
        tokens = target_tokens(sp.target[0].text)
        a, b = (coverage(source_terms(s.text), tokens, lex) for s in sp.source)
        low, high = (a, b) if a.share <= b.share else (b, a)
        return (low.known >= self.options["min-known-merged"] and high.known >= 3
                and high.share - low.share >= self.options["min-share-gap"])

    def _untranslated_in_merge(self, pair: ArticlePair, sp: SentencePair, z: float) -> Finding | None:
        """One sentence of a 2-1 bead of which the target translates almost nothing, while it translates the
        other: the aligner merged a dropped sentence into its neighbour's bead. Length alone often misses
        this: in zh and ja a sentence's translation varies so much in length that the target of one
        sentence is often as long as two are expected to be (`z`, which may not exceed
        `max-lexical-merge-z`). Major at a chance of `max-merge-chance`; minor up to `max-merge-chance-minor`,
        which a short sentence reaches with a sparse lexicon (Chinese's finds 1 of 10 known words of a
        sentence translated in full where English's finds 7)."""
        lex = lexicon(pair.target_pack.code, pair.source_pack.code)
        if not lex or z > self.options["max-lexical-merge-z"]:
            return None
        tokens = target_tokens(sp.target[0].text)
        cov = [coverage(source_terms(s.text), tokens, lex) for s in sp.source]
        weaker: Finding | None = None
        for i, s in enumerate(sp.source):
            this, other = cov[i], cov[1 - i]
            if this.known < self.options["min-known-merged"] or other.known < 3:
                continue
            # How likely so few of its words would be found were it translated as well as the other (whose
            # share, Laplace-smoothed, estimates what the lexicon finds in this translation): 1 of 5 known
            # words against 3 of 6 is chance (0.19), 0 of 7 against 12 of 14 is not (0.0001).
            # Nor better than the article's 1-1 pairs are: Arabic's lexicon finds 1 of 11 words of a sentence
            # translated in full, and a neighbour's 3 of 5 would make that look like no translation.
            rate = min((other.covered + 1) / (other.known + 2), _article_rate(pair))
            if this.share > self.options["max-share-merged"]:
                continue
            chance = _at_most(this.covered, this.known, rate)
            message = (f"sentence of {pair.source_pack.count_words(s.text)} words seems missing: the translation "
                       f"it is aligned with renders {this.covered} of its {this.known} known words, and "
                       f"{other.covered} of {other.known} of its neighbour's")
            if chance <= self.options["max-merge-chance"]:
                return self.finding(message, source=s, target=sp.target, confidence=0.5)
            if chance <= self.options["max-merge-chance-minor"] and weaker is None:
                # Less sure (a sparse lexicon, as Chinese's, rarely reaches 0.01 on a short sentence): minor.
                weaker = self.finding(message, source=s, target=sp.target, confidence=0.35,
                                      severity=Severity.MINOR)
        return weaker

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
                               source=sp.source, target=sp.target, confidence=0.5)
        else:
            yield self.finding(f"sentence of {pair.source_pack.count_words(best.text)} words seems missing: "
                               f"{expected}", source=best, target=sp.target, confidence=0.55)
        return True


@quick_init  # (mtcheck/model.py: the fields set into __dict__ directly)
@dataclass(frozen=True)
class _Clause:
    """A source clause and the names and numbers that should reappear in the target."""
    span: Span
    text: str
    anchors: tuple[str, ...]  # what should reappear in the target: names and numbers, as written


class OmittedClause(Rule):
    """Part of a source sentence (a clause or a whole sentence merged with its neighbour) left out.

    ## What it does
    Splits each aligned source sentence at commas, semicolons, dashes and brackets (the sentences of a 2-1
    bead too, where a whole sentence needs one anchor more). A clause is reported
    when it carries at least `min-anchors` names, numbers or dates, none of which appears in the aligned
    target paragraph, and the target sentence is closer in length to the source without the clause than to
    the whole source sentence (by the language pair's length ratio). A name is a capitalised word that
    `source_names` judges one: word frequencies, the places and public-figures lists, no Indonesian word
    and never in lower case in the article, or written as such in the translation (Indonesian names).
    Clauses without anchors get a minor finding only when the whole target sentence is far too short
    (`min-shortfall` standard deviations and under `max-ratio` of the expected length), or when the lexicon
    finds a run of their known words untranslated in a target sentence that translates the rest (in a 1-1
    bead, or a 2-1 bead: a sentence merged into its neighbour with part of it lost): length alone cannot
    tell a dropped clause from a concise translation; so does a clause whose known words the target sentence
    translates far less often than the rest of the sentence's (fewer than chance allows), where the target is
    short by about the clause. A figure (digits) of a sentence that the number
    matcher finds nowhere in the translation, where no other figure took its place and the target is not
    longer than its source predicts by more than `max-missing-number-z` standard deviations, gets a finding on the clause that holds it (as grave as MT401's for the
    figure: major, critical for money), whatever that
    clause's length or anchors (in a 1-1 bead or a 2-1 bead: "lebar 36 mm dan tinggi 24 mm" with the
    second part lost has no clause break before it); so does a date the date matcher finds nowhere (in
    Chinese, Japanese and Arabic the only way to look for "pada bulan Sept." or "hari Selasa"). Every
    finding names the source clause and, as its target span, the aligned target sentence where the clause
    belongs.

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
    # The same test on a 2-1 bead (`-merged`): a longer run, a target short by less (the half of a sentence
    # a merge loses moves the length of two sentences less than a clause moves one's), set on dev articles.
    # max-missing-number-z: how much longer than its source predicts (standard deviations) a target sentence may
    # be for `_figure_missing`: 1.0, not 0.0, since in zh, ja and ar a sentence that lost a clause with its
    # figure is often still longer than predicted (dev; every such figure is one MT401 reports missing anyway).
    # min-known-clause, max-clause-chance, min-clause-shortfall: `_clause_untranslated`'s (round 10, dev seed 1).
    defaults = {"min-anchors": 1, "min-words": 3, "min-shortfall": 1.5, "max-ratio": 0.8,
                "min-uncovered": 3, "min-covered": 0.6, "min-lexical-shortfall": 1.25,
                "min-uncovered-merged": 4, "min-covered-merged": 0.5, "min-lexical-shortfall-merged": 0.5,
                "max-missing-number-z": 1.0, "min-known-clause": 3, "max-clause-chance": 0.05,
                "min-clause-shortfall": 0.5}
    suppresses = ("MT205", "MT401", "MT403")
    # Its target span is the whole aligned target sentence (where the clause's translation belongs), its source
    # span the clause: only a figure or name of the clause itself is the same evidence.
    suppresses_by_source = True

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        if not pair.sentence_pairs:
            return
        qm = match_quantities(pair)
        found_src = {id(s) for s, _ in qm.matched}
        missing = {id(q) for q in qm.missing}
        # Target figures, digits or words, that the matcher paired with nothing: where one is in the sentence,
        # a figure changed (MT401's), none was dropped.
        paired = {id(t) for _, t in qm.matched}
        extra = [q.span for q in pair.target_quantities if id(q) not in paired]
        dates = match_dates(pair)
        dates_found = {id(m.source) for m in dates if m.outcome in ("same", "reversed")}
        dates_missing = {id(m.source) for m in dates if m.outcome == "missing"}
        # Source dates the translation has another day or month for: MT403's, as a changed figure is MT401's.
        dates_changed = [m.source.span for m in dates if m.outcome == "different"]
        beads = pair.paragraph_beads
        folded: dict[int, tuple[str, str]] = {}
        for sp in pair.sentence_pairs:
            if not sp.source or not sp.target:
                continue
            if sp.paragraph_bead not in folded:  # once per paragraph, not once per sentence
                bead = beads[sp.paragraph_bead]
                folded[sp.paragraph_bead] = (_fold(" ".join(t.text for t in bead.target)),
                                             _fold(" ".join(s.text for s in bead.source)))
            target_text, source_text = folded[sp.paragraph_bead]
            sentence_text = _fold(" ".join(t.text for t in sp.target))
            source_sentence = _fold(" ".join(s.text for s in sp.source))
            reported = False
            for clause in self._clauses(pair, sp, found_src, dates_found):
                if any(_kept(a, sentence_text, target_text, source_sentence, source_text) for a in clause.anchors):
                    continue
                if not self._length_fits(pair, sp, clause):
                    continue  # its figures, if any, are `_figure_missing`'s to judge
                if _changed_not_dropped(pair, sp, clause, extra, dates_changed):
                    continue  # MT401's or MT403's: a figure or date changed, not a clause lost
                reported = True
                # A figure the paragraph has, only fewer times than the source's: often written another way
                # the second time ("100 persen yakin" as 絶対に, "absolutely"); so is a name the target
                # sentence has, only fewer times than its source (a repeated name may become "it" or "they"):
                # minor.
                repeated = any((a[0].isdigit() and _in_target(a, target_text)) or _in_target(a, sentence_text)
                               for a in clause.anchors)
                # The target span is the aligned target sentence, where the clause's translation belongs (as
                # the other omission findings point): the reviewer reads the error in the translation.
                yield self.finding(
                    f"not in the translation: '{clause.text}' (its {', '.join(clause.anchors)} "
                    f"{_agree(len(clause.anchors), 'appears', 'appear')} nowhere in the aligned target paragraph, "
                    "and the target sentence is short by about that much)", source=clause.span, target=sp.target,
                    confidence=0.6, severity=Severity.MINOR if repeated else None)
            one_or_merged = len(sp.source) == 1 or (len(sp.source) == 2 and len(sp.target) == 1)
            if not reported and one_or_merged:
                found = self._figure_missing(pair, sp, (missing, dates_missing), (extra, dates_changed),
                                             target_text)
                if found is not None:
                    reported = True
                    yield found
            # A 2-1 bead's whole lost sentence is MT501's; a part of it lost (a sentence merged into its
            # neighbour with half of it gone) leaves a run of uncovered words, as a dropped clause does.
            if not reported and one_or_merged:
                found = self._uncovered(pair, sp)
                if found is not None:
                    reported = True
                    yield found
            # Not where a figure or date of the sentence is missing or changed: this minor finding would
            # suppress MT401's or MT403's on the target sentence.
            if not reported and one_or_merged and not _figures_at_issue(
                    pair, sp, (missing, dates_missing), (extra, dates_changed)):
                found = self._clause_untranslated(pair, sp)
                if found is not None:
                    reported = True
                    yield found
            if not reported and len(sp.source) == 1:
                yield from self._short(pair, sp)

    def _figure_missing(self, pair: ArticlePair, sp: SentencePair, missing: tuple[set[int], set[int]],
                        changed: tuple[list[Span], list[Span]], target_text: str) -> Finding | None:
        """A figure (digits) of the source sentence that the number matcher finds nowhere in the translation,
        in a target sentence with no figure of its own, in digits or words, left unmatched (that would be a
        changed number, MT401's, which this rule's finding would suppress) and no longer than its source
        predicts: on the clause that holds it, as grave as MT401 and MT403 take a figure or date missing (major,
        critical for money; this finding suppresses theirs: the same evidence, seen as the omission it is,
        and on clean text only as often as theirs). Whether or not the clause's length fits: the source
        clause may hold more than was dropped, or be no clause at all ("26 tahun", or "lebar 36 mm dan
        tinggi 24 mm" with no comma before the part lost), and in zh and ja a sentence's length varies too
        much to tell. In a 2-1 bead too, where half of a sentence merged into its neighbour took a figure
        with it. Nor where its digits are in the target paragraph as a whole number the matcher does not read
        ("halaman 109" as "p109"). A date the date matcher finds nowhere in the translation is such a figure
        too, where no date of the sentence was changed (MT403's): in Chinese, Japanese and Arabic a date in
        words ("pada bulan Sept.") can be looked for by the matcher only.
        `missing`: the ids of the source quantities and dates with no counterpart; `changed`: the target
        figures left unpaired and the source dates rendered as another date."""
        numbers, dates = missing
        extra, dates_changed = changed
        lost: list[Quantity | Date] = [
            q for q in in_segments(pair.source_quantities, sp.source)
            if q.strict and id(q) in numbers and (digits := _DIGITS.search(q.text)) is not None
            and not _in_target(digits.group(), target_text)]
        money = [q for q in lost if isinstance(q, Quantity) and q.is_money]
        lost += [d for d in in_segments(pair.source_dates, sp.source) if id(d) in dates and not (
            (digits := _DIGITS.search(d.text)) is not None and _in_target(digits.group(), target_text))]
        lost.sort(key=lambda x: x.span.start)
        if not lost or any(t.start <= e.start < t.end for e in extra for t in sp.target) or \
                any(s.start <= d.start < s.end for d in dates_changed for s in sp.source):
            return None
        ls = sum(s.length for s in sp.source)
        lt = sum(t.length for t in sp.target)
        r = pair.norms.ratio
        if (lt / r - ls) / math.sqrt(ls * _minor_variance(pair)) > self.options["max-missing-number-z"]:
            return None
        seg = next(s for s in sp.source if s.start <= lost[0].span.start < s.end)
        start, end = next(((a, b) for a, b in _split(seg) if a <= lost[0].span.start < b), (seg.start, seg.end))
        figures = [q.text for q in lost if start <= q.span.start < end]
        text = pair.source[start:end]
        return self.finding(
            f"not in the translation: '{text}' (its {', '.join(figures)} "
            f"{_agree(len(figures), 'appears', 'appear')} nowhere in the translation, and its target "
            "sentence has no other figure in the place of one)",
            source=Span(start, end), target=sp.target, confidence=0.6,
            severity=Severity.CRITICAL if any(q in money for q in lost) else None)

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
            for a, b, w in source_spans(pair.source[seg.start:seg.end]):
                a, b = a + seg.start, b + seg.start
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
        merged = len(sp.source) > 1
        suffix = "-merged" if merged else ""
        if best is None or best[1] - best[0] < self.options["min-uncovered" + suffix]:
            return None
        rest = known[:best[0]] + known[best[1]:]
        if len(rest) < 2 or sum(k[2] for k in rest) < self.options["min-covered" + suffix] * len(rest):
            return None  # the lexicon does not cover this sentence: its silence proves nothing
        start, end = known[best[0]][0], known[best[1] - 1][1]
        ls = sum(s.length for s in sp.source)
        lt = sum(t.length for t in sp.target)
        r = pair.norms.ratio
        z = (lt / r - ls) / math.sqrt(ls * _minor_variance(pair))
        if z > -self.options["min-lexical-shortfall" + suffix]:
            return None
        # A clause's run must be about what the target lacks. Not a merge's: its run counts the known words of
        # the lost half only, and two sentences' length varies too much for half of one to decide (on dev,
        # the test lost half of what the run found in merged sentences and spared no clean article).
        if not merged and abs(lt - r * (ls - end + start)) >= abs(lt - r * ls):
            return None
        return self.finding(
            f"no translation of '{pair.source[start:end]}' in the target sentence, which is "
            f"{lt} characters where about {round(r * ls)} are expected: part of it may be missing",
            source=Span(start, end), target=sp.target, confidence=0.4, severity=Severity.MINOR)

    def _clause_untranslated(self, pair: ArticlePair, sp: SentencePair) -> Finding | None:
        """A clause of the source sentence (between commas, semicolons, dashes or brackets) whose known content
        words the target sentence translates far less often than it translates the rest of the sentence's:
        fewer than chance allows (`max-clause-chance`) were the clause translated as well as the rest (its
        share, Laplace-smoothed, and no better than the article's 1-1 pairs: `_article_rate`), the target
        short by `min-clause-shortfall` standard deviations, and its length fitting the loss of the clause.
        A dropped clause with no name, figure or date leaves only this: `_uncovered` wants a run of known
        words with none translated, which a clause with one word the lexicon finds elsewhere in the
        sentence ("yang" clauses of common words) breaks up. In a 1-1 bead or a 2-1 bead (half of a
        sentence merged into its neighbour). Minor: the lexicon's word, on a sentence a reader should check."""
        lex = lexicon(pair.target_pack.code, pair.source_pack.code)
        if not lex:
            return None
        ls = sum(s.length for s in sp.source)
        lt = sum(t.length for t in sp.target)
        r = pair.norms.ratio
        if (lt / r - ls) / math.sqrt(ls * _minor_variance(pair)) > -self.options["min-clause-shortfall"]:
            return None
        tokens = target_tokens(" ".join(t.text for t in sp.target))
        known: list[tuple[int, bool]] = []  # (start, translated) of each known source word of the sentence
        for seg in sp.source:
            for a, _b, w in source_spans(seg.text):
                own = _fold(seg.text[a:_b])[:ANCHOR_PREFIX] in tokens  # names, loanwords written as in the source
                entry = lex.get(w)
                if entry is not None or own:
                    known.append((seg.start + a, own or not entry.isdisjoint(tokens)))
        best: tuple[float, int, int, tuple[int, int, int, int]] | None = None
        for seg in sp.source:
            pieces = _split(seg)
            if len(pieces) < 2:
                continue
            for start, end in pieces:
                if pair.source_pack.count_words(pair.source[start:end]) < self.options["min-words"] or \
                        abs(lt - r * (ls - end + start)) >= abs(lt - r * ls):
                    continue
                inside = [k for a, k in known if start <= a < end]
                rest = [k for a, k in known if not start <= a < end]
                if len(inside) < self.options["min-known-clause"] or len(rest) < 3:
                    continue
                rate = min((sum(rest) + 1) / (len(rest) + 2), _article_rate(pair))
                chance = _at_most(sum(inside), len(inside), rate)
                if chance <= self.options["max-clause-chance"] and (best is None or chance < best[0]):
                    best = (chance, start, end, (sum(inside), len(inside), sum(rest), len(rest)))
        if best is None:
            return None
        _, start, end, (covered, count, rest_covered, rest_count) = best
        return self.finding(
            f"little of '{pair.source[start:end]}' seems translated: the target sentence renders {covered} of its "
            f"{count} known words, and {rest_covered} of {rest_count} of the rest of the sentence; it is {lt} "
            f"characters where about {round(r * ls)} are expected: part of it may be missing",
            source=Span(start, end), target=sp.target, confidence=0.35, severity=Severity.MINOR)

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
        merged = len(sp.source) > 1
        for seg in sp.source:
            pieces = _split(seg)
            if len(pieces) < 2 and not merged:
                continue  # a whole 1-1 sentence is never "omitted" from its own counterpart
            if merged:
                # A whole sentence of a 2-1 bead is MT501's to judge by length; here it needs two anchors
                # (with one, the two rules reported the same sentence twice). Its clauses need what a 1-1
                # sentence's need: half of a sentence merged into its neighbour may take a clause's names.
                whole = self._clause(pair, seg.start, seg.end, found_src, dates_found,
                                     self.options["min-anchors"] + 1)
                if whole is not None:
                    yield whole
                    continue
                if len(pieces) < 2:
                    continue
            for start, end in pieces:
                clause = self._clause(pair, start, end, found_src, dates_found, self.options["min-anchors"])
                if clause is not None:
                    yield clause

    def _clause(self, pair: ArticlePair, start: int, end: int, found_src: set[int], dates_found: set[int],
                least: int) -> _Clause | None:
        """The source text [start, end) as a clause to look for, where it has `least` anchors (none of them
        found in the translation) and enough words."""
        text = pair.source[start:end]
        if pair.source_pack.count_words(text) < self.options["min-words"]:
            return None
        anchors = self._anchors(pair, start, end, found_src, dates_found)
        return _Clause(Span(start, end), text, anchors) if len(anchors) >= least else None

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


def _changed_not_dropped(pair: ArticlePair, sp: SentencePair, clause: _Clause, extra: list[Span],
                         dates_changed: list[Span]) -> bool:
    """Is the clause's only evidence a figure or date that the translation has changed rather than dropped:
    every anchor a number or date of the clause, and the target sentence holds a figure the matcher paired
    with nothing, or the clause's date is rendered as another ("Pada tahun 2016" -> "In 2816", "Pada hari
    Sabtu" -> "On Thursday")? Then MT401 or MT403 says what happened; an omission finding would say the
    clause is missing, and, being its suppressor, hide theirs (test half: 6 of 328 changed numbers and 2 of
    42 changed dates lost so in English)."""
    segs = (Segment(clause.span.start, clause.span.end, "", 0, 0),)
    figures = {q.text for q in in_segments(pair.source_quantities, segs)}
    days = list(in_segments(pair.source_dates, segs))
    figures |= {d.text for d in days}
    if not clause.anchors or not set(clause.anchors) <= figures:
        return False  # a name of the clause is missing too: an omission
    return (any(t.start <= e.start < t.end for e in extra for t in sp.target)
            or any(d.span.start <= c.start < d.span.end for d in days for c in dates_changed))


def _figures_at_issue(pair: ArticlePair, sp: SentencePair, missing: tuple[set[int], set[int]],
                      changed: tuple[list[Span], list[Span]]) -> bool:
    """Has the sentence pair a source figure or date the matchers find nowhere, a target figure they paired
    with nothing, or a source date rendered as another: what MT401 and MT403 report."""
    numbers, dates = missing
    extra, dates_changed = changed
    return (any(id(q) in numbers for q in in_segments(pair.source_quantities, sp.source))
            or any(id(d) in dates for d in in_segments(pair.source_dates, sp.source))
            or any(t.start <= e.start < t.end for e in extra for t in sp.target)
            or any(s.start <= d.start < s.end for d in dates_changed for s in sp.source))


def _minor_variance(pair: ArticlePair) -> float:
    """The length variance of the tests that judge by length alone: Gale & Church's, scaled by the language
    pair's measured spread (id-zh sentence lengths vary 4.9 times as much as id-en's)."""
    return VARIANCE_PER_CHAR * math.sqrt(pair.norms.spread)


def _kept(anchor: str, sentence: str, paragraph: str, source_sentence: str, source_paragraph: str) -> bool:
    """Is a clause's anchor in the translation: in its aligned target sentence, or (a sentence alignment may
    be off by one) in the target paragraph, as many times as the source sentence or paragraph has it. A name
    the source paragraph repeats must be in the target paragraph as many times: "KTT di Singapura ... bertemu
    di Singapura pada Juni" with the second clause dropped leaves one Singapour, which the paragraph test alone
    took for the dropped clause's; "di atas 60 tahun ... antara 51 dan 60 tahun" with the first clause dropped
    leaves one 60. So within a sentence: "dengan visa Schengen, ... negara anggota Schengen" with the first
    clause dropped leaves one Schengen in the target sentence."""
    if _occurrences(anchor, sentence) >= max(_occurrences(anchor, source_sentence, source=True), 1):
        return True
    return _occurrences(anchor, paragraph) >= max(_occurrences(anchor, source_paragraph, source=True), 1)


def _occurrences(anchor: str, text: str, source: bool = False) -> int:
    """How often a clause's anchor is in (folded: `_fold`) text: a number as a whole number by its leading
    digits, a name by its first letters (in a target also with the Indonesian k read as c: `_in_target`)."""
    if anchor[0].isdigit():
        lead = re.match(r"\d+", _fold(anchor))
        return 0 if lead is None else len(re.findall(rf"(?<!\d){lead.group()}(?!\d)", text))
    prefix = _fold(_singular_acronym(anchor))[:ANCHOR_PREFIX]
    return text.count(prefix) if source else max(text.count(prefix), text.count(prefix.replace("k", "c")))


def _singular_acronym(anchor: str) -> str:
    """An acronym without its English plural s, which other languages drop ("WMPs" as "les WMP", "NGOs" as
    "les ONG"): the anchor is the acronym."""
    return anchor[:-1] if len(anchor) >= 3 and anchor[-1] == "s" and anchor[:-1].isupper() else anchor


def _in_target(anchor: str, target_text: str) -> bool:
    """Is a clause's anchor in the (folded: `_fold`) target paragraph? A name by its first letters; a number by
    its leading digits, even where the number matcher paired it elsewhere: "802.11a, b et g" renders the
    source's "802.11a, 802.11b dan 802.11g" in full."""
    if anchor[0].isdigit():
        # Its leading number as a whole number: "100 persen" is "100%" or "100 パーセント", "4 sen" "4セント"
        # (full-width digits fold to ASCII).
        lead = re.match(r"\d+", _fold(anchor))
        return lead is not None and re.search(rf"(?<!\d){lead.group()}(?!\d)", target_text) is not None
    prefix = _fold(_singular_acronym(anchor))[:ANCHOR_PREFIX]
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
