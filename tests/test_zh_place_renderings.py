"""How many renderings of a gazetteer place a Chinese paragraph writes (names_script._rendered_count)."""

from __future__ import annotations

from mtcheck.rules.names_script import _rendered_count
from mtcheck.text.spans import Span


def test_nested_renderings_of_one_place_count_once():
    # 巴厘 and 巴厘岛 are both listed for Bali; one 巴厘岛 is one rendering (FLORES wikinews/0128)
    text = "巴厘岛会议议程中的其他议题还包括拯救世界上剩余的森林。"
    assert _rendered_count(text, Span(0, len(text)), ("巴厘", "巴厘岛"), "zh") == 1


def test_separate_renderings_each_count():
    text = "“威尔士政府 2017 年法案”赋予“威尔士国民议会”更改其名称的权力。"
    assert _rendered_count(text, Span(0, len(text)), ("威尔士",), "zh") == 2


def test_other_scripts_count_a_span_once_too():
    # Round 14: Japanese and Arabic count a span once as well (الفاتيكان was counted as الفاتيكان and فاتيكان,
    # and a garbled second mention beside it looked rendered; docs/quality.md, round 14, engineer D)
    text = "バチカン市国のバチカン"
    assert _rendered_count(text, Span(0, len(text)), ("バチカン", "バチカン市国"), "ja") == 2
    text = "مدينة الفاتيكان"
    assert _rendered_count(text, Span(0, len(text)), ("الفاتيكان", "فاتيكان"), "ar") == 1
