"""Japanese target pack: sentences end in 。！？, quotes are 「」 and 『』, words are characters."""

from mtcheck.lang.base import LanguagePack, abbreviation_lists, cjk_words, data_lines

_ABBREVIATIONS, _FINAL_ABBREVIATIONS = abbreviation_lists("ja")

PACK = LanguagePack(
    code="ja",
    name="Japanese",
    abbreviations=_ABBREVIATIONS,
    final_abbreviations=_FINAL_ABBREVIATIONS,
    function_words=frozenset(data_lines("ja", "function_words.txt")),
    cjk_terminators="。！？",
    brackets=(("(", ")"), ("（", "）"), ("[", "]"), ("【", "】")),
    quotes=(("「", "」"), ("『", "』"), ("“", "”"), ('"', '"')),
    words=cjk_words,
    latin_script=False,
)
