"""Build mtcheck/data/lexicon/id-<lang>.tsv: for each Indonesian content word, the target tokens that
translate it, learnt from sentence pairs by co-occurrence (Dice coefficient, Smadja et al. 1996; the
classic dictionary-free word alignment signal).

Sources: the DEV half of NTREX-128, FLORES-200 and TICO-19 (articles split by `inject.split_of`, so the
test half used for every figure in docs/quality.md is never seen) and, where the pair exists, all of
Tatoeba and NusaX-MT (neither is used for evaluation). Tokens as `mtcheck.text.coverage` reads them.

    python scripts/build_lexicon.py --lang en [--root ../shared/corpora]
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from corpora import DEFAULT_ROOT, load_articles  # noqa: E402
from inject import split_of  # noqa: E402

from mtcheck.text.coverage import source_words, target_tokens  # noqa: E402

EXTRA = {"en": ["tatoeba/tatoeba-test-v2021-08-07.id-en.jsonl", "nusax-mt/nusax-mt.id-en.jsonl"],
         "fr": ["tatoeba/tatoeba-test-v2021-08-07.id-fr.jsonl"],
         "ja": ["tatoeba/tatoeba-test-v2021-08-07.id-ja.jsonl"],
         "zh": ["tatoeba/tatoeba-test-v2021-08-07.id-zh.jsonl"]}
MIN_PAIR = 2  # co-occurrences: a word pair seen once is chance
MIN_DICE = 0.15
TOP = 5


def tuning_half(article_id: str) -> bool:
    """The dev articles a tuning lexicon is built from (`--tuning`): the other dev articles are then unseen
    text to set the rules' thresholds on, as the test half is for the shipped lexicon."""
    return (zlib.crc32(article_id.encode()) >> 1) % 2 == 0


def pairs(root: Path, lang: str, tuning: bool = False) -> list[tuple[str, str]]:
    out = []
    corpora = ["ntrex", "flores"] + (["tico19"] if lang in ("en", "zh", "ar") else [])
    for a in load_articles(root, corpora, lang=lang):
        if split_of(a.id) == "dev" and (not tuning or tuning_half(a.id)):
            out.extend(zip(a.sources, a.targets))
    for rel in EXTRA.get(lang, []):
        with open(root / rel, encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                target = row.get(lang) or next(v for k, v in row.items() if k not in ("id", "id_text"))
                out.append((row["id_text"], target))
    return out


def build(rows: list[tuple[str, str]]) -> dict[str, list[tuple[str, float]]]:
    cs: Counter[str] = Counter()
    ct: Counter[str] = Counter()
    cst: Counter[tuple[str, str]] = Counter()
    for s, t in rows:
        sw = set(source_words(s))
        tt = target_tokens(t)
        cs.update(sw)
        ct.update(tt)
        for w in sw:
            for tok in tt:
                cst[w, tok] += 1
    best: dict[str, list[tuple[str, float]]] = {}
    for (w, tok), n in cst.items():
        if n < MIN_PAIR:
            continue
        dice = 2 * n / (cs[w] + ct[tok])
        if dice >= MIN_DICE:
            best.setdefault(w, []).append((tok, dice))
    return {w: sorted(c, key=lambda x: -x[1])[:TOP] for w, c in best.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", required=True)
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("-o", type=Path)
    ap.add_argument("--tuning", action="store_true", help="from half of the dev articles only (see tuning_half)")
    args = ap.parse_args()
    rows = pairs(args.root, args.lang, args.tuning)
    lex = build(rows)
    out = args.o or ROOT / "mtcheck" / "data" / "lexicon" / f"id-{args.lang}.tsv"
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# Indonesian content word -> target tokens (mtcheck.text.coverage), built by scripts/build_lexicon.py",
             f"# from {len(rows)} sentence pairs: the dev half of NTREX-128 and FLORES-200 (CC BY-SA 4.0) and",
             "# TICO-19 (CC0), Tatoeba (CC BY 2.0 FR) and NusaX-MT (CC BY-SA 4.0) where the pair exists;",
             f"# Dice >= {MIN_DICE}, {MIN_PAIR}+ co-occurrences, best {TOP}. Derived data under the same licences."]
    lines += [f"{w}\t{' '.join(t for t, _ in c)}" for w, c in sorted(lex.items())]
    tmp = out.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(out)
    print(f"{out}: {len(lex)} words from {len(rows)} pairs")


if __name__ == "__main__":
    main()
