"""Write `mtcheck batch` input from the shared corpora: one row per sentence pair, or per grouped article.

    python scripts/corpus_to_jsonl.py --corpus ntrex --limit 400 -o /tmp/ntrex400.jsonl [--articles]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import DEFAULT_ROOT, FILES, load_articles


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--corpus", choices=sorted(FILES), default="ntrex")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--limit", type=int, default=400)
    ap.add_argument("--articles", action="store_true", help="one row per grouped article, not per sentence")
    ap.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args()
    rows = []
    for art in load_articles(args.root, [args.corpus], args.lang):
        if args.articles:
            rows.append({"id": art.id, "source": art.source, "target": art.target, "target_lang": args.lang})
        else:
            rows += [{"id": f"{art.id}#{i}", "source": s, "target": t, "target_lang": args.lang}
                     for i, (s, t) in enumerate(zip(art.sources, art.targets))]
        if len(rows) >= args.limit:
            break
    with open(args.output, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[:args.limit])
    print(f"wrote {min(len(rows), args.limit)} rows to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
