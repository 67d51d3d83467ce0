"""The default gate is the one scripts/gate_study.py's rule picks from the committed measurement."""

from __future__ import annotations

import json
import sys

from mtcheck.config import DEFAULT_FAIL_ON, DEFAULT_FAIL_UNDER, Settings
from tests.helpers import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import gate_study


def row(fu, fo, clean, one, two=0.0, three=0.0, count=1) -> dict:
    return {"fail_under": fu, "fail_on": fo, "count": count, "long_0": clean, "long_1": one, "long_2": two,
            "long_3": three}


def test_pick_respects_the_clean_budget_then_minimises_escapes() -> None:
    summary = {"candidates": [row(90, "critical", 0.96, 0.91), row(98, "critical", 0.79, 0.39),
                              row(97.5, "critical", 0.91, 0.48), row(None, "major", 0.52, 0.0),
                              row(90, "major", 0.95, 0.10, count=2)]}
    assert gate_study.pick(summary) == summary["candidates"][2]  # 98 is over budget, x2 is not offered
    summary["candidates"][3]["long_0"] = 0.85
    assert gate_study.pick(summary)["fail_on"] == "major"


def test_the_shipped_default_is_the_pick_of_the_committed_study() -> None:
    study = json.loads((ROOT / "docs" / "gate-study.json").read_text(encoding="utf-8"))
    chosen = gate_study.pick(study["en"])
    assert (chosen["fail_under"], chosen["fail_on"]) == (DEFAULT_FAIL_UNDER, DEFAULT_FAIL_ON.value)
    assert (Settings().fail_under, Settings().fail_on) == (DEFAULT_FAIL_UNDER, DEFAULT_FAIL_ON)
    quality = (ROOT / "docs" / "quality.md").read_text(encoding="utf-8")
    assert f"fail-under {DEFAULT_FAIL_UNDER:g}, fail-on {DEFAULT_FAIL_ON.value}** (picked)" in quality
