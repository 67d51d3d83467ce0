"""Plain-text report for terminals: colour when asked for (on a terminal), plain when piped."""

from __future__ import annotations

from mtcheck.model import Report, Severity
from mtcheck.report.common import excerpt, headline, location, waived_note

_COLOURS = {Severity.CRITICAL: "\033[1;31m", Severity.MAJOR: "\033[31m", Severity.MINOR: "\033[33m"}
_BOLD, _DIM, _RESET, _UNDER = "\033[1m", "\033[2m", "\033[0m", "\033[4m"


def render(report: Report, colour: bool = False, **_: object) -> str:
    def c(code: str, s: str) -> str:
        return f"{code}{s}{_RESET}" if colour else s

    lines = [c(_BOLD, f"mtcheck {report.version}") + "  " + headline(report)]
    if report.gate["reasons"]:
        lines.append("gate: " + "; ".join(report.gate["reasons"]))
    lines.extend(f"note: {note}" for note in report.notes)
    for f in report.findings:
        lines.append("")
        lines.append(f"{c(_BOLD, f.code)} {c(_COLOURS[f.severity], f.severity.value)} {f.rule} "
                     f"[{f.category.value}] {c(_DIM, location(f, report))}")
        lines.append(f"  {f.message}")
        for label, text, span in (("target", report.target, f.target_span), ("source", report.source, f.source_span)):
            if span:
                before, covered, after = excerpt(text, span)
                marked = c(_UNDER + _COLOURS[f.severity], covered) if colour else f"⟦{covered}⟧"
                lines.append(f"  {label}: {before}{marked}{after}")
        if f.suggestion:
            lines.append(f"  suggestion: {f.suggestion}")
        if f.waived:
            lines.append(c(_DIM, f"  {waived_note(f)}"))
        if f.fingerprint:
            lines.append(c(_DIM, f"  fingerprint: {f.fingerprint}"))
        if f.evidence:
            lines.append(c(_DIM, f"  evidence: {'; '.join(f.evidence)} (confidence {f.confidence:.2f})"))
    if report.reference_metrics:
        doc = report.reference_metrics["document"]
        lines.append("")
        lines.append("reference: " + ", ".join(f"{k.upper()} {doc[k]['score']:.1f}" for k in ("bleu", "chrf", "ter")))
        lines.extend(c(_DIM, f"  {doc[k]['signature']}") for k in ("bleu", "chrf", "ter"))
    lines.append("")
    lines.append(c(_DIM, f"signature: {report.signature}"))
    return "\n".join(lines) + "\n"
