"""scripts/margin_probe.py, the dev-half experiment of round 13 (issue 12): margin scoring as in LASER and
Bertalign bitext mining against the raw cross-lingual cosine. Its arithmetic only; no model."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

np = pytest.importorskip("numpy")


def _margin_probe():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    import margin_probe

    return margin_probe


def test_margin_neighbours_leave_out_the_pair_itself() -> None:
    """knn(x) is the mean cosine of source x with its k nearest OTHER targets, knn(y) that of target y with
    its k nearest other sources (so a true pair's own cosine never raises its own denominator); k is cut to
    the article's other sentences, and an article of one row has none."""
    probe = _margin_probe()
    c = np.array([[0.90, 0.80, 0.70],
                  [0.60, 0.95, 0.50],
                  [0.40, 0.30, 0.85]])
    fwd, bwd = probe.neighbour_means(c, 1)
    assert fwd.tolist() == pytest.approx([0.80, 0.60, 0.40])
    assert bwd.tolist() == pytest.approx([0.60, 0.80, 0.70])
    fwd, bwd = probe.neighbour_means(c, 5)  # two other sentences at most
    assert fwd.tolist() == pytest.approx([0.75, 0.55, 0.35])
    assert bwd.tolist() == pytest.approx([0.50, 0.55, 0.60])
    one = probe.neighbour_means(np.array([[0.9]]), 4)
    assert np.isnan(one[0]).all() and np.isnan(one[1]).all()


def test_ratio_margin_lifts_a_pair_far_from_everything_and_lowers_one_among_close_neighbours() -> None:
    """What margin scoring does (and why it lost on the dev half, docs/quality.md round 13 F): the same
    cosine 0.85 is a good score beside neighbours at 0.70 and a poor one beside neighbours at 0.84."""
    probe = _margin_probe()
    sparse = np.full((3, 3), 0.70)
    dense = np.full((3, 3), 0.84)
    np.fill_diagonal(sparse, 0.85)
    np.fill_diagonal(dense, 0.85)
    lifted = probe.scores(sparse, [2], {})["ratio2"][0]
    lowered = probe.scores(dense, [2], {})["ratio2"][0]
    assert probe.scores(sparse, [2], {})["raw"][0] == probe.scores(dense, [2], {})["raw"][0] == pytest.approx(0.85)
    assert lifted == pytest.approx(0.85 / 0.70) and lowered == pytest.approx(0.85 / 0.84)


def test_margin_probe_threshold_stays_within_the_weighted_budget() -> None:
    """The loosest threshold at which the clean articles whose lowest pair falls below it weigh at most the
    budget: one article of weight 0.025 fits a 3% budget, a second does not."""
    probe = _margin_probe()
    minima = [0.80, 0.82, 0.90, 0.95]
    assert probe.loosest(minima, [0.025, 0.025, 0.5, 0.45], 0.03) == 0.82
    assert probe.loosest(minima, [0.05, 0.025, 0.5, 0.425], 0.03) == 0.80
    assert probe.loosest(minima, [0.0, 0.0, 0.0, 0.0], 0.03) == float("inf")
