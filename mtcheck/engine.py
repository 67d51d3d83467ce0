"""Run the selected rules on one article pair and build its report."""

from __future__ import annotations

import functools
import gc
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import replace

from mtcheck import __version__
from mtcheck.config import Settings
from mtcheck.errors import InputError
from mtcheck.fingerprint import fingerprints
from mtcheck.lang import get_pack
from mtcheck.memo import article_scope
from mtcheck.model import ArticleRef, Category, Finding, Report
from mtcheck.rules.base import Rule
from mtcheck.scoring import WEIGHTS, gate, penalty, score
from mtcheck.text.article import ArticlePair
from mtcheck.text.langid import INDONESIAN, detect_language, detect_probabilities, function_word_counts, latin_share

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


_MARKUP = re.compile(r"<[^<>]{0,200}>|&[#\w]{1,10};")
REFUSE_MIN_WORDS = 8  # langdetect says Tagalog with certainty 1.0 for "Bagaimana kabar Anda?"
REFUSE_MIN_PROB = 0.9


def check_source_language(source: str, where: str = "source") -> str | None:
    """Refuse a source that is clearly not Indonesian (source and target swapped, an English original).

    Refuse only when confident: at least REFUSE_MIN_WORDS words, no Indonesian function word, and langdetect
    sure of another language. Short sources are where langdetect errs ("Boleh pinjam ponselmu?" as Slovene):
    those are checked, and the returned note says the language was uncertain (None when it is plainly
    Indonesian)."""
    if len(source) < MIN_DETECT_CHARS:
        return None
    text = _MARKUP.sub(" ", source[:5000])  # "<div><p>Di manakah toilet?</p></div>": tags are not words
    n, n_id, n_en = function_word_counts(text, get_pack("en"))
    if n_id > n_en and n_id >= 0.05 * n:
        return None  # plainly Indonesian: skip langdetect, which costs ~0.3 s to load
    probs = detect_probabilities(text)
    if not probs:
        return None
    best = max(probs, key=probs.__getitem__)
    p_id = sum(probs.get(code, 0.0) for code in INDONESIAN)
    if best in INDONESIAN or p_id >= 0.5:
        return None
    evidence = f"langdetect: {best} {probs[best]:.2f}, id/ms {p_id:.2f}; {n_id} Indonesian function words in {n}"
    # Short text is refused on two independent signals only: English function words and langdetect agreeing.
    english = best == "en" and n_en >= 2 and n_en >= 0.3 * n
    if (n >= REFUSE_MIN_WORDS or english) and n_id == 0 and probs[best] >= REFUSE_MIN_PROB:
        raise InputError(f"{where}: the source must be Indonesian, but it looks like '{best.split('-')[0]}' "
                         f"({evidence})")
    return f"the source language was uncertain ({evidence}); checked as Indonesian"


def signature(settings: Settings, rules: Sequence[Rule], target_lang: str) -> str:
    """Every setting that changes the score, so that two scores compare only when signatures match."""
    # Rules that ran for this language; MT9xx never change a score, so they stay out.
    run = [r.code for r in rules if target_lang not in r.not_for and r.text_rule]
    parts = [f"mtcheck:{__version__}", f"tgt:{target_lang}", "rules:" + ",".join(run)]
    if settings.severity:
        parts.append("sev:" + ",".join(f"{k}={v.value}" for k, v in sorted(settings.severity.items())))
    if any(settings.rule_options.values()):
        parts.append("opt:" + ",".join(f"{c}.{k}={v}" for c, o in sorted(settings.rule_options.items())
                                       for k, v in sorted(o.items())))
    if settings.neural.enabled:
        parts.append(f"neural:{settings.neural.model}")
    parts.append("w:" + "-".join(f"{w:g}" for w in WEIGHTS.values()))
    return "|".join(parts)


def _regrade(finding: Finding, settings: Settings) -> Finding:
    keys = [k for k in settings.severity if finding.code.startswith(k)]
    if not keys:
        return finding
    return replace(finding, severity=settings.severity[max(keys, key=len)])


def _suppress(findings: list[Finding], rules: Sequence[Rule]) -> list[Finding]:
    """Drop findings of suppressed codes where a suppressing rule's finding already flagged the same text
    (overlapping target text or overlapping source text; source text only for a rule whose target span is
    not the text it reports, `Rule.suppresses_by_source`), and is at least as grave: a minor finding never
    takes the place of a major one (a sentence "short by about that much" does not hide a number changed in
    it)."""
    suppressors = {r.code: (r.suppresses, r.suppresses_by_source or r.target_is_context)
                   for r in rules if r.suppresses}
    if not suppressors:
        return findings
    # Rules whose target span is only where missing source text belongs (`Rule.target_is_context`): their
    # findings are suppressed by their source span alone (and suppress by it: `suppresses_by_source` above).
    context = {r.code for r in rules if r.target_is_context}
    by_code: dict[str, list[tuple[Finding, bool]]] = {}
    for f in findings:
        codes, by_source = suppressors.get(f.code, ((), False))
        for code in codes:
            by_code.setdefault(code, []).append((f, by_source))

    def same_text(f: Finding, by: Finding, by_source: bool) -> bool:
        # Either side: a number missing from an omitted sentence points at the target sentence it belongs
        # to and at its source, and the omission names that source. Not by the target side for a finding whose
        # target span is only where its missing text belongs (`context`), nor by an empty target span: the point
        # where missing text belongs (MT501's dropped sentence) covers no target text.
        if not by_source and f.target_span and by.target_span and by.target_span.start < by.target_span.end \
                and not (f.code in context and f.source_span) and f.target_span.overlaps(by.target_span):
            return True
        return bool(f.source_span and by.source_span) and f.source_span.overlaps(by.source_span)

    def covered(f: Finding) -> bool:
        return any(by.severity.rank >= f.severity.rank and same_text(f, by, by_source)
                   for by, by_source in by_code.get(f.code, ()))

    return [f for f in findings if not covered(f)]


def run_rules(pair: ArticlePair, rules: Sequence[Rule], settings: Settings,
              timings: dict[str, float] | None = None) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        if pair.target_pack.code in rule.not_for or not rule.text_rule:
            continue
        t0 = time.perf_counter()
        findings.extend(_regrade(f, settings) for f in rule.check(pair))
        if timings is not None:
            timings[rule.code] = round((time.perf_counter() - t0) * 1000, 3)
    return sorted(_suppress(findings, rules), key=Finding.sort_key)


def with_fingerprints(findings: Sequence[Finding], source: str, target: str) -> list[Finding]:
    return [replace(f, fingerprint=fp) for f, fp in zip(findings, fingerprints(findings, source, target))]


def accept(findings: list[Finding], source: str, target: str, settings: Settings, rules: Sequence[Rule],
           article: ArticleRef | None) -> tuple[list[Finding], int]:
    """Fingerprints, then waivers (and MT901 for the unused ones), then the baseline: (findings, how many the
    baseline left out)."""
    findings = with_fingerprints(findings, source, target)
    if settings.waivers:
        from mtcheck.waivers import apply_waivers

        findings, unused = apply_waivers(findings, settings.waivers, article, source, target)
        meta = next((r for r in rules if r.code == "MT901"), None)
        if unused and meta is not None:
            extra = [_regrade(f, settings) for f in meta.for_waivers(unused)]  # type: ignore[attr-defined]
            findings += with_fingerprints(extra, source, target)
    baselined = 0
    if settings.baseline is not None:
        findings, baselined = settings.baseline.filter(findings, article)
    return findings, baselined


def scored(findings: Sequence[Finding]) -> list[Finding]:
    """What the score counts: not waived, and about the translation (MT9xx are about mtcheck's inputs)."""
    return [f for f in findings if f.counts and f.category is not Category.CONFIG]


def _without_cyclic_gc(fn: Callable[..., Report]) -> Callable[..., Report]:
    """Run `fn` with Python's cyclic garbage collector paused. A check allocates millions of small objects
    that stay alive until it ends (segments, tokens, spans, analyses), and the collector rescans them all
    every few thousand allocations: a quarter of the CPU of a 500 KB article, for no garbage (what a check
    frees, reference counting frees). The collector resumes after the check and takes its cycles then.
    Only the call that paused it resumes it, so nested or concurrent checks leave it as they found it."""

    @functools.wraps(fn)
    def run(*args, **kwargs) -> Report:
        if not gc.isenabled():
            return fn(*args, **kwargs)
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            gc.enable()

    return run


def _in_article_scope(fn: Callable[..., Report]) -> Callable[..., Report]:
    """Run `fn` with the per-article memo of sentence analyses on (mtcheck/memo.py): a long article's
    sentences are tokenised once for all the rules, not once per rule's pass."""

    @functools.wraps(fn)
    def run(*args, **kwargs) -> Report:
        with article_scope():
            return fn(*args, **kwargs)

    return run


@_without_cyclic_gc
@_in_article_scope
def check_pair(source: str, target: str, settings: Settings, target_lang: str | None = None,
               reference: str | None = None, rules: Sequence[Rule] | None = None,
               where: str = "target", article: ArticleRef | None = None) -> Report:
    """`where` names the target in input errors (the CLI passes "target <path>"); `article` says where the
    article came from (for locations, waivers and the baseline)."""
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
    encoder = None
    if settings.neural.enabled:
        from mtcheck.neural_support import get_encoder

        encoder = get_encoder(settings.neural)
    pair = ArticlePair(source, target, lang, boilerplate=settings.boilerplate_patterns(), reference=reference,
                       glossary=settings.glossary, encoder=encoder)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    _ = pair.sentence_pairs  # segmentation and alignment, timed apart from the rules that share them
    timings["align"] = round((time.perf_counter() - t0) * 1000, 3)
    rule_timings: dict[str, float] = {}
    findings = run_rules(pair, rules, settings, rule_timings)
    timings["rules"] = round(sum(rule_timings.values()), 3)
    # Per rule, by code. A shared analysis (pair.analysis) is counted in the first rule that asks for it.
    timings.update(rule_timings)
    findings, baselined = accept(findings, source, target, settings, rules, article)
    metrics = None
    if reference is not None:
        t0 = time.perf_counter()
        from mtcheck.metrics import reference_metrics

        metrics = reference_metrics(pair, reference)
        timings["metrics"] = round((time.perf_counter() - t0) * 1000, 3)
    value = score(scored(findings), pair.source_words)
    passed, reasons = gate([f for f in findings if f.counts], value, settings.fail_under, settings.fail_on)
    timings["total"] = round((time.perf_counter() - t_start) * 1000, 3)
    return Report(
        source=source, target=target, source_lang="id", target_lang=lang, findings=findings, score=value,
        passed=passed,
        gate={"fail_under": settings.fail_under,
              "fail_on": settings.fail_on.value if settings.fail_on else None, "reasons": reasons},
        source_words=pair.source_words, target_words=pair.target_words, penalty=penalty(scored(findings)),
        signature=signature(settings, rules, lang), version=__version__, timings_ms=timings,
        reference_metrics=metrics,
        alignment=[{"kind": b.kind,
                    "source": [[s.start, s.end] for s in b.source],
                    "target": [[t.start, t.end] for t in b.target]} for b in pair.paragraph_beads],
        article=article, baselined=baselined,
    )
