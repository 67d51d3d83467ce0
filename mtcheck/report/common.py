"""Helpers shared by the human-readable renderers."""

from __future__ import annotations

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


def location(f: Finding) -> str:
    parts = []
    if f.target_span:
        parts.append(f"target {f.target_span.start}-{f.target_span.end}")
    if f.source_span:
        parts.append(f"source {f.source_span.start}-{f.source_span.end}")
    if f.file_location:
        parts.append(f"{f.file_location[0]}:{f.file_location[1]}")
    return ", ".join(parts) or "whole article"
