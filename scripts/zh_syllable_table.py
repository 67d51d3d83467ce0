"""Learn how Chinese renders the chunks of Latin names syllable by syllable, for mtcheck/text/zh_syllables.py:
writes mtcheck/data/zh/syllable_costs.tsv (counts of pinyin initials per Latin onset and of pinyin finals per
Latin chunk rest, from hard-EM alignments of name words with their known renderings).

The pairs are the shipped renderings: CC-CEDICT's transliterated names (mtcheck/data/names/dictionary_zh.tsv,
CC BY-SA 4.0), the hand-compiled table (names/renderings.tsv) and those observed in the dev half's clean
translations (names/observed.tsv); nothing from the test half. Iteration 0 aligns with a hand-written prior
(`Prior`: which pinyin initials a Latin consonant becomes, which finals hold a Latin vowel); each later
iteration counts the previous one's cheapest alignments. A pair whose alignment needs a character that
renders no letter (a translated part: 岛, 州, 大帝) or that is far from every other (a dictionary's
mis-paired word: Aleksandr 卢卡申科) is left out of the counts.

    python scripts/zh_syllable_table.py [--iterations 4] [-o mtcheck/data/zh/syllable_costs.tsv]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mtcheck.lang.base import data_tsv
from mtcheck.text import zh_syllables as zs

# Which pinyin initials a Latin onset becomes (Xinhua's 译音表, as its foreword summarises it); "" is none.
_ONSETS = {
    "": {"", "y", "w"}, "b": {"b", "p"}, "p": {"p", "b"}, "d": {"d", "t"}, "t": {"t", "d"}, "g": {"g", "k", "j"},
    "k": {"k", "g", "q", "j"}, "c": {"k", "s", "x", "q", "c", "j"}, "q": {"k"}, "qu": {"k"}, "f": {"f"},
    "v": {"w", "f"}, "w": {"w", "h"}, "m": {"m"}, "n": {"n"}, "l": {"l"}, "r": {"l"}, "s": {"s", "x", "sh"},
    "z": {"z", "s", "c", "j"}, "j": {"j", "zh", "y"}, "h": {"h", "x", ""}, "x": {"k", "s", "x"}, "y": {"y"},
    "ch": {"q", "zh", "ch", "j", "k", "x"}, "tch": {"q", "zh", "ch"}, "sh": {"sh", "x", "s"}, "th": {"t", "s", "x"},
    "ph": {"f"}, "sch": {"sh", "s"}, "ck": {"k"}, "gh": {"g", ""},
}
# The vowel letters a pinyin final's vowels may write.
_FINAL_VOWELS = {"a": "ae", "o": "oua", "e": "eaiuo", "i": "iey", "u": "uoa", "v": "uie", "r": ""}


class Prior:
    """Iteration 0's costs: 0 for a regular correspondence, 1 for an odd vowel, 3 for an odd consonant."""

    def initial(self, onset: str, initial: str) -> float:
        last = zs.units(onset)[-1:] if onset else ()
        ok = _ONSETS.get(onset, set()) | (_ONSETS.get(last[0], set()) if last else set())
        return 0.0 if initial in ok else 3.0

    def expected(self, onset: str, rest: str) -> float:
        return 0.0

    def final(self, rest: str, final: str) -> float:
        nasal_final = final.endswith("n") or final.endswith("ng")
        nasal_rest = zs.backoff(rest).endswith("N")
        vowels = {c for c in rest if c in "aeiouy"} if not rest.startswith("_") else set()
        if not vowels:  # a consonant alone: a default vowel (斯 si, 特 te, 布 bu, 尔 er)
            base = 0.0 if final in ("i", "e", "u", "er", "o", "a") else 1.0
        else:
            core = final.rstrip("ng") or final
            base = 0.0 if any(v in vowels for c in core for v in _FINAL_VOWELS.get(c, c)) else 1.0
        # a nasal final needs a nasal of the name; a nasal of the name may go to the next character (姆, 恩)
        return base + (2.0 if nasal_final and not nasal_rest else 0.0) + (0.5 if nasal_rest and not nasal_final
                                                                           else 0.0)


def pairs() -> list[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for row in data_tsv("names", "dictionary_zh.tsv"):
        for r in row["zh"].split("|"):
            out.add((row["name"], r))
    for name in ("renderings.tsv", "observed.tsv"):
        for row in data_tsv("names", name):
            for r in (row.get("zh") or "").split("|"):
                for spelling in row["name"].split("|"):
                    if r and " " not in spelling:
                        out.add((spelling.lower(), r))
    return sorted((n, r) for n, r in out if 1 <= len(r) <= 8 and len(zs.readings(r)) == len(r))


def count(data: list[tuple[str, str]], costs) -> tuple[Counter, int]:
    counts: Counter = Counter()
    used = 0
    for name, r in data:
        u = zs.units(name)
        syls = zs.readings(r)
        total, path = zs.align(u, syls, costs)
        # a character that renders no letter, or a pair far from anything the table knows: no evidence
        if not path or any(not chunk for chunk, _, _ in path) or total / len(syls) > 4.0:
            continue
        used += 1
        for (chunk, _, _), (ini, fin) in zip(path, syls, strict=True):
            onset, rest = min(zs.splits(chunk), key=lambda o: costs.initial(o[0], ini) + costs.final(o[1], fin))
            counts[("i", onset, ini)] += 1
            counts[("f", rest, fin)] += 1
            counts[("b", zs.backoff(rest), fin)] += 1
    return counts, used


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--iterations", type=int, default=4)
    ap.add_argument("-o", "--output", default=str(Path(__file__).resolve().parent.parent
                                                   / "mtcheck/data/zh/syllable_costs.tsv"))
    args = ap.parse_args()
    data = pairs()
    costs = Prior()
    for it in range(args.iterations):
        counts, used = count(data, costs)
        print(f"iteration {it}: {used} of {len(data)} pairs aligned", file=sys.stderr)
        costs = zs.Costs((k, latin, y, n) for (k, latin, y), n in counts.items())
    with open(args.output, "w", encoding="utf-8") as f:
        f.write("# How Chinese renders the chunks of Latin names, syllable by syllable (zh_syllables.py):\n"
                "# counts of pinyin initials per Latin onset (kind i), of pinyin finals per chunk rest (f) and per\n"
                "# rest's first vowel and nasal ending (b), from hard-EM alignments of the shipped renderings\n"
                "# (names/dictionary_zh.tsv: CC-CEDICT, CC BY-SA 4.0; names/renderings.tsv; names/observed.tsv,\n"
                f"# dev half only), {used} of {len(data)} pairs. Written by scripts/zh_syllable_table.py; do not\n"
                "# edit by hand.\n")
        f.write("kind\tlatin\tpinyin\tcount\n")
        for (k, latin, y), n in sorted(counts.items()):
            f.write(f"{k}\t{latin}\t{y}\t{n}\n")


if __name__ == "__main__":
    main()
