"""MT704: a negation in one text with none in its aligned counterpart."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from mtcheck.errors import InputError
from mtcheck.model import Category, Finding, Severity, Span
from mtcheck.rules.base import Rule
from mtcheck.text.article import ArticlePair, SentencePair
from mtcheck.text.coverage import PREFIX, coverage, lexicon, source_word_spans, target_tokens
from mtcheck.text.fold import fold
from mtcheck.text.negation import NegationScan, negation_data, scan

# Content words after a source negator that make up what it negates (tidak akan [menaikkan harga]): stop words
# (akan, dapat) are skipped by the lexicon's keys. Two, chosen on the dev half (one lost flips in en, fr, ja;
# three flagged more clean articles).
GOVERNED_WORDS = 2
# Target content words after a target negator read for the same (was not [still allowed]): three, chosen on the
# dev half (English flips found sure: two 0.58, three 0.63, both with no clean article; four 0.645 with one).
TARGET_WORDS = 3
# In Chinese and Japanese, which write no spaces, characters instead: eight (a Sino-Japanese verb with its
# endings, 調査していません), chosen on the dev half (four found 0.31 / 0.36 of the zh / ja flips sure, eight 0.44 /
# 0.40 with no more clean articles sure, though 2.5% more zh ones with a lone negator; twelve: ja too).
GOVERNED_CHARS = 8


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

    A finding is *sure* (confidence 0.8, severity `sure-severity`, below) when the unmatched negator is clausal
    (`clausal` in the language's data: tidak before a modal or a verb, an auxiliary with not, ne ... pas,
    不会, ません, لا before a verb) and what it negates is translated word for word by the bilingual lexicon
    (`mtcheck/data/lexicon`): the lost or added "not" of a literal translation. Otherwise it is less sure
    (confidence 0.5, minor): a reworded predicate is as often an antonym or an idiom on the other side
    ("tidak dapat diubah" = "set in stone"), and so is a lone negator ("yang tidak normal" = "abnormal"),
    which is not reported at all when the lexicon finds what it negates worded otherwise.

    `sure-severity` (default "calibrated"): without `--neural`, minor. With `--neural`, the sure findings are
    part of the meaning family's one operating point, chosen with MT701-MT703's thresholds on the dev half
    (`scripts/neural_scores.py choose-joint`) and stored per language pair as `sure_negation` in
    `mtcheck/data/neural_calibration.toml`: "all" (a sure finding is major), "off" (minor, as without the
    extra), or a percentile (major where its sentence pair's similarity is also below that percentile of
    clean pairs: a lost or added "not" lowers it a little, an antonym on the other side does not). A severity
    name (minor, major, critical) applies to every sure finding, with or without the extra.

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
    # Minor by default: on clean human translations (siblings of an English original, freer than MT) many
    # articles have a negation rendered lexically (tak berdenting -> fell silent) that no list covers. The sure
    # findings are far fewer on clean articles (docs/quality.md, round 8); with --neural the language pair's
    # calibrated operating point grades them (round 9). [tool.mtcheck.rules.MT704] sure-severity = "major"
    # raises them alone everywhere; severity = { MT704 = "major" } raises every finding.
    default_severity = Severity.MINOR
    defaults = {"sure-severity": "calibrated"}

    def __init__(self, options: dict | None = None) -> None:
        super().__init__(options)
        value = self.options["sure-severity"]
        try:
            self.sure_severity = None if value == "calibrated" else Severity(value)
        except ValueError:
            raise InputError(f"MT704: sure-severity {value!r} is not one of calibrated, minor, major, "
                             "critical") from None

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        if negation_data(pair.source_pack.code) is None or negation_data(pair.target_pack.code) is None:
            return
        fixed = self.sure_severity
        sure_severity = (lambda sp: fixed) if fixed is not None else _calibrated_sure_severity(pair)
        for sp, src, tgt in pair.analysis("negation", negation_scans):
            if src.double or tgt.double:
                continue  # a double negation is a positive: counting cannot judge it
            if not src.negated and not tgt.negated:
                continue  # neither side negates (most sentence pairs): nothing to compare, no spans to build
            tgt_span = Span(sp.target[0].start, sp.target[-1].end)
            src_span = Span(sp.source[0].start, sp.source[-1].end)
            if src.negated and not tgt.negated and not tgt.soft:
                clausal = src.clausal_negator()
                span, word = clausal[:2] if clausal is not None else src.strong[0]
                rendered = _rendered(pair, clausal[2] if clausal is not None else span, src_span, tgt_span)
                if clausal is None and rendered is False:
                    continue  # a lone negator whose words are worded otherwise: an antonym (tidak normal, deranged)
                how = "lone" if clausal is None else "reworded" if rendered is False else "sure"
                yield self.finding(
                    f"the source negates ('{word}') but its translation has no negation", source=span,
                    target=tgt_span, **_grade(how == "sure", sure_severity(sp)),
                    evidence=(f"source negators: {', '.join(w for _, w in src.strong)}", _HOW[how]))
            elif tgt.negated and not src.negated and not src.soft:
                clausal = tgt.clausal_negator()
                span, word = clausal[:2] if clausal is not None else tgt.strong[0]
                supported = _supported(pair, clausal[2] if clausal is not None else span, src_span, tgt_span)
                if clausal is None and supported is False:
                    continue  # likewise: 无菌 (sterile) for "steril", "non testés" for "ramah untuk vegan"
                how = "lone" if clausal is None else "reworded" if supported is False else "sure"
                yield self.finding(
                    f"the translation negates ('{word}') but its source has no negation", source=src_span,
                    target=span, **_grade(how == "sure", sure_severity(sp)),
                    evidence=(f"target negators: {', '.join(w for _, w in tgt.strong)}", _HOW[how]))


def _rendered(pair: ArticlePair, negator: Span, source: Span, target: Span) -> bool | None:
    """Whether the words a source negator governs (the next GOVERNED_WORDS content words after its clausal
    context) are translated in the target sentence, by the bilingual lexicon (mtcheck/data/lexicon,
    text/coverage.py `coverage`); None where the lexicon knows none of them. A negation lost from a literal
    translation leaves the negated verb translated ("will raise fuel prices"); a clean free rendering replaces
    it ("tidak dapat diubah" -> "set in stone")."""
    lex = lexicon(pair.target_pack.code, pair.source_pack.code)
    if not lex:
        return None
    words = source_word_spans(pair.source, negator.end, source.end)[:GOVERNED_WORDS]
    found = coverage([(pair.source[a:b].lower(), key) for a, b, key in words],
                     target_tokens(pair.target[target.start:target.end]), lex)
    return True if found.covered else False if found.known else None


def _supported(pair: ArticlePair, negator: Span, source: Span, target: Span) -> bool | None:
    """Whether the words a target negator governs (TARGET_WORDS content words after its clausal context; in
    Chinese GOVERNED_CHARS characters after it, before it where the language says `governed = "before"`)
    translate a word of the source sentence, by the lexicon read backwards; None where they give no token. An
    inserted "not" leaves the verb it negates a translation of the source's ("was not injured" for "cedera");
    a clean translation that adds a negation rewords the claim (litotes: "ne doit pas être pris à la légère"
    for "permasalahan serius")."""
    lex = lexicon(pair.target_pack.code, pair.source_pack.code)
    nd = negation_data(pair.target_pack.code)
    if not lex or nd is None:
        return None
    if nd.governed == "before":
        window = pair.target[max(target.start, negator.start - GOVERNED_CHARS):negator.start]
    elif pair.target_pack.latin_script or pair.target_pack.code == "ar":
        # content words only: "was not [being] met", "are not [still] under"
        function = pair.target_pack.function_words
        words = [w for w in pair.target[negator.end:target.end].split()
                 if w.lower().strip(".,;:!?\"'’”)") not in function]
        window = " ".join(words[:TARGET_WORDS])
    else:
        window = pair.target[negator.end:min(target.end, negator.end + GOVERNED_CHARS)]
    tokens = target_tokens(window)
    if not tokens:
        return None
    supported = set()
    for a, b, key in source_word_spans(pair.source, source.start, source.end):
        supported.add(fold(pair.source[a:b].lower())[:PREFIX])
        supported |= lex.get(key, frozenset())
    return not tokens.isdisjoint(supported)


_HOW = {"sure": "a clausal negation (it negates what the sentence claims), the rest translated word for word",
        "reworded": "a clausal negation, but what it negates is worded differently on the other side (an antonym "
                    "or an idiom, as in 'tidak dapat diubah' = 'set in stone'?): less sure",
        "lone": "a lone negator, often lexical ('yang tidak normal' = 'abnormal'): less sure"}


def _calibrated_sure_severity(pair: ArticlePair) -> Callable[[SentencePair], Severity]:
    """The severity of a sure finding in a sentence pair under the language pair's stored operating point
    (`sure_negation`, see the class docstring): minor without the encoder or without a stored point."""
    tier = None
    if pair.encoder is not None:
        from mtcheck.neural_calibration import calibration

        cal = calibration(pair.encoder.name, f"{pair.source_pack.code}-{pair.target_pack.code}")
        tier = None if cal is None else cal.get("sure_negation")
    pct: dict[int, float] = {}
    if isinstance(tier, int | float) and not isinstance(tier, bool):
        from mtcheck.neural.meaning import meaning_analysis
        from mtcheck.rules.meaning import sentence_percentiles

        pct = sentence_percentiles(pair.analysis("neural.meaning", meaning_analysis), cal)

    def severity(sp: SentencePair) -> Severity:
        if tier == "all":
            return Severity.MAJOR
        # a pair the encoder did not score keeps nothing that says its meaning moved: 100
        if pct and pct.get(id(sp), 100.0) < tier:
            return Severity.MAJOR
        return Severity.MINOR

    return severity


def _grade(sure: bool, sure_severity: Severity) -> dict:
    """Confidence and severity of a finding: a clausal negator with no counterpart is the flip that inverts a
    claim; a lone one is as often an antonym on the other side (tidak normal -> deranged)."""
    return {"confidence": 0.8, "severity": sure_severity} if sure else {"confidence": 0.5, "severity": Severity.MINOR}
