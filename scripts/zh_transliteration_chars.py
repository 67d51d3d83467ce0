"""Write mtcheck/data/zh/transliteration_chars.txt: the Han characters Chinese uses to transliterate foreign
names (the 译名 characters of Xinhua's 外国人名译名手册 tables), as attested in data mtcheck already ships or
depends on, not in any error injector:

- CLDR's Chinese names of the world's cities (time-zone exemplar cities), languages, territories and
  currencies (through Babel), a character counting if it occurs in at least MIN_NAMES of them;
- every character of the zh renderings of `mtcheck/data/names/renderings.tsv` (Xinhua and People's Daily
  usage) and `names/observed.tsv` (clean sibling translations, dev half);
- with `--jieba-dict`, the transliterated person names of jieba's dictionary (`jieba/dict.txt` of the
  jieba 0.42.1 sdist, MIT licence: words tagged `nrt`, 音译人名): a character counts if it is the one
  character outside the two sources above in at least MIN_JIEBA such names of three characters or more
  (娜 of 克里斯蒂娜, 莎 of 伊莎贝拉, 考 of 考夫曼). CLDR's names are places, so the characters of given
  names (娜, 莎, 琳, 妮) and of German and Slavic names (施, 舍, 契) were missing: a garble of 卡特里娜 or
  特雷莎 was never a candidate (round 8). jieba's `nrt` tag also marks Chinese names and words (慈恩宗,
  二万人): the condition that every other character be a transliteration character already keeps those out.
  jieba is read as data, not imported: it is no dependency of mtcheck.
 Characters that translate a part of a
place's name rather than transliterate it (国 country, 岛 island, 群 archipelago, 圣 saint, 新 new, ...) are
left out: `GENERIC`. The MT201 checks for Chinese judge only spans made of these characters as renderings
of a person's or other proper name (mtcheck/text/renderings.py).

    python scripts/zh_transliteration_chars.py [--jieba-dict jieba-0.42.1/jieba/dict.txt]
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MIN_NAMES = 2
MIN_JIEBA = 3
# Meaning, not sound: words of place names that Chinese translates (country, island, archipelago, state,
# city, province, mountain, lake, river, sea, bay, port, saint, new, north/south/east/west, great/small,
# "special", numbers) and the name dot.
GENERIC = set("国岛群州市城省县区山湖河江海湾港圣新北南东中大小上下别行政共和王公联合民主人众日京天门口"
              "岭峡角半原道语文方言古代现标准书体字知种部际面低高洲属领地未元币银金年旧重调整"
              "·")
# The particle 的 and the pronoun 他 transliterate in a few names (的黎波里, 达科他) but in running text are
# grammar: a window holding one is a phrase far more often than a name.
GENERIC |= set("的他")
# jieba's names hold regnal numbers and styles (保罗一世, 哈姆雷特式) and palaces (克里姆林宫).
GENERIC |= set("一二三四五六七八九十宫式")


def names() -> list[str]:
    from babel import Locale

    from mtcheck.lang.base import data_tsv

    zh = Locale("zh")
    cldr = [v["city"] for v in zh.time_zones.values() if v.get("city")] + list(zh.languages.values()) \
        + list(zh.territories.values()) + list(zh.currencies.values())
    listed = [r for table in ("renderings.tsv", "observed.tsv") for row in data_tsv("names", table)
              for r in (row.get("zh") or "").split("|") if r]
    return cldr, listed


def _han(name: str) -> set[str]:
    return {c for c in name if "\u4e00" <= c <= "\u9fff"}


def jieba_names(path: Path) -> list[str]:
    """The transliterated person names (tag `nrt`) of jieba's dict.txt ("word count tag" per line)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "nrt":
                out.append(parts[0])
    return out


def from_jieba(names: list[str], known: set[str]) -> set[str]:
    """Characters that are the only one outside `known` in at least MIN_JIEBA names of 3+ characters."""
    seen: dict[str, set[str]] = collections.defaultdict(set)
    for name in names:
        outside = [c for c in name if c not in known]
        if len(name) >= 3 and len(set(outside)) == 1 and outside[0] not in GENERIC and _han(outside[0]):
            seen[outside[0]].add(name)
    return {c for c, found in seen.items() if len(found) >= MIN_JIEBA}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jieba-dict", type=Path, help="jieba's dict.txt (from the jieba 0.42.1 sdist)")
    args = ap.parse_args()
    cldr, listed = names()
    seen: collections.Counter[str] = collections.Counter()
    for name in set(cldr):
        seen.update(_han(name))
    kept = {c for c, n in seen.items() if n >= MIN_NAMES} | {c for name in listed for c in _han(name)}
    kept -= GENERIC
    extra = from_jieba(jieba_names(args.jieba_dict), kept) if args.jieba_dict else set()
    chars = "".join(sorted(kept | extra))
    path = ROOT / "mtcheck/data/zh/transliteration_chars.txt"
    jieba = (f"# or the one other character in at least {MIN_JIEBA} transliterated names (nrt) of jieba 0.42.1's "
             f"dict.txt ({len(extra)}: {''.join(sorted(extra))});\n") if extra else ""
    header = ("# Han characters Chinese uses to transliterate foreign names (译名用字): each in at least "
              f"{MIN_NAMES} of CLDR's Chinese city\n# (time-zone exemplar), language, territory and currency names, "
              "or in a zh rendering of mtcheck/data/names/{renderings,observed}.tsv;\n"
              f"{jieba}"
              "# characters that translate a part of a name "
              "(国, 岛, 圣, 新, 语...) left out.\n# Written by scripts/zh_transliteration_chars.py; do not edit "
              "by hand.\n")
    text = header + "".join(chars[i:i + 60] + "\n" for i in range(0, len(chars), 60))
    path.write_text(text, encoding="utf-8")
    print(f"{len(chars)} characters -> {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
