"""MT705 (roles-swapped, with the encoder) on the injected role swaps of `evaluate_neural.rows_for`: the
located recall, the clean articles it flags, and for each miss (or each row, -v) the source sentence, the
swapped stretch and the names `shared_names` anchors in its sentence pair, to classify why it stays silent.

    python scripts/roles_misses.py --split dev --max-articles 80 [--cache enc.pkl] [-v]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import evaluate_neural as ev  # noqa: E402
from corpora import DEFAULT_ROOT  # noqa: E402

from mtcheck.config import NeuralSettings  # noqa: E402
from mtcheck.neural_support import get_encoder  # noqa: E402
from mtcheck.rules.roles import RolesSwapped, shared_names  # noqa: E402
from mtcheck.text.article import ArticlePair  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--lang", default="en")
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--max-articles", type=int, default=80)
    ap.add_argument("--cache", type=Path, help="evaluate_neural.CachedEncoder's pickle of encodings")
    ap.add_argument("-v", "--verbose", action="store_true", help="show the hits too")
    args = ap.parse_args()
    encoder = ev.CachedEncoder(get_encoder(NeuralSettings(enabled=True, threads=1)), args.cache)
    hits = total = flagged = clean = 0
    for r in ev.rows_for(args.root, args.lang, args.split, args.max_articles, ["meaning-roles"]):
        pair = ArticlePair(r["source"], r["target"], args.lang, encoder=encoder)
        found = list(RolesSwapped().check(pair))
        if not r.get("category"):
            clean += 1
            flagged += bool(found)
            continue
        total += 1
        hit = any(ev.located(r, f.source_span and f.source_span.to_list(), f.target_span.to_list()) for f in found)
        hits += hit
        if hit and not args.verbose:
            continue
        t0, t1 = r["target_span"]
        print(("HIT " if hit else "MISS ") + r["id"], r["detail"])
        print("  source:", r["source"][r["source_row"][0]:r["source_row"][1]])
        print("  target:", r["target"][max(0, t0 - 150):t1 + 150].replace("\n", " "))
        for sp in pair.sentence_pairs:
            if sp.source and sp.target and sp.target[0].start <= t0 <= sp.target[-1].end:
                print("  names:", [(pair.source[s.start:s.end], pair.target[t.start:t.end])
                                   for s, t in shared_names(pair, sp).items()])
        print("  findings:", [f.message for f in found])
    encoder.save()
    print(f"{args.lang} {args.split}: roles swapped found {hits} of {total}; "
          f"clean articles flagged {flagged} of {clean}")


if __name__ == "__main__":
    main()
