"""Measure MT704 (negation-mismatch) alone, with no model: clean articles it flags and injected negation flips
it locates, per target language.

The rows are `evaluate_neural.rows_for`'s (the same clean articles, NTREX-128, FLORES-200 and, for en/zh/ar,
TICO-19 interleaved, and the same `meaning-negation` copies of scripts/inject.py), so the numbers compare with
that script's `mt704_recall` and `mt704_clean_false_alarms`; a flip is located as there (the finding's target
span overlaps the injected span, or its source span the edited row's source sentence). Reported per language:
clean articles with any MT704 finding, with a sure one (confidence 0.8: a clausal negator with no counterpart)
and with a major one, and located recall of each.
`--show` prints every clean-article finding and every flip missed or found but not sure, with both
sentences, to read what clean translations do that the rule counts as a lost or added negation (read them on
the dev half).

    python scripts/evaluate_negation.py [--root ../shared/corpora] [--langs en,fr] [--split test]
                                        [--max-articles 40] [--show] [--json out.json]
                                        [--neural docs/quality-neural-r7-en.json]

With --neural, a neural_scores.py report of the same rows (its `clean_flagged`), the share of clean articles
with any meaning finding is also given: a sure MT704 finding or an MT701-MT703 one.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from corpora import DEFAULT_ROOT  # noqa: E402
from evaluate_neural import clean_weights, located, rows_for  # noqa: E402

from mtcheck.config import Settings  # noqa: E402
from mtcheck.engine import run_rules  # noqa: E402
from mtcheck.rules.negation import NegationMismatch  # noqa: E402
from mtcheck.text.article import ArticlePair  # noqa: E402

MAJOR = ("major", "critical")
SURE = 0.8  # MT704's confidence for a clausal negator with no counterpart (rules/negation.py `_grade`)


def _findings(row: dict, lang: str) -> tuple[ArticlePair, list]:
    pair = ArticlePair(row["source"], row["target"], lang)
    return pair, run_rules(pair, [NegationMismatch()], Settings())


def _sentences(pair: ArticlePair, finding) -> tuple[str, str]:
    """The aligned sentence pair a finding is in, both sides."""
    for sp in pair.sentence_pairs:
        if sp.source and sp.target and sp.source[0].start <= finding.source_span.start <= sp.source[-1].end:
            return (pair.source[sp.source[0].start:sp.source[-1].end].strip(),
                    pair.target[sp.target[0].start:sp.target[-1].end].strip())
    return "", ""


def _edited(pair: ArticlePair, row: dict) -> tuple[str, str]:
    """An injected row's source sentence and the aligned target sentence that holds the edit."""
    t0 = row["target_span"][0]
    for sp in pair.sentence_pairs:
        if sp.target and sp.target[0].start <= t0 < sp.target[-1].end:
            return (pair.source[sp.source[0].start:sp.source[-1].end].strip() if sp.source else "",
                    pair.target[sp.target[0].start:sp.target[-1].end].strip())
    return "", ""


def measure(root: Path, lang: str, split: str, max_articles: int, show: bool,
            neural_flagged: frozenset[str] = frozenset()) -> dict:
    rows = rows_for(root, lang, split, max_articles, ["meaning-negation"])
    clean_any = clean_major = clean_sure = 0
    hits_any = hits_major = hits_sure = flips = 0
    misses = []
    sure_by_clean = []
    union = 0  # clean articles with a sure MT704 finding or an MT701-MT703 one (from --neural)
    for row in rows:
        pair, found = _findings(row, lang)
        if row.get("category") is None:
            clean_any += bool(found)
            clean_major += any(f.severity.value in MAJOR for f in found)
            clean_sure += any(f.confidence >= SURE for f in found)
            sure_by_clean.append(any(f.confidence >= SURE for f in found))
            union += sure_by_clean[-1] or row["id"] in neural_flagged
            if show:
                for f in found:
                    src, tgt = _sentences(pair, f)
                    print(f"[{lang} clean {row['id']}] {f.severity.value} {f.confidence} {f.message}\n"
                          f"    id: {src}\n    {lang}: {tgt}")
            continue
        flips += 1
        loc = [f for f in found if located(row, f.source_span and f.source_span.to_list(),
                                           f.target_span and f.target_span.to_list())]
        hits_any += bool(loc)
        hits_major += any(f.severity.value in MAJOR for f in loc)
        hits_sure += any(f.confidence >= SURE for f in loc)
        if not loc or not any(f.confidence >= SURE for f in loc):
            misses.append((row["detail"] + ("" if not loc else " (found, not sure)"), *_edited(pair, row)))
    clean = sum(r.get("category") is None for r in rows)
    # each corpus weighted equally (evaluate_neural.clean_weights): a dev sample holds all long TICO-19 articles
    # but many more short FLORES ones than the interleaved test rows do
    weights = clean_weights([{"category": r.get("category"), "id": r["id"]} for r in rows])
    if show:
        for d, src, tgt in misses:
            print(f"[{lang} missed flip] {d}\n    id: {src}\n    {lang}: {tgt}")
    return {"clean_articles": clean, "flips": flips,
            "clean_any": round(clean_any / max(clean, 1), 3), "clean_major": round(clean_major / max(clean, 1), 3),
            "clean_sure": round(clean_sure / max(clean, 1), 3),
            "clean_sure_weighted": round(sum(w for w, f in zip(weights, sure_by_clean) if f), 3),
            **({"clean_sure_or_neural": round(union / max(clean, 1), 3)} if neural_flagged else {}),
            "recall_any": round(hits_any / max(flips, 1), 3), "recall_major": round(hits_major / max(flips, 1), 3),
            "recall_sure": round(hits_sure / max(flips, 1), 3)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--langs", default="en,fr,zh,ja,ar")
    ap.add_argument("--split", default="test")
    ap.add_argument("--max-articles", type=int, default=40)
    ap.add_argument("--show", action="store_true", help="print every clean-article finding and every missed flip")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--neural", type=Path, metavar="REPORT.json",
                    help="a `neural_scores.py report --json` of the same rows (one language): its clean_flagged "
                         "articles (an MT701-MT703 finding) are added to the sure MT704 ones, for the share of clean "
                         "articles with any meaning finding")
    args = ap.parse_args()
    if not args.root.is_dir():
        print(f"evaluate_negation: {args.root}: no such corpus folder", file=sys.stderr)
        sys.exit(2)
    neural: dict[str, frozenset[str]] = {}
    if args.neural is not None:
        try:
            report = json.loads(args.neural.read_text(encoding="utf-8"))
            neural[report["lang"]] = frozenset(report["clean_flagged"])
        except (OSError, ValueError, KeyError) as e:
            print(f"evaluate_negation: {args.neural}: not a neural_scores report ({e})", file=sys.stderr)
            sys.exit(2)
    result = {lang: measure(args.root, lang, args.split, args.max_articles, args.show, neural.get(lang, frozenset()))
              for lang in args.langs.split(",")}
    print("lang  clean articles  flips  clean MT704 any / sure (corpus-weighted) / major  "
          "flips found any / sure / major")
    for lang, r in result.items():
        print(f"{lang:4}  {r['clean_articles']:14}  {r['flips']:5}  {r['clean_any']:>9.3f} / {r['clean_sure']:.3f} "
              f"({r['clean_sure_weighted']:.3f}) / {r['clean_major']:.3f}  {r['recall_any']:>10.3f} / "
              f"{r['recall_sure']:.3f} / {r['recall_major']:.3f}")
        if "clean_sure_or_neural" in r:
            print(f"{lang:4}  clean articles with a sure MT704 or an MT701-MT703 finding: "
                  f"{r['clean_sure_or_neural']:.3f}")
    if args.json:
        tmp = args.json.with_suffix(".tmp")
        tmp.write_text(json.dumps({"split": args.split, "max_articles": args.max_articles, **result}, indent=1)
                       + "\n", encoding="utf-8")
        tmp.replace(args.json)


if __name__ == "__main__":
    main()
