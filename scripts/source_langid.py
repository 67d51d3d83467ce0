"""How often `check_source_language` refuses genuine Indonesian (false refusals) and how often it refuses a
source that is not Indonesian (the English or French side given as the source), sentence by sentence.

    python scripts/source_langid.py [--corpora ../shared/corpora] [--limit 2000]

Each Indonesian sentence of every corpus is one case; short ones are where langdetect errs. Reports, per
corpus: cases, refused, checked with an "uncertain" note; and for the swapped sides, the refusal rate.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mtcheck.engine import check_source_language
from mtcheck.errors import InputError
from scripts.corpora import DEFAULT_ROOT, FILES


def verdict(text: str) -> str:
    try:
        return "uncertain" if check_source_language(text) else "ok"
    except InputError:
        return "refused"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--limit", type=int, default=2000, help="rows per corpus (default 2000)")
    args = ap.parse_args()
    print("| corpus | side | cases | refused | uncertain note | refused % |\n|---|---|---|---|---|---|")
    for name, rel in FILES.items():
        rows = [json.loads(line) for line in (args.corpora / rel).read_text(encoding="utf-8").splitlines()]
        rows = rows[: args.limit]
        for side in ("id_text", "en", "fr"):
            texts = [r[side] for r in rows if side in r]
            if not texts:
                continue
            counts = {"ok": 0, "uncertain": 0, "refused": 0}
            for t in texts:
                counts[verdict(t)] += 1
            label = "Indonesian (must pass)" if side == "id_text" else f"{side} as source (should be refused)"
            print(f"| {name} | {label} | {len(texts)} | {counts['refused']} | {counts['uncertain']} | "
                  f"{100 * counts['refused'] / len(texts):.2f} |")


if __name__ == "__main__":
    main()
