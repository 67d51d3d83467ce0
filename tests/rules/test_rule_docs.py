"""Docstring examples are tests (as pycodestyle does): the Example must fire, `Use instead` must not."""

import re

import pytest

from mtcheck.registry import ALL_RULES
from mtcheck.rules.base import Rule
from tests.helpers import run_rule

_LINE = re.compile(r"^\s*(Source|Target): (.*)$", re.M)


def _example(doc: str) -> tuple[str, str, str, str]:
    """Source and target of the Example; source and target of `Use instead` (which may fix the source too,
    for rules about the original)."""
    example, _, instead = doc.partition("Use instead:")
    example = example.split("## Example", 1)[1]
    fields = dict(_LINE.findall(example))
    fixed = dict(_LINE.findall(instead))
    return fields["Source"], fields["Target"], fixed.get("Source", fields["Source"]), fixed["Target"]


TEXT_RULES = [r for r in ALL_RULES if r.text_rule]  # MT9xx fire on waivers: tests/test_waivers.py


# The neural rules' examples run with the real encoder, in the `neural` test step (skipped without the extra).
@pytest.mark.parametrize("rule", [pytest.param(r, id=r.code, marks=[pytest.mark.neural]
                                                 if getattr(r, "needs_neural", False) else [])
                                    for r in TEXT_RULES])
def test_docstring_example(rule: type[Rule]) -> None:
    source, bad, fixed_source, good = _example(rule.doc())
    assert [f.code for f in run_rule(rule.code, source, bad)], f"{rule.code}: the Example does not fire"
    assert not run_rule(rule.code, fixed_source, good), f"{rule.code}: 'Use instead' fires"
