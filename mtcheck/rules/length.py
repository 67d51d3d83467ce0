"""MT103-MT104: a translation far shorter or longer than its source."""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.model import Category, Finding, Severity
from mtcheck.rules.base import Rule
from mtcheck.text.article import ArticlePair


def _ratio_message(pair: ArticlePair, ratio: float) -> str:
    return (f"translation has {pair.target_chars:,} characters for {pair.source_chars:,} in the source "
            f"(ratio {ratio:.2f}; clean {pair.source_pack.code}-{pair.target_pack.code} articles: "
            f"{pair.norms.low:.2f}-{pair.norms.high:.2f}, typically {pair.norms.ratio:.2f})")


class TruncatedTranslation(Rule):
    """Translation far shorter than the source: truncated or mostly missing.

    ## What it does
    Compares the article's target/source character ratio (articles of 40+ source words; headlines compress
    legitimately) with the range measured on clean human translations of the same language pair (`mtcheck/data/length_ratios.tsv`, from
    `scripts/calibrate_length.py`). Below the low bound the article is flagged; below half of it, critical.

    ## Why is this bad?
    MT pipelines time out or hit length limits and publish the first half of an article.

    ## Example
    Source: Rutte tiba di Kyiv pada Kamis dalam kunjungan pertamanya sebagai Sekjen NATO. Ia bertemu Presiden Zelensky dan membahas bantuan militer, sanksi terhadap Rusia, dan keanggotaan NATO bagi Ukraina. Para pejabat NATO memperkirakan Rutte akan mempertahankan prioritas pendahulunya, Jens Stoltenberg dari Norwegia.
    Target: Rutte arrived in Kyiv on Thursday on his first visit as NATO Secretary General.

    Use instead:
    Target: Rutte arrived in Kyiv on Thursday on his first visit as NATO Secretary General. He met President Zelensky and discussed military aid, sanctions against Russia and NATO membership for Ukraine. NATO officials expect Rutte to maintain the priorities of his predecessor, Jens Stoltenberg of Norway.
    """

    code = "MT103"
    name = "truncated-translation"
    category = Category.LENGTH
    default_severity = Severity.MAJOR
    defaults = {"min-words": 40}  # headlines and single sentences compress legitimately

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        if pair.source_words < self.options["min-words"] or not pair.source_chars:
            return
        ratio = pair.target_chars / pair.source_chars
        if ratio >= pair.norms.low:
            return
        severity = Severity.CRITICAL if ratio < pair.norms.low / 2 else self.default_severity
        # Point at the source paragraphs left without a counterpart at the end, if any.
        trailing = []
        for bead in reversed(pair.paragraph_beads):
            if bead.target:
                break
            trailing = [*bead.source, *trailing]
        last = pair.target_segments.paragraphs[-1:] or None
        yield self.finding(
            "Translation looks truncated: " + _ratio_message(pair, ratio),
            source=tuple(trailing) or None, target=tuple(last) if last else None,
            severity=severity, confidence=0.9)


class OverlongTranslation(Rule):
    """Translation far longer than the source: added or repeated content.

    ## What it does
    Flags an article whose target/source character ratio is above the high bound measured on clean human
    translations of the language pair. Paragraphs the aligner could not match to the source are pointed at.

    ## Why is this bad?
    MT systems sometimes repeat a paragraph, append a hallucinated conclusion, or keep both the original and
    the translation. Site boilerplate (a disclaimer) is excluded before measuring: see `boilerplate`.

    ## Example
    Source: Rutte tiba di Kyiv pada Kamis untuk bertemu Presiden Zelensky.
    Target: Rutte arrived in Kyiv on Thursday to meet President Zelensky. Rutte arrived in Kyiv on Thursday to meet President Zelensky. The visit was historic and will change the war forever, experts say.

    Use instead:
    Target: Rutte arrived in Kyiv on Thursday to meet President Zelensky.
    """

    code = "MT104"
    name = "overlong-translation"
    category = Category.LENGTH
    default_severity = Severity.MINOR
    defaults = {"min-words": 8}

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        if pair.source_words < self.options["min-words"] or not pair.source_chars:
            return
        ratio = pair.target_chars / pair.source_chars
        if ratio <= pair.norms.high:
            return
        added = [p for bead in pair.paragraph_beads if not bead.source for p in bead.target]
        yield self.finding(
            "Translation is much longer than the source: " + _ratio_message(pair, ratio),
            target=tuple(added) or None, confidence=0.8)
