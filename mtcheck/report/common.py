"""Helpers shared by the human-readable renderers."""

from __future__ import annotations

from functools import lru_cache

from mtcheck.locations import LineIndex
from mtcheck.model import Finding, Report, Span


def excerpt(text: str, span: Span, width: int = 40) -> tuple[str, str, str]:
    """(before, covered, after) around a span, on one line, cut to `width` characters on each side."""
    before = text[max(0, span.start - width):span.start]
    after = text[span.end:span.end + width]
    covered = text[span.start:span.end]
    flat = [" ".join(part.split("\n")) for part in (before, covered, after)]
    if span.start > width:
        flat[0] = "…" + flat[0].lstrip()
    if span.end + width < len(text):
        flat[2] = flat[2].rstrip() + "…"
    if len(flat[1]) > 3 * width:
        flat[1] = flat[1][:width] + " … " + flat[1][-width:]
    return flat[0], flat[1], flat[2]


def headline(report: Report) -> str:
    sev = report.counts_by_severity()
    verdict = "PASSED" if report.passed else "FAILED"
    extra = []
    if report.waived:
        extra.append(f"{len(report.waived)} waived")
    if report.baselined:
        extra.append(f"{report.baselined} in the baseline, not shown")
    return (f"score {report.score:.1f}/100 {verdict} · {report.source_lang} → {report.target_lang} · "
            f"{report.source_words} source words · {len(report.counted)} finding(s): "
            f"{sev['critical']} critical, {sev['major']} major, {sev['minor']} minor"
            + (f" ({', '.join(extra)})" if extra else ""))


def waived_note(f: Finding) -> str:
    w = f.waived
    if w is None:
        return ""
    until = f", until {w.expires}" if w.expires else ""
    where = f"{w.file}:{w.line}" if w.line else w.file  # line 0: a review decision, not a file's line
    return f"waived by {w.author} on {w.date}{until}: {w.reason} ({where})"


@lru_cache(maxsize=4)
def _lines(text: str) -> LineIndex:
    return LineIndex(text)  # once per text, not per finding (str caches its hash)


def location(f: Finding, report: Report | None = None) -> str:
    """'target 901-907, source 1031-1037' (code-point offsets); given the report, with the 1-based line and
    column of each start: 'target 7:128 (901-907)'."""
    parts = []
    for side, span in (("target", f.target_span), ("source", f.source_span)):
        if not span:
            continue
        if report is not None:
            line, col = _lines(getattr(report, side)).position(span.start)
            parts.append(f"{side} {line}:{col} ({span.start}-{span.end})")
        else:
            parts.append(f"{side} {span.start}-{span.end}")
    if f.file_location:
        parts.append(f"{f.file_location[0]}:{f.file_location[1]}")
    return ", ".join(parts) or "whole article"
