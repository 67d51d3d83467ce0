"""Write mtcheck/data/zh/gbt17693_chars.txt: the Han characters of China's national standard tables for
transliterating foreign names (GB/T 17693, 外语地名汉字译写导则: the 汉字译写表 of part 4, Russian, and
part 5, Spanish), as CLDR encodes them in its transforms `common/transforms/ru-zh.xml` (GB/T 17693.4-2009
表 1) and `common/transforms/es_FONIPA-zh.xml` (GB/T 17693.5-2009 表 1) of the unicode-org/cldr repository
(read at commit 1c55fd1d996ba4e594ed650bd4f1b8b9976b220f), Unicode licence (Unicode, Inc.; rules written by
Martin Jansche, Google). A character counts when it is on the right-hand side of a rule
(`бен } $not_vowel → 边 ;`: 边) and is not yet in `zh/transliteration_chars.txt`.

Why: `transliteration_chars.txt` is built from CLDR's Chinese *names* (places, languages, territories) and
the shipped renderings, so syllables that those names happen not to use were missing although the standard
writes them: 彭 (пэн, pen), 钱 (ʧan), 钦, 琴, 崔, 廖 ... A name rendered or garbled with one of them was no
candidate of the Chinese name search (round 12: about 20 of 58 missed dev garbles).

Left out, as in `zh_transliteration_chars.py`: characters that translate a part of a place's name
(`GENERIC`: 道 province, 海 sea, 金 gold, 文 writing, 东 南 ...), which the standard tables do use as
syllables (дао 道, хаи 海) but which running text writes far more often as words; and characters at least
`MAX_ZIPF` frequent on their own (让 "let", 曾, 真, 宗, 铁), which would make phrases candidates.

    python scripts/zh_gbt17693_chars.py cldr/common/transforms/ru-zh.xml cldr/common/transforms/es_FONIPA-zh.xml
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "mtcheck" / "data" / "zh" / "gbt17693_chars.txt"
# A character this frequent as a word of its own (wordfreq zipf) is a word of running text more often than a
# syllable of a name (让 6.3, 曾 5.6, 真 5.5; 彭 4.02, 钦 3.5 are below). Chosen on the dev half (round 13):
# with 5.0, 宗 (4.22, a measure word: 一宗) and 铁 (4.71, of 滑铁卢, whose 滑 is no transliteration character)
# made runs that were two new minor MT201 findings on clean dev articles; 4.2 keeps the dev garbles found.
MAX_ZIPF = 4.2
_RULE = re.compile(r"→([^;]*);")


def rule_characters(text: str) -> set[str]:
    """The Han characters on the right-hand sides of the rules of a CLDR transform (its XML or the rules
    alone); comments (`# ...`) are skipped."""
    out: set[str] = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        for m in _RULE.finditer(line):
            out |= {c for c in m.group(1) if "\u4e00" <= c <= "\u9fff"}
    return out


def select(chars: set[str], known: frozenset[str], max_zipf: float = MAX_ZIPF) -> list[str]:
    """The characters to add: not known, not `GENERIC`, less frequent than `MAX_ZIPF`."""
    from mtcheck.text.lexicon import zipf
    from scripts.zh_transliteration_chars import GENERIC

    return sorted(c for c in chars if c not in known and c not in GENERIC and zipf(c, "zh") < max_zipf)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("transforms", nargs="+", type=Path, help="CLDR transform files (ru-zh.xml, es_FONIPA-zh.xml)")
    ap.add_argument("--max-zipf", type=float, default=MAX_ZIPF, help=f"(default {MAX_ZIPF})")
    args = ap.parse_args()
    from mtcheck.lang.base import data_lines

    known = frozenset(c for line in data_lines("zh", "transliteration_chars.txt") for c in line.strip())
    chars: set[str] = set()
    for path in args.transforms:
        try:
            chars |= rule_characters(path.read_text(encoding="utf-8"))
        except OSError as e:
            sys.exit(f"error: {path}: {e.strerror}")
    kept = "".join(select(chars, known, args.max_zipf))
    header = ("# Han characters of GB/T 17693's transliteration tables (外语地名汉字译写导则, part 4 Russian\n"
              "# and part 5 Spanish, 表 1) as CLDR's transforms ru-zh.xml and es_FONIPA-zh.xml encode them\n"
              "# (unicode-org/cldr common/transforms at commit 1c55fd1d; Unicode licence), that\n"
              "# transliteration_chars.txt lacks; characters that translate a part of a name (道, 海, 金) or are\n"
              f"# common words on their own (zipf >= {args.max_zipf}: 让, 真, 宗) left out. Read with\n"
              "# transliteration_chars.txt. Written by scripts/zh_gbt17693_chars.py; do not edit by hand.\n")
    OUT.write_text(header + "".join(kept[i:i + 60] + "\n" for i in range(0, len(kept), 60)), encoding="utf-8")
    print(f"{len(kept)} characters -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
