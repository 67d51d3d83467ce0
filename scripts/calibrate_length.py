"""Measure target/source character-length ratios on clean human translations, per article and per corpus,
and the variance of sentence lengths that the aligner and the omission rules use.

The thresholds in mtcheck/data/length_ratios.tsv come from this script's output:
    python scripts/calibrate_length.py [--root ../shared/corpora] [--lang en]

Variance: Gale & Church's s^2 in source characters, the mean of (t / ratio - s)^2 / s over the corpus rows
(one sentence each in NTREX, FLORES and TICO-19) of 20+ source characters, with `ratio` the pair's median.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import DEFAULT_ROOT, FILES, load_articles

SENTENCE_CORPORA = ("ntrex", "flores", "tico19")  # one sentence per row: rows are 1-1 sentence pairs


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--lang", default="en")
    args = ap.parse_args()
    every: list[float] = []
    print("| corpus | articles | overall | p0.5 | p1 | p50 | p99 | p99.5 |")
    print("|---|---|---|---|---|---|---|---|")
    for corpus in FILES:
        arts = list(load_articles(args.root, [corpus], args.lang))
        if not arts:
            continue
        ratios = [len(a.target) / len(a.source) for a in arts]
        every += ratios
        overall = sum(len(a.target) for a in arts) / sum(len(a.source) for a in arts)
        cells = [percentile(ratios, q) for q in (0.005, 0.01, 0.5, 0.99, 0.995)]
        print(f"| {corpus} | {len(arts)} | {overall:.3f} | " + " | ".join(f"{c:.3f}" for c in cells) + " |")
    cells = [percentile(every, q) for q in (0.0, 0.005, 0.5, 0.995, 1.0)]
    print(f"\nall {len(every)} articles: min {cells[0]:.3f} p0.5 {cells[1]:.3f} median {cells[2]:.3f} "
          f"p99.5 {cells[3]:.3f} max {cells[4]:.3f}")
    sentence_variance(args.root, args.lang, cells[2])


def sentence_variance(root: Path, lang: str, ratio: float) -> None:
    """Length variance per source character of 1-1 sentence pairs (the corpus rows)."""
    z2: list[float] = []
    for corpus in SENTENCE_CORPORA:
        for a in load_articles(root, [corpus], lang):
            for s, t in zip(a.sources, a.targets):
                ls, lt = len(s.strip()), len(t.strip())
                if ls >= 20:
                    z2.append((lt / ratio - ls) ** 2 / ls)
    if z2:
        print(f"sentence length variance per source character: {sum(z2) / len(z2):.2f} ({len(z2)} rows)")


if __name__ == "__main__":
    main()
