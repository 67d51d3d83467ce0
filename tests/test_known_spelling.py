"""The known-spelling judge (mtcheck/text/known_spelling.py): a rendering unknown to the word list, one
letter from a spelling the list knows that renders the name at least as well. Real renderings from the
corpora's dev half: garbles the injector made and clean renderings of the sibling translations."""

import pytest

from mtcheck.text.known_spelling import known_spelling


@pytest.mark.parametrize(("name", "garble", "spelling"), [
    ("Reagan", "ريجنان", "ريجان"),  # an n added: the skeleton squeezes r-j-n-n to r-j-n
    ("Yorkshire", "يووكشير", "يوركشير"),  # ر for a second و: a vowel letter the skeleton drops
    ("Kavanaugh", "كافهنو", "كافانو"),  # ه for ا: Arabic ه has no consonant in the table
    ("Kruger", "クルーガトー", "クルーガー"),  # an added t (a cheap operation of the ja table until round 9)
    ("Jamie", "ジェイミユー", "ジェイミー"),  # a vowel kana added
    # another vowel of the kana's row (round 13): the skeleton's consonant is the same, the sound is not
    ("Berber", "ベルビル", "ベルベル"),
    ("Aristoteles", "アリストテルス", "アリストテレス"),
    ("Steven", "スディーヴン", "スティーヴン"),  # a voicing, listed as cheap for the skeleton
    # an Arabic long vowel dropped (round 13): the plene spelling is never nearer in vowels by vowel_cost
    ("Antoinette", "أنطوانت", "أنطوانيت"),
    ("Kruger", "كرغر", "كروغر"),
    # a letter that starts no proclitic put before the rendering (round 13)
    ("Houghton", "يهوتون", "هوتون"),
    ("Gibson", "هجبسون", "جبسون"),
])
def test_a_garble_one_letter_from_a_known_spelling(name: str, garble: str, spelling: str) -> None:
    lang = "ja" if garble[0] >= "\u30a0" else "ar"
    assert known_spelling(name, garble, lang) == spelling


@pytest.mark.parametrize(("name", "rendering", "lang"), [
    ("Reagan", "ريجان", "ar"),  # the known spelling itself
    ("Dionisio", "ديونيسيو", "ar"),  # ديونيسيوس (2.4) is further from the name: its s is no letter of Dionisio
    ("Kariwa", "كاريوا", "ar"),  # كاريا drops the name's w
    ("Muskoka", "مسكوكا", "ar"),  # مسكوا (2.3) drops one of the name's two k
    ("Tayyip", "タイップ", "ja"),  # タイアップ ("tie-up", 3.5) is a word, not the name's spelling
    ("Tennent", "テネント", "ja"),
    ("Berber", "ベルベル", "ja"),
    ("Reagan", "ريجنان", "fr"),  # no band for the language: the judge is off
])
def test_clean_renderings_have_no_known_spelling(name: str, rendering: str, lang: str) -> None:
    assert known_spelling(name, rendering, lang) is None
