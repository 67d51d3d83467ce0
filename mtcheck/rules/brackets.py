"""MT6xx: brackets and quotes left open in the translation, or dropped from it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from mtcheck.lang.base import LanguagePack
from mtcheck.model import Category, Finding, Span
from mtcheck.model import Severity as Sev
from mtcheck.rules.base import Rule
from mtcheck.text.article import ArticlePair
from mtcheck.text.pairs import Mark, scan_pairs
from mtcheck.text.segment import Segment

# Bracketed dates "(3/10)", bare numbers and acronym glosses "(WHO)" are routinely rewritten without
# brackets, or dropped, by good translators.
_DROPPABLE = re.compile(r"^(?:[\d\s/.,:-]*|[A-Z][A-Za-z]{0,2}[A-Z]{1,5}s?)$")


# A straight single quote opening a quotation (after a space or bracket, before a letter) and one closing it
# (after a letter or punctuation, before a space, punctuation or the end); "O'Hagan", "don't" are neither.
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[—–]))'(?=[^\W\d_])")
_SINGLE_CLOSE = re.compile(r"(?<=[^\s'])'(?=[\s.,;:!?)\]—–\"”»]|$)")
_QUOTED = re.compile("[\"“”«»'‘’]")


def _unmatched(pair: ArticlePair, pairs: tuple[tuple[str, str], ...]) -> Iterator[tuple[Segment, Mark]]:
    paragraphs = pair.target_segments.paragraphs
    for k, para in enumerate(paragraphs):
        # Straight quotes by their place: a translation's marks left inside out by a lost pair are faults, while
        # the counts of pairs (MT603, MT604) keep plain alternation, which is what sources' stray marks need.
        for mark in scan_pairs(pair.target, para.start, para.end, pairs, by_place=True).unmatched:
            nxt = paragraphs[k + 1].text if k + 1 < len(paragraphs) else ""
            # News style: a quote running over paragraphs leaves each one open and reopens the next.
            if mark.opens and nxt[:1] == mark.char:
                continue
            yield para, mark


def _source_paragraph(pair: ArticlePair, target_para: Segment) -> tuple[Segment, ...]:
    by_target = pair.analysis("brackets.source_of_target", lambda p: {
        t.start: bead.source for bead in p.paragraph_beads for t in bead.target})
    return by_target.get(target_para.start, ())


class _PairRule(Rule):
    kind: ClassVar[str]  # "bracket" or "quote": the word in messages and the LanguagePack field ("brackets")

    def _pairs(self, pack: LanguagePack) -> tuple[tuple[str, str], ...]:
        return getattr(pack, f"{self.kind}s")


class _UnbalancedRule(_PairRule):
    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        pairs = self._pairs(pair.target_pack)
        src_pairs = self._pairs(pair.source_pack)
        # Per target paragraph, the source paragraph's first unmatched opener and closer: scanned once however
        # many marks the paragraph has (3,000 open brackets were quadratic).
        first_in_source: dict[int, dict[bool, Mark]] = {}
        for para, mark in _unmatched(pair, pairs):
            src = _source_paragraph(pair, para)
            if para.start not in first_in_source:
                first: dict[bool, Mark] = {}
                for s in src:
                    for m in scan_pairs(pair.source, s.start, s.end, src_pairs).unmatched:
                        first.setdefault(m.opens, m)
                first_in_source[para.start] = first
            # Same fault in the source (an opener left open there too, whatever its glyph): point at the
            # source's own mark, which needs fixing as well.
            src_marks = [first_in_source[para.start][mark.opens]] if mark.opens in first_in_source[para.start] else []
            what = f"{self.kind} {mark.char!r} {'opened and never closed' if mark.opens else 'closed but never opened'}"
            note = " (the source has the same fault: fix both)" if src_marks else ""
            source = Span(src_marks[0].pos, src_marks[0].pos + 1) if src_marks else (src or None)
            yield self.finding(f"{what[0].upper()}{what[1:]}{note}", source=source,
                               target=Span(mark.pos, mark.pos + 1),
                               evidence=("source unbalanced too",) if src_marks else ())


class UnbalancedBracket(_UnbalancedRule):
    """Bracket opened in the translation and never closed, or closed and never opened.

    ## What it does
    Matches "(" ")" and "[" "]" within each target paragraph and flags the ones with no partner. List
    markers such as "1)" are ignored. When the aligned source paragraph has the same fault, the message says
    so: the error was carried over from the original, which needs fixing too.

    ## Why is this bad?
    A lost ")" usually means text was dropped or merged by the MT system; readers cannot tell where the
    aside ends.

    ## Example
    Source: "Kami bekerja sama dengan mereka, saat ini mereka belum siap (untuk melakukan ini)," kata Zelensky.
    Target: "We are working with them, at this time they are not ready (to do this," Zelensky said.

    Use instead:
    Target: "We are working with them, at this time they are not ready (to do this)," Zelensky said.
    """

    code = "MT601"
    name = "unbalanced-bracket"
    category = Category.PUNCTUATION
    default_severity = Sev.MINOR
    kind = "bracket"



class UnbalancedQuote(_UnbalancedRule):
    """Quotation mark opened in the translation and never closed.

    ## What it does
    Matches straight and typographic double quotes within each target paragraph and flags the ones with no
    partner. Straight double quotes alternate, except where a mark's place says it opens (after a space or
    colon, before a letter) or closes (after a letter, before a space or punctuation) against the
    alternation: a dropped outer pair leaves 'no wet" and "dry seasons' paired inside out, two faults. A
    paragraph that leaves a quote open and is followed by a paragraph opening with a quote follows
    news style for quotes running over several paragraphs, and is not flagged. Straight single quotes
    ('...'), which look like apostrophes, are reported only as an opener after a space with no closer after
    it in the paragraph, where the source quotes something.

    ## Why is this bad?
    Without its closing mark, the reader cannot tell where a quoted statement ends and the reporter's text
    resumes: in news, who said what matters.

    ## Example
    Source: "Keamanan Anda penting bagi kami," kata Rutte.
    Target: "Your security is important to us, Rutte said.

    Use instead:
    Target: "Your security is important to us," Rutte said.
    """

    code = "MT602"
    name = "unbalanced-quote"
    category = Category.PUNCTUATION
    default_severity = Sev.MINOR
    kind = "quote"

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        yield from super().check(pair)
        if not pair.target_pack.latin_script or pair.target_pack.code == "ar":
            return
        # Straight single quotes ('looking like muppets'), which British news uses for quotations: an apostrophe
        # looks the same, so only an opener (after a space, before a letter) left without any closer in its
        # paragraph is reported, and only where the source quotes something there.
        paragraphs = pair.target_segments.paragraphs
        for k, para in enumerate(paragraphs):
            text = para.text
            nxt = paragraphs[k + 1].text if k + 1 < len(paragraphs) else ""
            for m in _SINGLE_OPEN.finditer(text):
                if _SINGLE_CLOSE.search(text, m.end() + 1) or nxt[:1] == "'":
                    continue
                src = _source_paragraph(pair, para)
                if not any(_QUOTED.search(pair.source, seg.start, seg.end) for seg in src):
                    continue
                yield self.finding("Quote \"'\" opened and never closed", source=src[0] if len(src) == 1 else None,
                                   target=Span(para.start + m.start(), para.start + m.end()), confidence=0.6)



class _DroppedRule(_PairRule):
    # Pairs enclosing fewer than `min-words` words (scare quotes, "Seven Sisters") are often added or dropped
    # by careful translators too; a quoted statement or a bracketed aside is not.
    defaults = {"min-words": 4}

    def _source_pairs(self, pair: ArticlePair, segments: tuple[Segment, ...]) -> list[tuple[int, int]]:
        """The source's pairs in these segments that a translation must keep: neither a bracketed date or
        acronym nor shorter than `min-words`."""
        return [
            (o, c) for s in segments
            for o, c in scan_pairs(pair.source, s.start, s.end, self._pairs(pair.source_pack)).pairs
            if not _DROPPABLE.match(pair.source[o + 1:c])
            and pair.source_pack.count_words(pair.source[o + 1:c]) >= self.options["min-words"]
        ]

    def _finding(self, pair: ArticlePair, o: int, c: int, message: str, target: tuple[Segment, ...]) -> Finding:
        excerpt = pair.source[o:c + 1] if c - o < 80 else pair.source[o:o + 60] + "…"
        return self.finding(f"{message}: '{excerpt}' lost its {self.kind}s", source=Span(o, c + 1), target=target,
                            confidence=0.5)

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        marks = {ch for o, c in self._pairs(pair.target_pack) for ch in (o, c)}
        sentences = {group[0].paragraph_bead: group for group in pair.sentence_pairs_by_bead}
        # Counted per aligned paragraph: quotes often span sentences, and sentence splits differ by language.
        for k, bead in enumerate(pair.paragraph_beads):
            if not bead.source or not bead.target:
                continue  # an omitted or added paragraph is the omission rules' business
            src_pairs = self._source_pairs(pair, bead.source)
            if not src_pairs:
                continue
            tgt_count = sum(len(scan_pairs(pair.target, t.start, t.end, self._pairs(pair.target_pack)).pairs)
                            for t in bead.target)
            if len(src_pairs) > tgt_count:
                o, c = src_pairs[tgt_count]  # the first source pair without a target counterpart, by order
                yield self._finding(pair, o, c, f"Source has {len(src_pairs)} {self.kind} pair(s) in this "
                                    f"paragraph, the translation {tgt_count}", bead.target)
                continue
            # The count can hide a loss: scare quotes the translation adds (飓风“罗莎”) or keeps stand in for a
            # quotation it dropped. So, per aligned sentence, too: a source pair inside the sentence whose
            # translation has no mark of the kind at all.
            for sp in sentences.get(k, ()):
                if not sp.source or not sp.target or any(ch in marks for t in sp.target for ch in t.text):
                    continue
                inside = self._source_pairs(pair, sp.source)
                if inside:
                    yield self._finding(pair, *inside[0], f"The source sentence has a {self.kind} pair, its "
                                        "translation none", sp.target)


class DroppedBrackets(_DroppedRule):
    """Brackets present in the source paragraph and missing from its translation.

    ## What it does
    Counts bracket pairs in each aligned source and target paragraph and flags a paragraph whose translation
    has fewer; where the counts agree, also flags an aligned sentence whose source has a bracket pair and
    whose translation has no bracket at all (a pair the translation adds elsewhere hides the loss from the
    count). Bracketed dates, numbers and acronyms ("Kamis (3/10)", "(WHO)") are left out, since translations
    render them without brackets ("on Thursday, October 3").

    ## Why is this bad?
    Brackets in news hold expansions of acronyms, affiliations and asides; when MT drops them the aside runs
    into the sentence and can change its meaning ("Sekjen NATO" becomes the subject).

    ## Example
    Source: Sekretaris Jenderal (Sekjen) NATO Mark Rutte tiba di Kyiv.
    Target: NATO Secretary General Secretary-General Mark Rutte arrived in Kyiv.

    Use instead:
    Target: NATO Secretary General (Secretary-General) Mark Rutte arrived in Kyiv.
    """

    code = "MT603"
    name = "dropped-brackets"
    category = Category.PUNCTUATION
    default_severity = Sev.MINOR
    kind = "bracket"
    defaults = {"min-words": 1}



class DroppedQuotes(_DroppedRule):
    """Quotation marks present in the source paragraph and missing from its translation.

    ## What it does
    Counts quote pairs of four words or more in each aligned source paragraph against the quote pairs of its
    translation and flags a paragraph whose translation has fewer. Where the counts agree, it also flags an
    aligned sentence whose source quotes four words or more and whose translation has no quotation mark at
    all: scare quotes the translation adds or keeps (飓风“罗莎”, “devastated”) otherwise stand in for a
    quotation it dropped. Shorter source quotes ("so-called" words) are left out: careful translators add
    and drop those too.

    ## Why is this bad?
    A direct quote turned into unmarked text attributes a statement to the reporter instead of the speaker.

    ## Example
    Source: Rutte mengatakan "keamanan Anda penting bagi kami" kepada Zelensky.
    Target: Rutte told Zelensky your security is important to us.

    Use instead:
    Target: Rutte told Zelensky "your security is important to us".
    """

    code = "MT604"
    name = "dropped-quotes"
    category = Category.PUNCTUATION
    default_severity = Sev.MINOR
    kind = "quote"

