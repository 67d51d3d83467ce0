"""A Chinese rendering with fewer characters than its name has syllables (names_zh_short.fewer_syllables)."""

from __future__ import annotations

from mtcheck.registry import by_code
from mtcheck.rules.names_zh_short import coda_start, fewer_syllables, syllables
from mtcheck.text.article import ArticlePair

# flores200 devtest wikivoyage/0774 (dev half), 塔马基 (Tamaki) garbled as 塔基 by scripts/inject.py
TAMAKI_SOURCE = ("Pantai Tamaki Drive berada di pinggiran kota kelas atas Mission Bay dan St Heliers di Central "
                 "Auckland.")
TAMAKI_TARGET = ("塔基大道 (Tamaki Drive) 海滩就在奥克兰中部的米森湾 (Mission Bay) 和圣赫里尔斯 (St Heliers) "
                 "的高档郊区。")


def _found(source: str, target: str, lang: str = "zh") -> list[str]:
    pair = ArticlePair(source, target, lang)
    return [pair.target[f.target_span.start:f.target_span.end] for f in fewer_syllables(by_code("MT201")(), pair)]


def test_syllables_are_runs_of_vowel_letters():
    assert syllables("Tamaki") == 3
    assert syllables("Montevideo") == 4  # eo: one run
    assert syllables("Louis") == 1
    assert syllables("Lynn") == 1  # y without a vowel after it is a vowel
    assert syllables("Yasmin") == 2  # y before a vowel is a consonant
    assert syllables("Blake") == 1  # a final e after a consonant is silent
    assert syllables("Holyoke") == 2
    assert syllables("Zoe") == 1


def test_a_rendering_a_syllable_short_is_reported():
    assert _found(TAMAKI_SOURCE, TAMAKI_TARGET) == ["塔基"]


def test_the_full_rendering_is_not():
    assert _found(TAMAKI_SOURCE, TAMAKI_TARGET.replace("塔基", "塔马基")) == []


def test_a_short_run_written_twice_is_the_translators():
    assert _found(TAMAKI_SOURCE, TAMAKI_TARGET + " 塔基大道很美。") == []


def test_other_languages_are_left_alone():
    assert _found(TAMAKI_SOURCE, "タキ・ドライブのビーチは、オークランド中心部の高級郊外にある。", "ja") == []


def _coda(source: str, target: str) -> list[str]:
    pair = ArticlePair(source, target, "zh")
    return [pair.target[f.target_span.start:f.target_span.end] for f in coda_start(by_code("MT201")(), pair)]


def test_a_run_that_starts_with_er_has_lost_its_first_syllable():
    # written for mtcheck, after ntrex128 dailymail.co.uk.298622 (dev half): 科尔宾 (Corbyn) less its 科
    assert _coda("Jeremy Corbyn berbicara kepada para pemilih muda.", "杰里米·尔宾对年轻选民发表讲话。") == ["尔宾"]


def test_a_word_across_er_is_no_rendering():
    # 偶尔 "sometimes": 尔会 sounds like Lewis, but its 尔 is a word's (written for mtcheck)
    assert _coda("Harvey Lewis kadang-kadang merasa nyeri dada.", "哈维有时胸痛，我偶尔会有胸痛。") == []
