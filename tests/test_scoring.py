"""Scoring tables: MQM weights per 100 source words, and the gate."""

import pytest

from mtcheck.model import Category, Finding, Severity
from mtcheck.scoring import gate, penalty, score


def _f(sev: Severity) -> Finding:
    return Finding("MT601", "unbalanced-bracket", Category.PUNCTUATION, sev, "m", None, None)


@pytest.mark.parametrize(("severities", "words", "expected"), [
    ([], 100, 100.0),
    ([Severity.MINOR], 100, 99.0),
    ([Severity.MAJOR], 500, 99.0),
    ([Severity.CRITICAL], 100, 90.0),
    ([Severity.CRITICAL] * 20, 100, 0.0),  # floored at 0
    ([Severity.MINOR], 0, 0.0),  # no words: one point is the whole article
])
def test_score(severities: list[Severity], words: int, expected: float) -> None:
    assert score([_f(s) for s in severities], words) == expected


def test_penalty_weights() -> None:
    assert penalty([_f(Severity.MINOR), _f(Severity.MAJOR), _f(Severity.CRITICAL)]) == 16


def test_gate() -> None:
    assert gate([], 100.0, 90, Severity.CRITICAL) == (True, [])
    passed, reasons = gate([_f(Severity.MAJOR)], 85.0, 90, Severity.MAJOR)
    assert not passed and len(reasons) == 2
    assert gate([_f(Severity.MAJOR)], 99.0, 90, Severity.CRITICAL)[0]
    assert gate([_f(Severity.CRITICAL)], 99.0, None, None)[0]
