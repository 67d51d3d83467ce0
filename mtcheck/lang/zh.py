"""Chinese target pack: sentences end in 。！？, words are characters (counted one by one)."""

from mtcheck.lang.base import LanguagePack, cjk_words, data_lines

PACK = LanguagePack(
    code="zh",
    name="Chinese",
    abbreviations=frozenset(data_lines("zh", "abbreviations.txt")),
    function_words=frozenset(data_lines("zh", "function_words.txt")),
    cjk_terminators="。！？",
    brackets=(("(", ")"), ("（", "）"), ("[", "]"), ("【", "】")),
    quotes=(("“", "”"), ('"', '"'), ("「", "」"), ("《", "》")),
    words=cjk_words,
    latin_script=False,
)
