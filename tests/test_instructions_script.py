"""scripts/instructions.py reads callgrind's totals by event name, with and without the cache simulation."""

from __future__ import annotations

import sys

import pytest

from tests.helpers import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import instructions

PLAIN = "version: 1\ncreator: callgrind-3.19.0\nevents: Ir\nfn=main\n0 12\nsummary: 1265429120\ntotals: 1265429120\n"
SIMULATED = ("events: Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw Bc Bcm Bi Bim\nfn=main\n"
             "summary: 2000000 500000 200000 30000 9000 3000 100 50 10 400000 14000 80000 36000\n")


def test_totals_without_the_simulations_is_the_instruction_count() -> None:
    assert instructions.totals(PLAIN) == {"Ir": 1265429120}


def test_totals_and_rates_per_thousand_instructions_with_the_simulations() -> None:
    events = instructions.totals(SIMULATED)
    assert events["I1mr"] == 30000 and events["Bim"] == 36000
    rates = instructions.per_kilo(events)
    assert rates["I1mr"] == pytest.approx(15.0)
    assert rates["Bcm"] == pytest.approx(7.0)
    assert rates["D1mr"] == pytest.approx(4.5)
    assert "Dr" not in rates and "Ir" not in rates  # accesses are not misses


def test_trailing_zeros_callgrind_leaves_out_are_zeros() -> None:
    events = instructions.totals("events: Ir I1mr Bcm\nsummary: 1000 7\n")
    assert events == {"Ir": 1000, "I1mr": 7, "Bcm": 0}


def test_an_output_without_totals_is_refused() -> None:
    with pytest.raises(ValueError):
        instructions.totals("events: Ir\nfn=main\n0 12\n")
