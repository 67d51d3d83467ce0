"""CC-CEDICT's transliterated names as MT201's dictionary of Chinese renderings (scripts/zh_dictionary_names.py,
mtcheck/data/names/dictionary_zh.tsv)."""

from __future__ import annotations

import sys

from mtcheck.text.renderings import dictionary_renderings
from tests.helpers import ROOT

sys.path.insert(0, str(ROOT))
from scripts.zh_dictionary_names import build

# Real CC-CEDICT lines (version of 2020-12-21).
SAMPLE = """\
# CC-CEDICT
基辛格 基辛格 [Ji1 xin1 ge2] /Henry Kissinger (1923-), US academic and politician, Secretary of State 1973-1977/
伊麗莎白 伊丽莎白 [Yi1 li4 sha1 bai2] /Elizabeth (name)/
杭州 杭州 [Hang2 zhou1] /Hangzhou subprovincial city and capital of Zhejiang province/
薩克斯 萨克斯 [sa4 ke4 si1] /sax/saxophone/
"""


def test_a_definitions_name_is_kept_only_where_the_headword_renders_it(tmp_path) -> None:
    path = tmp_path / "cedict.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    table, _ = build(path)
    assert table["kissinger"] == ["基辛格"]
    assert table["elizabeth"] == ["伊丽莎白"]  # the word the definition starts with
    assert "henry" not in table and "us" not in table  # other words of the definition: not rendered
    assert "hangzhou" not in table and "zhejiang" not in table  # a Chinese name spelt in pinyin
    assert "sax" not in table  # no proper noun (lower-case pinyin)


def test_the_shipped_dictionary_lists_common_renderings() -> None:
    zh = dictionary_renderings("zh")
    assert "基辛格" in zh["kissinger"]
    assert "威尔士" in zh["wales"]
    assert dictionary_renderings("ja") == {}
