"""MT704: a negation in one text with none in its aligned counterpart."""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.model import Category, Finding, Severity, Span
from mtcheck.rules.base import Rule
from mtcheck.text.article import ArticlePair, SentencePair
from mtcheck.text.negation import NegationScan, negation_data, scan


def _scan_side(pair: ArticlePair, sp: SentencePair, source: bool) -> NegationScan | None:
    segs = sp.source if source else sp.target
    text = pair.source if source else pair.target
    lang = pair.source_pack.code if source else pair.target_pack.code
    return scan(text, segs[0].start, segs[-1].end, lang)


def negation_scans(pair: ArticlePair) -> list[tuple[SentencePair, NegationScan, NegationScan]]:
    """Both sides' negations per aligned sentence pair (an ArticlePair analysis: `negation`)."""
    out = []
    for sp in pair.sentence_pairs:
        if not sp.source or not sp.target:
            continue
        s, t = _scan_side(pair, sp, True), _scan_side(pair, sp, False)
        if s is not None and t is not None:
            out.append((sp, s, t))
    return out


class NegationMismatch(Rule):
    """A negation in the source sentence with none in its translation, or one the translation added.

    ## What it does
    Counts negators in each aligned sentence pair, from language data (`mtcheck/data/<lang>/negation.toml`):
    *tidak, tak, bukan, belum, jangan, tanpa, tiada* against not, n't, no, never, without, none; ne/n',
    jamais, sans; 不, 没, 未, 非; ない, ません, ず; لا, لم, لن, ليس. A negation is reported when the other side has
    neither a negator nor a negative word that can render it (unable, fail, refuse, rarely, un-, -less;
    ketidak-, gagal, menolak). Expressions with a negator that do not negate ("belum lama ini", "sans
    doute", "かもしれない", "لا سيما") are ignored, and a sentence with a double negation ("bukan tidak
    mungkin", "not impossible") is not judged. Runs with or without the neural extra: a flipped negation
    barely moves a sentence embedding, so the encoder cannot see it.

    ## Why is this bad?
    A lost or added "not" inverts what the article claims; it is among the most damaging errors and the
    hardest for a reader to notice, since the sentence stays fluent.

    ## Example
    Source: Pemerintah tidak akan menaikkan harga bahan bakar minyak tahun ini.
    Target: The government will raise fuel prices this year.

    Use instead:
    Target: The government will not raise fuel prices this year.
    """

    code = "MT704"
    name = "negation-mismatch"
    category = Category.MISTRANSLATION
    # Minor by default: on clean human translations (siblings of an English original, freer than MT) a fifth
    # of English articles have a negation rendered lexically (tak berdenting -> fell silent) that no list
    # covers; re-grade with severity = { MT704 = "major" } where translations are literal. docs/quality.md.
    default_severity = Severity.MINOR

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        if negation_data(pair.source_pack.code) is None or negation_data(pair.target_pack.code) is None:
            return
        for sp, src, tgt in pair.analysis("negation", negation_scans):
            if src.double or tgt.double:
                continue  # a double negation is a positive: counting cannot judge it
            tgt_span = Span(sp.target[0].start, sp.target[-1].end)
            src_span = Span(sp.source[0].start, sp.source[-1].end)
            if src.negated and not tgt.negated and not tgt.soft:
                span, word = src.strong[0]
                yield self.finding(
                    f"the source negates ('{word}') but its translation has no negation", source=span,
                    target=tgt_span, confidence=0.6, evidence=(f"source negators: {', '.join(w for _, w in src.strong)}",))
            elif tgt.negated and not src.negated and not src.soft:
                span, word = tgt.strong[0]
                yield self.finding(
                    f"the translation negates ('{word}') but its source has no negation", source=src_span,
                    target=span, confidence=0.6, evidence=(f"target negators: {', '.join(w for _, w in tgt.strong)}",))
