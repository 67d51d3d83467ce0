"""A Chinese run of transliteration characters ends where a common word starts (renderings.whole_run, round 16)."""

from __future__ import annotations

from mtcheck.model import Span
from mtcheck.text.renderings import transliteration_chars, whole_run


def test_a_run_ends_before_a_common_word_that_starts_with_a_transliteration_character():
    assert "西" in transliteration_chars("zh")
    assert whole_run("下加州索维诺拉西北部", Span(3, 7), "zh")  # 西北 "northwest" (ntrex128 dev, Sonora garbled)
    assert whole_run("吉蒂利德科学公司", Span(0, 4), "zh")  # 科学 "science" (tico19 dev, Gilead garbled)


def test_a_run_starts_after_a_common_word_that_ends_with_one():
    assert "理" in transliteration_chars("zh")
    assert whole_run("总理莫里森表示", Span(2, 5), "zh")  # 总理 "prime minister"


def test_a_listed_rendering_is_not_cut():
    # 普通 "ordinary" starts with the last character of 特朗普 (Trump), which the names table lists
    assert not whole_run("唐纳德·特朗普通过新闻秘书", Span(4, 6), "zh")


def test_a_cut_run_holds_no_common_word():
    # 爱丁堡治安 of 爱丁堡治安法庭: 法庭 "court" starts after it, but 治安 "public order" is inside
    assert not whole_run("于爱丁堡治安法庭受审", Span(1, 6), "zh")
    # nor a pair as common as a word's beside a word (布雷 4.0 of 布雷坚决, "Brett firmly", cut short from 布雷特)
    assert not whole_run("布雷坚决否认", Span(0, 2), "zh")


def test_a_run_inside_a_run_of_name_characters_is_still_none():
    assert not whole_run("亚利桑那州", Span(1, 3), "zh")
