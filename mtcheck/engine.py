"""Run the selected rules on one article pair and build its report."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace

from mtcheck import __version__
from mtcheck.config import Settings
from mtcheck.errors import InputError
from mtcheck.lang import get_pack
from mtcheck.model import Finding, Report, Span
from mtcheck.rules.base import Rule
from mtcheck.scoring import WEIGHTS, gate, penalty, score
from mtcheck.text.article import ArticlePair
from mtcheck.text.langid import detect_language, function_word_counts, latin_share

MIN_DETECT_CHARS = 20
MIN_DETECT_WORDS = 20


def resolve_target_lang(target: str, declared: str | None, where: str = "target") -> str:
    """The declared target language, or the detected one when none is declared."""
    if declared:
        return declared
    n, n_id, n_en = function_word_counts(target[:5000], get_pack("en"))
    if n_en > n_id and n_en >= 0.08 * n:
        return "en"  # plainly English: no need to load langdetect
    lang = detect_language(target)
    if lang is None:
        raise InputError(f"{where}: cannot detect the target language; pass --target-lang")
    if lang == "id":
        # An untranslated article is a finding, not an input error: check it as English, the first target.
        return "en"
    return lang


def check_target_language(target: str, lang: str, where: str = "target") -> None:
    """Refuse a target that is clearly in another language than declared (say French checked as English).
    Indonesian is not refused: an untranslated target is a finding (MT101), not an input error."""
    pack = get_pack(lang)
    if not pack.latin_script and latin_share(target[:5000]) <= 0.7:
        return  # written in a non-Latin script, as declared: langdetect misreads mixed-script news
    n, n_id, n_tgt = function_word_counts(target[:5000], pack)
    if n < MIN_DETECT_WORDS or n_tgt >= 0.05 * n or n_id >= 0.05 * n:
        return
    found = detect_language(target)
    if found is not None and found not in (lang, "id"):
        raise InputError(f"{where}: declared as '{lang}' but it looks like '{found}'")


def check_source_language(source: str, where: str = "source") -> None:
    """Refuse a source that is clearly not Indonesian (for example, source and target swapped)."""
    if len(source) < MIN_DETECT_CHARS:
        return
    n, n_id, n_en = function_word_counts(source[:5000], get_pack("en"))
    if n_id > n_en and n_id >= 0.05 * n:
        return  # plainly Indonesian: skip langdetect, which costs ~0.3 s to load
    lang = detect_language(source)
    # langdetect is unsure on short or name-heavy text; refuse only without any Indonesian function word.
    if lang is not None and lang != "id" and n_id == 0:
        raise InputError(f"{where}: the source must be Indonesian, but it looks like '{lang}'")


def signature(settings: Settings, rules: Sequence[Rule], target_lang: str) -> str:
    """Every setting that changes the score, so that two scores compare only when signatures match."""
    run = [r.code for r in rules if target_lang not in r.not_for]  # rules that ran for this language
    parts = [f"mtcheck:{__version__}", f"tgt:{target_lang}", "rules:" + ",".join(run)]
    if settings.severity:
        parts.append("sev:" + ",".join(f"{k}={v.value}" for k, v in sorted(settings.severity.items())))
    if any(settings.rule_options.values()):
        parts.append("opt:" + ",".join(f"{c}.{k}={v}" for c, o in sorted(settings.rule_options.items())
                                       for k, v in sorted(o.items())))
    parts.append("w:" + "-".join(f"{w:g}" for w in WEIGHTS.values()))
    return "|".join(parts)


def _regrade(finding: Finding, settings: Settings) -> Finding:
    keys = [k for k in settings.severity if finding.code.startswith(k)]
    if not keys:
        return finding
    return replace(finding, severity=settings.severity[max(keys, key=len)])


def _suppress(findings: list[Finding], rules: Sequence[Rule]) -> list[Finding]:
    """Drop findings of suppressed codes where a suppressing rule already flagged the same text: overlapping
    target text, or for findings with only a source span (an omission), overlapping source text."""
    suppressors = {r.code: r.suppresses for r in rules if r.suppresses}
    if not suppressors:
        return findings
    target: dict[str, list[Span]] = {}
    source: dict[str, list[Span]] = {}
    for f in findings:
        for code in suppressors.get(f.code, ()):
            if f.target_span:
                target.setdefault(code, []).append(f.target_span)
            if f.source_span:
                source.setdefault(code, []).append(f.source_span)

    def covered(f: Finding) -> bool:
        if f.target_span:
            return any(f.target_span.overlaps(s) for s in target.get(f.code, ()))
        return bool(f.source_span) and any(f.source_span.overlaps(s) for s in source.get(f.code, ()))

    return [f for f in findings if not covered(f)]


def run_rules(pair: ArticlePair, rules: Sequence[Rule], settings: Settings,
              timings: dict[str, float] | None = None) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        if pair.target_pack.code in rule.not_for:
            continue
        t0 = time.perf_counter()
        findings.extend(_regrade(f, settings) for f in rule.check(pair))
        if timings is not None:
            timings[rule.code] = round((time.perf_counter() - t0) * 1000, 3)
    return sorted(_suppress(findings, rules), key=Finding.sort_key)


def check_pair(source: str, target: str, settings: Settings, target_lang: str | None = None,
               reference: str | None = None, rules: Sequence[Rule] | None = None,
               where: str = "target") -> Report:
    """`where` names the target in input errors (the CLI passes "target <path>")."""
    t_start = time.perf_counter()
    declared = target_lang or settings.target_lang
    lang = resolve_target_lang(target, declared, where)
    try:
        get_pack(lang)
    except InputError as e:
        raise InputError(f"{where}: {e}") from None
    if declared:
        check_target_language(target, lang, where)
    rules = settings.selected_rules() if rules is None else rules
    pair = ArticlePair(source, target, lang, boilerplate=settings.boilerplate_patterns(), reference=reference,
                       glossary=settings.glossary)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    _ = pair.sentence_pairs  # segmentation and alignment, timed apart from the rules that share them
    timings["align"] = round((time.perf_counter() - t0) * 1000, 3)
    rule_timings: dict[str, float] = {}
    findings = run_rules(pair, rules, settings, rule_timings)
    timings["rules"] = round(sum(rule_timings.values()), 3)
    # Per rule, by code. A shared analysis (pair.analysis) is counted in the first rule that asks for it.
    timings.update(rule_timings)
    metrics = None
    if reference is not None:
        t0 = time.perf_counter()
        from mtcheck.metrics import reference_metrics

        metrics = reference_metrics(pair, reference)
        timings["metrics"] = round((time.perf_counter() - t0) * 1000, 3)
    value = score(findings, pair.source_words)
    passed, reasons = gate(findings, value, settings.fail_under, settings.fail_on)
    timings["total"] = round((time.perf_counter() - t_start) * 1000, 3)
    return Report(
        source=source, target=target, source_lang="id", target_lang=lang, findings=findings, score=value,
        passed=passed,
        gate={"fail_under": settings.fail_under,
              "fail_on": settings.fail_on.value if settings.fail_on else None, "reasons": reasons},
        source_words=pair.source_words, target_words=pair.target_words, penalty=penalty(findings),
        signature=signature(settings, rules, lang), version=__version__, timings_ms=timings,
        reference_metrics=metrics,
        alignment=[{"kind": b.kind,
                    "source": [[s.start, s.end] for s in b.source],
                    "target": [[t.start, t.end] for t in b.target]} for b in pair.paragraph_beads],
    )
