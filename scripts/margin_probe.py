"""Probe: does margin scoring (LASER / Bertalign bitext mining) separate replaced sentences and clauses from
clean translations better than the raw cross-lingual cosine? Issue 12, round 13; DEV half only.

Cheap on purpose: sentences only (no clauses, no sentence aligner): the corpora are aligned row by row, so
the pairs are the corpus rows of each article, clean and with one row edited by scripts/inject.py (the same
edits as evaluate_neural.rows_for: `random.Random(f"1:{id}:{category}")`). Scores of pair (x, y) of an
article, with C the article's source-by-target cosine matrix:

* raw: cos(x, y);
* ratio margin (Artetxe and Schwenk 2019): cos(x, y) / ((knn(x) + knn(y)) / 2), knn(x) the mean cosine of
  x with its k nearest target sentences of the article other than y, knn(y) that of y with its k nearest
  source sentences other than x;
* distance margin: cos(x, y) - (knn(x) + knn(y)) / 2;
* one side's neighbours only (ratioS: the source's, which an edit of its target leaves alone; ratioT);
* LASER's own form (ratioI): the neighbours among all candidates, the pair's own included;
* a background bank instead of the article (CSLS; bankS, bank): the neighbours among the sentences of every
  other article of the half, a donor's own source left out;
* joint: the raw cosine's and the ratio margin's normal quantiles among clean pairs, summed.

An article of one row has no neighbours: its denominator is the median one of clean pairs.

Measured per category: AUC of the edited pair against every clean pair; located recall at the loosest
threshold where at most --max-false-alarms of clean articles (each corpus weighted alike, as
evaluate_neural.clean_weights does) get a pair below it (pairs with a source of MIN_WORDS words or more).

    python scripts/margin_probe.py [--split dev] [--lang en] [--ks 1,2,3,4] [--cache enc.pkl] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from statistics import NormalDist

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import inject  # noqa: E402
from corpora import DEFAULT_ROOT, load_articles  # noqa: E402
from evaluate_neural import MIN_WORDS, CachedEncoder  # noqa: E402

from mtcheck.lang import get_pack  # noqa: E402
from mtcheck.neural_calibration import PERCENTILES, percentile  # noqa: E402

CATEGORIES = ("meaning-clause", "meaning-sentence")


def neighbour_means(c: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Per row i of a square cosine matrix: the mean of the k largest C[i, j] (j != i) and of the k largest
    C[j, i] (j != i); NaN where the article has one row."""
    n = c.shape[0]
    if n < 2:
        return np.full(n, np.nan), np.full(n, np.nan)
    off = c.copy()
    np.fill_diagonal(off, -np.inf)
    kk = min(k, n - 1)
    fwd = -np.sort(-off, axis=1)[:, :kk].mean(axis=1)
    bwd = -np.sort(-off, axis=0)[:kk, :].mean(axis=0)
    return fwd, bwd


def scores(c: np.ndarray, ks: list[int], fallback: dict[int, float]) -> dict[str, np.ndarray]:
    out = {"raw": np.diag(c).copy()}
    for k in ks:
        fwd, bwd = neighbour_means(c, k)
        den = (fwd + bwd) / 2
        den = np.where(np.isnan(den), fallback.get(k, np.nan), den)
        out[f"ratio{k}"] = np.diag(c) / den
        out[f"dist{k}"] = np.diag(c) - den
        # one side's neighbours only: the source's are untouched by an edit of its target
        out[f"ratioS{k}"] = np.diag(c) / np.where(np.isnan(fwd), fallback.get(k, np.nan), fwd)
        out[f"ratioT{k}"] = np.diag(c) / np.where(np.isnan(bwd), fallback.get(k, np.nan), bwd)
        # LASER's own form: the neighbours are all the candidates, the pair's own included
        kk = min(k, c.shape[0])
        inc = (-np.sort(-c, axis=1)[:, :kk].mean(axis=1) + -np.sort(-c, axis=0)[:kk, :].mean(axis=0)) / 2
        out[f"ratioI{k}"] = np.diag(c) / inc
    return out


def auc(pos: list[float], neg: list[float]) -> float:
    """P(an edited pair scores below a clean one): ranks, ties half."""
    neg_sorted = np.sort(np.asarray(neg))
    p = np.asarray(pos)
    lo = np.searchsorted(neg_sorted, p, side="left")
    hi = np.searchsorted(neg_sorted, p, side="right")
    return float(((len(neg_sorted) - hi) + 0.5 * (hi - lo)).sum() / (len(p) * len(neg_sorted)))


def loosest(minima: list[float], weights: list[float], budget: float) -> float:
    """The loosest threshold (exclusive: a pair scoring below it fires) at which the clean articles whose
    lowest pair falls below it weigh at most `budget`."""
    acc = 0.0
    for m, w in sorted(zip(minima, weights)):
        if acc + w > budget + 1e-9:
            return m
        acc += w
    return float("inf")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--lang", default="en")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--ks", default="1,2,3,4")
    ap.add_argument("--max-false-alarms", type=float, default=0.03)
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    if args.split != "dev":
        sys.exit("margin_probe.py: the probe chooses; it runs on the dev half only")
    from mtcheck.config import NeuralSettings
    from mtcheck.neural_support import get_encoder

    ks = [int(k) for k in args.ks.split(",")]
    inject.P = inject.profile(args.lang)
    corpora = "ntrex,flores,tico19" if args.lang in ("en", "zh", "ar") else "ntrex,flores"
    inject.DONORS[:] = inject.donor_rows(args.root, corpora, args.lang)
    encoder = CachedEncoder(get_encoder(NeuralSettings(enabled=True, threads=1)), args.cache)
    words = get_pack("id").count_words

    # per article: the clean cosine matrix, and per category the edited row and its edited target vector
    articles = []
    for corpus in corpora.split(","):
        for a in load_articles(args.root, [corpus], lang=args.lang):
            if inject.split_of(a.id) != args.split:
                continue
            src = np.stack([e.vector for e in encoder.encode(a.sources)])
            tgt = np.stack([e.vector for e in encoder.encode(a.targets)])
            edits = {}
            for cat in CATEGORIES:
                edit = inject.make_edit(cat, a.sources, a.targets, random.Random(f"1:{a.id}:{cat}"))
                if edit is None or edit.new_sources or edit.extra_rows or not edit.new_target:
                    continue
                inserted = edit.new_target[edit.span[0]:edit.span[1]] if edit.span else edit.new_target
                edits[cat] = (edit.row, encoder.encode([edit.new_target])[0].vector, inserted)
            long = np.array([words(s) >= MIN_WORDS for s in a.sources])
            articles.append({"id": a.id, "corpus": corpus, "S": src, "T": tgt, "edits": edits, "long": long,
                             "targets": list(a.targets)})
        encoder.save()
        print(f"{corpus}: {len(articles)} articles so far", file=sys.stderr, flush=True)

    # the fallback denominator (articles of one row): the median over clean pairs of longer articles
    fallback = {}
    for k in ks:
        dens = []
        for a in articles:
            f, b = neighbour_means(a["S"] @ a["T"].T, k)
            dens += [x for x in (f + b) / 2 if not np.isnan(x)]
        fallback[k] = float(np.median(dens))

    # why a margin moves: the edited pair's cosine and its two neighbour means, against the same row of the
    # clean article (largest k; articles of two rows or more)
    k = max(ks)
    parts: dict[str, list[tuple[float, ...]]] = {cat: [] for cat in CATEGORIES}
    for a in articles:
        c = a["S"] @ a["T"].T
        f, b = neighbour_means(c, k)
        for cat, (row, vec, _) in a["edits"].items():
            t = a["T"].copy()
            t[row] = vec
            c2 = a["S"] @ t.T
            f2, b2 = neighbour_means(c2, k)
            if not np.isnan(f2[row]):
                parts[cat].append((c[row, row], f[row], b[row], c2[row, row], f2[row], b2[row]))
    for name, xs in parts.items():
        m = np.mean(np.array(xs), axis=0)
        print(f"{name}: {len(xs)} rows, clean -> edited: cosine {m[0]:.4f} -> {m[3]:.4f}, the source's {k} "
              f"nearest other targets {m[1]:.4f} -> {m[4]:.4f}, the target's {k} nearest other sources "
              f"{m[2]:.4f} -> {m[5]:.4f}")

    clean_scores = [scores(a["S"] @ a["T"].T, ks, fallback) for a in articles]
    corpus_n = {c: sum(a["corpus"] == c for a in articles) for c in {a["corpus"] for a in articles}}
    weight = [1.0 / (len(corpus_n) * corpus_n[a["corpus"]]) for a in articles]
    # A background bank instead of the article (CSLS, Conneau et al. 2018): the neighbours of x are the
    # targets, those of y the sources, of every OTHER article of the half. A bank row whose target holds the
    # inserted text (the donor's own source) is left out of y's neighbours: a real error has no such row.
    bank_s = np.concatenate([a["S"] for a in articles])
    bank_t = np.concatenate([a["T"] for a in articles])
    owner = np.concatenate([np.full(len(a["S"]), i) for i, a in enumerate(articles)])
    bank_texts = [t for a in articles for t in a["targets"]]

    def topk(v: np.ndarray, bank: np.ndarray, keep: np.ndarray, k: int) -> np.ndarray:
        sims = v @ bank[keep].T
        return -np.sort(-sims, axis=-1)[..., :k].mean(axis=-1)

    def bank_scores(ai: int, s: np.ndarray, t: np.ndarray, out: dict, rows: np.ndarray, excluded: str | None) -> None:
        keep = owner != ai
        keep_y = keep & np.array([excluded is None or excluded not in x for x in bank_texts]) if excluded else keep
        cos = np.einsum("ij,ij->i", s[rows], t[rows])
        for k in ks:
            fwd = topk(s[rows], bank_t, keep, k)
            bwd = topk(t[rows], bank_s, keep_y, k)
            out.setdefault(f"bankS{k}", np.full(len(s), np.nan))[rows] = cos / fwd
            out.setdefault(f"bank{k}", np.full(len(s), np.nan))[rows] = cos / ((fwd + bwd) / 2)

    for ai, (a, sc) in enumerate(zip(articles, clean_scores)):
        bank_scores(ai, a["S"], a["T"], sc, np.arange(len(a["S"])), None)
    variants = list(clean_scores[0])
    edited: dict[str, dict[str, list[float]]] = {cat: {v: [] for v in variants} for cat in CATEGORIES}
    where: dict[str, list[tuple[int, int]]] = {cat: [] for cat in CATEGORIES}  # (article, row) of each edit
    for ai, a in enumerate(articles):
        for cat, (row, vec, inserted) in a["edits"].items():
            where[cat].append((ai, row))
            t = a["T"].copy()
            t[row] = vec
            sc = scores(a["S"] @ t.T, ks, fallback)
            bank_scores(ai, a["S"], t, sc, np.array([row]), inserted)
            for v in variants:
                edited[cat][v].append(float(sc[v][row]))

    # joint: a pair's raw cosine and its ratio margin, each as a normal quantile among clean pairs, summed
    # (as MT703's joint clause score): a pair must look bad by both before it is reported
    long_clean = {v: [float(x) for s, a in zip(clean_scores, articles) for x in s[v][a["long"]]] for v in variants}
    tables = {v: [float(x) for x in np.percentile(long_clean[v], PERCENTILES)] for v in variants}
    normal = NormalDist()

    def z(v: str, x: np.ndarray) -> np.ndarray:
        return np.array([normal.inv_cdf(min(max(percentile(float(y), tables[v]) / 100, 1e-15), 1 - 1e-15)) for y in x])

    joints = [f"ratio{k}" for k in ks]
    for sc in clean_scores:
        for j in joints:
            sc["joint" + j[5:]] = z("raw", sc["raw"]) + z(j, sc[j])
    for cat in CATEGORIES:
        for j in joints:
            edited[cat]["joint" + j[5:]] = list(z("raw", np.array(edited[cat]["raw"])) + z(j, np.array(edited[cat][j])))
    variants = list(clean_scores[0])

    result = {"split": args.split, "lang": args.lang, "articles": len(articles),
              "rows": {cat: len(edited[cat]["raw"]) for cat in CATEGORIES}, "variants": {}}
    for v in variants:
        clean_all = [float(x) for s, a in zip(clean_scores, articles) for x in s[v][a["long"]]]
        minima = [float(s[v][a["long"]].min()) if a["long"].any() else np.inf for s, a in zip(clean_scores, articles)]
        entry: dict = {"lowest_clean": [f"{a['id']} {m:.4f}" for m, a in sorted(zip(minima, articles),
                                                                                key=lambda x: x[0])[:6]]}
        for name, w in (("weighted", weight), ("unweighted", [1.0 / len(articles)] * len(articles))):
            thr = loosest(minima, w, args.max_false_alarms)
            entry[name] = {"threshold": thr, "clean": round(sum(wi for m, wi in zip(minima, w) if m < thr), 4),
                           **{cat: round(sum(x < thr for x in edited[cat][v]) / len(edited[cat][v]), 3)
                              for cat in CATEGORIES}}
        # separation: how far an edit lowers its row's score, in clean pairs' standard deviations (a margin
        # whose denominator varies from article to article widens the clean spread)
        entry["clean_sd"] = round(float(np.std(clean_all)), 4)
        for cat in CATEGORIES:
            entry[f"auc {cat}"] = round(auc(edited[cat][v], clean_all), 4)
            drop = np.mean([clean_scores[ai][v][row] - x for (ai, row), x in zip(where[cat], edited[cat][v])])
            entry[f"drop {cat}"] = round(float(drop), 4)
            entry[f"separation {cat}"] = round(float(drop) / max(entry["clean_sd"], 1e-12), 2)
        result["variants"][v] = entry
    print(f"{len(articles)} clean {args.split} articles; rows {result['rows']}")
    print("variant   AUC clause/sentence   weighted budget: clean, clause, sentence   "
          "unweighted: clean, clause, sentence")
    for v, e in result["variants"].items():
        print(f"{v:9s} {e['auc meaning-clause']:.3f} / {e['auc meaning-sentence']:.3f}      "
              + "      ".join(f"{e[n]['clean']:.3f} {e[n]['meaning-clause']:.3f} {e[n]['meaning-sentence']:.3f}"
                              for n in ("weighted", "unweighted")))
        print(f"          clean sd {e['clean_sd']:.4f}; an edit lowers its row by "
              + ", ".join(f"{e['drop ' + c]:.4f} ({e['separation ' + c]:.2f} sd, {c[8:]})" for c in CATEGORIES))
        print("          lowest clean: " + ", ".join(e["lowest_clean"][:4]))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
