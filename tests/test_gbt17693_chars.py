"""scripts/zh_gbt17693_chars.py: the characters of GB/T 17693's tables as CLDR's transforms encode them."""

from __future__ import annotations

from mtcheck.text.renderings import transliteration_chars
from scripts.zh_gbt17693_chars import rule_characters, select

# Lines of CLDR's common/transforms/ru-zh.xml (GB/T 17693.4-2009 表 1), as written there.
RU_ZH = """
# Special exceptions, per GB/T 17693.4-2009 表 1, 注 8:
бург } $bow       → 堡 ;
пэн } $not_vowel   → 彭 ;
пэ                 → 佩 ;
дао                → 道 ;
жан } $not_vowel   → 然 ;
тчуй               → 崔 ;
## $not_vowel { л     → 勒 ;  ## FIXME: Figure out if/when this applies.
ъ                  → ;
"""


def test_rule_characters_reads_right_hand_sides_only():
    # 勒 is in a comment; ъ maps to nothing; Cyrillic is on the left
    assert rule_characters(RU_ZH) == set("堡彭佩道然崔")


def test_select_leaves_out_known_generic_and_common_characters():
    # 堡 and 佩 are known already; 道 translates a part of a name (province); 然 (zipf 4.5) is a common word
    assert select(set("堡彭佩道崔然"), frozenset("堡佩")) == ["崔", "彭"]
    assert select(set("然"), frozenset(), max_zipf=5.0) == ["然"]


def test_shipped_characters_are_transliteration_characters():
    chars = transliteration_chars("zh")
    assert {"彭", "崔", "廖"} <= chars
    assert not {"道", "让", "曾"} & chars
