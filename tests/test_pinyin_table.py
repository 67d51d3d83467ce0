"""mtcheck.text.pinyin answers as pypinyin.lazy_pinyin, from its cached table or, without one, pypinyin."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from pypinyin import lazy_pinyin as library

from mtcheck.text import pinyin
from tests.helpers import FIXTURES


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    pinyin._table.cache_clear()
    yield tmp_path / "cache"
    pinyin._table.cache_clear()


def _fixture_lines() -> list[str]:
    """Every line of the fixtures that holds a Han character: news sentences of the rules' fixtures."""
    lines = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix in (".toml", ".jsonl", ".txt") and path.is_file():
            lines += [ln for ln in path.read_text(encoding="utf-8").splitlines()
                      if any("\u4e00" <= ch <= "\u9fff" for ch in ln)]
    return lines


# Polyphonic characters read by the phrase around them (长 in 市长 / 长江, 重 in 重庆 / 重要, 行 in 银行 / 行人),
# phrases that overlap (中国人民银行), characters outside the BMP, 〇, and text around them.
_ODD = ["", "〇", "中\n", "abc中国人 Rutte", "𠀀𠀁", "长江市长", "重庆重要", "银行行人", "中国人民银行行长",
        "\u3007二\ue815", "吕特说：“我们”", "   ", "荷兰首相马克·吕特（Mark Rutte）"]


def test_the_table_reads_as_pypinyin(fresh_cache: Path) -> None:
    lines = _fixture_lines()
    assert len(lines) > 100
    mine = [pinyin.lazy_pinyin(x) for x in lines + _ODD]
    assert pinyin._table() is not None and list(fresh_cache.glob("pinyin-*.sqlite"))
    assert mine == [library(x) for x in lines + _ODD]
    # Random pieces of those lines, and two phrases of pypinyin's dictionary one after the other (where the
    # forward maximum matching must choose where one ends), starting anywhere.
    from pypinyin.constants import PHRASES_DICT

    rnd = random.Random(17)
    text = "".join(lines)
    phrases = list(PHRASES_DICT)
    pieces = [text[a:a + rnd.randrange(1, 12)] for a in (rnd.randrange(len(text)) for _ in range(1500))]
    pieces += [(rnd.choice(phrases) + rnd.choice(phrases))[rnd.randrange(2):] for _ in range(1500)]
    assert [pinyin.lazy_pinyin(x) for x in pieces] == [library(x) for x in pieces]
    # A second process (here: the table object dropped) reads the file it built.
    pinyin._table.cache_clear()
    assert [pinyin.lazy_pinyin(x) for x in lines[:50]] == mine[:50]


def test_without_a_writable_cache_pypinyin_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(blocked / "cache"))
    pinyin._table.cache_clear()
    try:
        assert pinyin._table() is None
        text = "荷兰首相吕特"
        assert pinyin.lazy_pinyin(text) == library(text) == ["he", "lan", "shou", "xiang", "lv", "te"]
    finally:
        pinyin._table.cache_clear()


def test_a_table_removed_under_a_forked_process_falls_back(fresh_cache: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    text = "荷兰首相吕特抵达基辅"
    assert pinyin.lazy_pinyin(text) == library(text)
    table = pinyin._table()
    assert table is not None
    for f in fresh_cache.glob("pinyin-*.sqlite"):
        f.unlink()
    table.words.clear()
    table.chars.clear()
    monkeypatch.setattr(table, "pid", -1)  # as after a fork: the connection is opened again, and fails
    assert pinyin.lazy_pinyin(text) == library(text)
