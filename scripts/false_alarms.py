"""False alarms on clean human translations: per rule, the share of articles flagged and findings per
1,000 target words. Runs the same code path as `mtcheck batch` (engine.check_pair with default settings).

    python scripts/false_alarms.py [--root ../shared/corpora] [--corpora ntrex,flores,...] [--show MT601]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import DEFAULT_ROOT, FILES, load_articles

from mtcheck.config import Settings
from mtcheck.engine import check_pair
from mtcheck.registry import ALL_RULES


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--corpora", default=",".join(FILES))
    ap.add_argument("--lang", default="en")
    ap.add_argument("--show", help="print the findings of this rule code, to review them by hand")
    args = ap.parse_args()
    settings = Settings()
    rules = settings.selected_rules()
    print(f"| corpus | articles | words | {' | '.join(r.code for r in ALL_RULES)} | any major+ |")
    print("|---|---|---|" + "---|" * (len(ALL_RULES) + 1))
    for corpus in args.corpora.split(","):
        flagged: Counter[str] = Counter()
        n = words = major = 0
        t0 = time.perf_counter()
        for art in load_articles(args.root, [corpus], args.lang):
            report = check_pair(art.source, art.target, settings, target_lang=args.lang, rules=rules)
            n += 1
            words += report.target_words
            flagged.update({f.code for f in report.findings})
            major += any(f.severity.rank >= 2 for f in report.findings)
            for f in report.findings:
                if f.code == args.show:
                    t = f.target_span
                    print(f"  {art.id}: {f.message} :: {art.target[t.start:t.end][:160] if t else ''!r}",
                          file=sys.stderr)
        cells = [f"{100 * flagged[r.code] / max(n, 1):.1f}%" for r in ALL_RULES]
        print(f"| {corpus} | {n} | {words} | {' | '.join(cells)} | {100 * major / max(n, 1):.1f}% |")
        print(f"  ({time.perf_counter() - t0:.1f}s)", file=sys.stderr)


if __name__ == "__main__":
    main()
