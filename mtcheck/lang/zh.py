"""Chinese target pack: sentences end in 。！？, words are characters (counted one by one)."""

from mtcheck.lang.base import LanguagePack, abbreviation_lists, cjk_words, data_lines

_ABBREVIATIONS, _FINAL_ABBREVIATIONS = abbreviation_lists("zh")

PACK = LanguagePack(
    code="zh",
    name="Chinese",
    abbreviations=_ABBREVIATIONS,
    final_abbreviations=_FINAL_ABBREVIATIONS,
    function_words=frozenset(data_lines("zh", "function_words.txt")),
    cjk_terminators="。！？",
    brackets=(("(", ")"), ("（", "）"), ("[", "]"), ("【", "】")),
    quotes=(("“", "”"), ('"', '"'), ("「", "」"), ("《", "》")),
    words=cjk_words,
    latin_script=False,
)
