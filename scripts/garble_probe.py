"""Probe of the phonetic judge of garbled transliterations (ja, ar): for the garbles of a labelled JSONL
(scripts/inject.py, category garbled-transliteration) and for the renderings of names in the clean
translations of the same file, print the name, the rendering and the costs `mtcheck/text/phonetic.py` gives
(consonants: `rendering_cost`; vowels and voicing: `sound_cost`). For choosing the sound judge's
threshold on the dev half: the clean renderings' costs are the false alarms a threshold would make, the
garbles' the recall. A rendering of a clean article is a span whose consonant skeleton matches a capitalised
source word of the same paragraph at >= 0.8 and is no common word (as scripts/calibrate_renderings.py).

    python scripts/garble_probe.py FILE.jsonl [--clean] [--garbles]
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mtcheck.text.lexicon import zipf
from mtcheck.text.phonetic import rendering_cost, sound_cost
from mtcheck.text.transliterate import find_names

_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]{3,}\b")
_DETAIL = re.compile(r"^(\S+): (\S+) -> (\S*)$")


def garbled_rows(rows: list[dict]) -> Iterator[tuple[dict, str, str, str]]:
    """The garbled-transliteration rows of an inject.py JSONL with their name, clean and garbled rendering
    (read from the label's detail, "Name: clean -> garble"); scripts/garble_misses.py reads them too."""
    for row in rows:
        label = row["label"]
        if label and label["category"] == "garbled-transliteration" and (m := _DETAIL.match(label["detail"])):
            yield row, *m.groups()


def main() -> None:
    path = sys.argv[1]
    show_clean = "--garbles" not in sys.argv
    show_garbles = "--clean" not in sys.argv
    try:
        with open(path, encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
        lang = rows[0]["target_lang"]
    except (OSError, ValueError, IndexError, KeyError, TypeError) as e:
        print(f"garble_probe.py: {path}: not a labelled JSONL of scripts/inject.py ({e})", file=sys.stderr)
        sys.exit(2)
    if show_garbles:
        for _row, name, clean, garble in garbled_rows(rows):
            print("G", name, clean, garble, *(f"{x:.2f}" for x in (
                rendering_cost(name, clean, lang), rendering_cost(name, garble, lang),
                sound_cost(name, clean, lang), sound_cost(name, garble, lang))), sep="\t")
    if show_clean:
        seen: set[tuple[str, str]] = set()
        for row in rows:
            if row["label"] is not None:
                continue
            for src, tgt in zip(row["source"].split("\n\n"), row["target"].split("\n\n")):
                words = sorted({m.group() for m in _NAME.finditer(src)})
                for word, spans in find_names(tgt, words, lang, threshold=0.8).items():
                    for s in spans:
                        text = tgt[s.start:s.end]
                        if len(text) >= 2 and zipf(text, lang) < 3.0 and (word, text) not in seen:
                            seen.add((word, text))
                            print("C", word, text, f"{rendering_cost(word, text, lang):.2f}",
                                  f"{sound_cost(word, text, lang):.2f}", sep="\t")


if __name__ == "__main__":
    main()
