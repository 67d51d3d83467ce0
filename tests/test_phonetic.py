"""The phonetic distance between a Latin name and its transliteration (mtcheck/text/phonetic.py)."""

import pytest

from mtcheck.text.phonetic import GARBLED, rendering_cost
from mtcheck.text.transliterate import scored_names


@pytest.mark.parametrize(("name", "rendering"), [
    # Xinhua writes an m before b or p with the nasal final pinyin has (n or ng)
    ("Trump", "特朗普"), ("Campbell", "坎贝尔"), ("Simpson", "辛普森"), ("Colombia", "哥伦比亚"),
    ("Zimbabwe", "津巴布韦"), ("Gambia", "冈比亚"),
    # an English initial th is a t
    ("Thompson", "汤普森"), ("Thomas", "托马斯"),
])
def test_regular_chinese_renderings_cost_less_than_a_consonant(name: str, rendering: str) -> None:
    assert rendering_cost(name, rendering, "zh") < GARBLED


@pytest.mark.parametrize(("name", "garble"), [("Trump", "特朗晋"), ("Thompson", "汤普林"), ("Campbell", "坎贝勒斯")])
def test_chinese_garbles_cost_a_consonant(name: str, garble: str) -> None:
    assert rendering_cost(name, garble, "zh") >= GARBLED


def test_initial_th_name_is_found_from_its_t() -> None:
    text = "歌手莎拉·汤普森说"
    found = {(text[s.start:s.end], n) for _, s, n in scored_names(text, ["Thompson"], "zh", 0.8)}
    assert ("汤普森", "Thompson") in found
