"""MQM-style scoring: penalty points by severity, normalised per 100 source words, on a 0-100 scale.

    penalty = sum(WEIGHTS[f.severity] for f in findings)
    score   = max(0, 100 - penalty * 100 / source_words)

So one major error (5 points) in a 500-word article costs 1 point of score; a critical one in a 100-word
article costs 10. The gate fails when score < fail_under, or when any finding is at or above fail_on.
"""

from __future__ import annotations

from collections.abc import Sequence

from mtcheck.model import Finding, Severity

WEIGHTS = {Severity.MINOR: 1.0, Severity.MAJOR: 5.0, Severity.CRITICAL: 10.0}


def penalty(findings: Sequence[Finding]) -> float:
    return sum(WEIGHTS[f.severity] for f in findings)


def score(findings: Sequence[Finding], source_words: int) -> float:
    return round(max(0.0, 100.0 - penalty(findings) * 100.0 / max(source_words, 1)), 2)


def gate(findings: Sequence[Finding], value: float, fail_under: float | None,
         fail_on: Severity | None) -> tuple[bool, list[str]]:
    """(passed, reasons it failed)."""
    reasons = []
    if fail_under is not None and value < fail_under:
        reasons.append(f"score {value:.1f} < {fail_under:g}")
    if fail_on is not None:
        worst = [f for f in findings if f.severity.rank >= fail_on.rank]
        if worst:
            reasons.append(f"{len(worst)} finding(s) at {fail_on.value} or above")
    return not reasons, reasons
