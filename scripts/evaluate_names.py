"""Quick calibration harness for the names rules: run only the names family (optionally some codes, even
where a rule is off for the language) on a labelled JSONL from scripts/inject.py; print located recall per
injected category (any severity) and the share of clean articles with a major finding per rule. For
choosing thresholds on the dev half; scripts/evaluate.py (the `mtcheck batch` code path) gives the
reported figures.

With --without-observed the names table harvested from the dev half's clean translations
(names/observed.tsv) is not read: on the dev half it lists the very renderings of the rows' names (36 of
the 89 Arabic garbles of dev seed 1 are of a name it lists, 3 of the 95 of the test half), so the dev
figures without it are the ones that say what a change does to names no table has seen, as on the test half
and in real articles.

    python scripts/evaluate_names.py FILE.jsonl [MT201,MT205] [-v] [--without-observed]
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import mtcheck.text.renderings as renderings
from mtcheck.model import Category
from mtcheck.registry import ALL_RULES
from mtcheck.text.article import ArticlePair


def _without_observed() -> None:
    """names/observed.tsv read as absent (before any rule has read the names table)."""
    present = renderings.data_exists
    renderings.data_exists = lambda *parts: parts[-1] != "observed.tsv" and present(*parts)
    renderings.known_renderings.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", help="a labelled JSONL written by scripts/inject.py")
    parser.add_argument("codes", nargs="?", help="comma-separated rule codes (default: every names rule)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each false alarm and miss")
    parser.add_argument("--without-observed", action="store_true",
                        help="leave names/observed.tsv (harvested from the dev half) unread")
    args = parser.parse_args()
    if not Path(args.file).is_file():
        parser.error(f"{args.file}: no such file")
    if args.without_observed:
        _without_observed()
    show = args.verbose
    codes = set(args.codes.split(",")) if args.codes else None
    rules = [r() if isinstance(r, type) else r for r in ALL_RULES]
    rules = [r for r in rules if r.category == Category.NAMES and r.text_rule and (codes is None or r.code in codes)]
    caught: collections.Counter[str] = collections.Counter()
    rows: collections.Counter[str] = collections.Counter()
    flagged: collections.Counter[str] = collections.Counter()
    minor: collections.Counter[str] = collections.Counter()
    clean = 0
    major_articles = 0
    with open(args.file, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            pair = ArticlePair(row["source"], row["target"], row["target_lang"])
            found = [x for r in rules for x in r.check(pair)]
            label = row["label"]
            if label is None:
                clean += 1
                major = [x for x in found if x.severity.rank >= 2]
                major_articles += bool(major)
                flagged.update({x.code for x in major})
                minor.update({x.code for x in found if x.severity.rank < 2})
                for x in major if show else ():
                    t = x.target_span
                    print("FA", row["id"], x.code, x.message, "::", row["target"][t.start:t.end] if t else "")
                continue
            a, b = label["target_span"] or (0, 0)
            rows[label["category"]] += 1
            if any(x.target_span and x.target_span.start < b and a < x.target_span.end for x in found):
                caught[label["category"]] += 1
            elif show:
                print("MISS", row["id"], label["detail"])
    for c, n in rows.items():
        print(f"{c}: {caught[c] / n:.3f} ({n})")
    print(f"clean {clean}: " + ", ".join(f"{c} {100 * v / max(clean, 1):.1f}%" for c, v in sorted(flagged.items())))
    print(f"clean articles with a major finding of these rules: {100 * major_articles / max(clean, 1):.1f}%")
    print("clean, minor findings: "
          + ", ".join(f"{c} {100 * v / max(clean, 1):.1f}%" for c, v in sorted(minor.items())))


if __name__ == "__main__":
    main()
