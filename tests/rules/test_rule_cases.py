"""Each rule on its own fixture cases: the marked target spans must be exactly the rule's findings."""

import pytest

from tests.helpers import load_rule_cases, run_rule, strip_markers

CASES = load_rule_cases()


@pytest.mark.parametrize(("code", "case"), CASES, ids=[f"{c}-{case['id']}" for c, case in CASES])
def test_rule_case(code: str, case: dict) -> None:
    target, expected = strip_markers(case["target"])
    findings = run_rule(code, case["source"], target)
    assert [(f.code, f.target_span) for f in findings] == [(code, s) for s in expected], [
        f.message for f in findings]
    for f in findings:
        assert f.source_span is None or f.source_span.end <= len(case["source"])
