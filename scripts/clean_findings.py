"""Every major+ finding on the clean rows of a labelled JSONL (from scripts/inject.py), to read and classify by
hand: per finding its rule, message and the source and target text of its spans. Same code path as
`scripts/evaluate.py` (`mtcheck batch`'s check_items, default settings), so a row flagged here is one of the
false alarms evaluate.py counts.

    python scripts/inject.py --split dev --seed 1 --lang fr --categories number --classic -o /tmp/dev-fr.jsonl
    python scripts/clean_findings.py /tmp/dev-fr.jsonl [--codes MT401,MT5] [--all-severities] [--summary]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evaluate import BadInput, load_rows  # noqa: E402  (scripts/ is on sys.path when run from it)

from mtcheck.batch import Item  # noqa: E402
from mtcheck.cli.batch import check_items  # noqa: E402
from mtcheck.config import Settings  # noqa: E402

MAJOR = {"major", "critical"}


def _clip(text: str, span: dict | None, pad: int = 60) -> str:
    """The span's text with `pad` characters either side, on one line ('' without a span)."""
    if not span:
        return ""
    a, b = (span["start"], span["end"]) if isinstance(span, dict) else span[:2]
    left = text[max(0, a - pad):a]
    right = text[b:b + pad]
    return f"{left}[[{text[a:b][:200]}]]{right}".replace("\n", " / ")


def load_clean(path: Path) -> list[dict]:
    """The clean rows (no label) of a labelled file, read and checked as evaluate.py reads them."""
    return [row for row in load_rows(path) if row.get("label") is None]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("labelled", type=Path)
    ap.add_argument("--codes", help="only these rule codes or prefixes, comma-separated")
    ap.add_argument("--all-severities", action="store_true", help="minor findings too")
    ap.add_argument("--summary", action="store_true", help="only the counts per rule")
    args = ap.parse_args()
    try:
        rows = load_clean(args.labelled)
    except BadInput as e:
        print(f"clean_findings.py: {e}", file=sys.stderr)
        return 2
    prefixes = tuple(args.codes.split(",")) if args.codes else ()
    items = (Item(r["id"], r["source"], r["target"], r.get("target_lang", "en")) for r in rows)
    per_rule: Counter[str] = Counter()
    flagged = 0
    for row, (record, _) in zip(rows, check_items(items, Settings(), 1, None)):
        found = [f for f in record.get("findings", ())
                 if (args.all_severities or f["severity"] in MAJOR)
                 and (not prefixes or f["code"].startswith(prefixes))]
        if any(f["severity"] in MAJOR for f in record.get("findings", ())):
            flagged += 1
        per_rule.update({f["code"] for f in found})
        if args.summary or not found:
            continue
        print(f"## {row['id']}")
        for f in found:
            print(f"- {f['code']} {f['severity']}: {f['message']}")
            src = _clip(row["source"], f.get("source_span"))
            tgt = _clip(row["target"], f.get("target_span"))
            if src:
                print(f"    src: {src}")
            if tgt:
                print(f"    tgt: {tgt}")
    print(f"\n{len(rows)} clean rows, {flagged} with a major+ finding ({flagged / max(len(rows), 1):.1%}); "
          "articles per rule: " + ", ".join(f"{c} {n}" for c, n in sorted(per_rule.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
