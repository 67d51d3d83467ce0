"""The syllable judge of Chinese renderings (mtcheck/text/zh_syllables.py): Latin units, pinyin parts, and
the cost of each character of a rendering against its name, on real renderings and the garbles of them the
dev half's injector wrote."""

from mtcheck.text import zh_syllables as zs


def test_units_keep_consonant_digraphs_and_a_coda_ng():
    assert zs.units("Schengen") == ("sch", "e", "n", "g", "e", "n")
    assert zs.units("Wenliang") == ("w", "e", "n", "l", "i", "a", "ng")
    # ng before a vowel is two consonants (Langone: 朗格尼)
    assert zs.units("Langone") == ("l", "a", "n", "g", "o", "n", "e")


def test_splits_of_a_chunk():
    assert zs.splits(("t", "o")) == (("t", "o"),)
    # a consonant alone: its own default vowel (斯 for s), or the final of a character without an initial (恩)
    assert zs.splits(("s",)) == (("s", "_s"), ("", "s"))
    assert zs.split_syllable("lin") == ("l", "in")
    assert zs.split_syllable("er") == ("", "er")
    assert zs.split_syllable("yang") == ("y", "ang")


def test_the_table_is_shipped():
    assert zs.table() is not None


def _worst(name: str, rendering: str) -> float:
    return zs.worst_syllable(name, rendering)


def test_a_changed_final_costs_more_than_the_rendering():
    # garbles of dev-half renderings that keep every consonant: another vowel, a nasal final added
    for name, good, bad in (("Roma", "罗马", "罗梅"), ("Tornillo", "托尼洛", "泰尼洛"), ("Raju", "拉朱", "朗朱"),
                            ("Sacks", "萨克斯", "萨克苏"), ("Pelley", "佩利", "彭利")):
        assert _worst(name, bad) >= 4.5 > _worst(name, good), (name, good, bad)


def test_a_character_that_renders_no_letter():
    assert _worst("Lealofi", "康利罗菲") >= zs.INSERTED - 1e-9
    assert _worst("Lealofi", "利罗菲") < 4.5


def test_homophones_cost_the_same():
    # 斯塔默 and 斯塔莫 (Starmer) read alike: a variant, not a garble
    assert zs.syllable_costs("Starmer", "斯塔默") == zs.syllable_costs("Starmer", "斯塔莫")


def test_no_reading_no_judgement():
    assert zs.syllable_costs("Roma", "Roma") == ()
    assert _worst("Roma", "") == 0.0
