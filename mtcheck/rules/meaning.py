"""MT701-MT703: meaning checks from a multilingual sentence encoder (the neural family, `--neural`).

They run only when the neural extra is installed and turned on (`--neural` or `neural = true`); otherwise
they report nothing. Their thresholds are percentiles of what clean human translations of the same
language pair score (mtcheck/data/neural_calibration.toml, from scripts/calibrate_neural.py). By default
(`max-percentile = "calibrated"`) each language pair's threshold is read from the same file: the percentile,
chosen on the dev split by `scripts/calibrate_neural.py --choose-thresholds`, where at most 3% of clean
articles of that pair get a neural finding (one for sentences, MT701, one for clauses, MT702 and MT703;
docs/quality.md). For zh, ja and ar one setting was chosen on their dev rows together (`scripts/neural_scores.py
choose-shared`: each pair within the budget), as one pair's 80 dev articles did not predict its test half. The same nominal percentile is not the same strictness in every language: French
clauses are spread wider than English ones, Arabic ones narrower. A number in the configuration overrides it.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from mtcheck.model import Category, Finding, Severity
from mtcheck.neural_calibration import PERCENTILES, calibration, percentile
from mtcheck.rules.base import Rule
from mtcheck.text.article import ArticlePair


def _analysis(pair: ArticlePair) -> tuple[Any, dict] | None:
    """The meaning analysis and the calibration for this pair, or None when the family is off or the
    model is not calibrated for the language pair."""
    if pair.encoder is None:
        return None
    cal = calibration(pair.encoder.name, f"{pair.source_pack.code}-{pair.target_pack.code}")
    if cal is None:
        return None
    from mtcheck.neural.meaning import meaning_analysis

    return pair.analysis("neural.meaning", meaning_analysis), cal


FALLBACK_PERCENTILE = 0.03  # where a calibration carries no chosen threshold: the English dev pick


def max_percentile(option: Any, cal: dict, kind: str) -> float:
    """The rule's threshold: a number from the configuration as it is, else ("calibrated") the language
    pair's own, chosen on its dev split (`max_percentile_sentence`, `max_percentile_clause`)."""
    if isinstance(option, int | float) and not isinstance(option, bool):
        return float(option)
    return float(cal.get(f"max_percentile_{kind}", FALLBACK_PERCENTILE))


def _evidence(kind: str, score: float, pct: float, pair: ArticlePair) -> tuple[str, ...]:
    return (f"{kind} {score:.3f}", f"percentile {pct:.2f} of clean {pair.source_pack.code}-{pair.target_pack.code} "
            "translations", f"model {pair.encoder.name}")


class MeaningChanged(Rule):
    """An aligned sentence pair whose cross-lingual similarity is far below what clean translations reach.

    ## What it does
    Encodes both sentences with a multilingual sentence encoder (multilingual-e5-small by default) and
    compares their cosine with the distribution of clean translations of the same language pair: a pair
    below the `max-percentile` percentile (by default the language pair's calibrated one) is reported, with its similarity and percentile in the evidence.
    Needs `--neural`. Where the language pair's calibration has a coverage gate (`coverage-gate`, by
    default "calibrated": English's), a low similarity is reported only if the pair's token coverage at its
    weakest run of tokens (a run of one side whose tokens find no counterpart on the other) is also below
    that percentile of clean pairs: a faithful but freely worded sentence has a low cosine with every run
    covered, a replaced clause or sentence leaves a run uncovered. It sees a sentence replaced by another,
    a mistranslated key term in a short sentence, a clause replaced by something else; it does not see a
    flipped negation (MT704) nor a wrong pronoun (he and she move the cosine by about 0.002).

    ## Why is this bad?
    Meaning errors (a term mistranslated, "migor" cooking oil rendered as "migraine", a clause replaced by
    an unrelated one) are a quarter of the major errors in real AI translations, and no surface rule sees
    them.

    ## Example
    Source: Harga minyak goreng di pasar tradisional naik menjadi Rp20.000 per liter.
    Target: The football club announced a new coach for the coming season.

    Use instead:
    Target: The price of cooking oil in traditional markets rose to Rp20,000 per litre.
    """

    code = "MT701"
    name = "meaning-changed"
    category = Category.MISTRANSLATION
    default_severity = Severity.MAJOR
    defaults = {"max-percentile": "calibrated", "min-words": 4, "coverage-gate": "calibrated"}
    suppresses = ("MT702", "MT703")
    needs_neural = True  # tests run it with the real encoder, or skip it without the extra

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        found = _analysis(pair)
        if found is None:
            return
        m, cal = found
        limit = max_percentile(self.options["max-percentile"], cal, "sentence")
        gate = coverage_gate(self.options["coverage-gate"], cal)
        for s in m.sentences:
            if pair.source_pack.count_words(pair.source[s.source.start:s.source.end]) < self.options["min-words"]:
                continue
            pct = percentile(s.similarity, cal["sentence"])
            if pct >= limit:
                continue
            evidence = _evidence("similarity", s.similarity, pct, pair)
            if gate is not None:
                cov_pct = percentile(s.coverage, cal["sentence_coverage"])
                if cov_pct >= gate:
                    continue
                evidence += (f"weakest run of tokens covered {s.coverage:.3f}, percentile {cov_pct:.2f} of clean "
                             "translations",)
            yield self.finding(
                f"the translation seems to say something else: similarity {s.similarity:.2f}, below "
                f"{pct:.1f}% of clean translations", source=s.source, target=s.target, confidence=0.5,
                evidence=evidence)


def coverage_gate(option: Any, cal: dict, kind: str = "sentence") -> float | None:
    """The second signal of MT701 (`kind` "sentence") and of MT702/MT703 ("clause"): the highest percentile
    of a sentence pair's token coverage at its weakest run (mtcheck.neural.meaning.sentence_coverage, against
    the pair's `sentence_coverage` table) at which a low similarity, or a low clause in that pair, is still
    reported. A number from the configuration, else ("calibrated") the pair's
    `max_coverage_percentile_{kind}`, chosen on the dev split; None (no gate) where there is none or the
    pair has no coverage table."""
    if "sentence_coverage" not in cal:
        return None
    if isinstance(option, int | float) and not isinstance(option, bool):
        return float(option)
    gate = cal.get(f"max_coverage_percentile_{kind}")
    return None if gate is None else float(gate)


def coverage_percentiles(m: Any, cal: dict) -> dict[int, float]:
    """The weakest-run coverage percentile of each encoded sentence pair, by id of its SentencePair."""
    return {id(s.pair): percentile(s.coverage, cal["sentence_coverage"]) for s in m.sentences}


@cache
def _normal() -> Any:
    """The standard normal distribution. (statistics, with decimal, fractions and random, is imported only
    when the neural family runs: a rules-only check does not pay for it.)"""
    from statistics import NormalDist

    return NormalDist()


def _z(value: float, table: list[float]) -> float:
    """A score as a standard normal quantile of where it falls among clean scores (rank-based: the two
    clause scores have different scales and tails, and this puts them on one)."""
    p = percentile(value, table) / 100.0
    return _normal().inv_cdf(min(max(p, 1e-15), 1.0 - 1e-15))


def clause_joint(c: Any, cal: dict, on_source: bool) -> float | None:
    """The clause's two scores, token coverage and its own vector against the other sentence, as the sum
    of their normal quantiles among clean clauses; None where the calibration predates the clause vectors."""
    side = "source_clause" if on_source else "target_clause"
    if f"{side}_similarity" not in cal:
        return None
    return _z(c.coverage, cal[side]) + _z(c.similarity, cal[f"{side}_similarity"])


def joint_percentile(value: float, table: list[float]) -> float:
    """Where a joint clause score falls among clean ones, in percent: interpolated down to the 10th
    percentile, and below it a normal through the 10th and 50th (a sum of two normal quantiles is close to
    normal). Fitting the far tail through the 0.1th and 1st percentiles, as `percentile` does, rests on
    the two or three lowest of ~700 clean clauses, and one odd clean clause stretched the French threshold
    to z -6.4 against -5.3 in English: the same nominal percentile then meant a far stricter rule."""
    ten, median = table[PERCENTILES.index(10.0)], table[PERCENTILES.index(50.0)]
    if value >= ten:
        return percentile(value, table)
    sigma = max((median - ten) / -_normal().inv_cdf(0.1), 1e-6)
    return 100.0 * _normal().cdf((value - median) / sigma)


def clause_percentile(c: Any, cal: dict, on_source: bool, score: str = "joint") -> float:
    """Where a clause falls among clean clauses of the language pair, in percent: with score "joint" and
    where calibrated, by the joint score (two pieces of evidence must both lean low, or one very low,
    before a clause is reported: coverage alone let the 40+ clauses of a long article's clean tail through
    at any useful threshold); else by coverage alone."""
    side = "source_clause" if on_source else "target_clause"
    joint = clause_joint(c, cal, on_source) if score == "joint" else None
    if joint is None or f"{side}_joint" not in cal:
        return percentile(c.coverage, cal[side])
    return joint_percentile(joint, cal[f"{side}_joint"])


def sentence_gate(option: Any, cal: dict) -> float | None:
    """The highest percentile of its sentence pair's similarity at which a clause may still be reported
    (MT702, MT703): a number from the configuration, else ("calibrated") the language pair's
    `max_sentence_percentile_clause`, chosen on the dev split with the thresholds; None where there is none."""
    if isinstance(option, int | float) and not isinstance(option, bool):
        return float(option)
    gate = cal.get("max_sentence_percentile_clause")
    return None if gate is None else float(gate)


def sentence_percentiles(m: Any, cal: dict) -> dict[int, float]:
    """The similarity percentile of each encoded sentence pair, by id of its SentencePair."""
    return {id(s.pair): percentile(s.similarity, cal["sentence"]) for s in m.sentences}


class _ClauseRule(Rule):
    """A clause replaced by another lowers its whole sentence pair's similarity too; a clean clause that is
    only freely rendered, in a sentence that otherwise matches, does not. Where the language pair's
    calibration gives a `sentence-gate` (French: clean clause scores are spread wide, and such clauses
    filled the 3% budget), a clause is reported only in a sentence pair below that similarity percentile.
    Where it gives a clause coverage gate (`coverage-gate`, by default "calibrated"; no pair has one stored
    today), a clause is reported only in a sentence pair whose weakest run of tokens is also poorly covered (MT701's second
    signal): a replaced or dropped clause leaves a run of tokens with no counterpart, a clean clause that is
    only freely worded finds counterparts for its words elsewhere in the sentence (docs/quality.md, round 16)."""

    on_source: bool
    needs_neural = True

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        found = _analysis(pair)
        if found is None:
            return
        m, cal = found
        limit = max_percentile(self.options["max-percentile"], cal, "clause")
        gate = sentence_gate(self.options["sentence-gate"], cal)
        sentence_pct = sentence_percentiles(m, cal) if gate is not None else {}
        cover = coverage_gate(self.options["coverage-gate"], cal, "clause")
        coverage_pct = coverage_percentiles(m, cal) if cover is not None else {}
        worst: dict[int, tuple[float, Any]] = {}  # one finding per sentence pair: its least covered clause
        for c in (m.source_clauses if self.on_source else m.target_clauses):
            if c.words < self.options["min-words"]:
                continue
            if gate is not None and sentence_pct.get(id(c.pair), 0.0) >= gate:
                continue
            if cover is not None and coverage_pct.get(id(c.pair), 0.0) >= cover:
                continue
            pct = clause_percentile(c, cal, self.on_source, self.options["score"])
            if pct < limit and (id(c.pair) not in worst or pct < worst[id(c.pair)][0]):
                worst[id(c.pair)] = (pct, c)
        for pct, c in worst.values():
            yield self.finding(self._message(c.text, c.coverage, pct),
                               source=c.span if self.on_source else None,
                               target=None if self.on_source else c.span, confidence=0.45,
                               evidence=(*_evidence("coverage", c.coverage, pct, pair),
                                         f"clause alone against the other sentence {c.similarity:.3f}"))


class UncoveredSourceClause(_ClauseRule):
    """A clause of the source sentence with no counterpart in its translation.

    ## What it does
    Needs `--neural`. Splits each aligned source sentence at commas, semicolons, colons, dashes and brackets
    and scores each clause's coverage: the mean, over its tokens, of the best cosine with any token of the
    translation (contextual token vectors of the encoder, as in SimAlign). A clause of `min-words` words or
    more whose coverage is below the `max-percentile` percentile of clean translations (by default the
    language pair's calibrated one) is reported (the least covered one per sentence). `score = "joint"` judges it as MT703 does, by coverage and the clause
    encoded alone together; the default stays coverage, because a dropped clause is usually on the topic
    of the shortened sentence, so its clause vector is not low and the joint score would dilute a clear
    coverage signal. Where the language pair's calibration has a sentence gate (`sentence-gate`, by
    default "calibrated": French's), a clause is reported only in a sentence pair whose similarity is below
    that percentile of clean pairs; where it has a clause coverage gate (`coverage-gate`, by default
    "calibrated"; none is stored today), only in a sentence pair whose weakest run of tokens is also poorly covered, as
    MT701 asks. It complements MT502, which only judges clauses that carry a name, a number or a date.

    ## Why is this bad?
    A dropped "karena ..." or "setelah ..." clause removes a cause, a condition or a time, and the
    shortened sentence still reads well.

    ## Example
    Source: Polisi menutup jalan itu selama dua jam, karena sebuah truk pengangkut bahan kimia terguling di dekat jembatan.
    Target: Police closed the road for two hours.

    Use instead:
    Target: Police closed the road for two hours, because a truck carrying chemicals overturned near the bridge.
    """

    code = "MT702"
    name = "uncovered-source-clause"
    category = Category.MISTRANSLATION
    default_severity = Severity.MAJOR
    defaults = {"max-percentile": "calibrated", "min-words": 4, "score": "coverage", "sentence-gate": "calibrated",
                "coverage-gate": "calibrated"}
    on_source = True

    @staticmethod
    def _message(text: str, score: float, pct: float) -> str:
        return (f"no counterpart in the translation for '{text}' (coverage {score:.2f}, below {pct:.1f}% of "
                "clean translations)")


class UnsupportedTargetClause(_ClauseRule):
    """A clause of the translation with no counterpart in its source sentence.

    ## What it does
    Needs `--neural`. The mirror of MT702: each clause of an aligned target sentence is scored by how well
    the source's tokens cover it and by how close the clause, encoded on its own, is to the source
    sentence; each as a normal quantile among clean clauses, summed (`score = "joint"`; `"coverage"` for
    the token coverage alone). A clause of `min-words` words or more whose joint score is below the
    `max-percentile` percentile of clean translations (by default the language pair's calibrated one) is
    reported (the least supported one per sentence); with a sentence gate (`sentence-gate`, as MT702), only
    in a sentence pair whose similarity is below that percentile of clean pairs, and with a coverage gate
    (`coverage-gate`, as MT702), only in one whose weakest run of tokens is poorly covered too.

    ## Why is this bad?
    MT systems add explanations and hallucinated details inside otherwise faithful sentences; MT503 only
    sees whole added sentences.

    ## Example
    Source: Polisi menutup jalan itu selama dua jam.
    Target: Police closed the road for two hours, and the singer released her third album to enthusiastic reviews.

    Use instead:
    Target: Police closed the road for two hours.
    """

    code = "MT703"
    name = "unsupported-target-clause"
    category = Category.MISTRANSLATION
    default_severity = Severity.MAJOR
    defaults = {"max-percentile": "calibrated", "min-words": 4, "score": "joint", "sentence-gate": "calibrated",
                "coverage-gate": "calibrated"}
    on_source = False

    @staticmethod
    def _message(text: str, score: float, pct: float) -> str:
        return (f"nothing in the source supports '{text}' (coverage {score:.2f}, below {pct:.1f}% of clean "
                "translations)")
