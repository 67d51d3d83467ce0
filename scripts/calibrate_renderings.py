"""Calibrate the phonetic distance of transliterated names (mtcheck/text/phonetic.py) on clean translations:
the edit operations between source names and their renderings in the clean sibling translations of the
corpora (zh, ja, ar), for mtcheck/data/<lang>/rendering_ops.tsv. An operation seen with at least `--min` (3)
different names is a regular correspondence of the language (cheap); one seen once may be a translator's
choice or a corpus error, and stays a full consonant.

Only the dev half of the articles is read (scripts/inject.py's split), so the test half, on which
docs/quality.md reports, holds renderings the table has not seen. A rendering is a span whose consonant
skeleton matches a capitalised source word of the same row closely (mtcheck.text.transliterate.find_names,
>= 0.8) and is no common word of the language.

    python scripts/calibrate_renderings.py --lang ja [--min 3] -o mtcheck/data/ja/rendering_ops.tsv

With --sounds, the edits between the name's letters and the rendering's sounds with their vowels (the sound
judge, `phonetic.sound_cost`; round 12), for mtcheck/data/<lang>/sound_ops.tsv:

    python scripts/calibrate_renderings.py --lang ja --sounds -o mtcheck/data/ja/sound_ops.tsv

With --siblings (round 12, engineer G), the names are also taken from each row's sibling translations in
Latin script (English, the corpora's original, and French): a name the Indonesian spells its own way (Rusia,
Yunani) or drops keeps its original spelling there, so more of the target's renderings are paired with a
name. `--corpora all` reads every corpus that has the language (Tatoeba's id-ja pairs for Japanese).
The counts of renderings and names read are printed, for docs/quality.md.

With --fold K/N (round 16), only the dev articles of fold K of N are read (`fold_of`): a table calibrated on one
fold can be measured on the other fold's clean articles, which it has not seen, as the test half's are not.
"""

from __future__ import annotations

import argparse
import re
import sys
import zlib
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpora import DEFAULT_ROOT, FILES, load_articles
from inject import split_of

from mtcheck.text.lexicon import zipf
from mtcheck.text.phonetic import alignment_ops, sound_alignment_ops
from mtcheck.text.transliterate import find_names

SIBLINGS = ("en", "fr")  # the sibling translations in Latin script
_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]{3,}\b")  # capitalised, not sentence-initial
# With --siblings, a capitalised word opening a sentence too (Obama said...): a common word there (Presiden,
# However) has no rare target span whose consonants match it at 0.8, which find_names and the zipf test ask.
_ANY_NAME = re.compile(r"\b[A-Z][a-z]{3,}\b")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--corpora", default="ntrex,flores,tico19")
    ap.add_argument("--lang", required=True, choices=("zh", "ja", "ar"))
    ap.add_argument("--min", type=int, default=3, help="different names an operation needs to be cheap")
    ap.add_argument("-o", "--output", type=Path, required=True)
    ap.add_argument("--sounds", action="store_true", help="the edits of the sound judge (vowels kept)")
    ap.add_argument("--siblings", action="store_true", help="names also from the en and fr siblings")
    ap.add_argument("--fold", help="K/N: only the dev articles of fold K of N (`fold_of`), to measure a table "
                                   "on the dev articles it was not calibrated on")
    args = ap.parse_args()
    fold = tuple(int(x) for x in args.fold.split("/")) if args.fold else None
    corpora = list(FILES) if args.corpora == "all" else args.corpora.split(",")
    align = sound_alignment_ops if args.sounds else alignment_ops
    seen: dict[tuple[str, ...], set[str]] = defaultdict(set)
    # and the renderings that make it: with --siblings a name may come in two spellings (Rusia, Russia) for
    # one rendering, so an operation needs `--min` different names and as many different renderings
    made: dict[tuple[str, ...], set[str]] = defaultdict(set)
    pairs: set[tuple[str, str]] = set()
    read: set[str] = set()
    for art in load_articles(args.root, corpora, lang=args.lang):
        if split_of(art.id) != "dev" or (fold is not None and fold_of(art.id, fold[1]) != fold[0]):
            continue
        read.add(art.corpus)
        for src, tgt, sib in zip(art.sources, art.targets, art.siblings):
            latin = [src] + ([sib[k] for k in SIBLINGS if k in sib] if args.siblings else [])
            found = _ANY_NAME if args.siblings else _NAME
            words = sorted({m.group() for text in latin for m in found.finditer(text)})
            for word, spans in find_names(tgt, words, args.lang, threshold=0.8).items():
                for s in spans:
                    text = tgt[s.start:s.end]
                    if len(text) >= 2 and zipf(text, args.lang) < 3.0 and not _glued(word, text, args.lang):
                        pairs.add((word.lower(), text))
                        for op in set(align(word, text, args.lang)):
                            seen[op].add(word.lower())
                            made[op].add(text)
    rows = sorted((op, min(len(names), len(made[op]))) for op, names in seen.items())
    rows = [(op, n) for op, n in rows if n >= args.min]
    with open(args.output, "w", encoding="utf-8") as f:
        kind = "the letters of source names (vowels kept) and the sounds of" if args.sounds else "source names and"
        also = ", names also from the en and fr siblings" if args.siblings else ""
        f.write(f"# Edit operations between {kind} their renderings in clean {args.lang} translations "
                f"(dev half of {', '.join(sorted(read))}{also}), each seen with at least "
                f"{args.min} different names; written by scripts/calibrate_renderings.py, do not edit by hand.\n")
        f.write("op\tsource\ttarget\tnames\n")
        for op, n in rows:
            a, b = (op[1], op[2]) if op[0] in ("s", "I") else (op[1], "") if op[0] == "d" else ("", op[1])
            f.write(f"{op[0]}\t{a}\t{b}\t{n}\n")
    print(f"{len(rows)} operations written to {args.output}; {len(pairs)} distinct renderings of "
          f"{len({w for w, _ in pairs})} names read", file=sys.stderr)


def fold_of(article_id: str, n: int) -> int:
    """The fold of a dev article among `n` (round 16): a hash of its id other than `split_of`'s, so each fold
    holds about 1/n of the dev half."""
    return zlib.crc32(f"fold:{article_id}".encode()) % n


def _glued(name: str, text: str, lang: str) -> bool:
    """Arabic: a rendering written together with a common word, where the corpus lost a space (فريمانعضوة,
    Freeman + "member"; لديةنورثهامبتونشاير): one part renders the name alone and the other is a word of
    its own, so the other's letters are no correspondence of the name's. Matched whole since round 7 (a
    leading ب or ل may be the name's: بوان, لندن), such words taught the table that a rendering adds a d."""
    if lang != "ar":
        return False
    from mtcheck.text.transliterate import similar, skeleton, target_skeleton

    for k in range(4, len(text) - 3):
        for part, rest in ((text[:k], text[k:]), (text[k:], text[:k])):
            if zipf(rest, lang) >= 3.3 and similar(target_skeleton(part, lang), skeleton(name, lang)) >= 0.8:
                return True
    return False


if __name__ == "__main__":
    main()
