"""Calibration of the neural scores on clean translations, as data (`mtcheck/data/neural_calibration.toml`,
written by scripts/calibrate_neural.py): per model and language pair, the scores of clean sentence pairs
and clauses at fixed percentiles. A rule reports where a score falls below a low percentile of what clean
translations of that language pair reach, and says which percentile."""

from __future__ import annotations

import bisect
import math
from functools import cache

from mtcheck.lang.base import data_toml

PERCENTILES = (0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 25.0, 50.0, 75.0, 90.0)
CALIBRATION_FILE = "neural_calibration.toml"
KINDS = ("sentence", "source_clause", "target_clause")


@cache
def _table() -> dict:
    return data_toml(CALIBRATION_FILE) or {}


def calibration(model: str, lang_pair: str) -> dict | None:
    """{kind: [score at each of PERCENTILES]} for a model and 'id-en', or None where not calibrated."""
    entry = _table().get("model", {}).get(model, {}).get(lang_pair)
    if not entry or any(k not in entry for k in KINDS):
        return None
    return entry


_Z01, _Z1 = -3.0902, -2.3263  # standard normal quantiles of 0.1% and 1%


def percentile(value: float, quantiles: list[float]) -> float:
    """Where `value` falls among clean scores, in percent: linear interpolation between the stored
    percentiles, and below the 0.1th a normal tail through the 0.1th and 1st percentiles (a few hundred
    clean pairs cannot show rarer scores, but a rule that judges 20 sentences per article needs to tell
    1 in 10,000 from 1 in 100,000)."""
    if value < quantiles[0]:
        sigma = max((quantiles[3] - quantiles[0]) / (_Z1 - _Z01), 1e-6)
        z = _Z01 + (value - quantiles[0]) / sigma
        return 50.0 * math.erfc(-z / math.sqrt(2))
    i = bisect.bisect_left(quantiles, value)
    if i == 0:
        return PERCENTILES[0]
    if i >= len(quantiles):
        return PERCENTILES[-1]
    lo, hi = quantiles[i - 1], quantiles[i]
    f = 0.0 if hi == lo else (value - lo) / (hi - lo)
    return PERCENTILES[i - 1] + f * (PERCENTILES[i] - PERCENTILES[i - 1])


def score_at(percent: float, quantiles: list[float]) -> float:
    """The clean score at a percentile (the threshold a rule compares with), interpolated."""
    i = bisect.bisect_left(PERCENTILES, percent)
    if i <= 0:
        return quantiles[0]
    if i >= len(PERCENTILES):
        return quantiles[-1]
    lo, hi = PERCENTILES[i - 1], PERCENTILES[i]
    return quantiles[i - 1] + (percent - lo) / (hi - lo) * (quantiles[i] - quantiles[i - 1])
