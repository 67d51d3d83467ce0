"""Each rule on its own fixture cases: the marked spans must be exactly the rule's findings.

A case may set `target-lang` (default en). Target markers ⟦ ⟧ give the target spans; source markers, where a
case has them, give the source spans (rules such as omissions report source text only). A case with no
markers must produce no finding.
"""

import pytest

from tests.helpers import load_rule_cases, run_rule, strip_markers

CASES = load_rule_cases()


from mtcheck.registry import by_code  # noqa: E402

# The neural rules' cases run with the real encoder, in the `neural` test step (skipped without the extra).
PARAMS = [pytest.param(c, case, id=f"{c}-{case['id']}",
                       marks=[pytest.mark.neural] if getattr(by_code(c), "needs_neural", False) else [])
          for c, case in CASES]


@pytest.mark.parametrize(("code", "case"), PARAMS)
def test_rule_case(code: str, case: dict) -> None:
    target, target_marks = strip_markers(case["target"])
    source, source_marks = strip_markers(case["source"])
    findings = run_rule(code, source, target, case.get("target-lang", "en"))
    messages = [f.message for f in findings]
    assert all(f.code == code for f in findings)
    assert sorted(f.target_span for f in findings if f.target_span) == sorted(target_marks), messages
    if source_marks:
        assert sorted(f.source_span for f in findings if f.source_span) == sorted(source_marks), messages
    for f in findings:
        assert f.target_span in target_marks or f.source_span in source_marks, f"unexpected: {f.message}"
        assert f.source_span is None or f.source_span.end <= len(source)
