"""MT201's one-off judge on a Japanese garble that splits into two loanwords (round 14): モンビデオ (モン +
ビデオ "video") beside モンテビデオ, each written once, in FLORES-200 devtest wikivoyage/0760 (dev half). The
names table harvested from the dev half (names/observed.tsv) lists モンテビデオ, so the test reads without it,
as a name no table has seen."""

from collections.abc import Iterator

import pytest

from mtcheck.registry import by_code
from mtcheck.text import renderings
from mtcheck.text.article import ArticlePair

SOURCE = ("Lantaran Montevideo berada di selatan garis khatulistiwa, musim panas di sana bertepatan dengan musim "
          "dingin di Belahan Bumi Utara dan sebaliknya. Montevideo berada di daerah subtropis; pada bulan-bulan "
          "musim panas, suhu di atas 30°C biasa terjadi.")
TARGET = ("{}は赤道の南にあるので、北半球が冬になると夏になり、北半球が夏になると冬になるのです。 "
          "モンテビデオは亜熱帯にあり、夏季には30℃を上回る気温が一般的です。")


@pytest.fixture
def without_observed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    present = renderings.data_exists
    monkeypatch.setattr(renderings, "data_exists", lambda *parts: parts[-1] != "observed.tsv" and present(*parts))
    renderings.known_renderings.cache_clear()
    yield
    monkeypatch.undo()
    renderings.known_renderings.cache_clear()


def _mt201(target: str) -> list[str]:
    rule = by_code("MT201")
    rule = rule() if isinstance(rule, type) else rule
    pair = ArticlePair(SOURCE, target, "ja")
    return [pair.target[f.target_span.start:f.target_span.end] for f in rule.check(pair) if f.target_span]


def test_two_loanwords_with_a_consonant_more_than_the_other_rendering_are_a_garble(without_observed: None) -> None:
    assert _mt201(TARGET.format("モンビデオ")) == ["モンビデオ"]


def test_the_name_written_twice_the_same_is_silent(without_observed: None) -> None:
    assert _mt201(TARGET.format("モンテビデオ")) == []
