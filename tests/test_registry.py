"""The registry's contract: stable codes, readable names, documented rules, fixtures that fire and stay silent."""

import re

import pytest

from mtcheck.registry import ALL_RULES, CODE_PATTERN, RETIRED
from mtcheck.rules.base import Rule
from tests.helpers import load_rule_cases, strip_markers

KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def test_codes_unique_and_well_formed() -> None:
    codes = [r.code for r in ALL_RULES]
    assert len(codes) == len(set(codes))
    assert all(CODE_PATTERN.match(c) for c in codes)
    assert not set(codes) & set(RETIRED), "a retired code must never be reused"


def test_names_unique_kebab_and_not_prefixed() -> None:
    names = [r.name for r in ALL_RULES]
    assert len(names) == len(set(names))
    for name in names:
        assert KEBAB.match(name), name
        assert not name.startswith(("no-", "check-")), name


@pytest.mark.parametrize("rule", ALL_RULES, ids=[r.code for r in ALL_RULES])
def test_docstring_has_sections(rule: type[Rule]) -> None:
    doc = rule.doc()
    for section in ("## What it does", "## Why is this bad?", "## Example", "Use instead:"):
        assert section in doc, f"{rule.code} docstring lacks {section!r}"
    assert rule.summary() and not rule.summary().endswith(":")


TEXT_RULES = [r for r in ALL_RULES if r.text_rule]  # MT9xx fire on waivers: tests/test_waivers.py


@pytest.mark.parametrize("rule", TEXT_RULES, ids=[r.code for r in TEXT_RULES])
def test_every_rule_has_firing_and_silent_fixture(rule: type[Rule]) -> None:
    cases = [case for code, case in load_rule_cases() if code == rule.code]
    marked = [bool(strip_markers(c["target"])[1] or strip_markers(c["source"])[1]) for c in cases]
    firing = [c for c, m in zip(cases, marked) if m]
    silent = [c for c, m in zip(cases, marked) if not m]
    assert firing, f"{rule.code} has no case that must fire"
    assert silent, f"{rule.code} has no case that must stay silent"
