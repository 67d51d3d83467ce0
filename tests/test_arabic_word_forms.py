"""Arabic word forms are no renderings of a name (mtcheck/text/renderings.py `_name_like`): a common stem
with an affix is a word of the language; a garble with an ending is not (round 10)."""

import pytest

from mtcheck.text.renderings import _name_like


@pytest.mark.parametrize("word", ["توجيهنا", "سيتركها", "مجففات", "لفافات"])
def test_an_arabic_word_form_is_not_name_like(word: str) -> None:
    # a common stem with a pronoun suffix, a future prefix or a plural ending (round 10: minor MT201 findings
    # on clean dev articles, judged as renderings of capitalised source words)
    assert not _name_like(word, "ar")


@pytest.mark.parametrize("word", ["مارتيي", "اشدين", "سوفيتيضة", "تبتيجة"])
def test_a_garble_with_an_ending_stays_name_like(word: str) -> None:
    # garbles (dev rows): a nisba's ي alone, a three-letter stem, a stem no word list knows
    assert _name_like(word, "ar")


def test_the_naming_word_of_a_rendering_of_several_is_searched() -> None:
    # مدينة الفاتيكان (Kota Vatikan): الفاتيكان names the place; مدينة "city", الولايات المتحدة "the United
    # States" are common words, whose one-letter neighbours (المتحدث "spokesman") are words too
    from mtcheck.rules.names_script import _name_parts

    assert _name_parts(("مدينة الفاتيكان",), "ar") == ("الفاتيكان",)
    assert _name_parts(("الولايات المتحدة",), "ar") == ()
    assert _name_parts(("ساموا",), "ar") == ()
