"""Probe (round 12, issue 18): for each garbled-transliteration row of an injected zh file, whether the name's
original rendering is a reference the checker can see (written elsewhere in the article, listed by CC-CEDICT
or the name tables, or none), whether `evaluate_names.py -v` caught it, with the pinyin of both and the
syllable costs of mtcheck/text/zh_syllables.py. For reading the misses of the dev half.

    python scripts/zh_garble_probe.py FILE.jsonl EVALUATE_NAMES_V_OUTPUT.txt
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mtcheck.rules.names_script import _dictionary
from mtcheck.text.pinyin import lazy_pinyin
from mtcheck.text.renderings import known_renderings
from mtcheck.text.zh_syllables import syllable_costs


def main() -> None:
    path, missfile = sys.argv[1], sys.argv[2]
    with open(missfile, encoding="utf-8") as f:
        missed = {line.split()[1] for line in f if line.startswith("MISS")}
    classes: Counter[tuple[str, str]] = Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            label = row["label"]
            if not label or label["category"] != "garbled-transliteration":
                continue
            word, orig, garbled = re.match(r"(.+?): (\S+) -> (\S+)", label["detail"]).groups()
            elsewhere = row["target"].count(orig)
            listed = _dictionary(word)
            if elsewhere:
                ref = f"article{elsewhere}"
            elif orig in listed or orig in known_renderings("zh").get(word.lower(), ()):
                ref = "listed"
            else:
                ref = "none"
            status = "MISS" if row["id"] in missed else "hit"
            classes[(status, ref.rstrip("0123456789"))] += 1
            costs = [[round(c, 1) for c in syllable_costs(word, x)] for x in (orig, garbled)]
            print(status, ref, word, orig, garbled, " ".join(lazy_pinyin(orig)), "|", " ".join(lazy_pinyin(garbled)),
                  *costs)
    for k, v in sorted(classes.items()):
        print(*k, v)


if __name__ == "__main__":
    main()
